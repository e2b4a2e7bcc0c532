-- One-use tickets that open the inbox's live stream, kept as SHA-256 hashes only.
CREATE TABLE stream_tickets (
  hash TEXT PRIMARY KEY,
  expires_at TEXT NOT NULL
);
CREATE INDEX stream_tickets_expiry ON stream_tickets (expires_at);
