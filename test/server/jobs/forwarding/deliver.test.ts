import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { composeEmail, createMailer } from '../../../../server/jobs/forwarding/email.mjs';
import { deliver } from '../../../../server/jobs/forwarding/deliver.mjs';
import { createEvent, type Destination, type EventContext } from '../../../../server/jobs/forwarding/events.mjs';
import { createPoster } from '../../../../server/jobs/forwarding/http.mjs';
import { generateWebhookSecret } from '../../../../server/jobs/forwarding/webhook.mjs';
import { sampleComplaint } from '../../../../server/sample-records.mjs';
import { startChatEndpoint, startMailServer, startWebhookReceiver, type HttpPeer, type MailPeer } from '../../../support/forwarding-peers.ts';

const post = createPoster({ allowPrivate: true });

function context(overrides: Parameters<typeof sampleComplaint>[0] = {}, type: EventContext['event']['type'] = 'complaint.created'): EventContext {
  const record = sampleComplaint(overrides);
  return {
    event: createEvent(type, record.id, { at: new Date().toISOString(), details: type === 'complaint.claimed' ? { agent: { name: 'Bea' } } : {} }),
    record,
    summary: { reference: record.reference, urgency: 'high', category: 'delivery', verified: false },
    inboxUrl: `https://heard.shop.example/inbox/#complaint=${record.id}`,
  };
}

function destination(kind: Destination['kind'], config: Destination['config']): Destination {
  return { id: 'dest-1', kind, name: kind, config, events: ['complaint.created'], paused: false };
}

describe('webhook destinations', () => {
  const secret = generateWebhookSecret();
  let receiver: HttpPeer;
  afterEach(() => receiver.close());

  it('delivers the event, the record, the summary and the inbox link, signed so the receiver verifies it', async () => {
    receiver = await startWebhookReceiver(secret);
    const ctx = context();
    const outcome = await deliver(destination('webhook', { url: receiver.url, secret }), ctx, { post, mailer: null, mailFrom: 'heard@shop.example' });
    expect(outcome).toEqual({ ok: true });
    const [arrival] = receiver.accepted();
    expect(arrival?.headers['webhook-id']).toBe(ctx.event.id);
    expect(arrival?.verified).toEqual({
      type: 'complaint.created',
      timestamp: ctx.event.timestamp,
      data: { summary: ctx.summary, inboxUrl: ctx.inboxUrl, record: ctx.record },
    });
  });

  it('is refused by a receiver holding another secret, and says so without the secret', async () => {
    receiver = await startWebhookReceiver(generateWebhookSecret());
    const outcome = await deliver(destination('webhook', { url: receiver.url, secret }), context(), { post, mailer: null, mailFrom: 'heard@shop.example' });
    expect(outcome).toEqual({ ok: false, error: '401 from destination', retryAfter: null, pause: false });
    expect(receiver.arrivals[0]?.verified).toBeNull();
  });

  it('passes on Retry-After from a 503 and pauses on 410 Gone', async () => {
    receiver = await startWebhookReceiver(secret, (index) => [{ status: 503, headers: { 'retry-after': '120' } }, { status: 410 }][index]);
    const dest = destination('webhook', { url: receiver.url, secret });
    const options = { post, mailer: null, mailFrom: 'heard@shop.example' };
    expect(await deliver(dest, context(), options)).toEqual({ ok: false, error: '503 from destination', retryAfter: 120, pause: false });
    expect(await deliver(dest, context(), options)).toEqual({ ok: false, error: '410 from destination', retryAfter: null, pause: true });
  });

  it('reports a destination that is down as a failed attempt, not an exception', async () => {
    receiver = await startWebhookReceiver(secret);
    const url = receiver.url;
    await receiver.close();
    const outcome = await deliver(destination('webhook', { url, secret }), context(), { post, mailer: null, mailFrom: 'heard@shop.example' });
    expect(outcome).toEqual({ ok: false, error: 'Connection refused', retryAfter: null, pause: false });
    receiver = await startWebhookReceiver(secret);
  });
});

describe('email destinations', () => {
  let smtp: MailPeer;
  beforeAll(async () => {
    smtp = await startMailServer();
  });
  afterAll(() => smtp.close());

  it('mails the team with the reference, urgency, category and first words in the subject, replying to the visitor', async () => {
    const mailer = createMailer(smtp.url);
    const ctx = context({
      messages: [
        { from: 'bot', text: 'What happened?', at: new Date().toISOString() },
        { from: 'visitor', text: 'My parcel never arrived and the tracking page has said "out for delivery" for six days now', at: new Date().toISOString() },
      ],
    });
    const outcome = await deliver(destination('email', { to: 'team@shop.example' }), ctx, { post, mailer, mailFrom: 'heard@shop.example' });
    expect(outcome).toEqual({ ok: true });
    const [mail] = await smtp.waitForMail(1);
    expect(mail?.subject).toBe(`[${ctx.record.reference}] high · delivery · My parcel never arrived and the tracking page has said…`);
    expect(mail?.replyTo?.text).toBe('ana@example.com');
    expect(smtp.recipients[0]).toEqual(['team@shop.example']);
    expect(mail?.text).toContain(ctx.inboxUrl);
    expect(mail?.text).toContain(ctx.record.transcriptText.trim());
  });

  it("keeps the visitor's markup as text in the HTML part", async () => {
    const hostile = '<img src=x onerror=alert(1)><b>bold</b> <a href="https://evil.example">click</a> & more';
    const mailer = createMailer(smtp.url);
    const ctx = context({
      messages: [{ from: 'visitor', text: hostile, at: new Date().toISOString() }],
      transcriptText: `Visitor: ${hostile}\n`,
      visitor: { name: '<script>alert(2)</script>' },
    });
    const before = smtp.mail.length;
    expect(await deliver(destination('email', { to: 'team@shop.example' }), ctx, { post, mailer, mailFrom: 'heard@shop.example' })).toEqual({ ok: true });
    const mail = (await smtp.waitForMail(before + 1))[before];
    const html = String(mail?.html);
    // The only tags are the wrapper's own.
    expect(html.match(/<[a-z!/][^>]*>/gi)).toEqual(['<!doctype html>', '<meta charset="utf-8">', '<pre style="white-space:pre-wrap;font-family:inherit">', '</pre>']);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(mail?.text).toContain(hostile);
  });

  it('has no Reply-To when the visitor gave no email', async () => {
    const mailer = createMailer(smtp.url);
    const before = smtp.mail.length;
    await deliver(destination('email', { to: 'team@shop.example' }), context({ visitor: { email: null } }), { post, mailer, mailFrom: 'heard@shop.example' });
    const mail = (await smtp.waitForMail(before + 1))[before];
    expect(mail?.replyTo).toBeUndefined();
  });

  it('has no Reply-To when the visitor\'s email is not one plain address, so answering never writes to strangers', () => {
    // A display name can show the team an address of the shop's own while the answer goes elsewhere.
    for (const email of ['"legal@shop.example" <someone@evil.example>', 'ana@example.com, list@other.example', 'ana@example.com\r\nBcc: list@other.example']) {
      const mail = composeEmail(context({ visitor: { email } }), { to: 'team@shop.example', from: 'heard@shop.example' });
      expect(mail.replyTo, email).toBeUndefined();
      expect(mail.text).toContain(email.split(/\r?\n/)[0]);
    }
    expect(composeEmail(context({ visitor: { email: ' ana@example.com ' } }), { to: 'team@shop.example', from: 'heard@shop.example' }).replyTo).toBe('ana@example.com');
  });

  it('reports a temporary refusal by the mail server as a failed attempt', async () => {
    smtp.setRefusals((index) => (index === smtp.mail.length ? 451 : undefined));
    const before = smtp.mail.length;
    const mailer = createMailer(smtp.url);
    const outcome = await deliver(destination('email', { to: 'team@shop.example' }), context(), { post, mailer, mailFrom: 'heard@shop.example' });
    smtp.setRefusals(() => undefined);
    expect(outcome).toEqual({ ok: false, error: 'Mail server answered 451', retryAfter: null, pause: false });
    expect(smtp.mail.length).toBe(before);
  });

  it('waits for a mail server when none is configured, rather than dropping the event', async () => {
    const outcome = await deliver(destination('email', { to: 'team@shop.example' }), context(), { post, mailer: null, mailFrom: 'heard@shop.example' });
    expect(outcome).toMatchObject({ ok: false, error: 'No mail server configured (HEARD_SMTP_URL)' });
  });
});

describe('Slack-compatible destinations', () => {
  let chat: HttpPeer;
  beforeAll(async () => {
    chat = await startChatEndpoint();
  });
  afterAll(() => chat.close());

  const typed = 'I am ana@example.com, call +44 7700 900123 about ORD-1042, the kettle is dented <!channel>';

  it('posts one message with the reference, urgency, category, excerpt and inbox link, and only the name', async () => {
    const ctx = context({ messages: [{ from: 'visitor', text: typed, at: new Date().toISOString() }], visitor: { phone: '+44 7700 900123' } });
    expect(await deliver(destination('slack', { url: chat.url, personalData: false }), ctx, { post, mailer: null, mailFrom: 'x@shop.example' })).toEqual({ ok: true });
    const { text } = JSON.parse(chat.arrivals.at(-1)!.body);
    expect(text).toContain(`*${ctx.record.reference}*`);
    expect(text).toContain('Urgency: *high* · Category: *delivery*');
    expect(text).toContain('Ana Novak');
    expect(text).toContain(`<${ctx.inboxUrl}|Open in the inbox>`);
    expect(text).toContain('the kettle is dented');
    for (const personal of ['ana@example.com', '7700 900123', 'ORD-1042']) expect(text).not.toContain(personal);
    // Nobody gets notified by what a visitor typed.
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;!channel&gt;');
  });

  it('includes the contact details when the destination turns personal data on', async () => {
    const ctx = context({ messages: [{ from: 'visitor', text: typed, at: new Date().toISOString() }] });
    await deliver(destination('slack', { url: chat.url, personalData: true }), ctx, { post, mailer: null, mailFrom: 'x@shop.example' });
    const { text } = JSON.parse(chat.arrivals.at(-1)!.body);
    expect(text).toContain('Contact: ana@example.com · ORD-1042');
    expect(text).toContain(typed.replace('<!channel>', '&lt;!channel&gt;'));
  });

  it('says who claimed a complaint', async () => {
    await deliver(destination('slack', { url: chat.url, personalData: false }), context({}, 'complaint.claimed'), { post, mailer: null, mailFrom: 'x@shop.example' });
    expect(JSON.parse(chat.arrivals.at(-1)!.body).text).toContain('Claimed by Bea');
  });

  it('says in words that the visitor asked for a person', async () => {
    const escalated = context();
    escalated.event = createEvent('complaint.escalated', escalated.record.id, { at: new Date().toISOString(), details: { reason: 'visitor' } });
    await deliver(destination('slack', { url: chat.url, personalData: false }), escalated, { post, mailer: null, mailFrom: 'x@shop.example' });
    expect(JSON.parse(chat.arrivals.at(-1)!.body).text).toContain('Escalated (the visitor asked for a person)');
  });
});
