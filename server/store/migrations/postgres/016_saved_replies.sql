-- Up Migration
-- Saved replies: text an admin keeps per language, which an agent inserts into a reply with the
-- visitor's name, reference and date filled in ({name}, {reference}, {dueBy}).
CREATE TABLE saved_replies (
  id text PRIMARY KEY,
  language text NOT NULL,
  title text NOT NULL,
  text text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX saved_replies_language ON saved_replies (language, title);

-- Down Migration
DROP TABLE saved_replies;
