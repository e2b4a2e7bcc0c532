-- Up Migration
-- Sign-in attempts counted per address, per account and address, and an account's failures, in
-- fixed windows, kept in the database so every instance counts the same attempts. `key` is the
-- SHA-256 of what is counted (never the address or the email itself); `reset_at` is when the
-- window ends. A row goes only once its window is over, so no flood of other keys can push out a
-- limit already reached.
CREATE TABLE sign_in_attempts (
  key text PRIMARY KEY,
  count integer NOT NULL,
  reset_at timestamptz NOT NULL
);
CREATE INDEX sign_in_attempts_reset ON sign_in_attempts (reset_at);

-- Down Migration
DROP TABLE sign_in_attempts;
