-- Saved replies: text an admin keeps per language, which an agent inserts into a reply with the
-- visitor's name, reference and date filled in ({name}, {reference}, {dueBy}).
CREATE TABLE saved_replies (
  id TEXT PRIMARY KEY,
  language TEXT NOT NULL,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX saved_replies_language ON saved_replies (language, title);
