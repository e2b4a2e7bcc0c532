-- Durable jobs: work due at a time (forward an event, alert an overdue commitment, send a
-- follow-up), written in the same transaction as the change that causes it. Times are ISO 8601
-- in UTC with milliseconds, so they sort as text.
CREATE TABLE jobs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  due_at TEXT NOT NULL,
  order_key TEXT,
  complaint_id TEXT,
  destination_id TEXT,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  locked_until TEXT
);
CREATE INDEX jobs_pending_due ON jobs (due_at, id) WHERE status = 'pending';
CREATE INDEX jobs_pending_order ON jobs (order_key, id) WHERE status = 'pending' AND order_key IS NOT NULL;
CREATE INDEX jobs_status ON jobs (status, id);
CREATE INDEX jobs_complaint ON jobs (complaint_id);
