import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatDue } from 'heard/commitment';
import { createApp } from '../../server/app.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.mjs';
import { addAgent } from '../support/agents';
import { launchChromium } from './support/chromium';
import { inboxAxeViolations, postComplaint, signInOn, startInbox } from './support/inbox-page';


let browser: Browser;
let app: ReturnType<typeof createApp>;
let store: ReturnType<typeof createSqliteStore>;
let base: string;
let mia: Awaited<ReturnType<typeof addAgent>>;
let ada: Awaited<ReturnType<typeof addAgent>>;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  ({ app, store, base } = await startInbox());
  mia = await addAgent(store, { name: 'Mia', email: 'mia@shop.example' });
  ada = await addAgent(store, { name: 'Ada', email: 'ada@shop.example', role: 'admin' });
  return () => app.close();
});

const receive = (record: ReturnType<typeof sampleComplaint>) => postComplaint(base, record);

const openInbox = async (email: string, page?: Page): Promise<Page> => signInOn(page ?? (await browser.newPage()), base, email);

const axeViolations = inboxAxeViolations;

describe('saved replies in Chromium', () => {
  it("an admin keeps one in Settings; an agent inserts it by keyboard at the cursor, filled in, in the complaint's language", async () => {
    const admin = await openInbox(ada.email);
    await admin.getByRole('button', { name: 'Settings' }).click();
    const form = admin.locator('#saved-reply-form');
    await form.getByLabel('Language').selectOption('hu');
    await form.getByLabel('Title').fill('Határidő');
    await form.getByLabel('Text').fill('Kedves {name}! A(z) {reference} ügyét {dueBy} előtt lezárjuk.');
    await form.getByRole('button', { name: 'Save reply' }).click();
    await form.getByLabel('Language').selectOption('en');
    await form.getByLabel('Title').fill('Deadline');
    await form.getByLabel('Text').fill('Dear {name}, we close {reference} by {dueBy}.');
    await form.getByRole('button', { name: 'Save reply' }).click();
    await expect.poll(() => admin.locator('#saved-replies-list tbody tr').count()).toBe(2);
    // A refusal is said beside its field.
    await form.getByLabel('Title').fill('Empty');
    await form.getByRole('button', { name: 'Save reply' }).click();
    await expect.poll(() => admin.locator('#saved-reply-text-error').textContent()).toBe('Write the reply\'s text: 1 to 5000 characters.');
    expect(await axeViolations(admin)).toEqual([]);
    await admin.close();

    const record = await receive(sampleComplaint({ locale: 'hu', visitor: { name: 'Kovács Anna' } as never }));
    const page = await openInbox(mia.email);
    await page.locator(`tr[data-id="${record.id}"]`).getByRole('button').click();
    const box = page.locator('#reply-input');
    await box.waitFor();
    await box.focus();
    await page.keyboard.type('Szia. Üdv, Mia');
    for (let i = 0; i < 'Üdv, Mia'.length; i += 1) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Insert saved reply');
    await page.keyboard.press('Enter');
    const search = page.getByRole('combobox', { name: 'Search saved replies' });
    await expect.poll(() => search.evaluate((node) => node === document.activeElement)).toBe(true);
    await expect.poll(() => page.getByRole('listbox', { name: 'Saved replies' }).getByRole('option').allTextContents()).toEqual([expect.stringContaining('Határidő')]);
    // The option Enter inserts is marked on screen, not only for a screen reader.
    const marked = await page.getByRole('listbox', { name: 'Saved replies' }).getByRole('option', { selected: true }).evaluate((node) => getComputedStyle(node).borderLeftColor);
    const unmarked = await page.getByRole('listbox', { name: 'Saved replies' }).getByRole('option', { selected: true }).evaluate((node) => {
      node.setAttribute('aria-selected', 'false');
      const colour = getComputedStyle(node).borderLeftColor;
      node.setAttribute('aria-selected', 'true');
      return colour;
    });
    expect(marked).not.toBe(unmarked);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.type('határ');
    await page.keyboard.press('Enter');

    const summary = (await store.getRecord(record.id))!.summary as { dueBy: string };
    const filled = `Kedves Kovács Anna! A(z) ${record.reference} ügyét ${formatDue('hu', summary.dueBy, Date.now(), 'UTC')} előtt lezárjuk.`;
    await expect.poll(() => box.inputValue()).toBe(`Szia. ${filled}Üdv, Mia`);
    expect(await box.evaluate((node) => node === document.activeElement)).toBe(true);
    // Edited before sending, and sent as edited.
    await page.keyboard.type(' ');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(async () => (await store.getRecord(record.id))!.replies.map((reply) => reply.text)).toEqual([`Szia. ${filled} Üdv, Mia`]);
    await page.close();
  });
});
