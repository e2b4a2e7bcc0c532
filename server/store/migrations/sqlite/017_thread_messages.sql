-- The visitor writes back: each follow-up message to a complaint, once per id (the widget's
-- Idempotency-Key). `waiting_since` on the complaint is when the visitor last wrote; the
-- complaint waits for the team while no reply came after it. An agent's presence is when their
-- signed-in inbox was last active, so the widget can say honestly whether someone is online.
CREATE TABLE thread_messages (
  id TEXT PRIMARY KEY,
  complaint_id TEXT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  at TEXT NOT NULL,
  received_at TEXT NOT NULL,
  -- The complaint's status once it was kept, so a replay is answered as the first time.
  status_after TEXT NOT NULL
);
CREATE INDEX thread_messages_complaint ON thread_messages (complaint_id, received_at);
-- Foreign keys are not enforced on this connection: a purged complaint takes its messages here.
CREATE TRIGGER thread_messages_purge AFTER DELETE ON complaints
BEGIN
  DELETE FROM thread_messages WHERE complaint_id = OLD.id;
END;
ALTER TABLE complaints ADD COLUMN waiting_since TEXT;
CREATE TABLE agent_presence (
  agent_id TEXT PRIMARY KEY REFERENCES agents (id) ON DELETE CASCADE,
  seen_at TEXT NOT NULL
);
