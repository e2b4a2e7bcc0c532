-- The files a visitor sends with a message in the thread (a photo of the damage, a receipt):
-- their SHA-256s, in the order the visitor gave them, as a JSON array. Each is a row of
-- `attachments` for the same complaint; a replay of the message must name the same files, and
-- the sweep of orphaned files keeps every file a message names.
ALTER TABLE thread_messages ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]';
