/**
 * The inbox as a help desk, in real Chromium: the queue and the open complaint side by side on a
 * wide screen, one after the other on a phone, and the keys an agent works with.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.mjs';
import { addAgent, PASSWORD } from '../support/agents';
import { launchChromium } from './support/chromium';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** How long a poll waits for the page to catch up, on a busy machine. */
const WAIT = { timeout: 10_000 };

let browser: Browser;
let app: ReturnType<typeof createApp>;
let store: ReturnType<typeof createSqliteStore>;
let base: string;
let ada: Awaited<ReturnType<typeof addAgent>>;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  store = createSqliteStore({ path: ':memory:' });
  app = createApp({ store, allowedOrigins: [], rateLimit: 0 });
  app.addHook('onClose', async () => store.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  ada = await addAgent(store, { name: 'Ada', email: 'ada@shop.example', role: 'admin' });
  return () => app.close();
});

/** Two complaints: the critical one first in the queue. */
async function receiveTwo() {
  const records = [
    sampleComplaint({ triage: { urgency: 'critical' }, messages: [{ from: 'visitor', text: 'The kettle handle burnt my hand.', at: new Date().toISOString() }] }),
    sampleComplaint({ submittedAt: new Date(Date.now() - 3600_000).toISOString() }),
  ];
  for (const record of records) {
    const response = await fetch(`${base}/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) });
    expect(response.status).toBe(201);
  }
  return records as [ReturnType<typeof sampleComplaint>, ReturnType<typeof sampleComplaint>];
}

async function signIn(width: number, height = 900, email = ada.email): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(`${base}/inbox/`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('body[data-live="live"]').waitFor();
  return page;
}

async function axeViolations(page: Page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
    return (await axe.run(document)).violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
  });
}

const box = async (page: Page, selector: string) => {
  const found = await page.locator(selector).first().boundingBox();
  expect(found, selector).not.toBeNull();
  return found!;
};
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('the inbox as a help desk', () => {
  it('at 1440 px sets the queue and the complaint side by side: the thread with the reply box under it, the facts beside it, the signal tables folded', async () => {
    const [critical] = await receiveTwo();
    const page = await signIn(1440);
    await page.getByRole('button', { name: critical.reference }).click();
    await expect.poll(() => page.locator('#detail-title').textContent(), WAIT).toBe(`Complaint ${critical.reference}`);
    expect(await focusedId(page)).toBe('detail-title');

    const queue = await box(page, '#queue-view');
    const detail = await box(page, '#detail-view');
    expect(queue.x + queue.width).toBeLessThanOrEqual(detail.x);
    expect(Math.abs(queue.y - detail.y)).toBeLessThan(20);
    // The first screen shows the list, the complaint's thread and its facts at once.
    expect(detail.y).toBeLessThan(900);
    const thread = await box(page, '.complaint-thread');
    const facts = await box(page, '.complaint-facts');
    expect(thread.x + thread.width).toBeLessThanOrEqual(facts.x);
    expect(facts.y).toBeLessThan(900);
    const transcript = await box(page, '#detail-view ol.transcript');
    const reply = await box(page, '#reply-input');
    expect(reply.y).toBeGreaterThan(transcript.y + transcript.height);
    expect(reply.x).toBeLessThan(facts.x);
    expect(await page.locator(`tr[data-id="${critical.id}"]`).getAttribute('aria-current')).toBe('true');

    const signals = page.locator('#detail-view table:has(caption:text("Why triage decided what it did"))');
    expect(await signals.isVisible()).toBe(false);
    await page.getByText(/^Why triage decided what it did \(/).click();
    expect(await signals.isVisible()).toBe(true);
    expect(await page.locator('#triage-compare').isVisible()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('at 375 px shows one column: the list, then the complaint with a way back to the list', async () => {
    const [critical] = await receiveTwo();
    const page = await signIn(375, 800);
    const noSideways = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await page.locator('#queue-view').isVisible()).toBe(true);
    expect(await page.locator('#detail-view').isVisible()).toBe(false);
    await page.getByRole('button', { name: critical.reference }).click();
    await expect.poll(() => page.locator('#detail-title').textContent(), WAIT).toBe(`Complaint ${critical.reference}`);
    expect(await page.locator('#queue-view').isVisible()).toBe(false);
    expect(await noSideways()).toBe(true);
    const thread = await box(page, '.complaint-thread');
    const facts = await box(page, '.complaint-facts');
    expect(facts.y).toBeGreaterThanOrEqual(thread.y + thread.height);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Back to the list' }).click();
    await expect.poll(() => page.locator('#queue-view').isVisible(), WAIT).toBe(true);
    expect(await page.locator('#detail-view').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(critical.reference);
    expect(new URL(page.url()).hash).toBe('');
    await page.close();
  });

  it('works from the keyboard: j and k move through the queue, c claims, r and e go to the reply and the outcome, / to the filters, ? lists the keys', async () => {
    const [critical, older] = await receiveTwo();
    const page = await signIn(1440);
    const title = () => page.locator('#detail-title').textContent();
    await page.keyboard.press('j');
    await expect.poll(title, WAIT).toBe(`Complaint ${critical.reference}`);
    await page.keyboard.press('j');
    await expect.poll(title, WAIT).toBe(`Complaint ${older.reference}`);
    expect(new URL(page.url()).hash).toBe(`#complaint=${older.id}`);
    await page.keyboard.press('k');
    await expect.poll(title, WAIT).toBe(`Complaint ${critical.reference}`);

    await page.keyboard.press('c');
    await page.locator('#detail-view').getByText(/^Claimed by you/).waitFor(WAIT);
    expect(await store.getRecord(critical.id)).toMatchObject({ status: 'claimed', claimedBy: 'Ada' });

    await page.keyboard.press('r');
    expect(await focusedId(page)).toBe('reply-input');
    // Typed into a field, the keys are letters, not shortcuts.
    await page.keyboard.type('just checking');
    expect(await page.locator('#reply-input').inputValue()).toBe('just checking');
    expect(await title()).toBe(`Complaint ${critical.reference}`);
    await page.locator('#reply-input').fill('');
    await page.locator('#detail-title').focus();

    await page.keyboard.press('e');
    expect(await focusedId(page)).toBe('outcome-reply-input');
    expect(await store.getRecord(critical.id)).toMatchObject({ status: 'claimed' });
    await page.locator('#detail-title').focus();
    await page.keyboard.press('/');
    expect(await focusedId(page)).toBe('filter-status');
    await page.locator('#detail-title').focus();

    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor(WAIT);
    expect(await dialog.locator('dd').allTextContents()).toEqual(expect.arrayContaining(['Next complaint', 'Previous complaint', 'Claim the open complaint', 'Write a reply']));
    expect(await axeViolations(page)).toEqual([]);
    // While the list is open the keys do nothing behind it.
    await page.keyboard.press('j');
    expect(await title()).toBe(`Complaint ${critical.reference}`);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible(), WAIT).toBe(false);
    expect(await focusedId(page)).toBe('detail-title');
    await page.close();
  });

  it('hands a complaint to another agent, who sees it as theirs without a reload, and the history says so', async () => {
    const leo = await addAgent(store, { name: 'Leo', email: 'leo@shop.example' });
    const [critical] = await receiveTwo();
    const page = await signIn(1440);
    const leoPage = await signIn(1440, 900, leo.email);
    await page.getByRole('button', { name: critical.reference }).click();
    const detail = page.locator('#detail-view');
    await detail.getByLabel('Hand it to').selectOption({ label: 'Leo' });
    await detail.getByRole('button', { name: 'Assign' }).click();
    await expect.poll(() => detail.locator('#audit li').allTextContents(), WAIT).toEqual([expect.stringMatching(/ — Ada handed it to Leo$/)]);
    expect(await detail.locator('#claimed-by').textContent()).toMatch(/^Claimed by Leo/);
    await expect.poll(() => leoPage.locator(`tr[data-id="${critical.id}"]`).textContent(), WAIT).toContain('claimed by Leo');
    expect(await store.getRecord(critical.id)).toMatchObject({ status: 'claimed', claimedBy: 'Leo', claimedById: leo.id });
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page.close(), leoPage.close()]);
  });
});
