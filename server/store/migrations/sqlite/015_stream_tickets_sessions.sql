-- A stream ticket names the session it was taken under, and opens a stream only while that
-- session lives: signing out or removing the agent ends its tickets too. Tickets last a minute,
-- so those taken before this, which name no session, are dropped.
DELETE FROM stream_tickets;
ALTER TABLE stream_tickets ADD COLUMN session_hash TEXT NOT NULL DEFAULT '';
