/**
 * The follow-up email: a day after resolution a visitor who agreed gets one email, in their
 * language, with a one-click rating (once, 28 days) and an unsubscribe link; nobody else does.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.mjs';
import { composeFollowUp, emailHash } from '../../../server/jobs/commitments/follow-up.mjs';
import { signRatingToken } from '../../../server/jobs/commitments/rating-link.mjs';
import { createMailer } from '../../../server/jobs/forwarding/email.mjs';
import type { createWorker } from '../../../server/jobs/worker.mjs';
import { sampleComplaint, sampleStatusKey } from '../../../server/sample-records.mjs';
import { createSqliteStore } from '../../../server/store/sqlite/sqlite-store.mjs';
import { signedIn } from '../../support/agents.ts';
import { startMailServer, type MailPeer } from '../../support/forwarding-peers.ts';

const DAY = 24 * 3600_000;
type Worker = ReturnType<typeof createWorker>;

describe('follow-up emails', () => {
  let smtp: MailPeer;
  let app: ReturnType<typeof createApp>;
  let store: ReturnType<typeof createSqliteStore>;
  let now: number;
  let auth: { authorization: string };

  beforeAll(async () => {
    smtp = await startMailServer();
  });
  afterAll(() => smtp.close());

  beforeEach(async () => {
    now = Date.now();
    store = createSqliteStore({ path: ':memory:' });
    app = createApp({
      store,
      allowedOrigins: [],
      rateLimit: 0,
      jobs: { worker: false, publicUrl: 'https://heard.shop.example', mailFrom: 'Shop <care@shop.example>', teamEmail: 'team@shop.example' },
      mailer: createMailer(smtp.url),
      clock: { now: () => now },
    });
    app.addHook('onClose', async () => store.close());
    await app.ready();
    ({ headers: auth } = await signedIn(app, store, { name: 'Bea' }));
    now = Date.now();
    smtp.mail.length = 0;
    smtp.recipients.length = 0;
    return () => app.close();
  });

  const drain = async () => {
    const worker = (app as unknown as { jobWorker: Worker }).jobWorker;
    while ((await worker.runDue()) > 0) {
      // until nothing is due
    }
  };
  const receive = (record: object) => app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(record) });
  const resolve = (id: string) => app.inject({ method: 'POST', url: `/api/complaints/${id}/resolve`, headers: auth, payload: { note: 'Replacement sent.' } });
  /** The link for one score in a follow-up email, as a path on this server. */
  const linkFor = (text: string, score: number) => {
    const url = new URL(new RegExp(`(https://heard\\.shop\\.example/rate\\?\\S+&score=${score})`).exec(text)![1]!);
    return `${url.pathname}${url.search}`;
  };

  it('asks a consenting visitor once, a day after resolution, in their language, and takes one rating by one click', async () => {
    const record = sampleComplaint({ locale: 'hu', visitor: { name: 'Kiss Anna', email: 'anna@example.com', followUpConsent: true } });
    await receive(record);
    await resolve(record.id);
    await drain();
    expect(smtp.mail).toHaveLength(0);

    now += DAY + 10 * 60_000;
    await drain();
    const [mail] = await smtp.waitForMail(1);
    expect(smtp.recipients[0]).toEqual(['anna@example.com']);
    expect(mail?.subject).toBe(`Megoldódott? ${record.reference} számú panasza`);
    expect(mail?.replyTo?.text).toBe('team@shop.example');
    expect(mail?.text).toContain('Kedves Kiss Anna!');
    const unsubscribeUrl = /(https:\/\/heard\.shop\.example\/follow-up\/unsubscribe\?\S+)/.exec(mail!.text!)![1];
    expect((mail?.headers.get('list') as { unsubscribe: { url: string } }).unsubscribe.url).toBe(unsubscribeUrl);
    // Automatic and Heard's: no out-of-office answers it, and one coming back is not threaded.
    expect(mail?.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail?.headers.get('x-heard-mail')).toBeTruthy();
    expect(String(mail?.html).match(/<[a-z!/][^>]*>/gi)).toEqual(['<!doctype html>', '<meta charset="utf-8">', '<pre style="white-space:pre-wrap;font-family:inherit">', '</pre>']);

    const rated = await app.inject({ method: 'GET', url: linkFor(mail!.text!, 4) });
    expect(rated.statusCode).toBe(200);
    expect(rated.body).toContain('Köszönjük: értékelése 4 az 5-ből.');
    expect(rated.headers['content-security-policy']).toContain("default-src 'none'");
    expect((await store.getRecord(record.id))?.csat).toBe(4);

    // The link works once: another score, or the same one again, changes nothing.
    const again = await app.inject({ method: 'GET', url: linkFor(mail!.text!, 1) });
    expect(again.body).toContain('Ezt a panaszt már értékelte.');
    expect((await store.getRecord(record.id))?.csat).toBe(4);

    now += 7 * DAY;
    await drain();
    expect(smtp.mail).toHaveLength(1);
  });

  it('sends the follow-up planned after the due date on the new schedule once an agent moves the date', async () => {
    const record = sampleComplaint({ visitor: { name: 'Ana Novak', email: 'ana@example.com', followUpConsent: true } });
    const dueBy = now + 2 * DAY;
    record.commitment = { ...record.commitment!, dueBy: new Date(dueBy).toISOString() };
    record.followUpAt = new Date(dueBy + 2 * DAY).toISOString();
    await receive(record);
    const moved = await app.inject({
      method: 'POST', url: `/api/complaints/${record.id}/due`, headers: auth,
      payload: { dueBy: new Date(dueBy + 5 * DAY).toISOString(), reason: 'The part ships next week.' },
    });
    expect(moved.statusCode).toBe(200);
    await resolve(record.id);

    // The old schedule, two days after the old date: nothing yet.
    now = dueBy + 2 * DAY + 60_000;
    await drain();
    expect(smtp.mail.map((mail) => mail.subject)).toEqual([]);
    // Two days after the new date.
    now = dueBy + 7 * DAY + 60_000;
    await drain();
    await smtp.waitForMail(1);
    expect(smtp.recipients[0]).toEqual(['ana@example.com']);
  });

  it('writes to no one who did not consent, gave no email, or already rated in the widget', async () => {
    const noConsent = sampleComplaint({ visitor: { followUpConsent: false } });
    const noEmail = sampleComplaint({ visitor: { email: null, followUpConsent: true } });
    const key = sampleStatusKey();
    const rated = sampleComplaint({ visitor: { followUpConsent: true, statusKey: key } });
    for (const record of [noConsent, noEmail, rated]) await receive(record);
    await receive({ schemaVersion: 1, type: 'rating', id: `${rated.id}:csat`, complaintId: rated.id, csat: 5, at: new Date().toISOString(), statusKey: key });
    for (const record of [noConsent, noEmail, rated]) await resolve(record.id);
    now += 3 * DAY;
    await drain();
    expect(smtp.mail).toHaveLength(0);
  });

  it('sends the follow-up to the one address the visitor gave, never to recipients a record lists after it', async () => {
    // Anyone can file a complaint: an "email" naming several recipients would make the shop's
    // mail server write to people who never contacted it.
    const listed = sampleComplaint({ visitor: { email: 'anna@example.com, list@other.example', followUpConsent: true } });
    const named = sampleComplaint({ visitor: { email: 'Anna <anna@example.com>, <list@other.example>', followUpConsent: true } });
    const plain = sampleComplaint({ visitor: { email: ' ana@example.com ', followUpConsent: true } });
    for (const record of [listed, named, plain]) await receive(record);
    for (const record of [listed, named, plain]) await resolve(record.id);
    now += 2 * DAY;
    await drain();
    await smtp.waitForMail(1);
    expect(smtp.recipients).toEqual([['ana@example.com']]);
    expect((await store.getRecord(listed.id))?.followedUpAt).toBeNull();
  });

  it('greets by a name only when it reads as one: no lines or links a stranger typed as the "name"', async () => {
    const planted = sampleComplaint({ visitor: { name: 'Ana\nYour refund is waiting at https://pay.evil.example', email: 'ana@example.com', followUpConsent: true } });
    await receive(planted);
    const complaint = (await store.getRecord(planted.id))!;
    const mail = composeFollowUp({ complaint, publicUrl: 'https://heard.shop.example', secret: 'test-secret', now, from: 'care@shop.example', replyTo: null });
    expect(mail.text.split('\n')[0]).toBe('Hello,');
    expect(mail.text).not.toContain('evil.example');
  });

  it('refuses an expired or edited link, and stops follow-ups for a visitor who unsubscribes', async () => {
    const first = sampleComplaint({ visitor: { email: 'ana@example.com', followUpConsent: true } });
    await receive(first);
    await resolve(first.id);
    now += DAY + 10 * 60_000;
    await drain();
    const [mail] = await smtp.waitForMail(1);

    const secret = await store.serverSecret('link-signing', () => 'unused');
    const expired = signRatingToken({ complaintId: first.id, expiresAt: Date.now() - 1000, secret });
    const expiredAnswer = await app.inject({ method: 'GET', url: `/rate?token=${expired}&score=5` });
    expect(expiredAnswer.body).toContain('This link has expired.');
    expect(expiredAnswer.statusCode).toBe(410);
    const edited = linkFor(mail!.text!, 5).replace(/token=(.)/, (_match, first: string) => `token=${first === 'A' ? 'B' : 'A'}`);
    expect((await app.inject({ method: 'GET', url: edited })).statusCode).toBe(404);
    expect((await store.getRecord(first.id))?.csat).toBeNull();

    const unsubscribeUrl = new URL(/(https:\/\/heard\.shop\.example\/follow-up\/unsubscribe\?\S+)/.exec(mail!.text!)![1]!);
    const unsubscribe = `${unsubscribeUrl.pathname}${unsubscribeUrl.search}`;
    const asked = await app.inject({ method: 'GET', url: unsubscribe });
    expect(asked.body).toContain('<form method="post">');
    // Opening the link is not enough (mail scanners open links); the button, or a mail client's one-click post, is.
    expect(await store.hasOptedOutOfFollowUps(emailHash('ana@example.com'))).toBe(false);
    const done = await app.inject({ method: 'POST', url: unsubscribe, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(done.body).toContain('you will get no more follow-up emails');
    expect(await store.hasOptedOutOfFollowUps(emailHash('ana@example.com'))).toBe(true);

    const second = sampleComplaint({ visitor: { email: 'ANA@example.com', followUpConsent: true } });
    await receive(second);
    await resolve(second.id);
    now += 2 * DAY;
    await drain();
    expect(smtp.mail).toHaveLength(1);
  });
});
