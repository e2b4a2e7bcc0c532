-- The files an agent sends with a reply (a return label, an invoice): their SHA-256s, in the
-- order the agent gave them, as a JSON array. Each is a row of `attachments` for the same
-- complaint; the visitor opens it from the thread with their status key, and the sweep of
-- orphaned files keeps every file a reply names.
ALTER TABLE replies ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]';
