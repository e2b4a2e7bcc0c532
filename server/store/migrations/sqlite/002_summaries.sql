-- The queue's summary in columns, so listing never reads a stored body. Complaints stored
-- before this are filled in from their bodies once, here.
ALTER TABLE complaints ADD COLUMN urgency TEXT NOT NULL DEFAULT 'normal';
ALTER TABLE complaints ADD COLUMN mood TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN customer_type TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN widget_urgency TEXT NOT NULL DEFAULT 'normal';
ALTER TABLE complaints ADD COLUMN widget_category TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN handoff_reason TEXT;
ALTER TABLE complaints ADD COLUMN verified INTEGER NOT NULL DEFAULT 0;
ALTER TABLE complaints ADD COLUMN visitor_name TEXT;
ALTER TABLE complaints ADD COLUMN excerpt TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN submitted_at TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN due_by TEXT;
ALTER TABLE complaints ADD COLUMN follow_up_at TEXT;

UPDATE complaints SET
  urgency = json_extract(body, '$.triage.urgency'),
  mood = json_extract(body, '$.triage.mood'),
  customer_type = json_extract(body, '$.triage.customerType'),
  widget_urgency = json_extract(body, '$.triage.urgency'),
  widget_category = json_extract(body, '$.triage.category'),
  handoff_reason = json_extract(body, '$.handoff.reason'),
  visitor_name = json_extract(body, '$.visitor.name'),
  excerpt = COALESCE((
    SELECT CASE WHEN length(text) > 160 THEN substr(text, 1, 159) || '…' ELSE text END
    FROM (
      SELECT json_extract(m.value, '$.text') AS text FROM json_each(complaints.body, '$.messages') m
      WHERE json_extract(m.value, '$.from') = 'visitor' ORDER BY m.key LIMIT 1
    )
  ), ''),
  submitted_at = json_extract(body, '$.submittedAt'),
  due_by = json_extract(body, '$.commitment.dueBy'),
  follow_up_at = json_extract(body, '$.followUpAt')
-- A body nested deeper than SQLite's JSON functions go would stop the whole upgrade: such a
-- row keeps the defaults and the instant its ordering column already holds.
WHERE json_valid(body);
UPDATE complaints SET submitted_at = strftime('%Y-%m-%dT%H:%M:%fZ', submitted_ms / 1000.0, 'unixepoch')
WHERE submitted_at = '';

CREATE INDEX complaints_category ON complaints (category, status);
CREATE INDEX complaints_language ON complaints (language, status);
-- The queue's own order: open work first, then handoffs and critical, urgency, age.
CREATE INDEX complaints_order ON complaints ((status = 'resolved'), escalated DESC, urgency_rank, submitted_ms, id);
