/**
 * What the inbox tells an agent, in real Chromium: errors as sentences beside their field,
 * no notice left over from another view, a URL for every complaint, and trends in words.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.mjs';
import { addAgent } from '../support/agents';
import { launchChromium } from './support/chromium';
import { inboxAxeViolations, postComplaint, signInOn, startInbox } from './support/inbox-page';

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
  ({ app, store, base } = await startInbox());
  ada = await addAgent(store, { name: 'Ada', email: 'ada@shop.example', role: 'admin' });
  return () => app.close();
});

const receive = (record = sampleComplaint()) => postComplaint(base, record);

const signIn = async (path = '/inbox/', email = ada.email): Promise<Page> => signInOn(await browser.newPage(), base, email, path);

const axeViolations = inboxAxeViolations;

/** The text that describes a field to a screen reader, and whether it is marked invalid. */
async function fieldState(page: Page, id: string) {
  return page.evaluate((fieldId) => {
    const field = document.getElementById(fieldId)!;
    const described = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return {
      invalid: field.getAttribute('aria-invalid') === 'true',
      description: described.map((ref) => document.getElementById(ref)?.textContent ?? '').join(' ').trim(),
    };
  }, id);
}

describe('the inbox says what is true', () => {
  it('refuses a private destination beside its URL, naming the setting that allows it', async () => {
    const page = await signIn();
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Kind').selectOption('webhook');
    await page.getByLabel('Name', { exact: true }).fill('Help desk');
    await page.getByLabel('URL', { exact: true }).fill('http://127.0.0.1:9/hook');
    await page.getByRole('button', { name: 'Add destination' }).click();
    await expect.poll(async () => (await fieldState(page, 'destination-url')).description, WAIT).toContain('HEARD_ALLOW_PRIVATE_DESTINATIONS=1');
    expect((await fieldState(page, 'destination-url')).invalid).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('gives every complaint its own URL: a link opens it, Back returns to the queue, a reload keeps it', async () => {
    const first = await receive(sampleComplaint({ submittedAt: new Date(Date.now() - 3600_000).toISOString() }));
    const second = await receive();
    const page = await signIn();
    await page.getByRole('button', { name: first.reference }).click();
    await expect.poll(() => page.locator('#detail-title').textContent(), WAIT).toBe(`Complaint ${first.reference}`);
    expect(new URL(page.url()).hash).toBe(`#complaint=${first.id}`);
    await page.getByRole('button', { name: second.reference }).click();
    await expect.poll(() => page.url(), WAIT).toContain(`#complaint=${second.id}`);
    await expect.poll(() => page.locator('#detail-title').textContent(), WAIT).toBe(`Complaint ${second.reference}`);

    await page.goBack();
    await expect.poll(() => page.locator('#detail-title').textContent(), WAIT).toBe(`Complaint ${first.reference}`);
    await page.reload();
    await expect.poll(() => page.locator('#detail-title').textContent(), WAIT).toBe(`Complaint ${first.reference}`);
    expect(await page.locator('#detail-view').isVisible()).toBe(true);
    await page.goBack();
    await expect.poll(() => page.locator('#detail-view').isVisible(), WAIT).toBe(false);
    expect(await page.locator('#queue-view').isVisible()).toBe(true);

    // A link from an email or a chat message, in a new tab: it opens once the agent signs in.
    const linked = await signIn(`/inbox/#complaint=${second.id}`);
    await expect.poll(() => linked.locator('#detail-title').textContent(), WAIT).toBe(`Complaint ${second.reference}`);
    expect(await axeViolations(linked)).toEqual([]);
    await Promise.all([page.close(), linked.close()]);
  });

  it('speaks in words on Trends: decisions and cues, and weeks as dates', async () => {
    const record = sampleComplaint();
    record.messages = [record.messages[0]!, { from: 'visitor', text: 'My order is late. It was supposed to arrive yesterday.', at: record.submittedAt }];
    await receive(record);
    const page = await signIn();
    await page.getByRole('button', { name: 'Trends' }).click();
    await page.locator('#trends-signals').waitFor();
    const text = (await page.locator('#trends-body').textContent()) ?? '';
    for (const raw of ['customerType', 'no mood cues', 'no customer-type cues', 'mood: calm']) expect(text).not.toContain(raw);
    expect(await page.locator('#trends-signals tbody').textContent()).toContain('Mood: calm');

    const headers = await page.locator('#trends-categories thead th').allTextContents();
    const monday = new Date();
    monday.setUTCHours(0, 0, 0, 0);
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    const sunday = new Date(monday.getTime() + 6 * 24 * 3600_000);
    const month = (day: Date) => ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][day.getUTCMonth()];
    // "7–13 Dec", or "30 Nov – 6 Dec" across two months.
    const thisWeek = month(monday) === month(sunday)
      ? `${monday.getUTCDate()}–${sunday.getUTCDate()} ${month(sunday)}`
      : `${monday.getUTCDate()} ${month(monday)} – ${sunday.getUTCDate()} ${month(sunday)}`;
    expect(headers.at(-2)).toBe(thisWeek);
    expect(headers.slice(1, -1).every((header) => /^\d{1,2}(–| [A-Z][a-z]{2}( \d{4})? – )\d{1,2} [A-Z][a-z]{2}( \d{4})?$/.test(header)), headers.join(' | ')).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('says what is wrong with a new due date beside the field, as a sentence for the agent', async () => {
    const record = await receive();
    const page = await signIn(`/inbox/#complaint=${record.id}`);
    await page.locator('#due-by-input').waitFor();
    await page.locator('#due-by-input').fill('2020-03-01T12:00');
    await page.locator('#due-reason-input').fill('The part ships on Thursday.');
    await page.getByRole('button', { name: 'Move the due date' }).click();
    await expect.poll(async () => (await fieldState(page, 'due-by-input')).description, WAIT).toContain('Choose a date and time still to come');
    expect((await fieldState(page, 'due-by-input')).invalid).toBe(true);
    expect(await page.locator('#detail-body').textContent()).not.toMatch(/dueBy|2030-|must be/);

    await page.locator('#due-by-input').fill('2099-03-01T12:00');
    await page.locator('#due-reason-input').fill('   ');
    await page.getByRole('button', { name: 'Move the due date' }).click();
    await expect.poll(async () => (await fieldState(page, 'due-reason-input')).description, WAIT).toContain('Say why the date moves');
    expect(await fieldState(page, 'due-by-input')).toMatchObject({ invalid: false });
    expect(await page.locator('#detail-body').textContent()).not.toMatch(/body\/reason|must match/);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('leaves no stale notice: an addition is not announced again in another view, an invited agent who signed in is active, and signing in shows no live state', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/inbox/`);
    await page.locator('#email').waitFor();
    expect(await page.locator('#live-state').isVisible()).toBe(false);
    await page.close();

    const admin = await signIn();
    await admin.getByRole('button', { name: 'Agents' }).click();
    await admin.locator('#agent-name').fill('Sam Okafor');
    await admin.locator('#agent-email').fill('sam@shop.example');
    await admin.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => admin.locator('#announcer').textContent(), WAIT).toBe('Sam Okafor was added.');
    const link = (await admin.locator('#invite-link').textContent()) ?? '';
    const sam = admin.locator('#agents tr', { hasText: 'Sam Okafor' });
    expect(await sam.locator('td').nth(2).textContent()).toBe('invited');

    // Sam follows the link elsewhere; the admin's list says so without a reload.
    const invited = await browser.newPage();
    await invited.goto(link);
    await invited.getByLabel('New password').fill('a long and unusual passphrase');
    await invited.getByRole('button', { name: 'Set password and sign in' }).click();
    await invited.locator('body[data-live="live"]').waitFor();
    await expect.poll(() => sam.locator('td').nth(2).textContent(), WAIT).toBe('active');

    await admin.getByRole('button', { name: 'Queue' }).click();
    expect(await admin.locator('#announcer').textContent()).toBe('');
    await admin.getByRole('button', { name: 'Agents' }).click();
    await admin.locator('#agents').waitFor();
    expect(await admin.locator('#announcer').textContent()).toBe('');
    expect(await admin.locator('#invite-link').count()).toBe(0);
    expect(await axeViolations(admin)).toEqual([]);
    await Promise.all([admin.close(), invited.close()]);
  });

  it('says what waits to be sent, for which destination and why, instead of a bare count', async () => {
    const record = await receive();
    const page = await signIn(`/inbox/#complaint=${record.id}`);
    await page.locator('#due-by-input').fill('2099-03-01T12:00');
    await page.locator('#due-reason-input').fill('The part ships on Thursday.');
    await page.getByRole('button', { name: 'Move the due date' }).click();
    await expect.poll(() => page.locator('#detail-body').textContent(), WAIT).toContain('(moved: The part ships on Thursday.)');

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.locator('#job-counts').waitFor();
    const said = (await page.locator('#destinations-list').textContent()) ?? '';
    expect(said).not.toMatch(/\d+ waiting to be sent/);
    expect(said).toContain('1 check whether a promised date was kept, not due yet');
    expect(said).toContain('No destinations yet');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('says beside the reply, the outcome and the note when one holds only spaces, not the API\'s words', async () => {
    const record = await receive();
    const page = await signIn(`/inbox/#complaint=${record.id}`);
    await page.locator('#reply-input').waitFor();
    await page.locator('#reply-input').fill('   ');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(async () => (await fieldState(page, 'reply-input')).description, WAIT).toContain('Write the reply first');
    expect((await fieldState(page, 'reply-input')).invalid).toBe(true);

    await page.locator('#outcome-reply-input').fill('  ');
    await page.locator('#resolution-note-input').fill('  ');
    await page.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(async () => (await fieldState(page, 'outcome-reply-input')).description, WAIT).toContain('Write what the visitor is told');
    expect((await fieldState(page, 'resolution-note-input')).description).toContain('Write a note for the team');
    expect(await page.locator('#detail-body').textContent()).not.toMatch(/body\/|must match|pattern/);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

/** Two complaints: the critical one first in the queue. */
async function receiveTwo() {
  const records = [
    sampleComplaint({ triage: { urgency: 'critical' }, messages: [{ from: 'visitor', text: 'The kettle handle burnt my hand.', at: new Date().toISOString() }] }),
    sampleComplaint({ submittedAt: new Date(Date.now() - 3600_000).toISOString() }),
  ];
  for (const record of records) await receive(record);
  return records as [ReturnType<typeof sampleComplaint>, ReturnType<typeof sampleComplaint>];
}

/** Signs in on a screen `width` px wide. */
async function signInAt(width: number, height = 900, email = ada.email): Promise<Page> {
  const page = await signIn('/inbox/', email);
  await page.setViewportSize({ width, height });
  return page;
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
    const page = await signInAt(1440);
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
    const page = await signInAt(375, 800);
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

  it('works from the keyboard: j and k move through the queue, c claims, r and e go to the reply and the outcome, / to the search box, ? lists the keys', async () => {
    const [critical, older] = await receiveTwo();
    const page = await signInAt(1440);
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
    expect(await focusedId(page)).toBe('search-input');
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
    const page = await signInAt(1440);
    const leoPage = await signInAt(1440, 900, leo.email);
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
