import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../widget/src/storage/store';
import { complaint } from '../storage/fixtures';

type Mode = { kind: 'up' } | { kind: 'down' } | { kind: 'hang' } | { kind: 'status'; status: number };

/** The endpoint, scripted by the test; stores by Idempotency-Key like a real receiver. */
const endpoint = {
  mode: { kind: 'up' } as Mode,
  stored: new Map<string, unknown>(),
  posts: new Map<string, number>(),
  acceptedPosts: new Map<string, number>(),
};

let server: Server;
let origin: string;
let browser: Browser;
let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'heard-delivery-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      lib: { entry: resolve(__dirname, 'fixtures/delivery-harness.ts'), formats: ['es'], fileName: () => 'harness.js' },
    },
  });
  const script = await readFile(join(outDir, 'harness.js'), 'utf8');
  server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/harness.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
      return;
    }
    if (request.method === 'GET') {
      response
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end('<!doctype html><title>Delivery harness</title><script type="module" src="/harness.js"></script>');
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const id = String(request.headers['idempotency-key'] ?? '');
      endpoint.posts.set(id, (endpoint.posts.get(id) ?? 0) + 1);
      const mode = endpoint.mode;
      if (mode.kind === 'down') {
        request.socket.destroy();
        return;
      }
      if (mode.kind === 'status') {
        response.writeHead(mode.status).end();
        return;
      }
      if (!endpoint.stored.has(id)) endpoint.stored.set(id, JSON.parse(Buffer.concat(chunks).toString('utf8')));
      if (mode.kind === 'hang') return; // stored, but the answer never comes
      endpoint.acceptedPosts.set(id, (endpoint.acceptedPosts.get(id) ?? 0) + 1);
      response.writeHead(201, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done));
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

async function openPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(origin);
  await page.waitForFunction(() => 'harness' in window);
  return page;
}

const submit = (page: Page, n: number) => page.evaluate((record) => (window as any).harness.submit(record), complaint(n));
const outbox = (page: Page): Promise<OutboxItem[]> => page.evaluate(() => (window as any).harness.outbox());

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((done) => setTimeout(done, 50));
  }
}

describe('delivery in real Chromium', () => {
  it('a complaint finished while the endpoint is down is delivered after it comes back, across a reload', async () => {
    endpoint.mode = { kind: 'down' };
    const context = await browser.newContext();
    const page = await openPage(context);
    expect(await page.evaluate(() => (window as any).harness.kind())).toBe('indexeddb');
    expect(await submit(page, 101)).toBe('queued');
    expect((await outbox(page)).map((item) => item.id)).toEqual([complaint(101).id]);

    await page.reload();
    await page.waitForFunction(() => 'harness' in window);
    expect((await outbox(page)).map((item) => item.id)).toEqual([complaint(101).id]);
    endpoint.mode = { kind: 'up' };
    await until(async () => (await outbox(page)).length === 0);
    expect(endpoint.stored.get(complaint(101).id)).toEqual(complaint(101));
    await context.close();
  });

  it('five tabs open at once produce one delivery per record', async () => {
    endpoint.mode = { kind: 'down' };
    const context = await browser.newContext();
    const first = await openPage(context);
    const ids = [201, 202, 203, 204, 205, 206, 207, 208].map((n) => complaint(n).id);
    for (let n = 201; n <= 208; n += 1) expect(await submit(first, n)).toBe('queued');
    const others = await Promise.all([1, 2, 3, 4].map(() => openPage(context)));
    endpoint.mode = { kind: 'up' };
    await Promise.all([first, ...others].map((page) => page.evaluate(() => window.dispatchEvent(new Event('online')))));
    await until(() => ids.every((id) => endpoint.stored.has(id)));
    await until(async () => (await outbox(first)).length === 0);
    // Every tab looks at the outbox again, after whatever it was doing (start-up, online, lock
    // retries) has finished: none may send a record another tab delivered.
    await Promise.all([first, ...others].map((page) => page.evaluate(() => (window as any).harness.flush())));
    expect(ids.map((id) => endpoint.acceptedPosts.get(id))).toEqual(ids.map(() => 1));
    await context.close();
  });

  it('the page closed in the middle of a POST still ends with exactly one stored record', async () => {
    endpoint.mode = { kind: 'hang' };
    const context = await browser.newContext();
    const page = await openPage(context);
    const id = complaint(301).id;
    void submit(page, 301).catch(() => {});
    await until(() => endpoint.stored.has(id));
    await page.close({ runBeforeUnload: true });
    endpoint.mode = { kind: 'up' };
    const next = await openPage(context);
    await until(async () => (await outbox(next)).length === 0);
    expect([...endpoint.stored.keys()].filter((key) => key === id)).toHaveLength(1);
    expect(endpoint.posts.get(id)).toBeGreaterThanOrEqual(2);
    await context.close();
  });

  it.each([400, 413, 422])('an endpoint answering %i gets at most one request per record and the record is kept', async (status) => {
    endpoint.mode = { kind: 'status', status };
    const context = await browser.newContext();
    const page = await openPage(context);
    const n = 400 + status;
    expect(await submit(page, n)).toBe('rejected');
    await page.reload();
    await page.waitForFunction(() => 'harness' in window);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    // A full look at the outbox, after the one `online` started: a refused record stays put.
    await page.evaluate(() => (window as any).harness.flush());
    const kept = await outbox(page);
    expect(kept.map((item) => [item.id, item.state, item.lastStatus])).toEqual([[complaint(n).id, 'rejected', status]]);
    expect(endpoint.posts.get(complaint(n).id)).toBe(1);
    await context.close();
  });
});
