/**
 * Settings → Destinations in real Chromium: an admin adds a webhook, copies its secret once,
 * sends a test the receiver verifies, pauses and resumes it, and reads its deliveries; an agent
 * who is not an admin has no Settings tab; a link from a forwarded event opens the complaint.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.mjs';
import { addAgent, PASSWORD } from '../support/agents';
import { startWebhookReceiver, type HttpPeer } from '../support/forwarding-peers.ts';
import { launchChromium } from './support/chromium';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let app: ReturnType<typeof createApp>;
let base: string;
let ada: Awaited<ReturnType<typeof addAgent>>;
let mia: Awaited<ReturnType<typeof addAgent>>;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  const store = createSqliteStore({ path: ':memory:' });
  app = createApp({ store, allowedOrigins: [], rateLimit: 0, jobs: { allowPrivate: true, retrySchedule: [1], pollMs: 50 } });
  app.addHook('onClose', async () => store.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  ada = await addAgent(store, { name: 'Ada', email: 'ada@shop.example', role: 'admin' });
  mia = await addAgent(store, { name: 'Mia', email: 'mia@shop.example' });
  return () => app.close();
});

async function signIn(path = '/inbox/', email = ada.email): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${base}${path}`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('body[data-live="live"]').waitFor();
  return page;
}

describe('Settings → Destinations in Chromium', () => {
  let receiver: HttpPeer | undefined;
  afterAll(() => receiver?.close());

  it('adds a webhook, shows its secret once, tests, pauses and resumes it, and lists its deliveries', async () => {
    const page = await signIn();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByText('No destinations yet').waitFor();

    await page.getByLabel('Kind').selectOption('webhook');
    await page.getByLabel('Name', { exact: true }).fill('Help desk');
    // The secret is made by the server; the receiver learns it from the page, as an admin would copy it.
    const port = await new Promise<number>((resolve) => {
      const server = require('node:net').createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port: free } = server.address();
        server.close(() => resolve(free));
      });
    });
    await page.getByLabel('URL', { exact: true }).fill(`http://127.0.0.1:${port}/hook`);
    await page.getByRole('button', { name: 'Add destination' }).click();
    const secret = (await page.locator('#new-secret-value').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    receiver = await startWebhookReceiver(secret, undefined, port);

    const row = page.locator('#destinations tbody tr');
    await expect.poll(() => row.locator('td').nth(0).textContent()).toContain('Standard Webhooks');
    expect(await row.textContent()).toContain(`whsec_…${secret.slice(-4)}`);
    // Shown once: after a reload, the page holds only the last four characters.
    await page.reload();
    await page.locator('body[data-live="live"]').waitFor();
    await page.getByRole('button', { name: 'Settings' }).click();
    await row.waitFor();
    expect(await page.content()).not.toContain(secret);

    await row.getByRole('button', { name: 'Send a test' }).click();
    await expect.poll(() => page.locator('#settings-status').textContent()).toBe('Help desk accepted the test.');
    expect(receiver.accepted()).toHaveLength(1);

    await row.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => row.locator('td').nth(3).textContent()).toBe('Paused by an admin');
    const record = sampleComplaint();
    const posted = await fetch(`${base}/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) });
    expect(posted.status).toBe(201);
    await row.getByRole('button', { name: 'Deliveries' }).click();
    await expect.poll(() => page.locator('#deliveries tbody tr td').nth(2).textContent()).toBe('held');

    await row.getByRole('button', { name: 'Resume' }).click();
    await receiver.waitForAccepted(2);
    await expect.poll(async () => {
      await row.getByRole('button', { name: 'Deliveries' }).click();
      return page.locator('#deliveries tbody tr td').nth(2).textContent();
    }).toBe('done');

    await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
      return (await axe.run(document)).violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
    });
    expect(violations).toEqual([]);
    await page.close();
  });

  it('shows an agent who is not an admin no Settings tab', async () => {
    const page = await signIn('/inbox/', mia.email);
    await expect.poll(() => page.locator('#who').textContent()).toBe('Signed in as Mia');
    expect(await page.getByRole('button', { name: 'Settings' }).isHidden()).toBe(true);
    expect(await page.locator('#settings-view').isHidden()).toBe(true);
    await page.close();
  });

  it('opens the complaint a forwarded link points to, after signing in', async () => {
    const record = sampleComplaint();
    await fetch(`${base}/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) });
    const page = await signIn(`/inbox/#complaint=${record.id}`, mia.email);
    await expect.poll(() => page.locator('#detail-title').textContent()).toBe(`Complaint ${record.reference}`);
    await page.close();
  });
});
