-- Up Migration
-- A comment the visitor adds after rating from the follow-up email, and what the inbox needs to
-- say how many commitments were kept on time.
--
-- `source` says where a rating came from: the widget (every rating stored before this), or the
-- follow-up email's link ('follow-up'). Only a follow-up rating takes a comment, and only once.
ALTER TABLE ratings ADD COLUMN source text NOT NULL DEFAULT 'widget' CHECK (source IN ('widget', 'follow-up'));
ALTER TABLE ratings ADD COLUMN comment text;
ALTER TABLE ratings ADD COLUMN comment_at timestamptz;

-- `first_due_by` is the first date promised to the visitor, kept once an agent moves `due_by`
-- (null while it was never moved: `due_by` is then still the first promise). `late_move` is true
-- when any move was made after the date it replaced had already passed.
ALTER TABLE complaints ADD COLUMN first_due_by timestamptz;
ALTER TABLE complaints ADD COLUMN late_move boolean NOT NULL DEFAULT false;

-- Complaints moved before this: the first promise is the record's commitment (the first move's
-- date when it had none), and each move is compared with the date before it, from the audit trail.
WITH moves AS (
  SELECT complaint_id AS id, at, (detail->>'dueBy')::timestamptz AS due_by,
    row_number() OVER w AS n, lag((detail->>'dueBy')::timestamptz) OVER w AS previous
  FROM audit_events
  WHERE action = 'due-moved' AND json_typeof(detail) = 'object' AND json_typeof(detail->'dueBy') = 'string'
  WINDOW w AS (PARTITION BY complaint_id ORDER BY id)
), firsts AS (
  SELECT c.id,
    CASE WHEN json_typeof(c.body->'commitment'->'dueBy') = 'string' THEN (c.body->'commitment'->>'dueBy')::timestamptz END AS promised,
    m.due_by AS first_move
  FROM complaints c JOIN moves m ON m.id = c.id AND m.n = 1
)
UPDATE complaints c SET
  first_due_by = COALESCE(f.promised, f.first_move),
  late_move = EXISTS (SELECT 1 FROM moves m WHERE m.id = c.id AND m.at > COALESCE(m.previous, f.promised))
FROM firsts f WHERE f.id = c.id;

-- Down Migration
ALTER TABLE complaints DROP COLUMN late_move;
ALTER TABLE complaints DROP COLUMN first_due_by;
ALTER TABLE ratings DROP COLUMN comment_at;
ALTER TABLE ratings DROP COLUMN comment;
ALTER TABLE ratings DROP COLUMN source;
