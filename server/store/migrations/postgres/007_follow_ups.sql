-- Up Migration
-- Follow-up emails: secrets the server signs links with (made once, shared by every instance),
-- and the visitors who asked for no more follow-ups, by a hash of their email.
CREATE TABLE server_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE TABLE follow_up_optouts (
  email_hash text PRIMARY KEY,
  at timestamptz NOT NULL
);

-- Down Migration
DROP TABLE follow_up_optouts;
DROP TABLE server_secrets;
