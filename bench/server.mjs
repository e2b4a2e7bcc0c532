// @ts-check
/**
 * A tiny loopback server for the bench: plain host pages, the built files, the bundled peer
 * widgets, and a complaint endpoint that answers 201 to every POST.
 */
import { createServer } from 'node:http';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = /** @type {Record<string, string>} */ ({
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
});

/**
 * @typedef {{
 *   origin: string,
 *   pages: Map<string, string>,
 *   posts: () => number,
 *   close: () => Promise<void>,
 * }} BenchServer
 */

/**
 * Starts the server on 127.0.0.1 on a free port.
 * @param {{ mounts: Record<string, string> }} options URL prefix (e.g. `/dist/`) → folder
 * @returns {Promise<BenchServer>} `pages` maps a path to HTML the caller sets before navigating
 */
export async function startBenchServer({ mounts }) {
  /** @type {Map<string, string>} */
  const pages = new Map();
  let posts = 0;
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'POST, GET, OPTIONS' };
    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors).end();
      return;
    }
    if (request.method === 'POST') {
      // Drain the body, then acknowledge: the bench measures the client, not a receiver.
      for await (const _chunk of request);
      posts++;
      response.writeHead(url.pathname === '/complaints' ? 201 : 404, { ...cors, 'content-type': 'application/json' }).end('{}');
      return;
    }
    const page = pages.get(url.pathname);
    if (page !== undefined) {
      response.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' }).end(page);
      return;
    }
    for (const [prefix, folder] of Object.entries(mounts)) {
      if (!url.pathname.startsWith(prefix)) continue;
      const relative = normalize(decodeURIComponent(url.pathname.slice(prefix.length)));
      if (relative.startsWith('..')) break;
      try {
        const body = await readFile(join(folder, relative));
        response.writeHead(200, { 'content-type': TYPES[extname(relative)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...cors }).end(body);
        return;
      } catch {
        break;
      }
    }
    response.writeHead(404, cors).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    origin: `http://127.0.0.1:${address.port}`,
    pages,
    posts: () => posts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
