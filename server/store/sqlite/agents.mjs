// @ts-check

/**
 * @typedef {import('../store.mjs').Store} Store
 * @typedef {import('../store.mjs').AgentAccount} AgentAccount
 * @typedef {import('../store.mjs').NewAgent} NewAgent
 * @typedef {import('../store.mjs').AuditEvent} AuditEvent
 * @typedef {{ id: string, name: string, email: string, role: 'admin' | 'agent', password_hash: string | null, invite_hash: string | null, created_at: string }} AgentRow
 */

/**
 * Agent accounts, sessions and audit trails on SQLite.
 * @param {import('better-sqlite3').Database} db
 */
export function createSqliteAgents(db) {
  const q = {
    add: db.prepare(`INSERT INTO agents (id, name, email, role, password_hash, invite_hash, invite_expires_at, created_at)
      VALUES (@id, @name, @email, @role, @passwordHash, @inviteHash, @inviteExpiresAt, @createdAt)`),
    addFirstAdmin: db.prepare(`INSERT INTO agents (id, name, email, role, password_hash, invite_hash, invite_expires_at, created_at)
      SELECT @id, @name, @email, 'admin', @passwordHash, NULL, NULL, @createdAt
      WHERE NOT EXISTS (SELECT 1 FROM agents WHERE role = 'admin')
      ON CONFLICT (email) DO NOTHING`),
    byEmail: db.prepare('SELECT * FROM agents WHERE email = ?'),
    byId: db.prepare('SELECT * FROM agents WHERE id = ?'),
    all: db.prepare('SELECT * FROM agents ORDER BY role, name, email'),
    remove: db.prepare('DELETE FROM agents WHERE id = ?'),
    setPassword: db.prepare('UPDATE agents SET password_hash = ?, invite_hash = NULL, invite_expires_at = NULL WHERE id = ?'),
    endSessions: db.prepare('DELETE FROM sessions WHERE agent_id = ?'),
    // A link to choose a password, sent before the operator chose one, must not undo it.
    endResets: db.prepare('DELETE FROM password_resets WHERE agent_id = ?'),
    accept: db.prepare(`UPDATE agents SET password_hash = ?, invite_hash = NULL, invite_expires_at = NULL
      WHERE invite_hash = ? AND invite_expires_at > ? RETURNING *`),
    addSession: db.prepare('INSERT INTO sessions (token_hash, agent_id, created_at, expires_at) VALUES (?, ?, ?, ?)'),
    session: db.prepare(`SELECT a.* FROM sessions s JOIN agents a ON a.id = s.agent_id
      WHERE s.token_hash = ? AND s.expires_at > ?`),
    endSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
    // Expired sessions are of no use to anyone; they go when a new one is made.
    prune: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
    addAudit: db.prepare(`INSERT INTO audit_events (complaint_id, action, agent_id, agent_name, at, detail)
      VALUES (@complaintId, @action, @agentId, @agentName, @at, @detail)`),
    audit: db.prepare('SELECT action, agent_id, agent_name, at, detail FROM audit_events WHERE complaint_id = ? ORDER BY id'),
    // A window that is over starts again at one; a few other windows that are over go with it.
    countAttempt: db.prepare(`INSERT INTO sign_in_attempts (key, count, reset_ms) VALUES (@key, 1, @at + @windowMs)
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN reset_ms <= @at THEN 1 ELSE count + 1 END,
        reset_ms = CASE WHEN reset_ms <= @at THEN excluded.reset_ms ELSE reset_ms END
      RETURNING count, reset_ms`),
    pruneAttempts: db.prepare(`DELETE FROM sign_in_attempts WHERE key IN (
      SELECT key FROM sign_in_attempts WHERE reset_ms <= @at AND key <> @key LIMIT 20)`),
    attempts: db.prepare('SELECT count FROM sign_in_attempts WHERE key = ? AND reset_ms > ?').pluck(),
    clearAttempts: db.prepare('DELETE FROM sign_in_attempts WHERE key = ?'),
  };
  const countAttempt = db.transaction(
    /** @param {{ key: string, at: number, windowMs: number }} args */
    (args) => {
      q.pruneAttempts.run(args);
      return /** @type {{ count: number, reset_ms: number }} */ (q.countAttempt.get(args));
    },
  );

  /** @param {unknown} row @returns {AgentAccount | null} */
  const account = (row) => (row ? toAccount(/** @type {AgentRow} */ (row)) : null);

  // Foreign keys are off by default in SQLite; sessions must end with their account.
  db.pragma('foreign_keys = ON');

  return {
    /**
     * Writes one audit event inside the caller's transaction.
     * @param {string} complaintId
     * @param {Omit<AuditEvent, 'detail'> & { detail?: Record<string, unknown> | null }} event
     */
    addAudit(complaintId, event) {
      q.addAudit.run({
        complaintId,
        action: event.action,
        agentId: event.agentId,
        agentName: event.agentName,
        at: event.at,
        detail: event.detail ? JSON.stringify(event.detail) : null,
      });
    },
    /** @param {string} complaintId @returns {AuditEvent[]} */
    auditOf(complaintId) {
      return /** @type {{ action: AuditEvent['action'], agent_id: string | null, agent_name: string | null, at: string, detail: string | null }[]} */ (
        q.audit.all(complaintId)
      ).map((row) => ({ action: row.action, agentId: row.agent_id, agentName: row.agent_name, at: row.at, detail: row.detail ? JSON.parse(row.detail) : null }));
    },
    /** @type {Store['createAgent']} */
    createAgent: async (agent) => {
      try {
        q.add.run(agent);
      } catch (error) {
        if (/** @type {{ code?: string }} */ (error).code === 'SQLITE_CONSTRAINT_UNIQUE') return { ok: false, error: 'email-taken' };
        throw error;
      }
      return { ok: true, agent: /** @type {AgentAccount} */ (account(q.byId.get(agent.id))) };
    },
    /** @type {Store['createFirstAdmin']} */
    createFirstAdmin: async (agent) => q.addFirstAdmin.run(agent).changes > 0,
    /** @type {Store['findAgentByEmail']} */
    findAgentByEmail: async (email) => account(q.byEmail.get(email)),
    /** @type {Store['getAgent']} */
    getAgent: async (id) => account(q.byId.get(id)),
    /** @type {Store['listAgents']} */
    listAgents: async () => q.all.all().map((row) => /** @type {AgentAccount} */ (account(row))),
    /** @type {Store['removeAgent']} */
    removeAgent: async (id) => q.remove.run(id).changes > 0,
    /** @type {Store['setAgentPassword']} */
    setAgentPassword: async (id, passwordHash) =>
      db.transaction(() => {
        if (q.setPassword.run(passwordHash, id).changes === 0) return false;
        q.endSessions.run(id);
        q.endResets.run(id);
        return true;
      }).immediate(),
    /** @type {Store['acceptInvite']} */
    acceptInvite: async (inviteHash, passwordHash, now) => {
      const found = account(q.accept.get(passwordHash, inviteHash, now));
      return found && publicAgent(found);
    },
    /** @type {Store['createSession']} */
    createSession: async ({ tokenHash, agentId, createdAt, expiresAt }) => {
      db.transaction(() => {
        q.prune.run(createdAt);
        q.addSession.run(tokenHash, agentId, createdAt, expiresAt);
      }).immediate();
    },
    /** @type {Store['findSession']} */
    findSession: async (tokenHash, now) => {
      const found = account(q.session.get(tokenHash, now));
      return found && publicAgent(found);
    },
    /** @type {Store['deleteSession']} */
    deleteSession: async (tokenHash) => {
      q.endSession.run(tokenHash);
    },
    /** @type {Store['countAttempt']} */
    countAttempt: async (key, { at, windowMs }) => {
      const row = countAttempt.immediate({ key, at, windowMs });
      return { count: row.count, resetAt: row.reset_ms };
    },
    /** @type {Store['attemptCount']} */
    attemptCount: async (key, at) => /** @type {number | undefined} */ (q.attempts.get(key, at)) ?? 0,
    /** @type {Store['clearAttempts']} */
    clearAttempts: async (key) => {
      q.clearAttempts.run(key);
    },
  };
}

/** @param {AgentRow} row @returns {AgentAccount} */
function toAccount(row) {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    passwordHash: row.password_hash,
    invitePending: row.invite_hash !== null,
    createdAt: row.created_at,
  };
}

/** @param {AgentAccount} account @returns {import('../store.mjs').Agent} */
export function publicAgent({ id, name, email, role }) {
  return { id, name, email, role };
}
