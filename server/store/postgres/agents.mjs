// @ts-check

/**
 * @typedef {import('../store.mjs').Store} Store
 * @typedef {import('../store.mjs').AgentAccount} AgentAccount
 * @typedef {import('../store.mjs').AuditEvent} AuditEvent
 */

const NEW_AGENT_COLUMNS = 'id, name, email, role, password_hash, invite_hash, invite_expires_at, created_at';

/**
 * An INSERT of one audit event for a CTE whose change is `changed`: written only when the change
 * happened. Parameters `$n` … `$n+5`: complaint id, action, agent id, agent name, at, detail.
 * @param {number} n
 */
export const insertAuditFrom = (n) => `INSERT INTO audit_events (complaint_id, action, agent_id, agent_name, at, detail)
  SELECT $${n}::text, $${n + 1}::text, $${n + 2}::text, $${n + 3}::text, $${n + 4}::timestamptz, $${n + 5}::json
  WHERE EXISTS (SELECT 1 FROM changed)`;

/**
 * The parameters `insertAuditFrom` takes.
 * @param {string} complaintId
 * @param {AuditEvent} event
 */
export const auditParameters = (complaintId, event) => [
  complaintId,
  event.action,
  event.agentId,
  event.agentName,
  event.at,
  event.detail ? JSON.stringify(event.detail) : null,
];

/**
 * Agent accounts, sessions and audit trails on PostgreSQL.
 * @param {import('pg').Pool} pool
 */
export function createPostgresAgents(pool) {
  /** @param {Record<string, any> | undefined} row @returns {AgentAccount | null} */
  const account = (row) =>
    row
      ? {
          id: row.id,
          name: row.name,
          email: row.email,
          role: row.role,
          passwordHash: row.password_hash,
          invitePending: row.invite_hash !== null,
          createdAt: row.created_at.toISOString(),
        }
      : null;
  /** @param {AgentAccount | null} found */
  const publicAgent = (found) => found && { id: found.id, name: found.name, email: found.email, role: found.role };

  return {
    /** @param {string} complaintId @returns {Promise<AuditEvent[]>} */
    async auditOf(complaintId) {
      const { rows } = await pool.query(
        'SELECT action, agent_id, agent_name, at, detail FROM audit_events WHERE complaint_id = $1 ORDER BY id',
        [complaintId],
      );
      return rows.map((row) => ({ action: row.action, agentId: row.agent_id, agentName: row.agent_name, at: row.at.toISOString(), detail: row.detail }));
    },
    /** @type {Store['createAgent']} */
    createAgent: async (agent) => {
      const { rows } = await pool.query(
        `INSERT INTO agents (${NEW_AGENT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (email) DO NOTHING RETURNING *`,
        [agent.id, agent.name, agent.email, agent.role, agent.passwordHash, agent.inviteHash, agent.inviteExpiresAt, agent.createdAt],
      );
      return rows[0] ? { ok: true, agent: /** @type {AgentAccount} */ (account(rows[0])) } : { ok: false, error: 'email-taken' };
    },
    /** @type {Store['createFirstAdmin']} */
    createFirstAdmin: async (agent) => {
      // Instances starting together take turns under a transaction-scoped lock, so the second
      // sees the first one's admin.
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query("SELECT pg_advisory_xact_lock(hashtext('heard_first_admin'))");
        const { rowCount } = await client.query(
          `INSERT INTO agents (${NEW_AGENT_COLUMNS})
           SELECT $1::text, $2::text, $3::text, 'admin', $4::text, NULL, NULL, $5::timestamptz
           WHERE NOT EXISTS (SELECT 1 FROM agents WHERE role = 'admin')
           ON CONFLICT (email) DO NOTHING`,
          [agent.id, agent.name, agent.email, agent.passwordHash, agent.createdAt],
        );
        await client.query('COMMIT');
        return (rowCount ?? 0) > 0;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    /** @type {Store['findAgentByEmail']} */
    findAgentByEmail: async (email) => account((await pool.query('SELECT * FROM agents WHERE email = $1', [email])).rows[0]),
    /** @type {Store['getAgent']} */
    getAgent: async (id) => account((await pool.query('SELECT * FROM agents WHERE id = $1', [id])).rows[0]),
    /** @type {Store['listAgents']} */
    listAgents: async () =>
      (await pool.query('SELECT * FROM agents ORDER BY role, name COLLATE "C", email COLLATE "C"')).rows.map(
        (row) => /** @type {AgentAccount} */ (account(row)),
      ),
    /** @type {Store['removeAgent']} */
    removeAgent: async (id) => ((await pool.query('DELETE FROM agents WHERE id = $1', [id])).rowCount ?? 0) > 0,
    /** @type {Store['setAgentPassword']} */
    setAgentPassword: async (id, passwordHash) => {
      const { rows } = await pool.query(
        `WITH changed AS (
           UPDATE agents SET password_hash = $2, invite_hash = NULL, invite_expires_at = NULL WHERE id = $1 RETURNING id
         ), ended AS (DELETE FROM sessions WHERE agent_id IN (SELECT id FROM changed)),
         -- A link to choose a password, sent before the operator chose one, must not undo it.
         voided AS (DELETE FROM password_resets WHERE agent_id IN (SELECT id FROM changed))
         SELECT count(*)::int AS changed FROM changed`,
        [id, passwordHash],
      );
      return rows[0].changed > 0;
    },
    /** @type {Store['acceptInvite']} */
    acceptInvite: async (inviteHash, passwordHash, now) => {
      const { rows } = await pool.query(
        `UPDATE agents SET password_hash = $1, invite_hash = NULL, invite_expires_at = NULL
         WHERE invite_hash = $2 AND invite_expires_at > $3 RETURNING *`,
        [passwordHash, inviteHash, now],
      );
      return publicAgent(account(rows[0]));
    },
    /** @type {Store['createSession']} */
    createSession: async ({ tokenHash, agentId, createdAt, expiresAt }) => {
      await pool.query(
        `WITH pruned AS (DELETE FROM sessions WHERE expires_at <= $3)
         INSERT INTO sessions (token_hash, agent_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
        [tokenHash, agentId, createdAt, expiresAt],
      );
    },
    /** @type {Store['findSession']} */
    findSession: async (tokenHash, now) => {
      const { rows } = await pool.query(
        'SELECT a.* FROM sessions s JOIN agents a ON a.id = s.agent_id WHERE s.token_hash = $1 AND s.expires_at > $2',
        [tokenHash, now],
      );
      return publicAgent(account(rows[0]));
    },
    /** @type {Store['deleteSession']} */
    deleteSession: async (tokenHash) => {
      await pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },
    /** @type {Store['countAttempt']} */
    countAttempt: async (key, { at, windowMs }) => {
      // One statement, so instances counting the same key at once each add one. A few other
      // windows that are over go with it (never this key's row, which the insert may update).
      const { rows } = await pool.query({
        name: 'heard_count_attempt',
        text: `WITH pruned AS (
            DELETE FROM sign_in_attempts WHERE key IN (
              SELECT key FROM sign_in_attempts WHERE reset_at <= $2 AND key <> $1 LIMIT 20 FOR UPDATE SKIP LOCKED)
          )
          INSERT INTO sign_in_attempts AS a (key, count, reset_at) VALUES ($1, 1, $3)
          ON CONFLICT (key) DO UPDATE SET
            count = CASE WHEN a.reset_at <= $2 THEN 1 ELSE a.count + 1 END,
            reset_at = CASE WHEN a.reset_at <= $2 THEN excluded.reset_at ELSE a.reset_at END
          RETURNING count, reset_at`,
        values: [key, new Date(at), new Date(at + windowMs)],
      });
      return { count: rows[0].count, resetAt: rows[0].reset_at.getTime() };
    },
    /** @type {Store['attemptCount']} */
    attemptCount: async (key, at) => {
      const { rows } = await pool.query('SELECT count FROM sign_in_attempts WHERE key = $1 AND reset_at > $2', [key, new Date(at)]);
      return rows[0]?.count ?? 0;
    },
    /** @type {Store['clearAttempts']} */
    clearAttempts: async (key) => {
      await pool.query('DELETE FROM sign_in_attempts WHERE key = $1', [key]);
    },
  };
}
