-- Up Migration
-- Internal notes: what agents write to each other about a complaint, kept apart from the replies
-- and never shown to the visitor. Once per id (the inbox's own id for each note, so a note sent
-- again is not kept twice); the author's name is kept as it was, like the history's.
CREATE TABLE internal_notes (
  id text PRIMARY KEY,
  complaint_id text NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  agent_id text,
  agent_name text NOT NULL,
  text text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX internal_notes_complaint ON internal_notes (complaint_id, at);

-- Down Migration
DROP TABLE internal_notes;
