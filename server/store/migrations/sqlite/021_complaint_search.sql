-- Agents find a complaint by reference, email, name and the words of its thread.
-- `visitor_email`: the visitor's email, lower-cased, for an exact match.
ALTER TABLE complaints ADD COLUMN visitor_email TEXT;
CREATE INDEX complaints_visitor_email ON complaints (visitor_email);
-- The words, one row for each text as it is written: the complaint itself (the visitor's name,
-- what they wrote and the restatement they confirmed, indexed by the store as it keeps the
-- complaint), each follow-up message and each agent's reply (indexed by the triggers below).
-- Every word of a search must be in one of a complaint's rows. `complaint_search_rows` gives
-- each row a lasting whole-number key (a table's own rowid may change in a VACUUM) and its
-- complaint. Contentless: the text stays in its own tables, the index keeps only its words,
-- and a row is deleted by its key. The unicode61 tokenizer with remove_diacritics 2 treats the
-- four languages (en, ms, hu, sk) alike, without stemming, and folds accents on both sides of
-- a match: "arvizturo" finds "árvíztűrő".
CREATE TABLE complaint_search_rows (
  search_rowid INTEGER PRIMARY KEY,
  complaint_id TEXT NOT NULL
);
CREATE INDEX complaint_search_rows_complaint ON complaint_search_rows (complaint_id);
CREATE VIRTUAL TABLE complaint_search USING fts5(
  name, words,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER complaint_search_message AFTER INSERT ON thread_messages
BEGIN
  INSERT INTO complaint_search_rows (complaint_id) VALUES (NEW.complaint_id);
  INSERT INTO complaint_search (rowid, words) VALUES (last_insert_rowid(), NEW.text);
END;
CREATE TRIGGER complaint_search_reply AFTER INSERT ON replies
BEGIN
  INSERT INTO complaint_search_rows (complaint_id) VALUES (NEW.complaint_id);
  INSERT INTO complaint_search (rowid, words) VALUES (last_insert_rowid(), NEW.text);
END;
-- A purged complaint takes its words with it.
CREATE TRIGGER complaint_search_purge AFTER DELETE ON complaints
BEGIN
  DELETE FROM complaint_search WHERE rowid IN (SELECT search_rowid FROM complaint_search_rows WHERE complaint_id = OLD.id);
  DELETE FROM complaint_search_rows WHERE complaint_id = OLD.id;
END;

-- The complaints kept before this release: one row each, with their follow-ups and replies.
-- The bot's own lines are left out, as the store leaves them out (they are alike in every
-- complaint). A body SQLite cannot read as JSON (nested past its depth limit) gives its excerpt.
UPDATE complaints SET visitor_email = CASE WHEN json_valid(body) THEN lower(trim(json_extract(body, '$.visitor.email'))) END;
INSERT INTO complaint_search_rows (complaint_id) SELECT id FROM complaints ORDER BY received_at, id;
INSERT INTO complaint_search (rowid, name, words)
SELECT r.search_rowid, c.visitor_name, concat_ws(char(10),
  CASE WHEN json_valid(c.body) THEN concat_ws(char(10),
    (SELECT group_concat(json_extract(m.value, '$.text'), char(10)) FROM json_each(c.body, '$.messages') AS m
      WHERE m.type = 'object' AND json_extract(m.value, '$.from') = 'visitor'),
    json_extract(c.body, '$.restatement.text')) ELSE c.excerpt END,
  (SELECT group_concat(t.text, char(10)) FROM thread_messages AS t WHERE t.complaint_id = c.id),
  (SELECT group_concat(p.text, char(10)) FROM replies AS p WHERE p.complaint_id = c.id))
FROM complaint_search_rows AS r JOIN complaints AS c ON c.id = r.complaint_id;
