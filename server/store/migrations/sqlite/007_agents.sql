-- Agent accounts, their sessions (only a hash of each token is kept), and each complaint's
-- audit trail. A complaint remembers which account claimed it, so only that agent or an admin
-- resolves it.
CREATE TABLE agents (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'agent')),
  password_hash TEXT,
  invite_hash TEXT UNIQUE,
  invite_expires_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX agents_role ON agents (role);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  agent_id TEXT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_agent ON sessions (agent_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Kept when an agent is removed: the trail names who did what, as they were called then.
CREATE TABLE audit_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  complaint_id TEXT NOT NULL,
  action TEXT NOT NULL,
  agent_id TEXT,
  agent_name TEXT,
  at TEXT NOT NULL,
  detail TEXT
);
CREATE INDEX audit_events_complaint ON audit_events (complaint_id, id);

ALTER TABLE complaints ADD COLUMN claimed_by_id TEXT;
