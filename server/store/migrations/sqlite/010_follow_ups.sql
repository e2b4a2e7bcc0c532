-- Follow-up emails: secrets the server signs links with (made once, shared by every process on
-- this database), and the visitors who asked for no more follow-ups, by a hash of their email.
CREATE TABLE server_secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE follow_up_optouts (
  email_hash TEXT PRIMARY KEY,
  at TEXT NOT NULL
);
