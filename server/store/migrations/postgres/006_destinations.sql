-- Up Migration
-- Where complaints are forwarded: webhooks, email, chat. `config` holds the kind's settings,
-- a webhook's signing secret and a chat webhook URL among them (never logged, never sent back
-- whole). `events` is the list of event types the destination takes.
CREATE TABLE destinations (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('webhook', 'email', 'slack')),
  name text NOT NULL,
  config jsonb NOT NULL,
  events jsonb NOT NULL,
  paused boolean NOT NULL DEFAULT false,
  paused_reason text,
  source text NOT NULL DEFAULT 'admin' CHECK (source IN ('admin', 'environment')),
  created_at timestamptz NOT NULL
);

-- Down Migration
DROP TABLE destinations;
