-- Up Migration
-- Agents find a complaint by reference, email, name and the words of its thread.
-- `visitor_email`: the visitor's email, lower-cased, for an exact match. `search_words`: the
-- visitor's name and what the visitor wrote (the complaint, the restatement they confirmed,
-- their follow-up messages) with the agents' replies, as a tsvector with a GIN index. The
-- 'simple' configuration treats the four languages (en, ms, hu, sk) alike, without stemming;
-- accents are folded first, here and in every query, so "arvizturo" finds "árvíztűrő". The
-- fold needs no extension: NFD splits the accent off its letter, and the combining accents
-- (U+0300–U+036F) are taken away. Punctuation becomes a space, so words are split as a search
-- splits them on both databases: "anna@shop.example" holds "anna", "shop" and "example".
ALTER TABLE complaints ADD COLUMN visitor_email text, ADD COLUMN search_words tsvector;
CREATE INDEX complaints_visitor_email ON complaints (visitor_email);
CREATE INDEX complaints_search_words ON complaints USING gin (search_words);

CREATE FUNCTION heard_search_vector(words text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('simple', lower(regexp_replace(regexp_replace(normalize(coalesce(words, ''), NFD), '[\u0300-\u036f]', '', 'g'), '[[:punct:]]', ' ', 'g')))
$$;

-- A follow-up message or a reply adds its words to its complaint's.
CREATE FUNCTION heard_search_add_text() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE complaints SET search_words = coalesce(search_words, ''::tsvector) || heard_search_vector(NEW.text) WHERE id = NEW.complaint_id;
  RETURN NULL;
END
$$;
CREATE TRIGGER thread_messages_search AFTER INSERT ON thread_messages FOR EACH ROW EXECUTE FUNCTION heard_search_add_text();
CREATE TRIGGER replies_search AFTER INSERT ON replies FOR EACH ROW EXECUTE FUNCTION heard_search_add_text();

-- The complaints kept before this release; a new one is written with its words
-- (server/store/search/complaint-search.mjs). A body whose strings PostgreSQL cannot read as
-- text (a NUL, half a surrogate pair) or nests too deep is indexed by its name and excerpt instead.
DO $$
DECLARE
  complaint record;
BEGIN
  FOR complaint IN SELECT id FROM complaints LOOP
    BEGIN
      UPDATE complaints c SET
        visitor_email = lower(btrim(c.body -> 'visitor' ->> 'email')),
        search_words = heard_search_vector(concat_ws(E'\n',
          c.visitor_name,
          (SELECT string_agg(m ->> 'text', E'\n') FROM json_array_elements(CASE WHEN json_typeof(c.body -> 'messages') = 'array' THEN c.body -> 'messages' ELSE '[]'::json END) AS m
            WHERE m ->> 'from' = 'visitor'),
          c.body -> 'restatement' ->> 'text',
          (SELECT string_agg(t.text, E'\n') FROM thread_messages t WHERE t.complaint_id = c.id),
          (SELECT string_agg(r.text, E'\n') FROM replies r WHERE r.complaint_id = c.id)))
      WHERE c.id = complaint.id;
    EXCEPTION WHEN untranslatable_character OR character_not_in_repertoire OR invalid_text_representation OR invalid_parameter_value
      OR program_limit_exceeded THEN
      UPDATE complaints c SET search_words = heard_search_vector(concat_ws(E'\n', c.visitor_name, c.excerpt,
          (SELECT string_agg(t.text, E'\n') FROM thread_messages t WHERE t.complaint_id = c.id),
          (SELECT string_agg(r.text, E'\n') FROM replies r WHERE r.complaint_id = c.id)))
      WHERE c.id = complaint.id;
    END;
  END LOOP;
END
$$;

-- Down Migration
DROP TRIGGER replies_search ON replies;
DROP TRIGGER thread_messages_search ON thread_messages;
DROP FUNCTION heard_search_add_text();
DROP FUNCTION heard_search_vector(text);
ALTER TABLE complaints DROP COLUMN search_words, DROP COLUMN visitor_email;
