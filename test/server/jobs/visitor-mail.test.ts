/**
 * The visitor hears back by email: an agent's reply (on its own or with the resolution) and a
 * moved due date reach a visitor who gave an email, in their language, answered to the team
 * address; nothing is queued without an email or a mail server; a mail server that fails and
 * recovers gets each email once; two instances on one PostgreSQL send each email once.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.mjs';
import { emailHash } from '../../../server/jobs/commitments/follow-up.mjs';
import { createMailer } from '../../../server/jobs/forwarding/email.mjs';
import { sampleComplaint } from '../../../server/sample-records.mjs';
import { createPostgresStore } from '../../../server/store/postgres/postgres-store.mjs';
import { createSqliteStore } from '../../../server/store/sqlite/sqlite-store.mjs';
import type { ComplaintRecord } from '../../../server/store/store.mjs';
import { signedIn } from '../../support/agents.ts';
import { mailApp } from '../../support/job-app.ts';
import { startMailServer, type MailPeer } from '../../support/forwarding-peers.ts';
import { startPostgres, type PostgresCluster } from '../../support/postgres.ts';

type App = ReturnType<typeof createApp>;
const JSON_HEADERS = { 'content-type': 'application/json' };
/** A status key as the widget makes one. */
const newKey = () => randomBytes(16).toString('base64url');
/** The tags of an HTML part that is only escaped text. */
const TEXT_ONLY_HTML = ['<!doctype html>', '<meta charset="utf-8">', '<pre style="white-space:pre-wrap;font-family:inherit">', '</pre>'];

let smtp: MailPeer;
beforeAll(async () => {
  smtp = await startMailServer();
});
afterAll(() => smtp.close());

describe('emails to the visitor on one instance', () => {
  let app: App;
  let store: ReturnType<typeof createSqliteStore>;
  let now: number;
  let agent: { authorization: string };
  let runDue: () => Promise<void>;

  /** Builds the server; `mail: false` is a server with no mail server configured. */
  const start = async ({ mail = true } = {}) => {
    now = Date.now();
    store = createSqliteStore({ path: ':memory:' });
    ({ app, runDue } = await mailApp(store, { smtpUrl: mail ? smtp.url : null, clock: { now: () => now } }));
    ({ headers: agent } = await signedIn(app, store, { name: 'Bea' }));
  };
  beforeEach(() => {
    smtp.mail.length = 0;
    smtp.recipients.length = 0;
    smtp.setRefusals(() => undefined);
    return () => app?.close();
  });

  /** Runs every job due by the fake clock, which never runs behind real time (the API's writes use it). */
  const drain = async () => {
    now = Math.max(now, Date.now());
    await runDue();
  };
  const receive = async (record: ComplaintRecord) => {
    const response = await app.inject({ method: 'POST', url: '/complaints', headers: JSON_HEADERS, payload: JSON.stringify(record) });
    expect(response.statusCode).toBe(201);
  };
  const work = (id: string, action: string, payload: object) => app.inject({ method: 'POST', url: `/api/complaints/${id}/${action}`, headers: agent, payload });
  const status = (id: string, key: string) => app.inject({ url: `/complaints/${id}/status`, headers: { authorization: `Bearer ${key}` } });
  const visitorJobs = async () => (await store.listJobs()).filter((job) => job.kind.startsWith('visitor.'));

  it('sends a reply to the visitor in their language, answered to the team, with the reference in the subject and HTML that is only text', async () => {
    await start();
    const record = sampleComplaint({ locale: 'sk', visitor: { name: 'Jana Kováčová', email: 'jana@example.com', followUpConsent: true } });
    await receive(record);
    const reply = 'Nová kanvica <b>odišla</b> dnes & príde v piatok. <script>alert(1)</script>';
    expect((await work(record.id, 'replies', { text: reply })).statusCode).toBe(201);
    await drain();

    const [mail] = await smtp.waitForMail(1);
    expect(smtp.recipients).toEqual([['jana@example.com']]);
    expect(mail?.to).toMatchObject({ text: 'jana@example.com' });
    expect(mail?.from?.text).toBe('"Shop care" <care@shop.example>');
    expect(mail?.replyTo?.text).toBe('team@shop.example');
    expect(mail?.messageId).toMatch(/^<[^@\s]+@shop\.example>$/);
    expect(mail?.subject).toBe(`Odpoveď k Vašej sťažnosti ${record.reference}`);
    expect(mail?.text).toBe([
      'Dobrý deň, Jana Kováčová,',
      '',
      `K Vašej sťažnosti ${record.reference} Vám posielame odpoveď:`,
      '',
      reply,
      '',
      'Ak chcete reagovať, stačí odpovedať na tento e-mail.',
    ].join('\n'));
    const html = String(mail?.html);
    expect(html.match(/<[a-z!/][^>]*>/gi)).toEqual(TEXT_ONLY_HTML);
    expect(html).toContain('Nová kanvica &#60;b&#62;odišla&#60;/b&#62; dnes &#38; príde v piatok. &#60;script&#62;alert(1)&#60;/script&#62;');

    // Sent once: running the worker again sends nothing more.
    now += 3600_000;
    await drain();
    expect(smtp.mail).toHaveLength(1);
  });

  it('emails the reply given on resolving once, even to a visitor who declined or stopped follow-ups, and shows it in the status', async () => {
    await start();
    const key = newKey();
    const record = sampleComplaint({ locale: 'hu', visitor: { name: 'Kiss Anna', email: 'anna@example.com', followUpConsent: false, statusKey: key } as never });
    await receive(record);
    await store.optOutOfFollowUps(emailHash('anna@example.com'), new Date().toISOString());
    const resolved = await work(record.id, 'resolve', { note: 'Replacement sent by courier.', reply: 'Az új vízforralót ma feladtuk.' });
    expect(resolved.statusCode).toBe(200);
    await drain();
    now += 3 * 24 * 3600_000;
    await drain();

    // A reply is a service message about the visitor's own complaint: consent and the opt-out
    // list are for follow-ups only.
    expect(smtp.mail.map((mail) => mail.subject)).toEqual([`Válaszunk ${record.reference} számú panaszára`]);
    expect(smtp.mail[0]?.text).toContain('Kedves Kiss Anna!');
    expect(smtp.mail[0]?.text).toContain('Az új vízforralót ma feladtuk.');
    // The internal note stays internal.
    expect(smtp.mail[0]?.text).not.toContain('courier');
    const seen = (await status(record.id, key)).json();
    expect(seen).toMatchObject({ status: 'resolved', replies: [{ text: 'Az új vízforralót ma feladtuk.' }] });
  });

  it('greets the visitor by a name on one line, and leaves out a "name" that carries a link or a message', async () => {
    // Anyone may file a complaint with someone else's address: the name they type must not let
    // them write their own lines, or links, into an email the shop sends.
    await start();
    const planted = sampleComplaint({ visitor: { name: 'Ana\n\nYour card was charged twice. Confirm it at https://pay.evil.example', email: 'ana@example.com' } });
    const linked = sampleComplaint({ visitor: { name: 'Ana, visit www.evil.example', email: 'ana@example.com' } });
    const spread = sampleComplaint({ visitor: { name: '  Kiss\n  Anna ', email: 'anna@example.com' } });
    for (const record of [planted, linked, spread]) {
      await receive(record);
      await work(record.id, 'replies', { text: 'We have sent a new kettle.' });
    }
    await drain();
    const mails = await smtp.waitForMail(3);
    const firstLines = mails.map((mail) => mail.text!.split('\n')[0]).sort();
    expect(firstLines).toEqual(['Hello Kiss Anna,', 'Hello,', 'Hello,']);
    for (const mail of mails) {
      expect(mail.text).not.toContain('evil.example');
      expect(String(mail.html)).not.toContain('evil.example');
    }
  });

  it('sends nothing to a visitor without an email, or to one whose email is not one address, and still shows the reply in the status', async () => {
    await start();
    const key = newKey();
    const noEmail = sampleComplaint({ visitor: { email: null, statusKey: key } as never });
    const twoAddresses = sampleComplaint({ visitor: { email: 'ana@example.com, someone@else.example' } });
    for (const record of [noEmail, twoAddresses]) {
      await receive(record);
      expect((await work(record.id, 'replies', { text: 'We have sent a new kettle.' })).statusCode).toBe(201);
    }
    expect((await work(noEmail.id, 'due', { dueBy: new Date(now + 5 * 24 * 3600_000).toISOString(), reason: 'The courier is late.' })).statusCode).toBe(200);
    await drain();

    expect(await visitorJobs()).toEqual([]);
    expect(smtp.mail).toHaveLength(0);
    expect((await status(noEmail.id, key)).json().replies).toEqual([expect.objectContaining({ text: 'We have sent a new kettle.' })]);
  });

  it('queues no email when no mail server is configured, and the reply still shows in the status', async () => {
    await start({ mail: false });
    const key = newKey();
    const record = sampleComplaint({ visitor: { statusKey: key } as never });
    await receive(record);
    expect((await work(record.id, 'replies', { text: 'Your refund is on its way.' })).statusCode).toBe(201);
    expect((await work(record.id, 'due', { dueBy: new Date(now + 5 * 24 * 3600_000).toISOString(), reason: 'The bank needs two more days.' })).statusCode).toBe(200);
    expect((await work(record.id, 'resolve', { note: 'Refunded.', reply: 'Refunded today.' })).statusCode).toBe(200);

    expect(await visitorJobs()).toEqual([]);
    expect((await status(record.id, key)).json().replies.map((reply: { text: string }) => reply.text)).toEqual(['Your refund is on its way.', 'Refunded today.']);
  });

  it('delivers a reply once after the mail server failed and recovered', async () => {
    await start();
    const record = sampleComplaint({ visitor: { email: 'ana@example.com' } });
    await receive(record);
    // The mail server refuses the first attempt for now (451), then accepts.
    let attempts = 0;
    smtp.setRefusals(() => (attempts++ === 0 ? 451 : undefined));
    expect((await work(record.id, 'replies', { text: 'A new kettle is on its way.' })).statusCode).toBe(201);
    await drain();
    expect(smtp.mail).toHaveLength(0);
    const [waiting] = await visitorJobs();
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Mail server answered 451' });

    now += 10_000;
    await drain();
    now += 60_000;
    await drain();
    expect(smtp.mail.map((mail) => mail.text)).toEqual([expect.stringContaining('A new kettle is on its way.')]);
    expect(await visitorJobs()).toEqual([expect.objectContaining({ status: 'done', attempts: 2 })]);
  });

  it('tells the visitor of a moved due date with the new date in their language and the reason as written, once', async () => {
    await start();
    const record = sampleComplaint({ locale: 'en', visitor: { name: 'Ana Novak', email: 'ana@example.com' } });
    await receive(record);
    const dueBy = '2030-03-04T09:00:00.000Z';
    const reason = 'The courier lost the parcel <again>; a new one leaves on Monday.';
    expect((await work(record.id, 'due', { dueBy, reason })).statusCode).toBe(200);
    await drain();

    const [mail] = await smtp.waitForMail(1);
    expect(smtp.recipients).toEqual([['ana@example.com']]);
    expect(mail?.subject).toBe(`A new date for your complaint ${record.reference}`);
    expect(mail?.replyTo?.text).toBe('team@shop.example');
    expect(mail?.text).toBe([
      'Hello Ana Novak,',
      '',
      `We need more time for your complaint ${record.reference}. Our new date for it is Monday, March 4, 2030.`,
      '',
      'The reason, from our team:',
      reason,
      '',
      'We are sorry for the wait, and we will keep you posted.',
      '',
      'You can answer by replying to this email.',
    ].join('\n'));
    expect(String(mail?.html).match(/<[a-z!/][^>]*>/gi)).toEqual(TEXT_ONLY_HTML);
    expect(String(mail?.html)).toContain('&#60;again&#62;');
    now += 3600_000;
    await drain();
    expect(smtp.mail).toHaveLength(1);
  });

  it('writes the new date in Malay, Hungarian and Slovak too, and tells only the latest of two quick moves', async () => {
    await start();
    const dueBy = '2030-03-04T09:00:00.000Z';
    const expected = {
      ms: 'Tarikh baharunya ialah Isnin, 4 Mac 2030.',
      hu: 'Az új határidő: 2030. március 4., hétfő.',
      sk: 'Nový termín je pondelok 4. marca 2030.',
    };
    for (const locale of ['ms', 'hu', 'sk'] as const) {
      const record = sampleComplaint({ locale, visitor: { email: `${locale}@example.com` } });
      await receive(record);
      // Moved twice before the worker ran: the first email would no longer be true.
      expect((await work(record.id, 'due', { dueBy: '2030-03-01T09:00:00.000Z', reason: 'Kurier.' })).statusCode).toBe(200);
      expect((await work(record.id, 'due', { dueBy, reason: 'Kurier meskal.' })).statusCode).toBe(200);
    }
    await drain();
    for (const locale of ['ms', 'hu', 'sk'] as const) {
      const sent = smtp.mail.filter((_mail, index) => smtp.recipients[index]?.[0] === `${locale}@example.com`);
      expect(sent).toHaveLength(1);
      expect(sent[0]?.text).toContain(expected[locale]);
    }
  });
});

describe('two instances on one PostgreSQL', () => {
  let cluster: PostgresCluster;
  // Starting a cluster takes a while on a busy machine: it gets its own time, apart from the test's.
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 120_000);
  afterAll(() => cluster?.stop());

  it('send each visitor email once', async () => {
    smtp.mail.length = 0;
    smtp.recipients.length = 0;
    smtp.setRefusals(() => undefined);
    const url = await cluster.createDatabase();
    const instances = await Promise.all([0, 1].map(async () => {
      const store = await createPostgresStore({ connectionString: url, poolSize: 4 });
      const app = createApp({ store, allowedOrigins: [], rateLimit: 0, jobs: { retrySchedule: [1], pollMs: 20, teamEmail: 'team@shop.example' }, mailer: createMailer(smtp.url) });
      app.addHook('onClose', async () => store.close());
      await app.ready();
      return { app, store };
    }));
    const apps = instances.map(({ app }) => app);
    const records = Array.from({ length: 20 }, (_, n) => sampleComplaint({ visitor: { email: `visitor-${n}@example.com` } }));
    const dueBy = new Date(Date.now() + 10 * 24 * 3600_000).toISOString();
    try {
      const { headers } = await signedIn(apps[0]!, instances[0]!.store, { name: 'Bea' });
      await Promise.all(records.map(async (record, index) => {
        const first = apps[index % 2]!;
        const other = apps[(index + 1) % 2]!;
        expect((await first.inject({ method: 'POST', url: '/complaints', headers: JSON_HEADERS, payload: JSON.stringify(record) })).statusCode).toBe(201);
        // The reply through one instance, the move through the other.
        expect((await first.inject({ method: 'POST', url: `/api/complaints/${record.id}/replies`, headers, payload: { text: `Reply to ${record.reference}` } })).statusCode).toBe(201);
        expect((await other.inject({ method: 'POST', url: `/api/complaints/${record.id}/due`, headers, payload: { dueBy, reason: 'Waiting for stock.' } })).statusCode).toBe(200);
      }));
      await smtp.waitForMail(records.length * 2);
    } finally {
      // Closing finishes the jobs in hand: anything sent twice would be in by now.
      await Promise.all(apps.map((app) => app.close()));
    }

    expect(smtp.mail).toHaveLength(records.length * 2);
    const ids = smtp.mail.map((mail) => mail.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [n, record] of records.entries()) {
      const sent = smtp.mail.filter((_mail, index) => smtp.recipients[index]?.[0] === `visitor-${n}@example.com`);
      // Each visitor's emails arrive in the order they were written.
      expect(sent.map((mail) => mail.subject)).toEqual([`A reply about your complaint ${record.reference}`, `A new date for your complaint ${record.reference}`]);
    }
  }, 120_000);
});
