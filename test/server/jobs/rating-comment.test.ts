/**
 * The comment box after a one-click rating: the page the follow-up link opens thanks the visitor
 * and offers a labelled box; a plain form post to the same signed link keeps the comment with
 * the rating, once, and agents read it with the complaint.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.mjs';
import { signRatingToken } from '../../../server/jobs/commitments/rating-link.mjs';
import { LINK_PER_MINUTE } from '../../../server/jobs/commitments/routes.mjs';
import { emailText } from '../../../server/jobs/forwarding/email.mjs';
import { createEvent } from '../../../server/jobs/forwarding/events.mjs';
import { slackMessage } from '../../../server/jobs/forwarding/slack.mjs';
import { generateWebhookSecret } from '../../../server/jobs/forwarding/webhook.mjs';
import type { createWorker } from '../../../server/jobs/worker.mjs';
import { sampleComplaint, sampleRating, sampleStatusKey } from '../../../server/sample-records.mjs';
import { createSqliteStore } from '../../../server/store/sqlite/sqlite-store.mjs';
import { signedIn } from '../../support/agents.ts';
import { startWebhookReceiver, type HttpPeer } from '../../support/forwarding-peers.ts';

const DAY = 24 * 3600_000;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('a comment after the follow-up rating', () => {
  let app: ReturnType<typeof createApp>;
  let store: ReturnType<typeof createSqliteStore>;
  let auth: { authorization: string };
  let secret: string;

  beforeEach(async () => {
    store = createSqliteStore({ path: ':memory:' });
    app = createApp({ store, allowedOrigins: [], rateLimit: 0, jobs: { worker: false, publicUrl: 'https://heard.shop.example' } });
    app.addHook('onClose', async () => store.close());
    await app.ready();
    ({ headers: auth } = await signedIn(app, store, { name: 'Bea' }));
    secret = await store.serverSecret('link-signing', () => 'unused');
  });
  afterEach(() => app.close());

  const receive = (record: object) => app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(record) });
  const link = (complaintId: string, { expiresAt = Date.now() + 28 * DAY, purpose = 'rating' as 'rating' | 'unsubscribe', score = 3 } = {}) =>
    `/rate?token=${signRatingToken({ complaintId, expiresAt, secret, purpose })}&score=${score}`;
  const comment = (url: string, text: string) => app.inject({ method: 'POST', url, headers: FORM, payload: new URLSearchParams({ comment: text }).toString() });
  /** A complaint in the visitor's language, rated 3 from its follow-up link; resolves with the link. */
  const rated = async (locale: 'en' | 'hu' = 'en') => {
    const record = sampleComplaint({ locale });
    await receive(record);
    const url = link(record.id);
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(200);
    return { record, url };
  };

  it('thanks for the rating first, then offers a labelled box in the visitor\'s language that works without script', async () => {
    const record = sampleComplaint({ locale: 'sk' });
    await receive(record);
    const page = await app.inject({ method: 'GET', url: link(record.id, { score: 4 }) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="sk">');
    expect(page.body).toContain('<main><p>Ďakujeme: Vaše hodnotenie je 4 z 5.</p><form method="post">');
    expect(page.body).toContain('<label for="comment">Chcete nám povedať viac? (nepovinné)</label>');
    expect(page.body).toMatch(/<textarea id="comment" name="comment"[^>]* aria-describedby="comment-hint">/);
    expect(page.body).toContain('<button type="submit">Odoslať komentár</button>');
    expect(page.body).not.toContain('<script');
    expect(page.headers['content-security-policy']).toContain("form-action 'self'");
  });

  it('keeps a comment posted from the box once, as written, and gives it to agents with the complaint', async () => {
    const { record, url } = await rated('hu');
    // Opening the link again, as a mail scanner does, stores nothing, and still offers the box.
    const reopened = await app.inject({ method: 'GET', url });
    expect(reopened.body).toContain('<main><p>Ezt a panaszt már értékelte. Köszönjük.</p><form method="post">');
    expect((await store.getRecord(record.id))?.ratingComment).toBeNull();

    const text = 'Megjött, de <img src=x onerror=alert(1)> & "megint" horpadt.\r\nMásodik sor.';
    const sent = await comment(url, text);
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('<html lang="hu">');
    expect(sent.body).toContain('Köszönjük: megjegyzését továbbítottuk a csapatnak.');
    const kept = 'Megjött, de <img src=x onerror=alert(1)> & "megint" horpadt.\nMásodik sor.';
    const { complaint } = (await app.inject({ url: `/api/complaints/${record.id}`, headers: auth })).json();
    expect(complaint.csat).toBe(3);
    expect(complaint.ratingComment).toEqual({ text: kept, at: expect.any(String) });

    const again = await comment(url, 'Changed my mind.');
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Ehhez a panaszhoz már küldött megjegyzést.');
    expect((await store.getRecord(record.id))?.ratingComment?.text).toBe(kept);
    // Once commented, the link says it was rated and offers no box.
    expect((await app.inject({ method: 'GET', url })).body).not.toContain('<textarea');
  });

  it('refuses a comment longer than 2,000 characters with a clear page that gives the text back', async () => {
    const { record, url } = await rated();
    const long = `${'<b>Too long</b> '.repeat(125)}x`;
    expect([...long]).toHaveLength(2001);
    const refused = await comment(url, long);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Your comment is 2,001 characters long. Please shorten it to 2,000 characters or fewer and send it again.');
    expect(refused.body).toContain(`aria-invalid="true">${'&#60;b&#62;Too long&#60;/b&#62; '.repeat(125)}x</textarea>`);
    expect((await store.getRecord(record.id))?.ratingComment).toBeNull();

    // 2,000 characters are fine, counted as characters, not bytes or UTF-16 units.
    const emoji = '🙂'.repeat(2000);
    expect((await comment(url, emoji)).statusCode).toBe(200);
    expect((await store.getRecord(record.id))?.ratingComment?.text).toBe(emoji);
  });

  it('asks for some text when the box was sent empty', async () => {
    const { record, url } = await rated();
    const empty = await comment(url, '  \n ');
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('The comment is empty.');
    expect(empty.body).toContain('<textarea id="comment"');
    expect((await store.getRecord(record.id))?.ratingComment).toBeNull();
  });

  it('refuses an expired, edited or unsubscribe link, and a complaint not rated from its link', async () => {
    const { record } = await rated();
    const expired = await comment(link(record.id, { expiresAt: Date.now() - 1000 }), 'Late.');
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('This link has expired.');
    const edited = link(record.id).replace(/token=(.)/, (_match, first: string) => `token=${first === 'A' ? 'B' : 'A'}`);
    expect((await comment(edited, 'Forged.')).statusCode).toBe(404);
    expect((await comment(link(record.id, { purpose: 'unsubscribe' }), 'Wrong link.')).statusCode).toBe(404);
    expect((await comment(link('no-such-complaint'), 'Nobody.')).statusCode).toBe(404);
    expect((await store.getRecord(record.id))?.ratingComment).toBeNull();

    const unrated = sampleComplaint();
    await receive(unrated);
    const notYet = await comment(link(unrated.id), 'Before rating.');
    expect(notYet.statusCode).toBe(409);
    expect(notYet.body).toContain('Please choose a rating in the email first.');
    expect((await store.getRecord(unrated.id))?.ratingComment).toBeNull();
  });

  it('records nothing when a link checker only asks for the headers of a rating link', async () => {
    // Mail scanners and link previews send HEAD first; only opening the page rates.
    const record = sampleComplaint();
    await receive(record);
    const checked = await app.inject({ method: 'HEAD', url: link(record.id, { score: 1 }) });
    expect(checked.statusCode).toBe(200);
    expect(checked.headers['cache-control']).toBe('no-store');
    expect((await store.getRecord(record.id))?.csat).toBeNull();
    expect((await app.inject({ url: link(record.id, { score: 4 }) })).body).toContain('Thank you: you rated 4 of 5.');
  });

  it("says a link expired in the visitor's language, and a broken link in the language their browser asks for", async () => {
    const record = sampleComplaint({ locale: 'hu' });
    await receive(record);
    const expired = await app.inject({ url: link(record.id, { expiresAt: Date.now() - 1000 }) });
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('<html lang="hu">');
    expect(expired.body).toContain('Ez a hivatkozás lejárt.');
    const expiredUnsubscribe = await app.inject({ url: link(record.id, { expiresAt: Date.now() - 1000, purpose: 'unsubscribe' }).replace('/rate', '/follow-up/unsubscribe') });
    expect(expiredUnsubscribe.body).toContain('Ez a hivatkozás lejárt.');

    const broken = link(record.id).replace(/token=(.)/, (_match, first: string) => `token=${first === 'A' ? 'B' : 'A'}`);
    const answer = await app.inject({ url: broken, headers: { 'accept-language': 'de-DE;q=0.9, sk-SK, en;q=0.5' } });
    expect(answer.statusCode).toBe(404);
    expect(answer.body).toContain('<html lang="sk">');
    expect(answer.body).toContain('Tento odkaz nie je platný.');
    expect((await app.inject({ url: broken, headers: { 'accept-language': 'de, *;q=0.1' } })).body).toContain('This link is not valid.');
  });

  it('limits how often one address may open or post to follow-up links, with Retry-After', async () => {
    // A link is a signed capability; nobody needs hundreds of tries a minute, and each post may
    // carry a quarter of a megabyte to read.
    const { url } = await rated();
    const tries = [];
    for (let i = 0; i < LINK_PER_MINUTE; i++) tries.push((await comment(url.replace('token=', 'token=x'), 'Guess.')).statusCode);
    expect(tries).not.toContain(429);
    const limited = await comment(url, 'Finally.');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const unsubscribe = '/follow-up/unsubscribe?token=bogus.token-value';
    for (let i = 0; i < LINK_PER_MINUTE; i++) expect((await app.inject({ url: unsubscribe })).statusCode).toBe(404);
    expect((await app.inject({ url: unsubscribe })).statusCode).toBe(429);
  });

  it('takes no comment for a complaint the visitor rated in the widget', async () => {
    const key = sampleStatusKey();
    const widgetRated = sampleComplaint({ visitor: { statusKey: key } });
    await receive(widgetRated);
    await receive(sampleRating(widgetRated.id, 5, key));
    const url = link(widgetRated.id);
    // The rating link finds it rated and offers no box; a post anyway changes nothing.
    const opened = await app.inject({ method: 'GET', url });
    expect(opened.body).toContain('This complaint has already been rated.');
    expect(opened.body).not.toContain('<textarea');
    const posted = await comment(url, 'Overwrite?');
    expect(posted.statusCode).toBe(409);
    expect(posted.body).toContain('This complaint has already been rated.');
    const complaint = await store.getRecord(widgetRated.id);
    expect(complaint?.csat).toBe(5);
    expect(complaint?.ratingComment).toBeNull();
  });
});

describe('forwarding a comment after the follow-up rating', () => {
  let receiver: HttpPeer;
  let app: ReturnType<typeof createApp>;
  afterEach(async () => {
    await app?.close();
    await receiver?.close();
  });

  it('sends rating.commented once, with the score and the comment, after the rating', async () => {
    const webhookSecret = generateWebhookSecret();
    receiver = await startWebhookReceiver(webhookSecret);
    const store = createSqliteStore({ path: ':memory:' });
    app = createApp({
      store,
      allowedOrigins: [],
      rateLimit: 0,
      jobs: {
        worker: false,
        allowPrivate: true,
        publicUrl: 'https://heard.shop.example',
        destinations: [{ id: 'env-webhook', kind: 'webhook', name: 'Webhook', config: { url: receiver.url, secret: webhookSecret }, events: ['rating.created', 'rating.commented'] }],
      },
    });
    app.addHook('onClose', async () => store.close());
    await app.ready();
    const record = sampleComplaint();
    await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(record) });
    const secret = await store.serverSecret('link-signing', () => 'unused');
    const url = `/rate?token=${signRatingToken({ complaintId: record.id, expiresAt: Date.now() + DAY, secret })}&score=2`;
    await app.inject({ method: 'GET', url });
    const post = (text: string) => app.inject({ method: 'POST', url, headers: FORM, payload: new URLSearchParams({ comment: text }).toString() });
    expect((await post('Still <b>dented</b>.')).statusCode).toBe(200);
    expect((await post('Second thoughts.')).statusCode).toBe(409);

    const worker = (app as unknown as { jobWorker: ReturnType<typeof createWorker> }).jobWorker;
    while ((await worker.runDue()) > 0) {
      // until nothing is due
    }
    const events = receiver.accepted().map((arrival) => arrival.verified as { type: string; data: Record<string, unknown> });
    expect(events.map((event) => event.type)).toEqual(['rating.created', 'rating.commented']);
    expect(events[1]?.data).toMatchObject({ csat: 2, comment: 'Still <b>dented</b>.', record: { id: record.id } });
  });
});

describe('a comment in an email or a chat message', () => {
  const record = sampleComplaint({ visitor: { email: 'anna@example.com' } });
  const context = {
    event: createEvent('rating.commented', record.id, { at: new Date().toISOString(), details: { csat: 2, comment: 'Call me on +36 30 123 4567\nor write to anna@example.com. <!channel>' } }),
    record,
    summary: { reference: record.reference, urgency: 'normal', category: 'delivery', verified: false },
    inboxUrl: `https://heard.shop.example/inbox/#complaint=${record.id}`,
  };

  it("puts the comment into the team's email as written, under what happened", () => {
    const text = emailText(context);
    expect(text.split('\n')[0]).toBe(`Comment with the rating 2/5: ${record.reference}`);
    expect(text).toContain("Visitor's comment: Call me on +36 30 123 4567\nor write to anna@example.com. <!channel>");
  });

  it('shows the comment in chat on one line, escaped, with contact details masked unless they are included', () => {
    expect(slackMessage(context, { personalData: false }).text).toContain('Comment: Call me on [hidden] or write to [hidden]. &lt;!channel&gt;');
    expect(slackMessage(context, { personalData: true }).text).toContain('Comment: Call me on +36 30 123 4567 or write to anna@example.com. &lt;!channel&gt;');
  });
});
