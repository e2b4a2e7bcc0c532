-- Up Migration
-- One-use tickets that open the inbox's live stream, kept as SHA-256 hashes only, so a ticket
-- issued by one instance opens a stream on any other.
CREATE TABLE stream_tickets (
  hash text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX stream_tickets_expiry ON stream_tickets (expires_at);

-- Down Migration
DROP TABLE stream_tickets;
