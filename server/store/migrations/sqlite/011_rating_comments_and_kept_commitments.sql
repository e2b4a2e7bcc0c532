-- A comment the visitor adds after rating from the follow-up email, and what the inbox needs to
-- say how many commitments were kept on time.
--
-- `source` says where a rating came from: the widget (every rating stored before this), or the
-- follow-up email's link ('follow-up'). Only a follow-up rating takes a comment, and only once.
ALTER TABLE ratings ADD COLUMN source TEXT NOT NULL DEFAULT 'widget' CHECK (source IN ('widget', 'follow-up'));
ALTER TABLE ratings ADD COLUMN comment TEXT;
ALTER TABLE ratings ADD COLUMN comment_at TEXT;

-- `first_due_ms` is the first date promised to the visitor, kept once an agent moves `due_by`
-- (null while it was never moved: `due_ms` is then still the first promise). `late_move` is 1
-- when any move was made after the date it replaced had already passed.
ALTER TABLE complaints ADD COLUMN first_due_ms INTEGER;
ALTER TABLE complaints ADD COLUMN late_move INTEGER NOT NULL DEFAULT 0;

-- Complaints moved before this: the first promise is the record's commitment (the first move's
-- date when it had none), and each move is compared with the date before it, from the audit trail.
WITH moves AS (
  SELECT complaint_id AS id, at, json_extract(detail, '$.dueBy') AS due_by,
    ROW_NUMBER() OVER w AS n, LAG(json_extract(detail, '$.dueBy')) OVER w AS previous
  FROM audit_events
  WHERE action = 'due-moved' AND json_valid(detail) AND json_type(detail, '$.dueBy') = 'text'
  WINDOW w AS (PARTITION BY complaint_id ORDER BY id)
), firsts AS (
  SELECT c.id,
    CASE WHEN json_valid(c.body) AND json_type(c.body, '$.commitment.dueBy') = 'text' THEN json_extract(c.body, '$.commitment.dueBy') END AS promised,
    m.due_by AS first_move
  FROM complaints c JOIN moves m ON m.id = c.id AND m.n = 1
)
UPDATE complaints SET
  first_due_ms = (
    SELECT CAST(ROUND((julianday(COALESCE(f.promised, f.first_move)) - 2440587.5) * 86400000) AS INTEGER)
    FROM firsts f WHERE f.id = complaints.id
  ),
  late_move = EXISTS (
    SELECT 1 FROM moves m JOIN firsts f ON f.id = m.id
    WHERE m.id = complaints.id AND julianday(m.at) > julianday(COALESCE(m.previous, f.promised))
  )
WHERE id IN (SELECT id FROM firsts);
