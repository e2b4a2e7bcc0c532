import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../../server/app.mjs';
import { createSqliteStore } from '../../../server/store/sqlite/sqlite-store.mjs';
import type { ComplaintRecord } from '../../../widget/src/record/record';

/** The built one-tag loader; `npm test` builds it before the browser tests run. */
export const WIDGET_FILE = join(import.meta.dirname, '../../../widget/dist/heard.js');

/**
 * The folder of that build, which the test servers serve. The server's own default is wherever
 * the `heard` package resolves, which in a checkout sharing another's `node_modules` is the other
 * checkout's build: the browser tests would drive a widget other than the one beside them.
 */
export const WIDGET_DIST = join(WIDGET_FILE, '..');

/**
 * Stops a test file that needs the built widget, saying how to build it: a browser test that
 * cannot run fails rather than passing by skipping.
 */
export function assertWidgetBuilt(): void {
  if (!existsSync(WIDGET_FILE)) {
    throw new Error('widget/dist/heard.js is missing: build the widget first with `node widget/scripts/build.mjs` (`npm test` builds it before running the tests).');
  }
}

export { CHROMIUM_ARGS, launchChromium } from './chromium';

/** A host page the test serves at `/host/<name>`, with its own response headers. */
export interface HostPage {
  html: string;
  headers?: Record<string, string>;
}

export interface WidgetServer {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** Serves `page` at `/host/<name>` (and its stylesheet at `/host/<name>.css` when given). */
  page(name: string, page: HostPage, css?: string): string;
  /** Complaint records the receiver stored, oldest first. */
  records(): ComplaintRecord[];
  /** The rating the receiver keeps for a complaint, null when it has none (or no such complaint). */
  csat(id: string): Promise<number | null>;
  close(): Promise<void>;
}

/**
 * The demo receiver (schema-validating, idempotent, SQLite in memory) on loopback, serving the
 * built widget at `/heard.js` and the test's host pages at `/host/<name>`.
 */
export async function startWidgetServer(): Promise<WidgetServer> {
  const sqlite = createSqliteStore({ path: ':memory:' });
  // Every complaint the receiver stores is also kept here, so tests can read them at once.
  const stored: ComplaintRecord[] = [];
  const store: typeof sqlite = {
    ...sqlite,
    async insertRecord(record, meta) {
      const result = await sqlite.insertRecord(record, meta);
      if (result.outcome === 'created' && record.type === 'complaint') stored.push(record);
      return result;
    },
  };
  const origins = new Set<string>();
  const app = createApp({ store, allowedOrigins: origins, rateLimit: 0, distDir: WIDGET_DIST });
  const pages = new Map<string, HostPage>();
  const sheets = new Map<string, string>();
  app.get('/host/:name', (request, reply) => {
    const name = (request.params as { name: string }).name;
    if (name.endsWith('.css') && sheets.has(name)) return reply.type('text/css').send(sheets.get(name));
    const page = pages.get(name);
    if (!page) return reply.code(404).send('no such page');
    reply.headers({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...page.headers });
    return reply.send(page.html);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  origins.add(origin);
  return {
    origin,
    page(name, page, css) {
      pages.set(name, page);
      if (css !== undefined) sheets.set(`${name}.css`, css);
      return `${origin}/host/${name}`;
    },
    records() {
      // Ordered by arrival: the receiver's queue order puts urgent ones first.
      return [...stored].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
    },
    async csat(id) {
      return (await sqlite.getRecord(id))?.csat ?? null;
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** A plain host page carrying the one tag; `attrs` are extra attributes for the script tag. */
export function hostPage({ title = 'Host page', head = '', body = '', attrs = '', lang = 'en' } = {}): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${head}
<script src="/heard.js" data-endpoint="/complaints" ${attrs} async></script>
</head>
<body>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>`;
}

/** What a widget test file shares: one Chromium and one receiver. */
export interface WidgetEnvironment {
  readonly browser: Browser;
  readonly server: WidgetServer;
}

/**
 * Starts one receiver and one Chromium before the file's tests, and closes them after; fails
 * the file's tests when the widget has not been built. `ready` runs once both are up, e.g. to serve the file's host pages.
 */
export function useWidgetEnvironment(ready?: (server: WidgetServer) => void): WidgetEnvironment {
  const env = {} as { browser: Browser; server: WidgetServer };
  beforeAll(async () => {
    assertWidgetBuilt();
    env.server = await startWidgetServer();
    ready?.(env.server);
    env.browser = await launchChromium();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
