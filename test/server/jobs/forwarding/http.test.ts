import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDestinationUrl, createPoster, isPublicAddress } from '../../../../server/jobs/forwarding/http.mjs';

const servers: Server[] = [];
const requests: string[] = [];

function listen(handler: Parameters<typeof createServer>[1]): Promise<number> {
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    handler!(request, response);
  });
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

afterEach(async () => {
  requests.length = 0;
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => {
    server.closeAllConnections();
    server.close(done);
  })));
});

const body = JSON.stringify({ hello: 'world' });

describe('outgoing requests to destinations', () => {
  it('refuses loopback, private and link-local addresses, by literal or by name after DNS resolution', async () => {
    const port = await listen((_request, response) => response.end('ok'));
    const post = createPoster();
    for (const url of [`http://127.0.0.1:${port}/`, `http://localhost:${port}/`, `http://[::1]:${port}/`, 'http://169.254.169.254/latest/meta-data', 'http://10.1.2.3/', 'http://[::ffff:7f00:1]/']) {
      await expect(post(url, { body, headers: {} }), url).rejects.toMatchObject({ code: 'private-address' });
    }
    expect(requests).toEqual([]);
  });

  it('reaches a loopback destination when private destinations are allowed', async () => {
    const port = await listen((_request, response) => response.writeHead(204).end());
    const answer = await createPoster({ allowPrivate: true })(`http://localhost:${port}/in`, { body, headers: {} });
    expect(answer.status).toBe(204);
    expect(requests).toEqual(['POST /in']);
  });

  it('never follows a redirect to another host, and follows one on the same host', async () => {
    const elsewhere = await listen((_request, response) => response.end('should not be reached'));
    const port = await listen((request, response) => {
      if (request.url === '/away') response.writeHead(307, { location: `http://localhost:${elsewhere}/stolen` }).end();
      else if (request.url === '/moved') response.writeHead(308, { location: '/new' }).end();
      else response.writeHead(200).end();
    });
    const post = createPoster({ allowPrivate: true });
    await expect(post(`http://127.0.0.1:${port}/away`, { body, headers: {} })).rejects.toMatchObject({ code: 'redirect-refused', message: 'Redirect (307) to another host refused' });
    expect((await post(`http://127.0.0.1:${port}/moved`, { body, headers: {} })).status).toBe(200);
    expect(requests).toEqual(['POST /away', 'POST /moved', 'POST /new']);
  });

  it('gives up on a destination that does not answer', async () => {
    const port = await listen(() => {
      // never answers
    });
    const post = createPoster({ allowPrivate: true, timeoutMs: 300 });
    await expect(post(`http://127.0.0.1:${port}/slow`, { body, headers: {} })).rejects.toMatchObject({ code: 'timeout' });
  });

  it('keeps the URL out of the error, since a chat webhook URL is itself a secret', async () => {
    const error = await createPoster()('http://10.0.0.1/services/T000/B000/XXXXsecretXXXX', { body, headers: {} }).catch((caught: Error) => caught);
    expect(String((error as Error).message)).not.toContain('secret');
  });
});

describe('destination URLs as an admin saves them', () => {
  it('accepts public https URLs and refuses other schemes, credentials and literal private addresses', () => {
    expect(checkDestinationUrl('https://hooks.shop.example/heard').ok).toBe(true);
    expect(checkDestinationUrl('ftp://hooks.shop.example/')).toEqual({ ok: false, message: 'The URL must start with https:// or http://.' });
    expect(checkDestinationUrl('https://user:pass@hooks.shop.example/')).toMatchObject({ ok: false });
    expect(checkDestinationUrl('http://192.168.1.10/hook')).toMatchObject({ ok: false });
    expect(checkDestinationUrl('http://0x7f.1/hook')).toMatchObject({ ok: false });
    expect(checkDestinationUrl('http://localhost:3000/hook')).toMatchObject({ ok: false });
    expect(checkDestinationUrl('http://localhost:3000/hook', { allowPrivate: true }).ok).toBe(true);
    expect(checkDestinationUrl('not a url')).toMatchObject({ ok: false });
  });

  it('knows which addresses are public', () => {
    expect(isPublicAddress('93.184.215.14')).toBe(true);
    expect(isPublicAddress('2606:2800:21f:cb07:6820:80da:af6b:8b2c')).toBe(true);
    for (const address of ['127.0.0.1', '10.0.0.1', '172.20.1.1', '192.168.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1']) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });
});
