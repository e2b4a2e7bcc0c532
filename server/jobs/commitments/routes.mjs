// @ts-check
/**
 * The visitor's side of a follow-up email, without signing in: `GET /rate?token=…&score=N`
 * records a 1–5 rating with one click (once; the link expires after 28 days) and offers a box
 * for a comment, which a plain form `POST` to the same link keeps with the rating (once, up to
 * 2,000 characters; mail scanners open links, so only a POST stores anything), and
 * `/follow-up/unsubscribe?token=…` stops follow-up emails (a page with a button, and the
 * one-click `POST` mail clients send). Pages are plain HTML with every value escaped, in the
 * visitor's language.
 */
import { canonicalHash } from '../../receiver/canonical-hash.mjs';
import { escapeHtml } from '../forwarding/email.mjs';
import { emailHash } from './follow-up.mjs';
import { acceptedLocale, fill, messagesFor } from './messages.mjs';
import { verifyRatingToken } from './rating-link.mjs';

const PAGE_CSP = "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
const TOKEN = { type: 'string', minLength: 10, maxLength: 400 };
/**
 * The token travels in the query string (it is longer than a path segment may be), and these
 * routes log only warnings: a request line would put a capability into the server's log.
 */
const QUIET = /** @type {const} */ ('warn');
/**
 * Requests per minute one address may make to each of these pages: a visitor clicks, comments
 * and maybe reloads; a guesser, or a flood of quarter-megabyte posts, is turned away early.
 */
export const LINK_PER_MINUTE = 30;
const LIMITED = { rateLimit: { max: LINK_PER_MINUTE, timeWindow: 60_000 } };
/** The longest comment kept, in characters (code points). */
export const COMMENT_MAX = 2000;

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{
 *   store: import('../../store/store.mjs').Store,
 *   secret: () => string,
 *   needsSentFollowUp?: boolean,
 *   jobsForRating: (record: import('../../store/store.mjs').RatingRecord, at: string) => Promise<import('../../store/store.mjs').JobSpec[]>,
 *   jobsForComment: (complaintId: string, details: { csat: number | undefined, comment: string }, at: string) => Promise<import('../../store/store.mjs').JobSpec[]>,
 *   wakeWorker: () => void,
 * }} options
 *   `needsSentFollowUp`: a link is taken only for a complaint whose follow-up email was sent
 *   (with a link secret kept outside the database, which alone can sign one)
 */
export async function followUpRoutes(app, { store, secret, needsSentFollowUp = false, jobsForRating, jobsForComment, wakeWorker }) {
  // Form bodies: the comment box's, and the one-click unsubscribe of mail clients (nothing in it is used).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))));

  /**
   * @param {import('fastify').FastifyReply} reply
   * @param {number} status
   * @param {string | null | undefined} locale
   * @param {string} message
   * @param {string} [form] trusted markup of our own, built from escaped values
   */
  const page = (reply, status, locale, message, form = '') => {
    const { locale: lang } = messagesFor(locale);
    return reply
      .code(status)
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Content-Security-Policy', PAGE_CSP)
      .header('Cache-Control', 'no-store')
      .header('Referrer-Policy', 'no-referrer')
      .header('X-Content-Type-Options', 'nosniff')
      .send(`<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(message)}</title><main><p>${escapeHtml(message)}</p>${form}</main></html>`);
  };

  /**
   * The page for a link that cannot be used: an expired one in its visitor's language (it still
   * names its complaint), any other in the language the browser asks for, else English.
   * @param {import('fastify').FastifyRequest} request
   * @param {import('fastify').FastifyReply} reply
   * @param {{ reason: 'invalid' } | { reason: 'expired', complaintId: string }} refused
   */
  const refuse = async (request, reply, refused) => {
    const complaint = refused.reason === 'expired' ? await store.getRecord(refused.complaintId) : null;
    const t = messagesFor(complaint?.record.locale ?? acceptedLocale(request.headers['accept-language']));
    return page(reply, refused.reason === 'expired' ? 410 : 404, t.locale, t[refused.reason]);
  };

  /**
   * Whether a link could have come from a follow-up email: with `needsSentFollowUp`, only once one was sent.
   * @param {import('../../store/store.mjs').Complaint} complaint
   */
  const linkWasSent = (complaint) => !needsSentFollowUp || complaint.followedUpAt !== null;

  const rateQuery = { type: 'object', properties: { token: TOKEN, score: { type: 'integer', minimum: 1, maximum: 5 } }, required: ['token', 'score'] };

  // Mail scanners and link previews ask for a link's headers before (or instead of) opening it:
  // they get an answer, and nothing is rated.
  app.head('/rate', { logLevel: QUIET, config: LIMITED, schema: { querystring: rateQuery } }, async (_request, reply) =>
    reply.code(200).header('Content-Type', 'text/html; charset=utf-8').header('Cache-Control', 'no-store').header('Referrer-Policy', 'no-referrer').send());

  app.get('/rate', {
    logLevel: QUIET,
    config: LIMITED,
    // HEAD is the route above: a HEAD served by this handler would rate the complaint.
    exposeHeadRoute: false,
    schema: { querystring: rateQuery },
  }, async (request, reply) => {
    const { token, score } = /** @type {{ token: string, score: 1 | 2 | 3 | 4 | 5 }} */ (request.query);
    const now = Date.now();
    const checked = verifyRatingToken(token, { secret: secret(), now });
    if (!checked.ok) return refuse(request, reply, checked);
    const complaint = await store.getRecord(checked.complaintId);
    if (!complaint || !linkWasSent(complaint)) return refuse(request, reply, { reason: 'invalid' });
    const t = messagesFor(complaint.record.locale);
    if (complaint.csat !== null) {
      // Rated from this email (by this click earlier, or by a mail scanner opening the link) and
      // no comment yet: the box is still offered.
      const box = complaint.ratedFrom === 'follow-up' && complaint.ratingComment === null ? commentForm(t) : '';
      return page(reply, 200, t.locale, t.already, box);
    }
    const at = new Date(now).toISOString();
    /** @type {import('../../store/store.mjs').RatingRecord} */
    const rating = { schemaVersion: 1, type: 'rating', id: `${complaint.id}:csat`, complaintId: complaint.id, csat: score, at };
    const jobs = await jobsForRating(rating, at);
    const { outcome } = await store.insertRecord(rating, { hash: canonicalHash(rating), receivedAt: at, event: { type: 'updated', data: { id: complaint.id } }, jobs, ratingSource: 'follow-up' });
    // A second click, on this link or another score, finds the first rating kept.
    if (outcome !== 'created') return page(reply, 200, t.locale, t.already);
    if (jobs.length > 0) wakeWorker();
    request.log.info({ complaintId: complaint.id }, 'follow-up rating recorded');
    return page(reply, 200, t.locale, fill(t.thanks, { score }), commentForm(t));
  });

  // The comment box posts here, to the link it was opened from; the same token, the same expiry.
  app.post('/rate', {
    logLevel: QUIET,
    // The comment is cleaned below (a NUL is dropped).
    config: { ...LIMITED, cleansText: true },
    // Room for a long paste: a comment over the limit gets its own page, with the text given back.
    bodyLimit: 256 * 1024,
    schema: { querystring: { type: 'object', properties: { token: TOKEN, score: { type: 'integer', minimum: 1, maximum: 5 } }, required: ['token'] } },
  }, async (request, reply) => {
    const { token } = /** @type {{ token: string }} */ (request.query);
    const checked = verifyRatingToken(token, { secret: secret(), now: Date.now() });
    if (!checked.ok) return refuse(request, reply, checked);
    const complaint = await store.getRecord(checked.complaintId);
    if (!complaint || !linkWasSent(complaint)) return refuse(request, reply, { reason: 'invalid' });
    const t = messagesFor(complaint.record.locale);
    const body = /** @type {{ comment?: unknown } | null | undefined} */ (request.body);
    const written = typeof body?.comment === 'string' ? body.comment : '';
    const comment = written.replace(/\r\n?/g, '\n').replaceAll('\u0000', '').trim();
    if (comment === '') return page(reply, 400, t.locale, t.commentEmpty, commentForm(t));
    const length = [...comment].length;
    if (length > COMMENT_MAX) {
      // What they wrote comes back in the box, so shortening it loses nothing.
      return page(reply, 400, t.locale, fill(t.commentTooLong, { count: new Intl.NumberFormat(t.locale).format(length) }), commentForm(t, written));
    }
    const at = new Date().toISOString();
    // Forwarding's `rating.commented`, written with the comment and only if it is kept.
    const jobs = await jobsForComment(complaint.id, { csat: complaint.csat ?? undefined, comment }, at);
    const outcome = await store.addRatingComment(complaint.id, comment, at, { jobs });
    if (outcome === 'already') return page(reply, 409, t.locale, complaint.ratedFrom === 'widget' ? t.already : t.commentAlready);
    if (outcome === 'not-rated') return page(reply, 409, t.locale, t.commentNotRated);
    // The comment is kept; an inbox missing this live update still shows it on its next read.
    store.events.publish('updated', { id: complaint.id }).catch((error) => request.log.warn({ err: error }, 'live update for a comment not published'));
    if (jobs.length > 0) wakeWorker();
    request.log.info({ complaintId: complaint.id, characters: length }, 'follow-up comment recorded');
    return page(reply, 200, t.locale, t.commentThanks);
  });

  /**
   * @param {string} token
   * @returns {Promise<{ ok: false, refused: { reason: 'invalid' } | { reason: 'expired', complaintId: string } } | { ok: true, complaint: import('../../store/store.mjs').Complaint }>}
   */
  const unsubscribeTarget = async (token) => {
    const checked = verifyRatingToken(token, { secret: secret(), now: Date.now(), purpose: 'unsubscribe' });
    if (!checked.ok) return { ok: false, refused: checked };
    const complaint = await store.getRecord(checked.complaintId);
    if (!complaint || !complaint.record.visitor.email || !linkWasSent(complaint)) return { ok: false, refused: { reason: 'invalid' } };
    return { ok: true, complaint };
  };

  const unsubscribeQuery = { type: 'object', properties: { token: TOKEN }, required: ['token'] };
  app.get('/follow-up/unsubscribe', { logLevel: QUIET, config: LIMITED, schema: { querystring: unsubscribeQuery } }, async (request, reply) => {
    const { token } = /** @type {{ token: string }} */ (request.query);
    const target = await unsubscribeTarget(token);
    if (!target.ok) return refuse(request, reply, target.refused);
    const t = messagesFor(target.complaint.record.locale);
    // A page with a button, not an action on GET: mail scanners open every link.
    return page(reply, 200, t.locale, t.unsubscribeAsk, `<form method="post"><button type="submit">${escapeHtml(t.unsubscribeButton)}</button></form>`);
  });

  app.post('/follow-up/unsubscribe', { logLevel: QUIET, config: LIMITED, schema: { querystring: unsubscribeQuery } }, async (request, reply) => {
    const { token } = /** @type {{ token: string }} */ (request.query);
    const target = await unsubscribeTarget(token);
    if (!target.ok) return refuse(request, reply, target.refused);
    await store.optOutOfFollowUps(emailHash(/** @type {string} */ (target.complaint.record.visitor.email)), new Date().toISOString());
    request.log.info({ complaintId: target.complaint.id }, 'visitor opted out of follow-ups');
    const t = messagesFor(target.complaint.record.locale);
    return page(reply, 200, t.locale, t.unsubscribed);
  });
}

/**
 * The comment box: a labelled textarea in a form posting to the page's own address, which holds
 * the signed token. No script; every value escaped.
 * @param {ReturnType<typeof messagesFor>} t
 * @param {string} [text] what the visitor wrote, given back when it could not be kept
 */
function commentForm(t, text = '') {
  const invalid = text === '' ? '' : ' aria-invalid="true"';
  return `<form method="post"><p><label for="comment">${escapeHtml(t.commentLabel)}</label></p>`
    + `<p><textarea id="comment" name="comment" rows="8" cols="60" aria-describedby="comment-hint"${invalid}>${escapeHtml(text)}</textarea></p>`
    + `<p id="comment-hint">${escapeHtml(t.commentHint)}</p>`
    + `<p><button type="submit">${escapeHtml(t.commentButton)}</button></p></form>`;
}
