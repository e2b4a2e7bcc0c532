-- Up Migration
-- A verified visitor's `userHash` is checked on arrival and no longer kept: whoever holds it can
-- send complaints as that customer. Complaints stored with one lose it; `verified` stays.
-- The body is `json` kept as sent (not `jsonb`, which refuses some strings the schema accepts),
-- so the member is cut from the text: a quote inside a string is escaped, so `"userHash":"` only
-- matches the member itself, and the schema holds its value to 64 lowercase hex characters.
UPDATE complaints
SET body = regexp_replace(regexp_replace(body::text, ',"userHash":"[0-9a-f]{64}"', '', 'g'), '"userHash":"[0-9a-f]{64}",?', '', 'g')::json
WHERE body->'visitor'->>'userHash' IS NOT NULL;

-- Down Migration
-- Nothing to restore: the hashes are gone.
SELECT 1;
