-- An email answer in the thread says how it came: `via` is 'widget' or 'email';
-- `sender_differs` (0/1) when the email's sender is not the visitor's address; the full email
-- (its subject and whole text, capped as the inbound mail caps it) for the agent to open. The
-- visitor's status still reads only `text`, the new text. The rows go with their complaint.
ALTER TABLE thread_messages ADD COLUMN via TEXT NOT NULL DEFAULT 'widget' CHECK (via IN ('widget', 'email'));
ALTER TABLE thread_messages ADD COLUMN sender_differs INTEGER NOT NULL DEFAULT 0;
ALTER TABLE thread_messages ADD COLUMN email_subject TEXT;
ALTER TABLE thread_messages ADD COLUMN email_text TEXT;
