-- What the visitor can read back with their status key: the key's hash only, the agents'
-- replies (kept apart from the internal resolution note), and a due date moved with its reason.
ALTER TABLE complaints ADD COLUMN status_key_hash TEXT;
ALTER TABLE complaints ADD COLUMN due_by_reason TEXT;
ALTER TABLE complaints ADD COLUMN last_reply_at TEXT;

CREATE TABLE replies (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  complaint_id TEXT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  agent_id TEXT,
  agent_name TEXT,
  text TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX replies_complaint ON replies (complaint_id, id);
