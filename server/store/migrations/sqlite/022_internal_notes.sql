-- Internal notes: what agents write to each other about a complaint, kept apart from the replies
-- and never shown to the visitor. Once per id (the inbox's own id for each note, so a note sent
-- again is not kept twice); the author's name is kept as it was, like the history's.
CREATE TABLE internal_notes (
  id TEXT PRIMARY KEY,
  complaint_id TEXT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  agent_id TEXT,
  agent_name TEXT NOT NULL,
  text TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX internal_notes_complaint ON internal_notes (complaint_id, at);
-- Foreign keys are not enforced on this connection: a purged complaint takes its notes here.
CREATE TRIGGER internal_notes_purge AFTER DELETE ON complaints
BEGIN
  DELETE FROM internal_notes WHERE complaint_id = OLD.id;
END;
