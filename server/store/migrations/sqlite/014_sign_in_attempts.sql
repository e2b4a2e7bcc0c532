-- Sign-in attempts counted per address, per account and address, and an account's failures, in
-- fixed windows, kept in the database rather than in each process's memory. `key` is the
-- SHA-256 of what is counted (never the address or the email itself); `reset_ms` is when the
-- window ends. A row goes only once its window is over, so no flood of other keys can push out a
-- limit already reached.
CREATE TABLE sign_in_attempts (
  key TEXT PRIMARY KEY,
  count INTEGER NOT NULL,
  reset_ms INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sign_in_attempts_reset ON sign_in_attempts (reset_ms);
