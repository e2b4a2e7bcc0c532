-- Up Migration
-- Agent accounts, their sessions (only a hash of each token is kept), and each complaint's
-- audit trail. A complaint remembers which account claimed it, so only that agent or an admin
-- resolves it.
CREATE TABLE agents (
  id text PRIMARY KEY,
  name text NOT NULL,
  email text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('admin', 'agent')),
  password_hash text,
  invite_hash text UNIQUE,
  invite_expires_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX agents_role ON agents (role);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  agent_id text NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_agent ON sessions (agent_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Kept when an agent is removed: the trail names who did what, as they were called then.
CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  complaint_id text NOT NULL,
  action text NOT NULL,
  agent_id text,
  agent_name text,
  at timestamptz NOT NULL,
  detail json
);
CREATE INDEX audit_events_complaint ON audit_events (complaint_id, id);

ALTER TABLE complaints ADD COLUMN claimed_by_id text;

-- Down Migration
ALTER TABLE complaints DROP COLUMN claimed_by_id;
DROP TABLE audit_events;
DROP TABLE sessions;
DROP TABLE agents;
