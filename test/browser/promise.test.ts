import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDue } from '../../widget/src/i18n/due';
import { startRealReceiver, type RealReceiver } from './support/receiver';
import { finishComplaint, sendMessages, storedValues } from './support/widget-page';
import type { ComplaintRecord } from '../../widget/src/record/record';
import { launchChromium } from './support/widget-server';

/*
 * One commitment, in real Chromium against the real receiver: the date in the thanks line is
 * the one the receiver stored and answered, said in the visitor's zone with the zone named, even
 * when the receiver's triage reads the complaint as more urgent than the widget could.
 */

const ZONE = 'Asia/Kuala_Lumpur';

let browser: Browser;
let receiver: RealReceiver;
let base: string;
let store: RealReceiver['store'];

beforeAll(async () => {
  receiver = await startRealReceiver();
  ({ base, store } = receiver);
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await receiver?.close();
});

/** Tells the widget what happened, asks for a person at once, and returns the receiver's 201 answer. */
async function complainAndAskForPerson(page: Page, text: string): Promise<{ id: string; reference: string; dueBy: string }> {
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: 'Raise a complaint' }).click();
  await sendMessages(page, [text]);
  const answered = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/complaints');
  await page.getByRole('button', { name: 'Talk to a person' }).click();
  await finishComplaint(page);
  return (await answered).json();
}

/** The thanks line, once it names `reference`. */
async function thanksLine(page: Page, reference: string): Promise<string> {
  const line = page.locator('[role="log"] li').filter({ hasText: `Your reference is ${reference}.` });
  await line.waitFor();
  return (await line.textContent()) ?? '';
}

describe('the date the visitor is promised', () => {
  it('is the date the receiver stored, said as the receiver answered it', async () => {
    const context = await browser.newContext({ timezoneId: ZONE });
    const page = await context.newPage();
    const receipt = await complainAndAskForPerson(page, 'The heater you sold me caught fire last night and burned my hand.');
    const stored = await store.getRecord(receipt.id);
    expect(stored!.summary.dueBy).toBe(receipt.dueBy);
    // Asked for a person before "that is everything", the complaint still went out triaged.
    expect(stored!.record.triage.urgency).toBe('critical');
    const line = await thanksLine(page, receipt.reference);
    expect(line).toContain(formatDue('en', receipt.dueBy, stored!.record.submittedAt, ZONE));
    await context.close();
  });

  it("is the receiver's, not the widget's estimate, when the receiver reads the complaint as more urgent", async () => {
    const context = await browser.newContext({ timezoneId: ZONE });
    // The Slovak language pack never arrives: the widget cannot read what the visitor wrote,
    // the receiver (with every language) can.
    await context.route('**/heard-sk-*.js', (route) => route.abort());
    const page = await context.newPage();
    const receipt = await complainAndAskForPerson(page, 'Ohrievač, ktorý ste mi predali, začal horieť a popálil mi ruku.');
    const stored = await store.getRecord(receipt.id);
    expect(stored!.summary.urgency).toBe('critical');
    expect(stored!.record.triage.urgency).not.toBe('critical');
    // The widget's own estimate was later than the receiver's.
    expect(Date.parse(stored!.record.commitment!.dueBy)).toBeGreaterThan(Date.parse(receipt.dueBy));
    expect(stored!.summary.dueBy).toBe(receipt.dueBy);
    const line = await thanksLine(page, receipt.reference);
    expect(line).toContain(formatDue('en', receipt.dueBy, stored!.record.submittedAt, ZONE));
    expect(line).not.toContain(formatDue('en', stored!.record.commitment!.dueBy, stored!.record.submittedAt, ZONE));
    await context.close();
  });

  it('offline, is the widget\'s own estimate, replaced by the receiver\'s once delivered, and the visitor is told it moved later', async () => {
    const context = await browser.newContext({ timezoneId: ZONE });
    const page = await context.newPage();
    let online = false;
    let answered: { reference: string; dueBy: string } | null = null;
    await page.route('**/complaints', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      if (!online) return route.abort('internetdisconnected');
      const record = route.request().postDataJSON() as ComplaintRecord;
      // A receiver whose queue gives this complaint two more days than the widget promised.
      answered = { reference: 'HRD-SRV777', dueBy: new Date(Date.parse(record.commitment!.dueBy) + 48 * 3_600_000).toISOString() };
      return route.fulfill({ status: 201, contentType: 'application/json', body: JSON.stringify({ id: record.id, receivedAt: new Date().toISOString(), ...answered }) });
    });
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: 'Raise a complaint' }).click();
    await sendMessages(page, ['The kettle I ordered arrived with a dented lid and the handle wobbles.']);
    await finishComplaint(page);
    const [queued] = await storedValues<{ body: ComplaintRecord }>(page, 'outbox');
    const estimate = queued!.body;
    const first = await thanksLine(page, estimate.reference);
    expect(first).toContain(formatDue('en', estimate.commitment!.dueBy, estimate.submittedAt, ZONE));

    online = true;
    const line = await thanksLine(page, 'HRD-SRV777');
    expect(line).toContain(formatDue('en', answered!.dueBy, estimate.submittedAt, ZONE));
    expect(line).not.toContain(estimate.reference);
    await page.locator('[role="log"] li').filter({ hasText: 'needs longer than we said' }).waitFor();
    // Kept with the complaint on this device, for the status on a later visit.
    await expect.poll(async () => (await storedValues<{ reference: string }>(page, 'history')).map((entry) => entry.reference)).toEqual(['HRD-SRV777']);
    await context.close();
  });
});
