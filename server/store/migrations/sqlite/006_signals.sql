-- Trends count signals from a table of their own, so no query reads a stored body and no body,
-- however it is shaped, can break one. Signals of complaints stored before are copied once;
-- a body SQLite cannot parse (nested deeper than its JSON functions go) contributes none.
CREATE TABLE complaint_signals (
  complaint_id TEXT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  submitted_ms INTEGER NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  cue TEXT NOT NULL
);
CREATE INDEX complaint_signals_submitted ON complaint_signals (submitted_ms);
CREATE INDEX complaint_signals_complaint ON complaint_signals (complaint_id);

INSERT INTO complaint_signals (complaint_id, submitted_ms, field, value, cue)
SELECT c.id, c.submitted_ms, json_extract(s.value, '$.field'), json_extract(s.value, '$.value'), json_extract(s.value, '$.cue')
FROM complaints c, json_each(CASE WHEN json_valid(c.body) THEN c.body ELSE '{}' END, '$.triage.signals') s
WHERE json_type(s.value, '$.field') = 'text' AND json_type(s.value, '$.value') = 'text' AND json_type(s.value, '$.cue') = 'text';
