import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.mjs';
import { addAgent } from '../support/agents';
import { launchChromium } from './support/chromium';
import { inboxAxeViolations, postComplaint, signInOn, startInbox } from './support/inbox-page';

const WAIT = { timeout: 10_000 };

let browser: Browser;
let app: ReturnType<typeof createApp>;
let store: ReturnType<typeof createSqliteStore>;
let base: string;
let mia: Awaited<ReturnType<typeof addAgent>>;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  ({ app, store, base } = await startInbox());
  mia = await addAgent(store, { name: 'Mia', email: 'mia@shop.example' });
  return () => app.close();
});

/** A complaint from `name` in which they said `text`. */
const saying = (text: string, name: string) => {
  const record = sampleComplaint({ visitor: { name, email: `${name.split(' ')[0]!.toLowerCase()}@mail.example` } });
  record.messages = [record.messages[0]!, { from: 'visitor', text, at: record.submittedAt }];
  return record;
};

describe('searching the queue in Chromium', () => {
  it('/ goes to the box; typing finds complaints by words and name, accents folded, says how many, shows text as text; clearing brings the queue back', async () => {
    const kettle = await postComplaint(base, saying('A vízforraló horpadtan érkezett, <b>sérült</b>.', 'Kovács Éva'));
    const toaster = await postComplaint(base, saying('The toaster burns every slice.', 'Ben Ito'));
    const third = await postComplaint(base, saying('The parcel never came.', 'Siti Aminah'));
    const page = await signInOn(await browser.newPage({ viewport: { width: 375, height: 740 } }), base, mia.email);
    const rows = () => page.locator('#queue-rows tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.id));
    const status = page.locator('#search-status[role="status"]');
    await expect.poll(rows, WAIT).toHaveLength(3);

    await page.locator('#queue-summary').focus();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    const box = page.getByRole('searchbox', { name: 'Search complaints' });
    await page.keyboard.type('serult');
    await expect.poll(rows, WAIT).toEqual([kettle.id]);
    await expect.poll(() => status.textContent(), WAIT).toBe('1 complaint found.');
    // What the visitor wrote is shown as they wrote it, never as markup.
    expect(await page.locator('#queue-rows td.excerpt').first().textContent()).toContain('<b>sérült</b>');
    expect(await page.locator('#queue-rows b').count()).toBe(0);

    await box.fill('');
    await page.keyboard.type('ben ito');
    await page.keyboard.press('Enter');
    await expect.poll(rows, WAIT).toEqual([toaster.id]);

    await box.fill('nothing like it');
    await expect.poll(() => status.textContent(), WAIT).toBe('No complaints found.');
    expect(await rows()).toEqual([]);
    expect(await page.locator('#queue-empty').isVisible()).toBe(true);

    // Fits a phone: the box and its button are inside the screen, nothing scrolls sideways.
    const fits = await page.evaluate(() => {
      const right = (id: string) => document.querySelector(id)!.getBoundingClientRect().right;
      return right('#search-input') <= window.innerWidth && right('#search button') <= window.innerWidth && document.documentElement.scrollWidth <= window.innerWidth;
    });
    expect(fits).toBe(true);
    expect(await inboxAxeViolations(page)).toEqual([]);

    await box.press('Escape');
    expect(await box.inputValue()).toBe('');
    await expect.poll(rows, WAIT).toHaveLength(3);
    await expect.poll(() => status.textContent(), WAIT).toBe('Search cleared: the whole queue is shown.');
    expect((await rows()).sort()).toEqual([kettle.id, toaster.id, third.id].sort());

    // The search and a filter together.
    await store.claim(toaster.id, 'Mia', new Date().toISOString());
    await box.fill('the');
    await expect.poll(async () => (await rows()).sort(), WAIT).toEqual([toaster.id, third.id].sort());
    await page.locator('#filter-status').selectOption('claimed');
    await expect.poll(rows, WAIT).toEqual([toaster.id]);
    await page.close();
  });
});
