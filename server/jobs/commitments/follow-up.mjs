// @ts-check
/**
 * The follow-up (seed 000 §2.7: 24–48 h after resolution): one email to a visitor who agreed to
 * be contacted, "Is it sorted?", with a 1–5 rating by one click on a signed link and a link to
 * stop follow-ups. Not sent when the visitor already rated, or asked for no more follow-ups.
 */
import { createHash } from 'node:crypto';
import { DAY_MS } from '../../store/shared.mjs';
import { escapeHtml, sendEmail } from '../forwarding/email.mjs';
import { fill, greetingFor, messagesFor } from './messages.mjs';
import { RATING_LINK_DAYS, signRatingToken } from './rating-link.mjs';
import { visitorAddress } from './visitor-mail.mjs';
import { OWN_MAIL_HEADERS } from '../../inbound/auto-reply.mjs';

export const FOLLOW_UP_JOB = 'commitment.follow-up';
/** An unsubscribe link keeps working long after the rating link has expired. */
const UNSUBSCRIBE_DAYS = 365;

/**
 * The follow-up job a resolution writes, or null when the visitor gave no consent or no email
 * that names one address (a record listing several would have us write to strangers).
 * Due a day after resolution, or at the planned follow-up if that is later: the record's
 * `followUpAt`, or where it moved when an agent moved the due date (`plannedAt`).
 * @param {import('../../store/store.mjs').ComplaintRecord} record
 * @param {string} resolvedAt
 * @param {string | null} [plannedAt]
 * @returns {import('../../store/store.mjs').JobSpec | null}
 */
export function followUpJob(record, resolvedAt, plannedAt = record.followUpAt) {
  if (!record.visitor.followUpConsent || !visitorAddress(record) || record.csat !== null) return null;
  const planned = plannedAt ? Date.parse(plannedAt) : 0;
  const dueAt = new Date(Math.max(Date.parse(resolvedAt) + DAY_MS, Number.isNaN(planned) ? 0 : planned)).toISOString();
  return { kind: FOLLOW_UP_JOB, payload: {}, dueAt, complaintId: record.id };
}

/**
 * A visitor's email address as the opt-out list keeps it: hashed, lower-cased.
 * @param {string} email
 */
export function emailHash(email) {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

/**
 * @param {{
 *   complaint: import('../../store/store.mjs').Complaint,
 *   publicUrl: string,
 *   secret: string,
 *   now: number,
 *   from: string,
 *   replyTo: string | null,
 * }} input
 */
export function composeFollowUp({ complaint, publicUrl, secret, now, from, replyTo }) {
  const { record } = complaint;
  const t = messagesFor(record.locale);
  const base = publicUrl.replace(/\/$/, '');
  const rating = signRatingToken({ complaintId: complaint.id, expiresAt: now + RATING_LINK_DAYS * DAY_MS, secret });
  const unsubscribeToken = signRatingToken({ complaintId: complaint.id, expiresAt: now + UNSUBSCRIBE_DAYS * DAY_MS, secret, purpose: 'unsubscribe' });
  const unsubscribeUrl = `${base}/follow-up/unsubscribe?token=${unsubscribeToken}`;
  const date = new Intl.DateTimeFormat(t.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(complaint.resolvedAt ?? now));
  const lines = [
    greetingFor(t, record.visitor.name),
    '',
    fill(t.resolved, { reference: complaint.reference, date }),
    '',
    t.ask,
    '',
    ...[1, 2, 3, 4, 5].map((score) => `${t.score[/** @type {1 | 2 | 3 | 4 | 5} */ (score)]}: ${base}/rate?token=${rating}&score=${score}`),
    '',
    t.once,
    '',
    fill(t.unsubscribe, { url: unsubscribeUrl }),
  ];
  const text = lines.join('\n');
  return {
    to: /** @type {string} */ (visitorAddress(record)),
    from,
    ...(replyTo ? { replyTo } : {}),
    subject: fill(t.subject, { reference: complaint.reference }).replace(/[\u0000-\u001f\u007f]+/g, ' '),
    text,
    html: `<!doctype html><meta charset="utf-8"><pre style="white-space:pre-wrap;font-family:inherit">${escapeHtml(text)}</pre>`,
    // One-click unsubscribe for mail clients (RFC 8058).
    list: { unsubscribe: unsubscribeUrl },
    // Automatic and Heard's (see inbound/auto-reply.mjs), so no answering loop can start.
    headers: { ...OWN_MAIL_HEADERS, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/**
 * @param {{
 *   store: Pick<import('../../store/store.mjs').Store, 'getRecord' | 'markFollowedUp' | 'hasOptedOutOfFollowUps'>,
 *   mailer: import('../forwarding/email.mjs').Mailer | null,
 *   secret: () => string,
 *   publicUrl: () => string,
 *   from: string,
 *   replyTo: string | null,
 *   clock: { now(): number },
 * }} deps
 * @returns {import('../worker.mjs').JobHandler}
 */
export function followUpHandler({ store, mailer, secret, publicUrl, from, replyTo, clock }) {
  return async (job) => {
    const complaint = job.complaintId ? await store.getRecord(job.complaintId) : null;
    if (!complaint || complaint.status !== 'resolved' || complaint.followedUpAt !== null) return { ok: true };
    const email = visitorAddress(complaint.record);
    // A visitor who rated in the widget is not asked again; one who opted out is not written to.
    if (complaint.csat !== null || !email || !complaint.record.visitor.followUpConsent) return { ok: true };
    if (await store.hasOptedOutOfFollowUps(emailHash(email))) return { ok: true };
    if (!mailer) return { ok: false, error: 'No mail server configured (HEARD_SMTP_URL)' };
    const now = clock.now();
    const sent = await sendEmail(mailer, composeFollowUp({ complaint, publicUrl: publicUrl(), secret: secret(), now, from, replyTo }));
    if (!sent.ok) return sent;
    await store.markFollowedUp(complaint.id, new Date(now).toISOString());
    return { ok: true };
  };
}
