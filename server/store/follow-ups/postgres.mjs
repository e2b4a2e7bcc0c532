// @ts-check
/**
 * Follow-ups on PostgreSQL: the link-signing secret and visitors' opt-outs.
 * @param {import('pg').Pool} pool
 * @returns {import('./follow-up-store.mjs').FollowUpStore}
 */
export function postgresFollowUps(pool) {
  return {
    serverSecret: async (name, make) => {
      // Instances starting together each offer a secret; the first one stored is everyone's.
      await pool.query('INSERT INTO server_secrets (name, value, created_at) VALUES ($1, $2, now()) ON CONFLICT (name) DO NOTHING', [name, make()]);
      const { rows } = await pool.query('SELECT value FROM server_secrets WHERE name = $1', [name]);
      return rows[0].value;
    },
    optOutOfFollowUps: async (emailHash, at) => {
      await pool.query('INSERT INTO follow_up_optouts (email_hash, at) VALUES ($1, $2) ON CONFLICT (email_hash) DO NOTHING', [emailHash, at]);
    },
    hasOptedOutOfFollowUps: async (emailHash) => ((await pool.query('SELECT 1 FROM follow_up_optouts WHERE email_hash = $1', [emailHash])).rowCount ?? 0) > 0,
  };
}
