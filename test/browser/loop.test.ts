import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { FOLLOW_UP_JOB } from '../../server/jobs/commitments/follow-up.mjs';
import { createMailer } from '../../server/jobs/forwarding/email.mjs';
import type { createWorker } from '../../server/jobs/worker.mjs';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.mjs';
import { addAgent, PASSWORD, signIn } from '../support/agents';
import { startMailServer, type MailPeer } from '../support/forwarding-peers';
import { launchChromium } from './support/chromium';
import { axeViolations, finishComplaint, sendMessages, settle } from './support/widget-page';
import { assertWidgetBuilt, WIDGET_FILE } from './support/widget-server';

/*
 * The whole loop in real Chromium, through the screens people use. A visitor on a shop's page
 * (its own origin, the widget's files hosted by the shop) files a complaint with the Heard
 * server on another origin, so CORS is the real one, and agrees to be contacted. An agent signs
 * in to the inbox that server serves, replies and resolves the complaint. The visitor comes back,
 * opens the widget and reads the outcome. When the follow-up falls due (the jobs' clock is moved
 * on, as in the follow-up tests), the email reaches a local SMTP server, and its rating links
 * rate the complaint once.
 */

const COMPLAINT = 'The kettle I ordered arrived with a dented lid and the handle wobbles when I pour.';
const FIRST_REPLY = 'Thank you, Ana. We are checking whether a replacement kettle is in stock.';
const OUTCOME = 'A new kettle left our warehouse today. <b>Sorry</b> for the trouble.\nMia, customer care';
const TEAM = 'care@shop.example';
const VISITOR_EMAIL = 'ana@example.com';
type Worker = ReturnType<typeof createWorker>;

let browser: Browser;
let smtp: MailPeer;
let store: ReturnType<typeof createSqliteStore>;
let heard: ReturnType<typeof createApp>;
let heardOrigin: string;
let shop: FastifyInstance;
let shopUrl: string;
/** The jobs' clock: real time until the test moves it on. */
let now: number | null = null;

beforeAll(async () => {
  assertWidgetBuilt();
  smtp = await startMailServer();
  store = createSqliteStore({ path: ':memory:' });
  const origins = new Set<string>();
  heard = createApp({
    store,
    allowedOrigins: origins,
    rateLimit: 0,
    jobs: { worker: false, mailFrom: `Kettle shop <${TEAM}>`, teamEmail: TEAM },
    mailer: createMailer(smtp.url),
    clock: { now: () => now ?? Date.now() },
  });
  await heard.listen({ port: 0, host: '127.0.0.1' });
  heardOrigin = `http://127.0.0.1:${(heard.server.address() as { port: number }).port}`;
  await addAgent(store, { name: 'Mia', email: 'mia@shop.example' });

  // The shop: its own origin, hosting the built widget next to its page, as a site owner would.
  shop = Fastify();
  await shop.register(fastifyStatic, { root: join(WIDGET_FILE, '..'), index: false });
  shop.get('/', (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kettle shop</title>
<link rel="icon" href="data:,">
<script src="/heard.js" data-endpoint="${heardOrigin}/complaints" async></script>
</head>
<body><main><h1>Kettle shop</h1><p>Kettles, toasters and teapots.</p></main></body>
</html>`));
  await shop.listen({ port: 0, host: '127.0.0.1' });
  shopUrl = `http://127.0.0.1:${(shop.server.address() as { port: number }).port}/`;
  origins.add(new URL(shopUrl).origin);

  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await shop?.close();
  await heard?.close();
  store?.close();
  await smtp?.close();
});

/** Runs every job due at the jobs' clock, until none is left. */
async function runDueJobs(): Promise<void> {
  const worker = (heard as unknown as { jobWorker: Worker }).jobWorker;
  while ((await worker.runDue()) > 0) {
    // until nothing is due
  }
}

async function openWidget(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Raise a complaint' }).click();
  await page.waitForFunction(() => document.querySelector('heard-root')?.shadowRoot?.querySelector<HTMLElement>('.heard-panel')?.hidden === false);
}

/** The text of the widget's status block once it shows `needle`. */
async function statusShowing(page: Page, needle: string): Promise<string> {
  await page.waitForFunction((text) => document.querySelector('heard-root')?.shadowRoot?.querySelector('.heard-status')?.textContent?.includes(text) ?? false, needle);
  return page.evaluate(() => document.querySelector('heard-root')!.shadowRoot!.querySelector('.heard-status')!.textContent ?? '');
}

/** The follow-up email captured so far, if any. */
const followUpMail = () => smtp.mail.find((mail) => mail.subject?.startsWith('Is it sorted?'));

describe('the loop closes', () => {
  let visitor: BrowserContext;
  let page: Page;
  let inbox: Page;
  let reference: string;

  afterAll(async () => {
    await visitor?.close();
  });

  it('a visitor complains, an agent replies and resolves in the inbox, and the visitor reads the outcome in the widget', async () => {
    visitor = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await visitor.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => void (message.type() === 'error' && errors.push(`${message.text()} ${message.location().url}`)));

    // The visitor files a complaint, gives an email and agrees to be contacted.
    await page.goto(shopUrl);
    await openWidget(page);
    await sendMessages(page, [COMPLAINT]);
    await finishComplaint(page, { name: 'Ana Novak', email: VISITOR_EMAIL, followUpConsent: true });
    const thanks = (await settle(page)).lines.filter((line) => line.from === 'bot').map((line) => line.text).join(' ');
    reference = /HRD-[0-9A-Z]+/.exec(thanks)?.[0] ?? '';
    expect(reference, `the thanks said: ${thanks}`).not.toBe('');

    // The agent signs in and finds it in the queue, live.
    inbox = await browser.newPage();
    await inbox.goto(`${heardOrigin}/inbox/`);
    await inbox.locator('#sign-in-view').getByLabel('Email', { exact: true }).fill('mia@shop.example');
    await inbox.locator('#sign-in-view').getByLabel('Password', { exact: true }).fill(PASSWORD);
    await inbox.getByRole('button', { name: 'Sign in' }).click();
    const row = inbox.locator('#queue-rows tr', { hasText: 'Ana Novak' });
    await row.getByRole('button', { name: reference }).click();
    const detail = inbox.locator('#detail-view');
    await detail.locator('ol.transcript').getByText(COMPLAINT, { exact: true }).waitFor();
    await detail.getByRole('button', { name: 'Claim' }).click();
    await detail.getByText(/^Claimed by you/).waitFor();
    expect(await detail.locator('dl.facts dt:text-is("May we follow up") + dd').textContent()).toBe('yes');

    // Before writing, the agent reads how a reply reaches the visitor: the widget, and email.
    expect(await detail.locator('#reply-delivery').textContent()).toBe('The visitor will see this in the widget and by email to a…@example.com.');

    // A first reply, before the work is done: the visitor sees it the next time they open the widget.
    await detail.getByLabel('Reply', { exact: true }).fill(FIRST_REPLY);
    await detail.getByRole('button', { name: 'Send reply' }).click();
    await detail.locator('#replies').getByText(FIRST_REPLY).waitFor();
    const firstReply = detail.locator('#replies li', { hasText: FIRST_REPLY });
    expect(await firstReply.locator('.reply-email').textContent()).toBe('Email: waiting to be sent.');
    // Once its email is sent, the open complaint says so without a reload.
    await runDueJobs();
    await firstReply.locator('.reply-email', { hasText: 'Email: sent.' }).waitFor();
    await page.getByRole('button', { name: 'Close' }).first().click();
    await openWidget(page);
    const inProgress = await statusShowing(page, FIRST_REPLY);
    expect(inProgress).toContain(`Your complaint ${reference} is being looked into.`);

    // The agent resolves it; resolving asks for the reply that tells the visitor the outcome.
    await detail.getByLabel('Reply to the visitor: the outcome').fill(OUTCOME);
    await detail.getByLabel('Resolution note (internal)').fill('Replacement kettle sent from stock.');
    await detail.getByRole('button', { name: 'Resolve' }).click();
    await detail.locator('#resolution').getByText(/^Resolved by Mia/).waitFor();
    expect(await detail.locator('#replies li').count()).toBe(2);

    // The visitor comes back: the widget tells them the outcome, as text, before offering more.
    await page.reload();
    await openWidget(page);
    const resolved = await statusShowing(page, 'Mia, customer care');
    expect(resolved).toContain(`Your complaint ${reference} was resolved on`);
    expect(resolved).not.toContain('Replacement kettle sent from stock.');
    const shown = await page.evaluate(() => {
      const root = document.querySelector('heard-root')!.shadowRoot!;
      const reply = root.querySelector<HTMLElement>('.heard-status-reply')!;
      const another = [...root.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Raise another complaint');
      return {
        reply: reply.innerText,
        markup: reply.querySelector('b') !== null,
        beforeNewComplaint: !!another && !!(reply.compareDocumentPosition(another) & Node.DOCUMENT_POSITION_FOLLOWING),
      };
    });
    expect(shown).toEqual({ reply: OUTCOME, markup: false, beforeNewComplaint: true });
    await expect.poll(() => page.getByRole('button', { name: 'Raise another complaint' }).isVisible()).toBe(true);
    await settle(page);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('when the follow-up falls due the visitor gets one email, and its links rate the complaint once', async () => {
    expect(reference, 'the first part of the loop ran').toBeTruthy();
    const [listed] = await store.listRecords();
    const complaint = (await store.getRecord(listed!.id))!;
    expect(complaint.reference).toBe(reference);
    const job = (await store.listJobs({ status: 'pending' })).find((j) => j.kind === FOLLOW_UP_JOB && j.complaintId === complaint.id);
    expect(job, 'resolving wrote the follow-up').toBeDefined();
    const dueAt = Date.parse(job!.dueAt);
    // Due at the follow-up the widget planned, and never sooner than a day after resolution.
    expect(dueAt).toBeGreaterThanOrEqual(Date.parse(complaint.record.followUpAt!));
    expect(dueAt).toBeGreaterThanOrEqual(Date.parse(complaint.resolvedAt!) + 24 * 3600_000);

    // A minute early: nothing yet.
    now = dueAt - 60_000;
    await runDueJobs();
    expect(followUpMail()).toBeUndefined();

    now = dueAt;
    await runDueJobs();
    const mail = followUpMail();
    expect(mail, `mail captured: ${JSON.stringify(smtp.mail.map((m) => m.subject))}`).toBeDefined();
    expect(smtp.mail.filter((m) => m.subject?.startsWith('Is it sorted?'))).toHaveLength(1);
    expect(smtp.recipients[smtp.mail.indexOf(mail!)]).toEqual([VISITOR_EMAIL]);
    expect(mail!.subject).toBe(`Is it sorted? Your complaint ${reference}`);
    expect(mail!.replyTo?.text).toBe(TEAM);
    expect(mail!.text).toContain('Hello Ana Novak,');

    /** The link for one score, from the email's text part. */
    const linkFor = (score: number) => {
      const found = new RegExp(`^.*: (http://\\S+/rate\\?\\S+&score=${score})$`, 'm').exec(mail!.text ?? '');
      expect(found, `a link for ${score} in: ${mail!.text}`).not.toBeNull();
      return found![1]!;
    };

    // The visitor clicks 4 in the email: the page thanks them.
    const rating = await visitor.newPage();
    await rating.goto(linkFor(4));
    await rating.getByText('Thank you: you rated 4 of 5.', { exact: true }).waitFor();
    expect(await rating.title()).toBe('Thank you: you rated 4 of 5.');

    // Then 1 from the same email: already rated, and the first score stands.
    await rating.goto(linkFor(1));
    await rating.getByText('This complaint has already been rated. Thank you.', { exact: true }).waitFor();

    // The agent sees the rating on the complaint, live in the inbox and through the API.
    const satisfaction = inbox.locator('#detail-view dl.facts dt:text-is("Satisfaction") + dd');
    await expect.poll(() => satisfaction.textContent()).toBe('4 of 5 (from the follow-up email)');
    const headers = await signIn(heard, 'mia@shop.example');
    const answer = await heard.inject({ method: 'GET', url: `/api/complaints/${complaint.id}`, headers });
    expect(answer.statusCode).toBe(200);
    expect(answer.json().complaint.csat).toBe(4);

    // Later passes of the worker send nothing more.
    now = dueAt + 7 * 24 * 3600_000;
    await runDueJobs();
    expect(smtp.mail.filter((m) => m.subject?.startsWith('Is it sorted?'))).toHaveLength(1);
  });
});
