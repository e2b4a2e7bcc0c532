import { describe, expect, it } from 'vitest';
import { sampleComplaint } from '../../server/sample-records.mjs';
import { addAgent } from '../support/agents';
import { inboxAxeViolations, postComplaint, signInOn } from './support/inbox-page';
import { inboxSuite } from './support/inbox-suite';

const inbox = inboxSuite();

describe('internal notes in Chromium', () => {
  it('an agent adds a note by keyboard from the reply box; it shows apart, as text, in every open inbox, and the box says what it sends', async () => {
    const { browser, store, base } = inbox;
    const mia = await addAgent(store, { name: 'Mia', email: 'mia@shop.example' });
    const ben = await addAgent(store, { name: 'Ben', email: 'ben@shop.example' });
    const record = await postComplaint(base, sampleComplaint());
    const page = await signInOn(await browser.newPage(), base, mia.email);
    const other = await signInOn(await browser.newPage(), base, ben.email);
    for (const open of [page, other]) {
      await open.locator(`tr[data-id="${record.id}"]`).getByRole('button').click();
      await open.locator('#reply-input').waitFor();
    }
    const send = page.locator('#reply-send');
    expect(await send.textContent()).toBe('Send reply to visitor');

    // `n` from the complaint (not in a field) sets the box to a note and puts the cursor in it.
    await page.locator('#detail-title').focus();
    await page.keyboard.press('n');
    expect(await page.getByRole('radio', { name: 'Internal note (team only)' }).isChecked()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reply-input');
    expect(await send.textContent()).toBe('Add internal note');
    expect(await page.getByRole('textbox', { name: 'Internal note' }).getAttribute('aria-describedby')).toBe('note-hint');
    const text = 'Refund approved by <b>finance</b>; do not promise a date yet.';
    await page.keyboard.type(text);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    const kept = page.locator('#replies li.note');
    await kept.waitFor();
    expect(await kept.locator('.message-from').textContent()).toMatch(/^Internal note — not shown to the visitor · Mia · /);
    // As typed, never as markup.
    expect(await kept.locator('.message-text').textContent()).toBe(text);
    expect(await kept.locator('b').count()).toBe(0);
    expect(await kept.evaluate((node) => getComputedStyle(node).backgroundColor)).toBe('rgb(255, 246, 214)');
    expect(await page.locator('#audit').textContent()).toContain('Mia added an internal note');
    expect((await store.getRecord(record.id))!.replies).toEqual([]);
    // Still writing notes after it, and said so.
    expect(await send.textContent()).toBe('Add internal note');

    // The other agent's open complaint shows it without a reload.
    await other.locator('#replies li.note').waitFor();
    expect(await other.locator('#replies li.note .message-text').textContent()).toBe(text);

    // Back to a reply with the arrow keys of the choice.
    await page.getByRole('radio', { name: 'Internal note (team only)' }).focus();
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByRole('radio', { name: 'Reply to visitor' }).isChecked()).toBe(true);
    expect(await send.textContent()).toBe('Send reply to visitor');
    expect(await page.getByRole('textbox', { name: 'Reply', exact: true }).getAttribute('aria-describedby')).toBe('reply-delivery');
    expect(await inboxAxeViolations(page)).toEqual([]);

    await page.locator('#detail-title').focus();
    await page.keyboard.press('?');
    expect(await page.locator('#shortcuts').textContent()).toContain('Write an internal note (never shown to the visitor)');
    await page.close();
    await other.close();
  });

  it('an agent who may not reply to a complaint someone else holds may still add a note', async () => {
    const { browser, store, base } = inbox;
    const mia = await addAgent(store, { name: 'Mia', email: 'mia@shop.example' });
    const ben = await addAgent(store, { name: 'Ben', email: 'ben@shop.example' });
    const record = await postComplaint(base, sampleComplaint());
    expect((await store.claim(record.id, { id: ben.id, name: ben.name }, new Date().toISOString())).ok).toBe(true);
    const page = await signInOn(await browser.newPage(), base, mia.email);
    await page.locator(`tr[data-id="${record.id}"]`).getByRole('button').click();
    const box = page.getByRole('textbox', { name: 'Internal note' });
    await box.waitFor();
    expect(await page.getByRole('radio').count()).toBe(0);
    expect(await page.locator('#reply-send').textContent()).toBe('Add internal note');
    await box.fill('Ben is off today; the customer called again.');
    await page.locator('#reply-send').click();
    await page.locator('#replies li.note').waitFor();
    expect((await store.getRecord(record.id))!.notes!.map((note) => note.agentName)).toEqual(['Mia']);
    expect(await inboxAxeViolations(page)).toEqual([]);
    await page.close();
  });
});
