// @ts-check
/**
 * Finding a complaint from the inbox's search box, on both databases: what an agent typed
 * becomes either an email (matched exactly), or a reference (matched exactly) and words (matched
 * against the visitor's name and the words of the thread by full-text search: SQLite's FTS5,
 * PostgreSQL's tsvector; see migrations sqlite/021 and postgres/018). The last word is matched
 * as a prefix, as a search box is expected to. What was typed is never spliced into SQL nor
 * handed to a full-text query's own syntax: words are letters and digits only, each quoted.
 * The four languages (en, ms, hu, sk) are searched alike, without stemming, and with accents
 * folded on both sides: "arvizturo" finds "árvíztűrő", and "árvíztűrő" finds "arvizturo".
 */

/** The longest search the API takes, in characters. */
export const MAX_SEARCH = 200;
/** At most this many words count; the rest of a long paste narrows nothing a person would notice. */
const MAX_WORDS = 12;

/** An address as a search box receives one: something@something, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@]+$/u;
/** A word as both full-text indexes see one: letters, digits and the marks on them. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
/** The combining accents NFD splits off Latin letters; PostgreSQL's side folds the same range. */
const ACCENTS = /[\u0300-\u036f]/g;

/**
 * @typedef {{ kind: 'email', email: string }
 *   | { kind: 'words', reference: string, words: string[] }} Search
 *   `email`: trimmed (each database lower-cases it as it lower-cased the stored ones);
 *   `reference`: upper-cased, as references are stored; `words`: folded, lower-case, the last
 *   one matched as a prefix. No words (only punctuation): only the reference can match.
 */

/**
 * What an agent typed, as a search; null for nothing but spaces (the whole queue).
 * @param {string | null | undefined} typed
 * @returns {Search | null}
 */
export function parseSearch(typed) {
  const text = (typed ?? '').trim();
  if (text === '') return null;
  if (EMAIL.test(text)) return { kind: 'email', email: text };
  return { kind: 'words', reference: text.toUpperCase(), words: searchWords(text).slice(0, MAX_WORDS) };
}

/**
 * Folded, lower-case words of a text: accents taken off, as the indexes take them off.
 * @param {string} text
 */
function searchWords(text) {
  return (text.normalize('NFD').replace(ACCENTS, '').toLowerCase().match(WORD) ?? []).map((word) => word.normalize('NFC'));
}

/**
 * An FTS5 query for one word: a quoted string (a quote inside would be doubled, though words
 * hold none), as a prefix when it is the last. Never FTS5's own syntax from input.
 * @param {string[]} words one word, or several all required
 * @param {boolean} prefix whether the last one is matched as a prefix
 */
export function fts5Query(words, prefix) {
  return words.map((word, i) => `"${word.replaceAll('"', '""')}"${prefix && i === words.length - 1 ? '*' : ''}`).join(' ');
}

/**
 * A tsquery for the words, for `to_tsquery('simple', …)`: each a quoted lexeme, all required,
 * the last as a prefix.
 * @param {string[]} words at least one
 */
export function tsQuery(words) {
  return words.map((word, i) => `'${word.replaceAll("'", "''").replaceAll('\\', '\\\\')}'${i === words.length - 1 ? ':*' : ''}`).join(' & ');
}

/**
 * What the full-text index holds of a complaint's own record besides the visitor's name: what
 * the visitor wrote, and the restatement they confirmed. The bot's own lines are left out: they
 * are alike in every complaint, and would make their words find them all. Follow-up messages and
 * agents' replies are added as they are written.
 * @param {import('../store.mjs').ComplaintRecord} record
 */
export function recordSearchText(record) {
  const said = (record.messages ?? []).filter((message) => message?.from === 'visitor').map((message) => String(message.text ?? ''));
  const restated = record.restatement?.text;
  return [...said, ...(typeof restated === 'string' ? [restated] : [])].join('\n');
}
