-- Up Migration
-- One-time password-reset links (only the SHA-256 of each token is kept; a link works once, and
-- using one voids the agent's others) and the accounts' own history: who changed whose role,
-- who reset whose password, and when.
CREATE TABLE password_resets (
  token_hash text PRIMARY KEY,
  agent_id text NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX password_resets_agent ON password_resets (agent_id);
CREATE INDEX password_resets_expires ON password_resets (expires_at);

-- Kept when an agent is removed: it names the accounts as they were called then.
CREATE TABLE account_events (
  id bigserial PRIMARY KEY,
  action text NOT NULL,
  agent_id text NOT NULL,
  agent_name text NOT NULL,
  by_id text,
  by_name text,
  at timestamptz NOT NULL,
  detail json
);
CREATE INDEX account_events_at ON account_events (at, id);

-- Down Migration
DROP TABLE account_events;
DROP TABLE password_resets;
