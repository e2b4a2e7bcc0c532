-- Up Migration
-- Durable jobs: work due at a time (forward an event, alert an overdue commitment, send a
-- follow-up), written in the same transaction as the change that causes it, and taken with
-- FOR UPDATE SKIP LOCKED so each goes to one instance.
CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  payload json NOT NULL,
  due_at timestamptz NOT NULL,
  order_key text,
  complaint_id text,
  destination_id text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz
);
CREATE INDEX jobs_pending_due ON jobs (due_at, id) WHERE status = 'pending';
CREATE INDEX jobs_pending_order ON jobs (order_key, id) WHERE status = 'pending' AND order_key IS NOT NULL;
CREATE INDEX jobs_status ON jobs (status, id);
CREATE INDEX jobs_complaint ON jobs (complaint_id);

-- Down Migration
DROP TABLE jobs;
