// @ts-check
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Checks agent tokens and hands out short-lived stream tickets. `EventSource` cannot send an
 * `Authorization` header, so the inbox trades its token for a one-use ticket and puts that in
 * the stream URL: the token itself never appears in a URL or an access log.
 * @param {{ agentToken: string, ticketTtlMs?: number }} options
 */
export function createAgentAuth({ agentToken, ticketTtlMs = 60_000 }) {
  if (!agentToken) throw new Error('An agent token is required.');
  const expected = digest(agentToken);
  /** @type {Map<string, number>} */
  const tickets = new Map();

  return {
    /** True when the `Authorization` header carries the agent token. @param {string | undefined} header */
    checkHeader(header) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
      return match !== null && timingSafeEqual(digest(/** @type {string} */ (match[1])), expected);
    },
    /** A ticket good for opening one stream within the time to live. */
    issueTicket() {
      const now = Date.now();
      for (const [ticket, expires] of tickets) if (expires <= now) tickets.delete(ticket);
      const ticket = randomBytes(24).toString('base64url');
      tickets.set(ticket, now + ticketTtlMs);
      return { ticket, expiresAt: new Date(now + ticketTtlMs).toISOString() };
    },
    /** Uses up a ticket; true when it was valid. @param {unknown} ticket */
    redeemTicket(ticket) {
      if (typeof ticket !== 'string') return false;
      const expires = tickets.get(ticket);
      tickets.delete(ticket);
      return expires !== undefined && expires > Date.now();
    },
  };
}

/** Generates a token for when none is configured. */
export function generateAgentToken() {
  return randomBytes(24).toString('base64url');
}

/** @param {string} value */
function digest(value) {
  return createHash('sha256').update(value).digest();
}
