-- Up Migration
-- What the visitor can read back with their status key: the key's hash only, the agents'
-- replies (kept apart from the internal resolution note), and a due date moved with its reason.
ALTER TABLE complaints ADD COLUMN status_key_hash text;
ALTER TABLE complaints ADD COLUMN due_by_reason text;
ALTER TABLE complaints ADD COLUMN last_reply_at timestamptz;

CREATE TABLE replies (
  id bigserial PRIMARY KEY,
  complaint_id text NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  agent_id text,
  agent_name text,
  text text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX replies_complaint ON replies (complaint_id, id);

-- Down Migration
DROP TABLE replies;
ALTER TABLE complaints DROP COLUMN last_reply_at;
ALTER TABLE complaints DROP COLUMN due_by_reason;
ALTER TABLE complaints DROP COLUMN status_key_hash;
