-- Up Migration
-- The visitor writes back: each follow-up message to a complaint, once per id (the widget's
-- Idempotency-Key). `waiting_since` on the complaint is when the visitor last wrote; the
-- complaint waits for the team while no reply came after it. An agent's presence is when their
-- signed-in inbox was last active, so the widget can say honestly whether someone is online.
CREATE TABLE thread_messages (
  id text PRIMARY KEY,
  complaint_id text NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  text text NOT NULL,
  at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  -- The complaint's status once it was kept, so a replay is answered as the first time.
  status_after text NOT NULL
);
CREATE INDEX thread_messages_complaint ON thread_messages (complaint_id, received_at);
ALTER TABLE complaints ADD COLUMN waiting_since timestamptz;
CREATE TABLE agent_presence (
  agent_id text PRIMARY KEY REFERENCES agents (id) ON DELETE CASCADE,
  seen_at timestamptz NOT NULL
);

-- Down Migration
DROP TABLE agent_presence;
ALTER TABLE complaints DROP COLUMN waiting_since;
DROP TABLE thread_messages;
