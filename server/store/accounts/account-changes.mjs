// @ts-check
/**
 * Changes an admin makes to accounts, and password resets, on both databases: one module of
 * Kysely queries on the store's own connection (better-sqlite3 or the pg pool). Every change is
 * written to the accounts' history with who made it, in the same transaction.
 */
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';

/**
 * @typedef {import('../store.mjs').Role} Role
 * @typedef {import('../store.mjs').Agent} Agent
 * @typedef {'role-changed' | 'password-reset-started' | 'password-reset'} AccountAction
 * @typedef {{ id: string, name: string }} Actor
 * @typedef {{ action: AccountAction, agentId: string, agentName: string, byId: string | null, byName: string | null, at: string, detail: Record<string, unknown> | null }} AccountEvent
 * @typedef {{ ok: true, agent: Agent, changed: boolean } | { ok: false, error: 'not-found' | 'last-admin' }} RoleChange
 * @typedef {{
 *   setAgentRole(id: string, role: Role, change: { by: Actor, at: string }): Promise<RoleChange>,
 *   addPasswordReset(reset: { tokenHash: string, agentId: string, createdAt: string, expiresAt: string, by: Actor | null }): Promise<boolean>,
 *   findPasswordReset(tokenHash: string, now: string): Promise<Agent | null>,
 *   usePasswordReset(tokenHash: string, passwordHash: string, now: string): Promise<Agent | null>,
 *   listAccountEvents(limit: number): Promise<AccountEvent[]>,
 * }} AccountChangeStore
 *   `setAgentRole`: refused (`last-admin`) when it would leave no admin; the agent's sessions
 *   carry the new role from their next request. `addPasswordReset`: with `by` (an admin's
 *   reset), the old password stops working and every session ends at once; false when there is
 *   no such agent. `findPasswordReset`: the agent whose live link it is, without using it.
 *   `usePasswordReset`: the agent whose live link `tokenHash` is, with the new
 *   password set, every link of theirs void and every session ended; null for a link used,
 *   expired or unknown.
 */

/** @param {import('better-sqlite3').Database} db @returns {AccountChangeStore} */
export function sqliteAccountChanges(db) {
  return accountChanges(new Kysely({ dialect: new SqliteDialect({ database: db }) }), 'sqlite');
}

/** @param {import('pg').Pool} pool @returns {AccountChangeStore} */
export function postgresAccountChanges(pool) {
  return accountChanges(new Kysely({ dialect: new PostgresDialect({ pool }) }), 'postgres');
}

/** A time as both databases give it back (text on SQLite, a Date on PostgreSQL), as ISO text. @param {unknown} value */
const iso = (value) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString());

/**
 * Never `destroy()` this Kysely: the connection is the store's, and the store closes it.
 * On SQLite every query runs synchronously on the one connection, so nothing else runs between
 * the statements of a transaction here.
 * @param {Kysely<any>} kysely
 * @param {'sqlite' | 'postgres'} kind
 * @returns {AccountChangeStore}
 */
function accountChanges(kysely, kind) {
  /**
   * @param {Kysely<any>} trx
   * @param {{ action: AccountAction, agent: { id: string, name: string }, by: Actor | null, at: string, detail?: Record<string, unknown> }} event
   */
  const record = (trx, { action, agent, by, at, detail }) =>
    trx
      .insertInto('account_events')
      .values({ action, agent_id: agent.id, agent_name: agent.name, by_id: by?.id ?? null, by_name: by?.name ?? null, at, detail: detail ? JSON.stringify(detail) : null })
      .execute();

  /** @param {Kysely<any>} trx @param {string} agentId */
  const endSessions = (trx, agentId) => trx.deleteFrom('sessions').where('agent_id', '=', agentId).execute();

  return {
    async setAgentRole(id, role, { by, at }) {
      return kysely.transaction().execute(async (trx) => {
        // Two admins demoting each other at once take turns, so one of them stays an admin.
        if (kind === 'postgres') await sql`SELECT pg_advisory_xact_lock(hashtext('heard_admins'))`.execute(trx);
        const agent = await trx.selectFrom('agents').select(['id', 'name', 'email', 'role']).where('id', '=', id).executeTakeFirst();
        if (!agent) return /** @type {RoleChange} */ ({ ok: false, error: 'not-found' });
        if (agent.role === role) return /** @type {RoleChange} */ ({ ok: true, agent, changed: false });
        if (agent.role === 'admin') {
          const others = await trx.selectFrom('agents').select((eb) => eb.fn.countAll().as('n')).where('role', '=', 'admin').where('id', '<>', id).executeTakeFirstOrThrow();
          if (Number(others.n) === 0) return /** @type {RoleChange} */ ({ ok: false, error: 'last-admin' });
        }
        await trx.updateTable('agents').set({ role }).where('id', '=', id).execute();
        await record(trx, { action: 'role-changed', agent, by, at, detail: { from: agent.role, to: role } });
        return /** @type {RoleChange} */ ({ ok: true, agent: { ...agent, role }, changed: true });
      });
    },

    async addPasswordReset({ tokenHash, agentId, createdAt, expiresAt, by }) {
      return kysely.transaction().execute(async (trx) => {
        const agent = await trx.selectFrom('agents').select(['id', 'name']).where('id', '=', agentId).executeTakeFirst();
        if (!agent) return false;
        // Links that are over are of no use to anyone; they go when a new one is made.
        await trx.deleteFrom('password_resets').where('expires_at', '<=', createdAt).execute();
        await trx.insertInto('password_resets').values({ token_hash: tokenHash, agent_id: agentId, created_at: createdAt, expires_at: expiresAt }).execute();
        if (by) {
          await trx.updateTable('agents').set({ password_hash: null }).where('id', '=', agentId).execute();
          await endSessions(trx, agentId);
          await record(trx, { action: 'password-reset-started', agent, by, at: createdAt });
        }
        return true;
      });
    },

    async findPasswordReset(tokenHash, now) {
      const agent = await kysely
        .selectFrom('password_resets as r')
        .innerJoin('agents as a', 'a.id', 'r.agent_id')
        .select(['a.id', 'a.name', 'a.email', 'a.role'])
        .where('r.token_hash', '=', tokenHash)
        .where('r.expires_at', '>', now)
        .executeTakeFirst();
      return agent ?? null;
    },

    async usePasswordReset(tokenHash, passwordHash, now) {
      return kysely.transaction().execute(async (trx) => {
        // Deleted as it is read: of two requests with one link, only one finds it.
        const used = await trx.deleteFrom('password_resets').where('token_hash', '=', tokenHash).where('expires_at', '>', now).returning('agent_id').executeTakeFirst();
        if (!used) return null;
        const agentId = used.agent_id;
        await trx.deleteFrom('password_resets').where('agent_id', '=', agentId).execute();
        await trx.updateTable('agents').set({ password_hash: passwordHash, invite_hash: null, invite_expires_at: null }).where('id', '=', agentId).execute();
        await endSessions(trx, agentId);
        const agent = await trx.selectFrom('agents').select(['id', 'name', 'email', 'role']).where('id', '=', agentId).executeTakeFirstOrThrow();
        await record(trx, { action: 'password-reset', agent, by: null, at: now });
        return agent;
      });
    },

    async listAccountEvents(limit) {
      const rows = await kysely.selectFrom('account_events').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((row) => ({
        action: row.action,
        agentId: row.agent_id,
        agentName: row.agent_name,
        byId: row.by_id,
        byName: row.by_name,
        at: iso(row.at),
        detail: row.detail === null ? null : typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail,
      }));
    },
  };
}
