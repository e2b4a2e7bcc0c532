-- The first schema, as shipped: receipts (idempotency), complaints, ratings.
CREATE TABLE receipts (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('complaint', 'rating')),
  body_hash TEXT NOT NULL,
  receipt TEXT NOT NULL
);
CREATE TABLE complaints (
  id TEXT PRIMARY KEY,
  reference TEXT NOT NULL,
  body TEXT NOT NULL,
  received_at TEXT NOT NULL,
  submitted_ms INTEGER NOT NULL,
  category TEXT NOT NULL,
  language TEXT NOT NULL,
  urgency_rank INTEGER NOT NULL,
  escalated INTEGER NOT NULL,
  due_ms INTEGER,
  follow_up_ms INTEGER,
  follow_up_consent INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'claimed', 'resolved')),
  claimed_by TEXT,
  claimed_at TEXT,
  resolved_by TEXT,
  resolved_at TEXT,
  resolved_ms INTEGER,
  resolution_note TEXT,
  followed_up_at TEXT,
  csat INTEGER
);
CREATE INDEX complaints_queue ON complaints (status, escalated DESC, urgency_rank, submitted_ms);
CREATE INDEX complaints_submitted ON complaints (submitted_ms);
CREATE TABLE ratings (
  id TEXT PRIMARY KEY,
  complaint_id TEXT NOT NULL,
  csat INTEGER NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX ratings_complaint ON ratings (complaint_id);
