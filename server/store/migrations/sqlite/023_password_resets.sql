-- One-time password-reset links (only the SHA-256 of each token is kept; a link works once, and
-- using one voids the agent's others) and the accounts' own history: who changed whose role,
-- who reset whose password, and when.
CREATE TABLE password_resets (
  token_hash TEXT PRIMARY KEY,
  agent_id TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX password_resets_agent ON password_resets (agent_id);
CREATE INDEX password_resets_expires ON password_resets (expires_at);

-- Kept when an agent is removed: it names the accounts as they were called then.
CREATE TABLE account_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  action TEXT NOT NULL,
  agent_id TEXT NOT NULL,
  agent_name TEXT NOT NULL,
  by_id TEXT,
  by_name TEXT,
  at TEXT NOT NULL,
  detail TEXT
);
CREATE INDEX account_events_at ON account_events (at, id);
