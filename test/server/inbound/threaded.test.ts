/**
 * An email answer is kept where a message from the widget is: in its complaint's thread, read
 * back by the visitor's status and shown in the inbox, once however often the mail is
 * delivered, reopening a resolved complaint within the reply window. On SQLite and PostgreSQL,
 * with the server's own thread storage (no stand-in).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.mjs';
import { createMailer } from '../../../server/jobs/forwarding/email.mjs';
import { sampleComplaint } from '../../../server/sample-records.mjs';
import type { Store } from '../../../server/store/store.mjs';
import { signedIn } from '../../support/agents.ts';
import { startMailServer, type MailPeer } from '../../support/forwarding-peers.ts';
import { SHOP_MAIL } from '../../support/job-app.ts';
import { bothStores } from '../../support/postgres.ts';

const SECRET = randomBytes(32).toString('base64url');
const SHOP = 'https://shop.example';

let smtp: MailPeer;
beforeAll(async () => {
  smtp = await startMailServer();
});
afterAll(() => smtp.close());

describe.each(bothStores())('an email answer in the thread on %s', (_name, open) => {
  let app: ReturnType<typeof createApp>;
  let store: Store;
  let agent: { authorization: string };

  beforeAll(async () => {
    store = await open();
    app = createApp({
      store,
      allowedOrigins: [SHOP],
      rateLimit: 0,
      jobs: { worker: false, ...SHOP_MAIL, inboundAddress: 'reply@inbound.shop.example' },
      mailer: createMailer(smtp.url),
      logger: false,
      inbound: { smtp: null, secret: SECRET, webhookSecret: null },
    });
    app.addHook('onClose', async () => store.close());
    await app.ready();
    ({ headers: agent } = await signedIn(app, store, { name: 'Bea' }));
  }, 60_000);
  afterAll(() => app?.close());

  const worker = () => (app as unknown as { jobWorker: { runDue(): Promise<number> } }).jobWorker;
  const drain = async () => {
    while ((await worker().runDue()) > 0) {
      // until nothing is due
    }
  };

  /** A complaint answered by an agent; resolves to its record, status key and reply address. */
  const answered = async () => {
    const statusKey = randomBytes(16).toString('base64url');
    const record = sampleComplaint({ visitor: { statusKey } as never });
    expect((await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(record) })).statusCode).toBe(201);
    const before = smtp.mail.length;
    expect((await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/replies`, headers: agent, payload: { text: 'Could you send the order number?' } })).statusCode).toBe(201);
    await drain();
    const mails = await smtp.waitForMail(before + 1);
    const mail = mails.slice(before).find((candidate) => candidate.text?.includes(record.reference))!;
    return { record, statusKey, replyTo: mail.replyTo!.value[0]!.address! };
  };
  const email = (to: string, text: string, messageId: string) =>
    `From: Ana Novak <ana@example.com>\r\nTo: ${to}\r\nSubject: Re: We replied\r\nMessage-ID: <${messageId}@mail.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n\r\nOn Mon, 7 Dec 2026 at 10:02, Heard support <support@shop.example> wrote:\r\n> Could you send the order number?\r\n`;
  const post = (raw: string) =>
    app.inject({ method: 'POST', url: '/inbound/email', headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${SECRET}` }, payload: raw });
  const status = async (id: string, key: string) =>
    (await app.inject({ url: `/complaints/${id}/status`, headers: { origin: SHOP, authorization: `Bearer ${key}` } })).json();

  it("keeps the answer's new text once in the thread, where the visitor's status and the inbox read it", async () => {
    const { record, statusKey, replyTo } = await answered();
    const raw = email(replyTo, 'The order number is 55821.', randomBytes(8).toString('hex'));
    expect((await post(raw)).statusCode).toBe(202);
    expect((await post(raw)).statusCode).toBe(202);
    expect((await status(record.id, statusKey)).messages.map((message: { text: string }) => message.text)).toEqual(['The order number is 55821.']);
    const detail = await app.inject({ url: `/api/complaints/${record.id}`, headers: agent });
    expect(JSON.stringify(detail.json())).toContain('The order number is 55821.');
  });

  it('tells the inbox it came by email, whether another address sent it, and the whole email; the visitor reads the new text only', async () => {
    const { record, statusKey, replyTo } = await answered();
    const own = email(replyTo, 'Order 55821.', randomBytes(8).toString('hex')).replace('ana@example.com', record.visitor.email!);
    const other = email(replyTo, 'Sent from my colleague.', randomBytes(8).toString('hex')).replace('ana@example.com', 'colleague@work.example');
    expect((await post(own)).statusCode).toBe(202);
    expect((await post(other)).statusCode).toBe(202);
    expect((await app.inject({ method: 'POST', url: `/complaints/${record.id}/messages`, headers: { origin: SHOP, authorization: `Bearer ${statusKey}`, 'content-type': 'application/json' }, payload: { id: randomUUID(), text: 'And from the widget.', at: new Date().toISOString() } })).statusCode).toBe(201);
    const messages = (await app.inject({ url: `/api/complaints/${record.id}`, headers: agent })).json().complaint.messages;
    expect(messages.map((message: { text: string, via: string }) => [message.text, message.via])).toEqual([['Order 55821.', 'email'], ['Sent from my colleague.', 'email'], ['And from the widget.', 'widget']]);
    expect(messages.map((message: { email: { senderDiffers: boolean } | null }) => message.email?.senderDiffers ?? null)).toEqual([false, true, null]);
    expect(messages[1].email.subject).toBe('Re: We replied');
    expect(messages[1].email.text).toMatch(/^Sent from my colleague\.\n\nOn Mon, 7 Dec 2026 at 10:02, Heard support <support@shop\.example> wrote:\n> Could you send the order number\?$/);
    const visitor = await status(record.id, statusKey);
    expect(visitor.messages.map((message: { text: string }) => message.text)).toEqual(['Order 55821.', 'Sent from my colleague.', 'And from the widget.']);
    expect(JSON.stringify(visitor)).not.toMatch(/wrote:|We replied|via|senderDiffers/);
  });

  it('takes the whole email away with its complaint when retention deletes it', async () => {
    const { record, replyTo } = await answered();
    expect((await post(email(replyTo, 'Here it is: 55821.', randomBytes(8).toString('hex')))).statusCode).toBe(202);
    expect((await store.threadMessagesOf(record.id)).map((message) => message.email?.subject)).toEqual(['Re: We replied']);
    expect((await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/resolve`, headers: agent, payload: { note: 'Found it.' } })).statusCode).toBe(200);
    expect(await store.purgeResolved({ resolvedBefore: new Date(Date.now() + 60_000).toISOString() })).toBeGreaterThanOrEqual(1);
    expect(await store.threadMessagesOf(record.id)).toEqual([]);
  });

  it('reopens a resolved complaint it answers within the reply window', async () => {
    const { record, statusKey, replyTo } = await answered();
    expect((await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/resolve`, headers: agent, payload: { note: 'Sent a new one.' } })).statusCode).toBe(200);
    expect((await status(record.id, statusKey)).status).toBe('resolved');
    expect((await post(email(replyTo, 'The new one is broken too.', randomBytes(8).toString('hex')))).statusCode).toBe(202);
    const after = await status(record.id, statusKey);
    expect(after.status).not.toBe('resolved');
    expect(after.messages.map((message: { text: string }) => message.text)).toEqual(['The new one is broken too.']);
  });
});
