// @ts-check
/**
 * Follow-ups on SQLite: the link-signing secret and visitors' opt-outs.
 * @param {import('better-sqlite3').Database} db
 * @returns {import('./follow-up-store.mjs').FollowUpStore}
 */
export function sqliteFollowUps(db) {
  const q = {
    addSecret: db.prepare('INSERT INTO server_secrets (name, value, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING'),
    secret: db.prepare('SELECT value FROM server_secrets WHERE name = ?'),
    optOut: db.prepare('INSERT INTO follow_up_optouts (email_hash, at) VALUES (?, ?) ON CONFLICT (email_hash) DO NOTHING'),
    optedOut: db.prepare('SELECT 1 FROM follow_up_optouts WHERE email_hash = ?'),
  };
  return {
    serverSecret: async (name, make) => {
      q.addSecret.run(name, make(), new Date().toISOString());
      return /** @type {{ value: string }} */ (q.secret.get(name)).value;
    },
    optOutOfFollowUps: async (emailHash, at) => {
      q.optOut.run(emailHash, at);
    },
    hasOptedOutOfFollowUps: async (emailHash) => q.optedOut.get(emailHash) !== undefined,
  };
}
