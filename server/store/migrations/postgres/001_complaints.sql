-- Up Migration
-- Receipts keep idempotency for good: an id, its content hash and the answer first given.
CREATE TABLE receipts (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('complaint', 'rating')),
  body_hash text NOT NULL,
  receipt json NOT NULL
);

-- The body is `json` (kept as sent, and able to hold any string the schema accepts); the
-- queue reads only the summary columns beside it.
CREATE TABLE complaints (
  id text PRIMARY KEY,
  reference text NOT NULL,
  body json NOT NULL,
  received_at timestamptz NOT NULL,
  submitted_at timestamptz NOT NULL,
  category text NOT NULL,
  language text NOT NULL,
  urgency text NOT NULL,
  urgency_rank smallint NOT NULL,
  mood text NOT NULL,
  customer_type text NOT NULL,
  widget_urgency text NOT NULL,
  widget_category text NOT NULL,
  escalated boolean NOT NULL,
  handoff_reason text,
  verified boolean NOT NULL,
  visitor_name text,
  excerpt text NOT NULL,
  due_by timestamptz,
  follow_up_at timestamptz,
  follow_up_consent boolean NOT NULL,
  signals json NOT NULL,
  csat smallint,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'claimed', 'resolved')),
  claimed_by text,
  claimed_at timestamptz,
  resolved_by text,
  resolved_at timestamptz,
  resolution_note text,
  followed_up_at timestamptz
);
-- The queue's own order: open work first, then handoffs and critical, urgency, age.
CREATE INDEX complaints_queue ON complaints ((status = 'resolved'), escalated DESC, urgency_rank, submitted_at, id COLLATE "C");
CREATE INDEX complaints_status ON complaints (status);
CREATE INDEX complaints_category ON complaints (category, status);
CREATE INDEX complaints_language ON complaints (language, status);
CREATE INDEX complaints_submitted ON complaints (submitted_at);
CREATE INDEX complaints_resolved ON complaints (resolved_at) WHERE status = 'resolved';

-- A rating may arrive before its complaint; it is read beside the complaint, never lost.
CREATE TABLE ratings (
  id text PRIMARY KEY,
  complaint_id text NOT NULL,
  csat smallint NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX ratings_complaint ON ratings (complaint_id, at DESC);

-- Down Migration
DROP TABLE ratings;
DROP TABLE complaints;
DROP TABLE receipts;
