// @ts-check
import { createHash, randomBytes } from 'node:crypto';
import { verifyAgainstNothing, verifyPassword } from './passwords.mjs';

/**
 * Agents' sessions and stream tickets. A session token is 256 random bits, given to the agent
 * once and kept in the database only as its SHA-256, so a copy of the database opens no
 * session; any instance finds it. `EventSource` cannot send an `Authorization` header, so the
 * inbox trades its session for a one-use ticket and puts that in the stream URL: the session
 * token never appears in a URL or an access log. Tickets too are kept hashed in the database.
 * @param {{ store: import('../store/store.mjs').Store, sessionTtlMs?: number, ticketTtlMs?: number }} options
 */
export function createAgentAuth({ store, sessionTtlMs = 12 * 60 * 60 * 1000, ticketTtlMs = 60_000 }) {
  /** @param {import('../store/store.mjs').Agent} agent */
  const startSession = async (agent) => {
    const token = randomBytes(32).toString('base64url');
    const createdAt = new Date();
    const expiresAt = new Date(createdAt.getTime() + sessionTtlMs).toISOString();
    await store.createSession({ tokenHash: digest(token), agentId: agent.id, createdAt: createdAt.toISOString(), expiresAt });
    return { token, expiresAt, agent };
  };

  return {
    /**
     * The agent whose live session the `Authorization: Bearer …` header carries, else null.
     * @param {string | undefined} header
     */
    async authenticate(header) {
      const token = bearer(header);
      return token === null ? null : store.findSession(digest(token), new Date().toISOString());
    },
    /**
     * Signs in with email and password. A wrong password, an unknown email and an account still
     * waiting on its invite all answer null after the same work (one scrypt).
     * @param {string} email
     * @param {string} password
     */
    async signIn(email, password) {
      const account = await store.findAgentByEmail(normaliseEmail(email));
      if (!account || account.passwordHash === null) return verifyAgainstNothing(password).then(() => null);
      if (!(await verifyPassword(password, account.passwordHash))) return null;
      return startSession({ id: account.id, name: account.name, email: account.email, role: account.role });
    },
    startSession,
    /** Ends the session the header carries (signing out). @param {string | undefined} header */
    async signOut(header) {
      const token = bearer(header);
      if (token !== null) await store.deleteSession(digest(token));
    },
    /**
     * A ticket good for opening one stream within the time to live, and only while the session
     * the header carries lives: signing out or the agent's removal ends it too.
     * @param {string | undefined} header
     */
    async issueTicket(header) {
      const token = bearer(header);
      if (token === null) throw new Error('A stream ticket is issued only to a signed-in session.');
      const ticket = randomBytes(24).toString('base64url');
      const expiresAt = new Date(Date.now() + ticketTtlMs).toISOString();
      await store.addStreamTicket({ hash: digest(ticket), expiresAt, sessionHash: digest(token) });
      return { ticket, expiresAt };
    },
    /** Uses up a ticket; the id of its agent when it was valid, else null. @param {unknown} ticket */
    async redeemTicket(ticket) {
      if (typeof ticket !== 'string' || ticket.length > 200) return null;
      return store.redeemStreamTicket(digest(ticket), new Date().toISOString());
    },
  };
}

/** Emails are compared without regard to case or surrounding spaces. @param {string} email */
export function normaliseEmail(email) {
  return email.trim().toLowerCase();
}

/** The SHA-256 of a token, as stored. @param {string} value */
export function digest(value) {
  return createHash('sha256').update(value).digest('base64url');
}

/** @param {string | undefined} header */
function bearer(header) {
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/i.exec(header ?? '');
  return match ? /** @type {string} */ (match[1]) : null;
}
