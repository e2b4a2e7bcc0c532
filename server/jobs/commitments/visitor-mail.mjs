// @ts-check
/**
 * The visitor hears back by email: an agent's reply, and a due date moved with its reason. Each
 * is a durable job written in the same transaction as the reply or the move, so an email is
 * never promised by a write that did not happen, nor lost by a restart; the worker sends it
 * with forwarding's retry schedule, once across instances.
 *
 * These are service messages about the visitor's own complaint, so they go to any visitor who
 * gave an email, whether or not they agreed to follow-ups: that consent, and the follow-up
 * opt-out list, govern only the "Is it sorted?" email.
 */
import { escapeHtml, oneAddress, sendEmail } from '../forwarding/email.mjs';
import { fill, greetingFor, updateMessagesFor } from './messages.mjs';
import { REPLY_MAIL_JOB } from '../../store/shared.mjs';
import { OWN_MAIL_HEADERS } from '../../inbound/auto-reply.mjs';
import { formatDue } from 'heard/commitment';

// The store reads a reply's email state from these jobs, so the kind's name lives with it.
export { REPLY_MAIL_JOB };
export const DUE_MOVED_MAIL_JOB = 'visitor.due-moved-email';

/**
 * The visitor's address when an email can be sent to it (one plain address), else null.
 * @param {import('../../store/store.mjs').ComplaintRecord} record
 */
export function visitorAddress(record) {
  return oneAddress(record.visitor.email);
}

/**
 * The job that emails the visitor an agent's reply; null when there is nowhere to send it.
 * The visitor's emails about one complaint go out in the order they were written.
 * @param {import('../../store/store.mjs').ComplaintRecord} record
 * @param {{ at: string, text: string, attachments?: string[] }} reply `attachments`: the SHA-256s of the files it sends
 * @returns {import('../../store/store.mjs').JobSpec | null}
 */
export function replyMailJob(record, { at, text, attachments = [] }) {
  if (!visitorAddress(record)) return null;
  return { kind: REPLY_MAIL_JOB, payload: { at, text, ...(attachments.length > 0 ? { attachments } : {}) }, dueAt: at, complaintId: record.id, orderKey: orderKey(record.id) };
}

/**
 * The job that tells the visitor their complaint's date moved, and why; null when there is
 * nowhere to send it.
 * @param {import('../../store/store.mjs').ComplaintRecord} record
 * @param {{ at: string, dueBy: string, reason: string }} move
 * @returns {import('../../store/store.mjs').JobSpec | null}
 */
export function dueMovedMailJob(record, { at, dueBy, reason }) {
  if (!visitorAddress(record)) return null;
  return { kind: DUE_MOVED_MAIL_JOB, payload: { dueBy, reason }, dueAt: at, complaintId: record.id, orderKey: orderKey(record.id) };
}

/**
 * How an agent's reply will reach the visitor: always in the widget's status, and by email when
 * the visitor gave a usable address and a mail server is configured. The address is shown
 * shortened (`a…@shop.example`): enough to recognise, no more than the inbox needs to repeat.
 * @param {import('../../store/store.mjs').ComplaintRecord} record
 * @param {boolean} mailConfigured
 * @returns {ReplyDelivery}
 */
export function replyDelivery(record, mailConfigured) {
  const address = visitorAddress(record);
  if (!address) return { email: null, why: record.visitor.email?.trim() ? 'unusable-email' : 'no-email' };
  if (!mailConfigured) return { email: null, why: 'mail-not-configured' };
  const at = address.lastIndexOf('@');
  return { email: `${Array.from(address.slice(0, at))[0]}…${address.slice(at)}`, why: null };
}

/**
 * @typedef {{ email: string, why: null } | { email: null, why: 'no-email' | 'unusable-email' | 'mail-not-configured' }} ReplyDelivery
 *   `email`: the shortened address a reply is emailed to; else `why` it goes only to the widget.
 */

/** @param {string} complaintId */
const orderKey = (complaintId) => `visitor-mail:${complaintId}`;

/**
 * @typedef {{ from: string, replyTo: string | null, messageId: string }} Envelope
 *   `replyTo`: where visitors' answers go, the complaint's own reply address or the team's;
 *   `messageId` is the job's, the same on every attempt, so a mail system can drop a copy sent
 *   again after a crash.
 */

/**
 * The email carrying an agent's reply, in the visitor's language, with a link to each file it
 * sent (signed, expiring: the files themselves are not attached).
 * @param {import('../../store/store.mjs').Complaint} complaint
 * @param {string} text the reply as the agent wrote it
 * @param {Envelope} envelope
 * @param {string[]} [links] one download link per file the reply sent
 */
export function composeReplyEmail(complaint, text, envelope, links = []) {
  const t = updateMessagesFor(complaint.record.locale);
  const lines = [greetingFor(t, complaint.record.visitor.name), '', fill(t.replyIntro, { reference: complaint.reference }), '', text];
  if (links.length > 0) lines.push('', t.replyFiles, ...links);
  if (envelope.replyTo) lines.push('', t.answer);
  return message(complaint, fill(t.replySubject, { reference: complaint.reference }), lines.join('\n'), envelope);
}

/**
 * The email saying a complaint's date moved: the new date in the visitor's language, and the
 * reason as the agent wrote it.
 * @param {import('../../store/store.mjs').Complaint} complaint
 * @param {{ dueBy: string, reason: string }} move
 * @param {Envelope} envelope
 * @param {number} [now] when it is sent, epoch ms
 */
export function composeDueMovedEmail(complaint, { dueBy, reason }, envelope, now = Date.now()) {
  const t = updateMessagesFor(complaint.record.locale);
  // The widget's rule: a date a day or more away, else a time with its zone named. The record
  // says nothing of the visitor's time zone, so it is said in UTC.
  const date = formatDue(t.locale, dueBy, now, 'UTC');
  const lines = [greetingFor(t, complaint.record.visitor.name), '', fill(t.dueMoved, { reference: complaint.reference, date }), '', t.dueReason, reason, '', t.dueSorry];
  if (envelope.replyTo) lines.push('', t.answer);
  return message(complaint, fill(t.dueSubject, { reference: complaint.reference }), lines.join('\n'), envelope);
}

/**
 * Plain text, and an HTML part that is only that text escaped: nothing an agent or a visitor
 * typed can become markup in a mail client. The headers say the mail is Heard's and automatic,
 * so an out-of-office answer is not sent back to it, and one that is anyway is known again.
 * @param {import('../../store/store.mjs').Complaint} complaint
 * @param {string} subject
 * @param {string} text
 * @param {Envelope} envelope
 */
function message(complaint, subject, text, { from, replyTo, messageId }) {
  return {
    to: /** @type {string} */ (visitorAddress(complaint.record)),
    from,
    ...(replyTo ? { replyTo } : {}),
    subject: subject.replace(/[\u0000-\u001f\u007f]+/g, ' '),
    text,
    html: `<!doctype html><meta charset="utf-8"><pre style="white-space:pre-wrap;font-family:inherit">${escapeHtml(text)}</pre>`,
    messageId,
    headers: OWN_MAIL_HEADERS,
  };
}

/**
 * Runs both kinds of visitor email. Nothing is sent when the complaint was deleted meanwhile
 * (retention), and a due-date email is skipped once it no longer tells the truth: the
 * complaint was resolved, or its date moved again (that move wrote an email of its own).
 * @param {{
 *   store: Pick<import('../../store/store.mjs').Store, 'getRecord'>,
 *   mailer: import('../forwarding/email.mjs').Mailer | null,
 *   from: string,
 *   replyTo: string | null,
 *   replyAddress?: ((complaintId: string) => string | null) | null,
 *   fileLink?: ((complaintId: string, sha256: string) => string) | null,
 *   clock?: { now(): number },
 * }} deps
 *   `replyAddress`: the complaint's own reply address (`HEARD_INBOUND_ADDRESS`), so the visitor's
 *   answer lands in its thread; without it, or when it gives none, answers go to `replyTo`.
 *   `fileLink`: a signed download link to one of the complaint's files, for those a reply sent
 *   (null where the server keeps no files).
 * @returns {import('../worker.mjs').JobHandler}
 */
export function visitorMailHandler({ store, mailer, from, replyTo, replyAddress = null, fileLink = null, clock = { now: () => Date.now() } }) {
  const domain = /@([^\s@<>]+)>?\s*$/.exec(from)?.[1] ?? 'heard.invalid';
  return async (job) => {
    const complaint = job.complaintId ? await store.getRecord(job.complaintId) : null;
    if (!complaint || !visitorAddress(complaint.record)) return { ok: true };
    const envelope = { from, replyTo: replyAddress?.(complaint.record.id) ?? replyTo, messageId: `<${job.id}@${domain}>` };
    /** @type {ReturnType<typeof composeReplyEmail>} */
    let email;
    if (job.kind === DUE_MOVED_MAIL_JOB) {
      const move = /** @type {{ dueBy: string, reason: string }} */ (job.payload);
      const current = complaint.summary.dueBy;
      if (complaint.status === 'resolved' || !current || Date.parse(current) !== Date.parse(move.dueBy)) return { ok: true };
      email = composeDueMovedEmail(complaint, move, envelope, clock.now());
    } else {
      const files = /** @type {string[] | undefined} */ (job.payload.attachments) ?? [];
      const links = fileLink ? files.map((sha256) => fileLink(complaint.record.id, sha256)) : [];
      email = composeReplyEmail(complaint, /** @type {string} */ (job.payload.text), envelope, links);
    }
    if (!mailer) return { ok: false, error: 'No mail server configured (HEARD_SMTP_URL)' };
    return sendEmail(mailer, email);
  };
}
