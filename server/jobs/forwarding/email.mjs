// @ts-check
/**
 * Complaints by email to a team address, over SMTP with nodemailer. The body is the plain-text
 * transcript; the HTML part is that same text escaped inside one `<pre>`, so nothing a visitor
 * typed can become markup in a mail client. `Reply-To` is the visitor, so answering the email
 * answers them.
 */
import nodemailer from 'nodemailer';
import { fileLabel, firstWords, headline, messageFiles } from './events.mjs';

/** How many megabytes of a complaint's files an email to the team carries by default (`HEARD_EMAIL_ATTACHMENTS_MAX_MB`). */
export const EMAIL_ATTACHMENTS_MAX_MB = 10;

/**
 * @typedef {{ sha256: string, type: string, content: import('node:stream').Readable }} AttachedFile
 *   A file the email carries, read from its storage.
 * @typedef {{ sendMail(message: import('nodemailer').SendMailOptions): Promise<{ accepted?: unknown[], rejected?: unknown[] }>, close?(): void }} Mailer
 */

/**
 * An SMTP mailer from a URL such as `smtp://user:pass@mail.shop.example:587` or `smtps://…:465`.
 * @param {string} url
 * @returns {Mailer}
 */
export function createMailer(url) {
  // Bounded well within a job's lease, so a stuck mail server cannot make two instances send.
  return nodemailer.createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 20_000 });
}

/**
 * The email for one event. `lead`, when given, is a first line of the server's own words for
 * this one reader (the claimant's overdue alert says the complaint is theirs). `attached`: the
 * complaint's files it carries; the others are only linked.
 * @param {import('./events.mjs').EventContext} context
 * @param {{ to: string, from: string, lead?: string, attached?: AttachedFile[] }} addresses
 */
export function composeEmail(context, { to, from, lead, attached = [] }) {
  const { event, record, summary } = context;
  const what = event.type === 'complaint.created' ? '' : `${headline(event)} · `;
  const subject = oneLine(`[${summary.reference}] ${what}${summary.urgency} · ${summary.category} · ${firstWords(record, 60)}`);
  const carried = new Set(attached.map((file) => file.sha256));
  const body = emailText(context, carried);
  const text = lead ? `${lead}\n\n${body}` : body;
  // Only a plain single address: a list, or a display name showing one of the shop's own
  // addresses in front of another, would send the team's answer to strangers.
  const replyTo = oneAddress(record.visitor.email);
  return {
    to,
    from,
    ...(replyTo ? { replyTo } : {}),
    subject,
    text,
    html: `<!doctype html><meta charset="utf-8"><pre style="white-space:pre-wrap;font-family:inherit">${escapeHtml(text)}</pre>`,
    // One thread per complaint in the team's mail client.
    headers: { References: `<${record.id}@heard>` },
    ...(attached.length > 0
      ? { attachments: attached.map(({ sha256, type, content }) => ({ filename: `${sha256.slice(0, 12)}.${type.split('/')[1]}`, contentType: type, content, contentDisposition: /** @type {const} */ ('attachment') })) }
      : {}),
  };
}

/**
 * The plain-text body: what happened, the facts an agent needs first, the files (each linked;
 * those in `carried` also attached), then the whole transcript.
 * @param {import('./events.mjs').EventContext} context
 * @param {Set<string>} [carried]
 */
export function emailText(context, carried = new Set()) {
  const { event, record, summary, inboxUrl, attachments = [] } = context;
  const { visitor } = record;
  /** @param {import('./events.mjs').LinkedFile} file */
  const fileLine = (file) => `${fileLabel(file)}${carried.has(file.sha256) ? ' (attached)' : ''}: ${file.url}`;
  const lines = [
    `${headline(event)}: ${summary.reference}`,
    '',
    `Urgency: ${summary.urgency}`,
    `Category: ${summary.category}`,
    `Visitor: ${[visitor.name, visitor.email, visitor.phone].filter(Boolean).join(', ') || 'not given'}${summary.verified ? ' (verified)' : ''}`,
  ];
  if (visitor.accountRef) lines.push(`Account or order: ${visitor.accountRef}`);
  if (record.desiredOutcome) lines.push(`Wants: ${record.desiredOutcome.kind}${record.desiredOutcome.detail ? ` (${record.desiredOutcome.detail})` : ''}`);
  if (record.commitment) lines.push(`Promised: ${record.commitment.action} by ${record.commitment.dueBy}`);
  if (event.details.note) lines.push(`Resolution note: ${event.details.note}`);
  if (event.details.comment) lines.push(`Visitor's comment: ${event.details.comment}`);
  if (event.details.message) lines.push('', "--- The visitor's message ---", '', event.details.message.text);
  const sent = messageFiles(context);
  if (sent.length > 0) lines.push('', 'Files sent with this message:', ...sent.map(fileLine), '');
  lines.push(`Inbox: ${inboxUrl}`);
  if (attachments.length > 0) {
    lines.push('', `--- Files (links work until ${attachments[0]?.expiresAt.slice(0, 10)}) ---`, '', ...attachments.map(fileLine));
  }
  lines.push('', '--- Transcript ---', '', record.transcriptText);
  return lines.join('\n');
}

/**
 * Sends one email; resolves only when the SMTP server accepted it for the recipient.
 * @param {Mailer} mailer
 * @param {import('nodemailer').SendMailOptions} message
 * @returns {Promise<{ ok: true } | { ok: false, error: string }>}
 */
export async function sendEmail(mailer, message) {
  try {
    const info = await mailer.sendMail(message);
    if (info.rejected && info.rejected.length > 0) return { ok: false, error: 'Recipient refused by the mail server' };
    return { ok: true };
  } catch (error) {
    const code = /** @type {{ responseCode?: number, code?: string }} */ (error).responseCode;
    const kind = /** @type {{ code?: string }} */ (error).code;
    return { ok: false, error: code ? `Mail server answered ${code}` : `Mail server not reached (${kind ?? 'unknown'})` };
  }
}

/**
 * One address and nothing else: a visitor's email is untrusted text, and a comma, angle brackets
 * or a display name in it would let a record add recipients of its choosing.
 */
const ONE_ADDRESS = /^[^\s@<>",;:()[\]\\]+@[^\s@<>",;:()[\]\\]+\.[^\s@<>",;:()[\]\\]+$/;

/**
 * `email` trimmed when it is one plain address an email can be sent to, else null.
 * @param {string | null | undefined} email
 */
export function oneAddress(email) {
  const trimmed = email?.trim();
  return trimmed && trimmed.length <= 254 && ONE_ADDRESS.test(trimmed) ? trimmed : null;
}

/**
 * @param {string} text
 */
export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** @param {string} text */
function oneLine(text) {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}
