// @ts-check
/**
 * A visitor's email answer, however it came in (Heard's SMTP listener or a provider's HTTP
 * forward), becomes a message in its complaint's thread: parsed, its new text cut from the
 * quoted history, its full text kept for the agent to open. Mail that is not a person's answer
 * to a complaint they were mailed about is dropped, and the operator's log says why without
 * any address or text. Whatever happens here, the sender hears nothing different: that would
 * tell a stranger which tokens name a complaint.
 */
import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { automaticKind } from './auto-reply.mjs';
import { newText } from './new-text.mjs';
import { complaintForAddress } from './reply-address.mjs';

/** The most text a message keeps, new or full: far beyond any answer, well within a record. */
export const MAX_MESSAGE_CHARS = 20_000;

/**
 * @typedef {{
 *   id: string,
 *   complaintId: string,
 *   text: string,
 *   at: string,
 *   from: string | null,
 *   fullMessage: { subject: string, text: string },
 *   senderDiffers: boolean,
 *   files?: import('../attachments/emailed-files.mjs').EmailedFile[],
 * }} InboundMessage
 *   `id` is the same for the same email delivered twice (from its Message-ID), so the thread
 *   can take it once. `from` is the sender's address as the email says; `senderDiffers` when
 *   it is not the visitor's. `files`: what the email had attached, as it came (not yet checked).
 * @typedef {(message: InboundMessage) => Promise<{ threaded: true } | { threaded: false, reason: 'deleted' | 'window-closed' }>} ThreadMessage
 * @typedef {{ threaded: true, complaintId: string } | { threaded: false, reason: NotThreaded }} Outcome
 * @typedef {'not-ours' | 'no-token' | 'forged-token' | 'deleted' | 'window-closed' | 'own-mail' | 'bounce' | 'auto-reply' | 'unreadable'} NotThreaded
 */

/**
 * @param {{
 *   inbound: { local: string, domain: string },
 *   secret: () => string,
 *   store: { getRecord(id: string): Promise<{ record: { visitor: { email?: string | null } } } | null> },
 *   threadMessage: ThreadMessage,
 *   clock?: { now(): number },
 *   log: { info(object: object, message: string): void, warn(object: object, message: string): void },
 * }} deps
 */
export function createInbound({ inbound, secret, store, threadMessage, clock = { now: () => Date.now() }, log }) {
  /**
   * @param {Buffer | string} raw the RFC 5322 message
   * @param {{ recipients?: string[] | null, returnPath?: string | null, via: 'smtp' | 'http' }} envelope
   *   `recipients`: the envelope's (SMTP); without them the message's own headers say whom it was for.
   *   `returnPath`: the envelope sender, '' for `<>`; null when unknown (read from the message).
   * @returns {Promise<Outcome>}
   */
  async function receive(raw, { recipients = null, returnPath = null, via }) {
    const outcome = await decide(raw, recipients, returnPath);
    if (outcome.threaded) log.info({ inbound: via, complaintId: outcome.complaintId }, 'email answer threaded');
    else log.info({ inbound: via, reason: outcome.reason }, `email not threaded: ${REASONS[outcome.reason]}`);
    return outcome;
  }

  /**
   * @param {Buffer | string} raw
   * @param {string[] | null} recipients
   * @param {string | null} returnPath
   * @returns {Promise<Outcome>}
   */
  async function decide(raw, recipients, returnPath) {
    let mail;
    try {
      mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
    } catch {
      return { threaded: false, reason: 'unreadable' };
    }
    const automatic = automaticKind(mail, returnPath ?? headerReturnPath(mail));
    if (automatic) return { threaded: false, reason: automatic };
    const found = findComplaint(recipients ?? headerRecipients(mail));
    if (found.complaintId === null) return { threaded: false, reason: found.why };
    const complaint = await store.getRecord(found.complaintId);
    if (!complaint) return { threaded: false, reason: 'deleted' };
    const full = (mail.text ?? '').replace(/\r\n?/g, '\n').trim();
    const text = newText(full) || full;
    const from = mail.from?.value[0]?.address?.trim() || null;
    const visitor = complaint.record.visitor.email?.trim().toLowerCase() ?? '';
    const result = await threadMessage({
      id: messageId(mail, raw),
      complaintId: found.complaintId,
      text: text.slice(0, MAX_MESSAGE_CHARS),
      at: new Date(clock.now()).toISOString(),
      from,
      fullMessage: { subject: mail.subject ?? '', text: full.slice(0, MAX_MESSAGE_CHARS) },
      senderDiffers: (from ?? '').toLowerCase() !== visitor,
      files: mail.attachments.map((file, index) => ({ name: file.filename || `attachment ${index + 1}`, content: file.content })),
    });
    return result.threaded ? { threaded: true, complaintId: found.complaintId } : { threaded: false, reason: result.reason };
  }

  /**
   * The first recipient whose token names a complaint; else why none did, the most telling reason.
   * @param {string[]} addresses
   * @returns {{ complaintId: string } | { complaintId: null, why: 'not-ours' | 'no-token' | 'forged-token' }}
   */
  function findComplaint(addresses) {
    /** @type {'not-ours' | 'no-token' | 'forged-token'} */
    let why = 'not-ours';
    for (const address of addresses) {
      const found = complaintForAddress(inbound, secret(), address);
      if (found.complaintId !== null) return found;
      if (found.why === 'forged-token' || (found.why === 'no-token' && why === 'not-ours')) why = found.why;
    }
    return { complaintId: null, why };
  }

  return { receive };
}

/** What the log says for each reason; never an address or a word of the message. */
const REASONS = {
  'not-ours': 'no recipient at the inbound address',
  'no-token': 'the inbound address without a reply token',
  'forged-token': 'a reply token that was not signed here',
  deleted: 'the complaint no longer exists',
  'window-closed': 'the complaint was resolved longer ago than answers are taken',
  'own-mail': "one of Heard's own emails came back",
  bounce: 'a bounce or delivery report',
  'auto-reply': 'an automatic answer (out of office, list or auto-submitted)',
  unreadable: 'the message could not be parsed',
};

/**
 * Whom a forwarded message was for, by its headers: the mail system's delivery headers first.
 * @param {import('mailparser').ParsedMail} mail
 */
function headerRecipients(mail) {
  /** @type {string[]} */
  const out = [];
  for (const name of ['delivered-to', 'x-original-to', 'envelope-to', 'x-envelope-to']) {
    for (const line of mail.headerLines.filter((header) => header.key === name)) {
      const value = line.line.slice(line.line.indexOf(':') + 1).trim().replace(/^<|>$/g, '');
      if (value) out.push(value);
    }
  }
  for (const field of [mail.to, mail.cc]) {
    for (const group of Array.isArray(field) ? field : field ? [field] : []) {
      for (const entry of group.value) if (entry.address) out.push(entry.address);
    }
  }
  return out;
}

/**
 * The Return-Path the delivering system wrote, '' for `<>`; null when there is none.
 * @param {import('mailparser').ParsedMail} mail
 */
function headerReturnPath(mail) {
  const line = mail.headerLines.find((header) => header.key === 'return-path');
  if (!line) return null;
  return line.line.slice(line.line.indexOf(':') + 1).trim().replace(/^<|>$/g, '').trim();
}

/**
 * A stable id for one email: from its Message-ID, else from its bytes.
 * @param {import('mailparser').ParsedMail} mail
 * @param {Buffer | string} raw
 */
function messageId(mail, raw) {
  const hash = createHash('sha256').update(mail.messageId ? `message-id\n${mail.messageId}` : raw).digest('hex');
  return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-${hash.slice(12, 16)}-${hash.slice(16, 20)}-${hash.slice(20, 32)}`;
}
