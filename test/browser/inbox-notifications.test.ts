/**
 * Browser notifications in Chromium, for an agent who opted in, while the inbox is in a
 * background tab: a new critical complaint, and a visitor writing on a complaint the agent holds.
 * The page's `Notification` is wrapped to see what it was asked to show, and the tab is made
 * hidden by overriding `document.hidden` and sending `visibilitychange`, as a browser does.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sampleComplaint, sampleStatusKey } from '../../server/sample-records.mjs';
import { addAgent } from '../support/agents';
import { inboxAxeViolations, postComplaint, signInOn } from './support/inbox-page';
import { inboxSuite } from './support/inbox-suite';

const suite = inboxSuite();

/** Records every notification the page shows; `__setHidden` puts the tab in the background or back. */
const WRAP_NOTIFICATIONS = () => {
  const Real = window.Notification;
  const shown: { title: string, body: string, tag: string, clicked: () => void }[] = [];
  class Recorded extends EventTarget {
    constructor(title: string, options: NotificationOptions = {}) {
      super();
      shown.push({ title, body: options.body ?? '', tag: options.tag ?? '', clicked: () => this.dispatchEvent(new Event('click')) });
    }
    close() {}
    static get permission() {
      return Real.permission;
    }
    static requestPermission() {
      return Real.requestPermission();
    }
  }
  Object.assign(window, { Notification: Recorded, __shown: shown });
  let hidden = false;
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  Object.assign(window, {
    __setHidden: (value: boolean) => {
      hidden = value;
      document.dispatchEvent(new Event('visibilitychange'));
    },
  });
};

type Shown = { title: string, body: string, tag: string }[];
const shown = (page: Page) => page.evaluate(() => (window as unknown as { __shown: Shown }).__shown.map(({ title, body, tag }) => ({ title, body, tag })));
const setHidden = (page: Page, hidden: boolean) => page.evaluate((value) => (window as unknown as { __setHidden: (v: boolean) => void }).__setHidden(value), hidden);

const CRITICAL = 'The charger caught fire and burned my hand.';
/** A complaint in which the visitor said `text`, with a status key to write back with. */
function saying(text: string) {
  const record = sampleComplaint({ visitor: { statusKey: sampleStatusKey(), name: 'Ana Novak' } as never });
  record.messages = [record.messages[0]!, { from: 'visitor', text, at: record.submittedAt }];
  return record;
}
const visitorWrites = async (record: ReturnType<typeof saying>, text: string) => {
  const id = randomUUID();
  const response = await suite.app.inject({
    method: 'POST',
    url: `/complaints/${record.id}/messages`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${(record.visitor as { statusKey: string }).statusKey}`, 'idempotency-key': id },
    payload: JSON.stringify({ id, text, at: new Date().toISOString() }),
  });
  expect(response.statusCode).toBe(201);
};

describe('notifications in a background tab', () => {
  it('tells an agent who opted in of a critical complaint and of a visitor on their complaint, and of nothing else', async () => {
    const mia = await addAgent(suite.store, { name: 'Mia', email: 'mia@shop.example' });
    const ada = await addAgent(suite.store, { name: 'Ada', email: 'ada@shop.example' });
    const context = await suite.browser.newContext();
    await context.grantPermissions(['notifications'], { origin: suite.base });
    await context.addInitScript(WRAP_NOTIFICATIONS);
    const page = await signInOn(await context.newPage(), suite.base, mia.email);
    const rows = () => page.locator('#queue-rows tr').count();
    const toggle = page.getByRole('button', { name: 'Notify me in a background tab' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');

    // Not opted in: nothing, even for a critical complaint in a background tab.
    await setHidden(page, true);
    await postComplaint(suite.base, saying(CRITICAL));
    await expect.poll(rows).toBe(1);
    expect(await shown(page)).toEqual([]);

    await setHidden(page, false);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#announcer').textContent()).toContain('Notifications are on');
    expect(await inboxAxeViolations(page)).toEqual([]);

    // In front, the queue is enough: no notification.
    await postComplaint(suite.base, saying(CRITICAL));
    await expect.poll(rows).toBe(2);
    await setHidden(page, true);
    // A normal complaint is not notified; the critical one after it is, with its reference and
    // category only: nothing the visitor wrote, nor their name.
    const normal = await postComplaint(suite.base, saying('My parcel arrived a day late.'));
    const critical = await postComplaint(suite.base, saying(CRITICAL));
    await expect.poll(async () => (await shown(page)).length).toBe(1);
    const [first] = await shown(page);
    const category = (await suite.store.getRecord(critical.id))!.summary.category;
    expect(first).toEqual({ title: 'New critical complaint', body: `${critical.reference} · ${category}`, tag: `created:${critical.id}` });
    expect(JSON.stringify(await shown(page))).not.toContain(normal.reference);

    // The visitor writes on Ada's complaint, then on Mia's: only Mia's is notified.
    const adas = await postComplaint(suite.base, saying('My parcel arrived a day late.'));
    const mias = await postComplaint(suite.base, saying('The lid of my kettle is loose.'));
    await expect.poll(rows).toBe(6);
    expect((await suite.store.claim(adas.id, { id: ada.id, name: ada.name }, new Date().toISOString())).ok).toBe(true);
    expect((await suite.store.assign(mias.id, { id: ada.id, name: ada.name }, { id: mia.id, name: mia.name }, new Date().toISOString())).ok).toBe(true);
    await visitorWrites(adas, 'Any news? My name is Ana Novak.');
    await visitorWrites(mias, 'Any news? My name is Ana Novak.');
    await expect.poll(async () => (await shown(page)).length).toBe(2);
    const mine = (await shown(page))[1]!;
    expect(mine.title).toBe('The visitor wrote on your complaint');
    expect(mine.body).toBe(`${mias.reference} · ${(await suite.store.getRecord(mias.id))!.summary.category}`);
    expect(JSON.stringify(await shown(page))).not.toMatch(/Ana Novak|Any news|fire/);

    // Clicking it brings the complaint up.
    await page.evaluate(() => (window as unknown as { __shown: { clicked: () => void }[] }).__shown[1]!.clicked());
    await expect.poll(() => page.locator('#detail-title').textContent()).toBe(`Complaint ${mias.reference}`);
    expect(new URL(page.url()).hash).toBe(`#complaint=${mias.id}`);

    // Turned off again: nothing more, and the choice is remembered across a reload.
    await setHidden(page, false);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    await page.reload();
    await page.locator('body[data-live="live"]').waitFor();
    expect(await page.getByRole('button', { name: 'Notify me in a background tab' }).getAttribute('aria-pressed')).toBe('false');
    await setHidden(page, true);
    await postComplaint(suite.base, saying(CRITICAL));
    await expect.poll(rows).toBe(7);
    expect(await shown(page)).toEqual([]);
    await context.close();
  });
});
