/**
 * A visitor answers a reply email and the answer lands in its complaint's thread: the reply
 * email carries the complaint's own signed Reply-To; Heard's SMTP listener and
 * `POST /inbound/email` (shared secret or Standard Webhooks signature) take the answer as its
 * new text. A forged or altered token, a deleted complaint, one past its window, an
 * out-of-office, a bounce and Heard's own mail come back are not threaded, and the sender can
 * tell none of them from a threaded answer. On SQLite and PostgreSQL.
 *
 * The thread's storage is given to the server as one function; here it is a small in-memory
 * thread written for these tests (the real one is tested with its own route).
 */
import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.mjs';
import { createMailer } from '../../../server/jobs/forwarding/email.mjs';
import type { InboundMessage, ThreadMessage } from '../../../server/inbound/receive.mjs';
import { sampleComplaint } from '../../../server/sample-records.mjs';
import type { ComplaintRecord, Store } from '../../../server/store/store.mjs';
import { signedIn } from '../../support/agents.ts';
import { startMailServer, type MailPeer } from '../../support/forwarding-peers.ts';
import { SHOP_MAIL } from '../../support/job-app.ts';
import { bothStores } from '../../support/postgres.ts';
import { REPLY_FIXTURES } from './reply-fixtures.ts';

const INBOUND_SECRET = randomBytes(32).toString('base64url');
const WEBHOOK_SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const WINDOW_DAYS = 14;
const DAY = 24 * 3600_000;

/**
 * A test double of the thread's storage: keeps each message once by its id, refuses a
 * complaint that no longer exists or was resolved more than the window ago.
 */
function memoryThread(store: Store) {
  const messages: InboundMessage[] = [];
  const threadMessage: ThreadMessage = async (message) => {
    const complaint = (await store.getRecord(message.complaintId)) as unknown as { status: string; resolvedAt: string | null } | null;
    if (!complaint) return { threaded: false, reason: 'deleted' };
    if (complaint.status === 'resolved' && complaint.resolvedAt && Date.parse(message.at) - Date.parse(complaint.resolvedAt) > WINDOW_DAYS * DAY) {
      return { threaded: false, reason: 'window-closed' };
    }
    if (!messages.some((kept) => kept.id === message.id)) messages.push(message);
    return { threaded: true };
  };
  return { messages, threadMessage };
}

let smtp: MailPeer;
beforeAll(async () => {
  smtp = await startMailServer();
});
afterAll(() => smtp.close());

describe.each(bothStores())('email answers on %s', (_name, open) => {
  let app: ReturnType<typeof createApp>;
  let store: Store;
  let thread: ReturnType<typeof memoryThread>;
  let agent: { authorization: string };
  let smtpPort: number;
  let now: number;
  const logs: string[] = [];

  beforeAll(async () => {
    store = await open();
    thread = memoryThread(store);
    now = Date.now();
    app = createApp({
      store,
      allowedOrigins: [],
      rateLimit: 0,
      jobs: { worker: false, ...SHOP_MAIL, inboundAddress: 'reply@inbound.shop.example' },
      mailer: createMailer(smtp.url),
      clock: { now: () => now },
      logger: { level: 'info', stream: { write: (line: string) => void logs.push(line) } },
      inbound: {
        smtp: { port: 0, host: '127.0.0.1', tls: null },
        secret: INBOUND_SECRET,
        webhookSecret: WEBHOOK_SECRET,
        threadMessage: thread.threadMessage,
      },
    });
    app.addHook('onClose', async () => store.close());
    await app.ready();
    smtpPort = (app as unknown as { inboundSmtp: { port: number } }).inboundSmtp.port;
    ({ headers: agent } = await signedIn(app, store, { name: 'Bea' }));
  }, 60_000);
  afterAll(() => app?.close());

  const worker = () => (app as unknown as { jobWorker: { runDue(): Promise<number> } }).jobWorker;
  const drain = async () => {
    now = Math.max(now, Date.now());
    while ((await worker().runDue()) > 0) {
      // until nothing is due
    }
  };

  /** A complaint from ana@example.com, answered by an agent; resolves to the email the visitor got. */
  const complaintWithReply = async (overrides: Partial<ComplaintRecord> = {}) => {
    const record = sampleComplaint(overrides);
    expect((await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(record) })).statusCode).toBe(201);
    const before = smtp.mail.length;
    expect((await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/replies`, headers: agent, payload: { text: 'The new kettle left today.' } })).statusCode).toBe(201);
    await drain();
    const mails = await smtp.waitForMail(before + 1);
    const mail = mails.find((candidate, index) => index >= before && candidate.text?.includes(record.reference))!;
    return { record, mail, replyTo: mail.replyTo!.value[0]!.address! };
  };

  const smtpClient = () => nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
  /** Sends a raw message to the listener; resolves to its final answer line. */
  const sendSmtp = async (raw: string, to: string, from = 'ana@example.com') => {
    const info = await smtpClient().sendMail({ envelope: { from, to: [to] }, raw });
    return info.response as string;
  };
  const answer = (to: string, text: string, { from = 'ana@example.com', headers = '' } = {}) =>
    `From: Ana Novak <${from}>\r\nTo: ${to}\r\nSubject: Re: We replied\r\nMessage-ID: <${randomBytes(8).toString('hex')}@example.com>\r\n${headers}Content-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n`;
  const threaded = (complaintId: string) => thread.messages.filter((message) => message.complaintId === complaintId);

  it("gives the visitor's reply email a Reply-To of its own complaint, and marks it as Heard's automatic mail", async () => {
    const { record, mail, replyTo } = await complaintWithReply();
    expect(replyTo).toMatch(/^reply\+[a-z2-7]{20,60}@inbound\.shop\.example$/);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.headers.get('x-heard-mail')).toBeTruthy();
    expect(mail.text).toContain('You can answer by replying to this email.');
    const other = await complaintWithReply();
    expect(other.replyTo).not.toBe(replyTo);
    expect(record.id).not.toBe(other.record.id);
  });

  it('gives the moved-date email the same Reply-To as its complaint’s reply email', async () => {
    const { record, replyTo } = await complaintWithReply();
    const before = smtp.mail.length;
    const dueBy = new Date(Date.now() + 5 * DAY).toISOString();
    expect((await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/due`, headers: agent, payload: { dueBy, reason: 'The courier is late.' } })).statusCode).toBe(200);
    await drain();
    const mails = await smtp.waitForMail(before + 1);
    const moved = mails.slice(before).find((mail) => mail.text?.includes('The courier is late.'));
    expect(moved?.replyTo?.value[0]?.address).toBe(replyTo);
  });

  it('threads answers through the SMTP listener as their new text, in the styles of four mail clients', async () => {
    const { record, replyTo } = await complaintWithReply();
    const chosen = ['gmail', 'outlook', 'apple-mail', 'thunderbird'].map((client) => REPLY_FIXTURES.find((fixture) => fixture.client === client)!);
    for (const fixture of chosen) expect(await sendSmtp(fixture.raw.replaceAll('{{to}}', replyTo), replyTo)).toMatch(/^250 /);
    expect(threaded(record.id).map((message) => message.text)).toEqual(chosen.map((fixture) => fixture.expected));
    // The agent can still open the whole email, quoted history included.
    expect(threaded(record.id)[0]!.fullMessage.text).toContain('wrote:');
  });

  it('threads an answer posted with the shared secret or a Standard Webhooks signature, and refuses one with neither', async () => {
    const { record, replyTo } = await complaintWithReply();
    const [first, second] = [REPLY_FIXTURES[2]!, REPLY_FIXTURES[10]!];
    const byBearer = await app.inject({ method: 'POST', url: '/inbound/email', headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${INBOUND_SECRET}` }, payload: first.raw.replaceAll('{{to}}', replyTo) });
    expect(byBearer.statusCode).toBe(202);
    const body = second.raw.replaceAll('{{to}}', replyTo);
    const id = `msg_${randomBytes(6).toString('hex')}`;
    const at = new Date();
    const signature = new Webhook(WEBHOOK_SECRET).sign(id, at, body);
    const bySignature = await app.inject({
      method: 'POST',
      url: '/inbound/email',
      headers: { 'content-type': 'message/rfc822', 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signature },
      payload: body,
    });
    expect(bySignature.statusCode).toBe(202);
    expect(threaded(record.id).map((message) => message.text)).toEqual([first.expected, second.expected]);

    const unsigned = await app.inject({ method: 'POST', url: '/inbound/email', headers: { 'content-type': 'message/rfc822', authorization: 'Bearer not-the-secret' }, payload: body });
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json().message).toMatch(/bearer token/);
    const tampered = await app.inject({
      method: 'POST',
      url: '/inbound/email',
      headers: { 'content-type': 'message/rfc822', 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': signature },
      payload: body.replace('Subject: ', 'Subject: Altered '),
    });
    expect(tampered.statusCode).toBe(401);
    expect(threaded(record.id)).toHaveLength(2);
  });

  it('threads and flags an answer from an address other than the visitor’s', async () => {
    const { record, replyTo } = await complaintWithReply();
    await sendSmtp(answer(replyTo, 'From my work address: the order is 88412.', { from: 'a.novak@work.example' }), replyTo, 'a.novak@work.example');
    await sendSmtp(answer(replyTo, 'And from my own address.'), replyTo);
    expect(threaded(record.id).map(({ text, senderDiffers }) => ({ text, senderDiffers }))).toEqual([
      { text: 'From my work address: the order is 88412.', senderDiffers: true },
      { text: 'And from my own address.', senderDiffers: false },
    ]);
  });

  it('threads nothing for a forged, altered or missing token, a deleted complaint or one past its window, and answers every one as it answers a threaded one', async () => {
    const open = await complaintWithReply();
    const deleted = await complaintWithReply();
    const closed = await complaintWithReply();
    for (const { record } of [deleted, closed]) {
      expect((await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/resolve`, headers: agent, payload: { note: 'Done.' } })).statusCode).toBe(200);
    }
    await store.purgeResolved({ resolvedBefore: new Date(Date.now() + DAY).toISOString() });
    // The closed complaint, resolved again after the purge, then its window passes.
    const closedAgain = await complaintWithReply();
    expect((await app.inject({ method: 'POST', url: `/api/complaints/${closedAgain.record.id}/resolve`, headers: agent, payload: { note: 'Done.' } })).statusCode).toBe(200);
    const token = open.replyTo.slice('reply+'.length, open.replyTo.indexOf('@'));
    const altered = `reply+${token.slice(0, -3)}${token.slice(-3) === 'aaa' ? 'bbb' : 'aaa'}@inbound.shop.example`;
    const forged = `reply+u${'a'.repeat(42)}@inbound.shop.example`;

    const answers: string[] = [];
    answers.push(await sendSmtp(answer(open.replyTo, 'A real answer.'), open.replyTo));
    for (const to of [altered, forged, deleted.replyTo]) answers.push(await sendSmtp(answer(to, 'Secret words nobody should log.'), to));
    now += (WINDOW_DAYS + 1) * DAY;
    answers.push(await sendSmtp(answer(closedAgain.replyTo, 'Secret words nobody should log.'), closedAgain.replyTo));
    now = Date.now();

    // Every sender is answered alike: nothing says which token names a live complaint.
    expect(new Set(answers)).toEqual(new Set([answers[0]]));
    expect(threaded(open.record.id).map((message) => message.text)).toEqual(['A real answer.']);
    for (const record of [deleted.record, closedAgain.record]) expect(threaded(record.id)).toEqual([]);
    expect(thread.messages.some((message) => message.text.includes('Secret words'))).toBe(false);
    // The same over HTTP: 202 for each.
    for (const to of [forged, deleted.replyTo]) {
      const response = await app.inject({ method: 'POST', url: '/inbound/email', headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${INBOUND_SECRET}` }, payload: answer(to, 'Secret words nobody should log.') });
      expect(response.statusCode).toBe(202);
      expect(response.json()).toEqual({ status: 'accepted' });
    }

    // The operator's log says why, without an address or a word of the message.
    const notThreaded = logs.filter((line) => line.includes('email not threaded'));
    const reasons = notThreaded.map((line) => JSON.parse(line).reason);
    expect(reasons).toEqual(expect.arrayContaining(['forged-token', 'deleted', 'window-closed']));
    for (const line of notThreaded) {
      expect(line).not.toContain('Secret words');
      expect(line).not.toContain('ana@example.com');
      expect(line).not.toContain('inbound.shop.example');
    }
  });

  it('takes mail only for well-shaped reply addresses at the inbound domain, so it relays for no one', async () => {
    const { replyTo } = await complaintWithReply();
    for (const to of ['someone@elsewhere.example', 'reply@inbound.shop.example', 'reply+short@inbound.shop.example', replyTo.replace('inbound.shop.example', 'shop.example')]) {
      await expect(sendSmtp(answer(to, 'Relay me.'), to)).rejects.toMatchObject({ responseCode: 550 });
    }
  });

  it('threads no out-of-office answer, bounce or Heard email come back, so no loop can start', async () => {
    const { record, mail, replyTo } = await complaintWithReply();
    const automatic = [
      answer(replyTo, 'I am away until Monday.', { headers: 'Auto-Submitted: auto-replied\r\n' }),
      answer(replyTo, 'I am away until Monday.', { headers: 'X-Autoreply: yes\r\n' }),
      answer(replyTo, 'I am away until Monday.', { headers: 'Precedence: auto_reply\r\n' }),
      answer(replyTo, 'Nem vagyok elérhető.').replace('Subject: Re: We replied', 'Subject: Automatikus válasz: Re: We replied'),
      answer(replyTo, 'Saya di luar pejabat.').replace('Subject: Re: We replied', 'Subject: Di luar pejabat: Re: We replied'),
      // Heard's own email, sent back by a mail system.
      answer(replyTo, mail.text!, { headers: `Auto-Submitted: auto-generated\r\nX-Heard-Mail: ${mail.headers.get('x-heard-mail')}\r\n` }),
    ];
    for (const raw of automatic) expect(await sendSmtp(raw, replyTo)).toMatch(/^250 /);
    const bounce = [
      `From: Mail Delivery System <MAILER-DAEMON@mx.example.net>`,
      `To: ${replyTo}`,
      'Subject: Undelivered Mail Returned to Sender',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'This is the mail system. Your message could not be delivered.',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.net',
      '--b1--',
      '',
    ].join('\r\n');
    expect(await sendSmtp(bounce, replyTo, 'MAILER-DAEMON@mx.example.net')).toMatch(/^250 /);
    const posted = await app.inject({ method: 'POST', url: '/inbound/email', headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${INBOUND_SECRET}` }, payload: bounce });
    expect(posted.statusCode).toBe(202);
    // A person's answer to the same address still arrives.
    await sendSmtp(answer(replyTo, 'Not an auto-reply.'), replyTo);
    expect(threaded(record.id).map((message) => message.text)).toEqual(['Not an auto-reply.']);
    const reasons = logs.filter((line) => line.includes('email not threaded')).map((line) => JSON.parse(line).reason);
    expect(reasons).toEqual(expect.arrayContaining(['auto-reply', 'bounce', 'own-mail']));
  });

  it('takes the same email delivered twice once', async () => {
    const { record, replyTo } = await complaintWithReply();
    const raw = answer(replyTo, 'Sent once, delivered twice.');
    await sendSmtp(raw, replyTo);
    await sendSmtp(raw, replyTo);
    expect(threaded(record.id).map((message) => message.text)).toEqual(['Sent once, delivered twice.']);
  });
});
