// @ts-check
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Checks agent tokens and hands out short-lived stream tickets. `EventSource` cannot send an
 * `Authorization` header, so the inbox trades its token for a one-use ticket and puts that in
 * the stream URL: the token itself never appears in a URL or an access log. Tickets are kept in
 * the database, hashed, so one issued by any instance opens a stream on any other.
 * @param {{ agentToken: string, store: import('../store/store.mjs').Store, ticketTtlMs?: number }} options
 */
export function createAgentAuth({ agentToken, store, ticketTtlMs = 60_000 }) {
  if (!agentToken) throw new Error('An agent token is required.');
  const expected = digest(agentToken);

  return {
    /** True when the `Authorization` header carries the agent token. @param {string | undefined} header */
    checkHeader(header) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
      return match !== null && timingSafeEqual(digest(/** @type {string} */ (match[1])), expected);
    },
    /** A ticket good for opening one stream within the time to live. */
    async issueTicket() {
      const ticket = randomBytes(24).toString('base64url');
      const expiresAt = new Date(Date.now() + ticketTtlMs).toISOString();
      await store.addStreamTicket({ hash: digest(ticket).toString('base64url'), expiresAt });
      return { ticket, expiresAt };
    },
    /** Uses up a ticket; true when it was valid. @param {unknown} ticket */
    async redeemTicket(ticket) {
      if (typeof ticket !== 'string' || ticket.length > 200) return false;
      return store.redeemStreamTicket(digest(ticket).toString('base64url'), new Date().toISOString());
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
