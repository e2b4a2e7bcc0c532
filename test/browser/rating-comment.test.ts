/**
 * The page a follow-up rating link opens, in real Chromium: it thanks the visitor, and its
 * comment box works by keyboard alone, without script, in the visitor's language.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { signRatingToken } from '../../server/jobs/commitments/rating-link.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.mjs';
import { launchChromium } from './support/chromium';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let app: ReturnType<typeof createApp>;
let store: ReturnType<typeof createSqliteStore>;
let base: string;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  store = createSqliteStore({ path: ':memory:' });
  app = createApp({ store, allowedOrigins: [], rateLimit: 0, jobs: { worker: false, publicUrl: 'https://heard.shop.example' } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  return async () => {
    await app.close();
    await store.close();
  };
});

describe('the comment box after a follow-up rating, in Chromium', () => {
  it('takes a comment typed and sent by keyboard, with no script and no accessibility violations', async () => {
    const record = sampleComplaint({ locale: 'ms' });
    const received = await fetch(`${base}/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) });
    expect(received.status).toBe(201);
    const secret = await store.serverSecret('link-signing', () => 'unused');
    const token = signRatingToken({ complaintId: record.id, expiresAt: Date.now() + 28 * 24 * 3600_000, secret });

    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/rate?token=${token}&score=5`);
    expect(await page.locator('main > p').first().textContent()).toBe('Terima kasih: anda memberi penilaian 5 daripada 5.');
    expect(await page.getAttribute('html', 'lang')).toBe('ms');

    const box = page.getByRole('textbox', { name: 'Ingin memberitahu kami lebih lanjut? (pilihan)' });
    await page.keyboard.press('Tab');
    expect(await box.evaluate((node) => node === document.activeElement)).toBe(true);
    const text = 'Cerek baharu sampai <b>esok</b>.\nTerima kasih!';
    await page.keyboard.type(text);
    await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(/\/rate\?token=/), page.waitForLoadState(), page.keyboard.press('Enter')]);
    await page.getByText('Terima kasih: komen anda telah sampai kepada pasukan kami.').waitFor();
    expect((await store.getRecord(record.id))?.ratingComment?.text).toBe(text);
    await context.close();

    // Axe needs script; the page itself never does.
    const checked = await browser.newPage();
    const other = sampleComplaint();
    await fetch(`${base}/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(other) });
    await checked.goto(`${base}/rate?token=${signRatingToken({ complaintId: other.id, expiresAt: Date.now() + 3600_000, secret })}&score=3`);
    await checked.locator('textarea#comment').waitFor();
    // The page's policy forbids script; axe comes in through the browser's own channel.
    await checked.evaluate(AXE_SOURCE);
    // WCAG 2.1 A and AA: the page is one message and a form, with no headings to navigate by.
    const violations = await checked.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string }[] }> } }).axe;
      const only = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } };
      return (await axe.run(document, only)).violations.map((violation) => violation.id);
    });
    expect(violations).toEqual([]);
    await checked.close();
  });
});
