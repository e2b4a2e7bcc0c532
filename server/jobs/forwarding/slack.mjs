// @ts-check
/**
 * One message per event to a Slack-compatible incoming webhook (Slack, Mattermost and
 * Rocket.Chat take the same `{ text }`). A chat channel is read by many, so it gets no personal
 * data beyond the visitor's name unless the admin turns it on for that destination: the contact
 * details are left out, and the ones the visitor typed into the excerpt are masked.
 */
import { fileLabel, firstWords, headline, messageFiles } from './events.mjs';

/**
 * @param {import('./events.mjs').EventContext} context
 * @param {{ personalData: boolean }} options
 */
export function slackMessage(context, { personalData }) {
  const { event, record, summary, inboxUrl, attachments = [] } = context;
  const { visitor } = record;
  const who = visitor.name ? ` from ${escapeSlack(visitor.name)}` : '';
  let excerpt = firstWords(record, 300);
  if (!personalData) excerpt = maskContacts(excerpt, record);
  const lines = [
    `*${escapeSlack(summary.reference)}* · ${headline(event)}${event.type === 'complaint.created' ? who : ''}`,
    `Urgency: *${escapeSlack(summary.urgency)}* · Category: *${escapeSlack(summary.category)}*`,
  ];
  if (personalData) {
    const contact = [visitor.email, visitor.phone, visitor.accountRef].filter(Boolean).map((value) => escapeSlack(String(value)));
    if (contact.length) lines.push(`Contact: ${contact.join(' · ')}`);
  }
  if (excerpt) lines.push(`> ${escapeSlack(excerpt)}`);
  if (event.details.comment) {
    const comment = event.details.comment.replace(/\s+/g, ' ').trim();
    lines.push(`Comment: ${escapeSlack(personalData ? comment : maskContacts(comment, record))}`);
  }
  if (event.details.message) {
    const message = event.details.message.text.replace(/\s+/g, ' ').trim();
    lines.push(`Message: ${escapeSlack(personalData ? message : maskContacts(message, record))}`);
  }
  // Links, never the files: a channel's members download one when they choose, until it expires.
  const sent = messageFiles(context);
  if (sent.length > 0) lines.push(`Sent with the message: ${sent.map(slackLink).join(' · ')}`);
  if (attachments.length > 0) lines.push(`Files: ${attachments.map(slackLink).join(' · ')}`);
  lines.push(`<${inboxUrl}|Open in the inbox>`);
  return { text: lines.join('\n') };
}

/** A file as a link that reads as its kind and size. @param {import('./events.mjs').LinkedFile} file */
const slackLink = (file) => `<${file.url}|${escapeSlack(fileLabel(file))}>`;

/**
 * Slack's own escaping: `&`, `<` and `>` only. It also keeps a visitor from writing
 * `<!channel>` to notify everyone.
 * @param {string} text
 */
export function escapeSlack(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Masks the email addresses, phone numbers and account or order references the visitor gave,
 * and any email address or long run of digits in the text.
 * @param {string} text
 * @param {import('../../store/store.mjs').ComplaintRecord} record
 */
function maskContacts(text, record) {
  const { entities } = record.triage;
  const known = [record.visitor.email, record.visitor.phone, record.visitor.accountRef, ...entities.emails, ...entities.phones, ...entities.orderRefs]
    .filter((value) => typeof value === 'string' && value.length >= 3);
  let masked = text;
  for (const value of /** @type {string[]} */ (known)) masked = masked.split(value).join('[hidden]');
  return masked
    .replace(/[^\s@]+@[^\s@]+\.[^\s@]+/g, '[hidden]')
    .replace(/\+?\d[\d\s().-]{6,}\d/g, '[hidden]');
}
