-- Agents find a complaint by reference, email, name and the words of its thread.
-- `complaint_search_keys` gives each complaint a lasting whole-number key (a table's own rowid
-- may change in a VACUUM) and its visitor's email, lower-cased, for an exact match.
CREATE TABLE complaint_search_keys (
  search_rowid INTEGER PRIMARY KEY,
  complaint_id TEXT NOT NULL UNIQUE,
  email TEXT
);
CREATE INDEX complaint_search_keys_email ON complaint_search_keys (email);
-- One row of words per complaint, under its key: the visitor's name, and what the visitor wrote
-- (the complaint, the restatement they confirmed, their follow-up messages) with the agents'
-- replies. Contentless: the text stays in its own tables, the index keeps only its words, and a
-- row is deleted by its key. The unicode61 tokenizer with remove_diacritics 2 treats the four
-- languages (en, ms, hu, sk) alike, without stemming, and folds accents on both sides of a
-- match: "arvizturo" finds "árvíztűrő".
CREATE VIRTUAL TABLE complaint_search USING fts5(
  name, words,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
-- A complaint's words, in one place: what the triggers below index when it is written to, and
-- what indexed the complaints kept before this. The bot's own lines are left out: they are
-- alike in every complaint (server/store/search/complaint-search.mjs says the same for PostgreSQL).
CREATE VIEW complaint_search_text AS
SELECT c.id AS complaint_id, c.visitor_name AS name, concat_ws(char(10),
  (SELECT group_concat(json_extract(m.value, '$.text'), char(10)) FROM json_each(c.body, '$.messages') AS m
    WHERE json_extract(m.value, '$.from') = 'visitor'),
  json_extract(c.body, '$.restatement.text'),
  (SELECT group_concat(t.text, char(10)) FROM thread_messages AS t WHERE t.complaint_id = c.id),
  (SELECT group_concat(r.text, char(10)) FROM replies AS r WHERE r.complaint_id = c.id)) AS words
FROM complaints AS c;

CREATE TRIGGER complaint_search_added AFTER INSERT ON complaints
BEGIN
  INSERT INTO complaint_search_keys (complaint_id, email) VALUES (NEW.id, lower(trim(json_extract(NEW.body, '$.visitor.email'))));
  INSERT INTO complaint_search (rowid, name, words)
    SELECT k.search_rowid, s.name, s.words FROM complaint_search_keys AS k JOIN complaint_search_text AS s ON s.complaint_id = k.complaint_id
    WHERE k.complaint_id = NEW.id;
END;
-- A follow-up message or a reply: the complaint's words are indexed again, with it.
CREATE TRIGGER complaint_search_message AFTER INSERT ON thread_messages
BEGIN
  DELETE FROM complaint_search WHERE rowid = (SELECT search_rowid FROM complaint_search_keys WHERE complaint_id = NEW.complaint_id);
  INSERT INTO complaint_search (rowid, name, words)
    SELECT k.search_rowid, s.name, s.words FROM complaint_search_keys AS k JOIN complaint_search_text AS s ON s.complaint_id = k.complaint_id
    WHERE k.complaint_id = NEW.complaint_id;
END;
CREATE TRIGGER complaint_search_reply AFTER INSERT ON replies
BEGIN
  DELETE FROM complaint_search WHERE rowid = (SELECT search_rowid FROM complaint_search_keys WHERE complaint_id = NEW.complaint_id);
  INSERT INTO complaint_search (rowid, name, words)
    SELECT k.search_rowid, s.name, s.words FROM complaint_search_keys AS k JOIN complaint_search_text AS s ON s.complaint_id = k.complaint_id
    WHERE k.complaint_id = NEW.complaint_id;
END;
-- A purged complaint takes its words and its email with it.
CREATE TRIGGER complaint_search_purge AFTER DELETE ON complaints
BEGIN
  DELETE FROM complaint_search WHERE rowid = (SELECT search_rowid FROM complaint_search_keys WHERE complaint_id = OLD.id);
  DELETE FROM complaint_search_keys WHERE complaint_id = OLD.id;
END;

-- The complaints kept before this release.
INSERT INTO complaint_search_keys (complaint_id, email)
  SELECT id, lower(trim(json_extract(body, '$.visitor.email'))) FROM complaints ORDER BY received_at, id;
INSERT INTO complaint_search (rowid, name, words)
  SELECT k.search_rowid, s.name, s.words FROM complaint_search_keys AS k JOIN complaint_search_text AS s ON s.complaint_id = k.complaint_id;
