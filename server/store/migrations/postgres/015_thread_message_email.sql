-- Up Migration
-- An email answer in the thread says how it came: `via` is 'widget' or 'email';
-- `sender_differs` when the email's sender is not the visitor's address; the full email (its
-- subject and whole text, capped as the inbound mail caps it) for the agent to open. The
-- visitor's status still reads only `text`, the new text. The rows go with their complaint.
ALTER TABLE thread_messages
  ADD COLUMN via text NOT NULL DEFAULT 'widget' CHECK (via IN ('widget', 'email')),
  ADD COLUMN sender_differs boolean NOT NULL DEFAULT false,
  ADD COLUMN email_subject text,
  ADD COLUMN email_text text;

-- Down Migration
ALTER TABLE thread_messages
  DROP COLUMN email_text,
  DROP COLUMN email_subject,
  DROP COLUMN sender_differs,
  DROP COLUMN via;
