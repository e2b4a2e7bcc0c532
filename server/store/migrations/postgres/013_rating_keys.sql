-- Up Migration
-- A rating from the widget carries its complaint's status key: `key_hash` is its SHA-256 (the key
-- is never stored), and the rating counts only for the complaint whose key it is. Null for a
-- rating from the follow-up email's signed link, and for those stored before this.
-- A rating that came before its complaint waits for it: `waiting_from` is a hash of the address
-- it came from and `waiting_since` when it came, so the ratings waiting can be bounded.
ALTER TABLE ratings ADD COLUMN key_hash text;
ALTER TABLE ratings ADD COLUMN waiting_from text;
ALTER TABLE ratings ADD COLUMN waiting_since timestamptz;
CREATE INDEX ratings_waiting ON ratings (waiting_since) WHERE waiting_since IS NOT NULL;

-- Down Migration
DROP INDEX ratings_waiting;
ALTER TABLE ratings DROP COLUMN waiting_since;
ALTER TABLE ratings DROP COLUMN waiting_from;
ALTER TABLE ratings DROP COLUMN key_hash;
