-- Up Migration
-- The files an agent sends with a reply (a return label, an invoice): their SHA-256s, in the
-- order the agent gave them. Each is a row of `attachments` for the same complaint; the visitor
-- opens it from the thread with their status key, and the sweep of orphaned files keeps every
-- file a reply names.
ALTER TABLE replies ADD COLUMN attachments text[] NOT NULL DEFAULT '{}';

-- Down Migration
ALTER TABLE replies DROP COLUMN attachments;
