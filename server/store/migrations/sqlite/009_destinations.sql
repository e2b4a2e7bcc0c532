-- Where complaints are forwarded: webhooks, email, chat. `config` holds the kind's settings,
-- a webhook's signing secret and a chat webhook URL among them (never logged, never sent back
-- whole). `events` is the JSON list of event types the destination takes.
CREATE TABLE destinations (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('webhook', 'email', 'slack')),
  name TEXT NOT NULL,
  config TEXT NOT NULL,
  events TEXT NOT NULL,
  paused INTEGER NOT NULL DEFAULT 0,
  paused_reason TEXT,
  source TEXT NOT NULL DEFAULT 'admin' CHECK (source IN ('admin', 'environment')),
  created_at TEXT NOT NULL
);
