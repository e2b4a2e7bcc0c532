-- A verified visitor's `userHash` is checked on arrival and no longer kept: whoever holds it can
-- send complaints as that customer. Complaints stored with one lose it; `verified` stays.
UPDATE complaints SET body = json_remove(body, '$.visitor.userHash')
WHERE json_valid(body) AND json_type(body, '$.visitor.userHash') IS NOT NULL;
