import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintRecord } from '../../widget/src/record/record';
import { launchChromium } from './support/chromium';
import { finishComplaint, sendMessages } from './support/widget-page';
import { hostPage, WIDGET_FILE } from './support/widget-server';

/*
 * Two widgets on one origin with different endpoints (a marketplace with one per seller): a
 * complaint finished on one page must never be posted to the other's endpoint, even while its
 * own endpoint is down and the other page's widget delivers its outbox.
 */


const DIST = join(WIDGET_FILE, '..');

/** What each endpoint answers, and the complaints it accepted (by id). */
const endpoints = {
  a: { status: 503, accepted: new Map<string, ComplaintRecord>(), posts: [] as string[] },
  b: { status: 201, accepted: new Map<string, ComplaintRecord>(), posts: [] as string[] },
};

let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'POST' && (url.pathname === '/a' || url.pathname === '/b')) {
      const endpoint = endpoints[url.pathname === '/a' ? 'a' : 'b'];
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const record = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ComplaintRecord;
        endpoint.posts.push(record.id);
        if (endpoint.status === 201) endpoint.accepted.set(record.id, record);
        response.writeHead(endpoint.status, { 'Content-Type': 'application/json' }).end('{}');
      });
      return;
    }
    const page = /^\/page-(a|b)$/.exec(url.pathname)?.[1];
    if (page) {
      response
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
        .end(hostPage({ title: `Seller ${page.toUpperCase()}` }).replace('data-endpoint="/complaints"', `data-endpoint="/${page}"`));
      return;
    }
    const file = /^\/(heard[\w-]*\.js)$/.exec(url.pathname)?.[1];
    if (file) {
      readFile(join(DIST, file)).then(
        (body) => response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(body),
        () => response.writeHead(404).end(),
      );
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done));
});

async function openPanel(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Raise a complaint' }).click();
  await page.waitForFunction(() => document.querySelector('heard-root')?.shadowRoot?.querySelector<HTMLElement>('.heard-panel')?.hidden === false);
}

async function complain(page: Page, story: string, email: string): Promise<void> {
  await openPanel(page);
  await sendMessages(page, [story]);
  await finishComplaint(page, { name: 'Ana Novak', email });
}

describe("each endpoint's outbox in real Chromium", () => {
  it('a complaint finished on page A never reaches /b; it reaches /a once /a answers 201', async () => {
    const context = await browser.newContext();
    const pageA = await context.newPage();
    await pageA.goto(`${origin}/page-a`);
    await complain(pageA, 'The lamp I bought from seller A arrived with a cracked shade.', 'ana.a@shop.example');
    await expect.poll(() => endpoints.a.posts.length).toBeGreaterThan(0);
    const fromA = endpoints.a.posts[0]!;
    expect(endpoints.a.accepted.size).toBe(0);

    // Page B, same origin, another endpoint: its widget starts, delivers its own complaint, and
    // is told the network came back (a flush of the outbox) while A's complaint still waits.
    const pageB = await context.newPage();
    await pageB.goto(`${origin}/page-b`);
    await complain(pageB, 'The chair from seller B has a wobbly leg since the first day.', 'ana.b@shop.example');
    await expect.poll(() => endpoints.b.accepted.size).toBe(1);
    await pageB.evaluate(() => window.dispatchEvent(new Event('online')));
    await pageB.reload();
    await openPanel(pageB);
    await pageB.evaluate(() => window.dispatchEvent(new Event('online')));
    const fromB = [...endpoints.b.accepted.keys()][0]!;
    expect(fromB).not.toBe(fromA);

    endpoints.a.status = 201;
    await expect.poll(() => endpoints.a.accepted.has(fromA), { timeout: 60_000 }).toBe(true);
    expect(endpoints.a.accepted.get(fromA)?.visitor.email).toBe('ana.a@shop.example');
    // B's endpoint never saw A's visitor: not their complaint, not their address.
    expect(endpoints.b.posts.filter((id) => id === fromA)).toEqual([]);
    expect([...endpoints.b.accepted.values()].map((r) => r.visitor.email)).toEqual(['ana.b@shop.example']);
    await context.close();
  });
});
