/**
 * Text preparation shared by triage and restatement: a length cap, folding (case, accents,
 * apostrophes) and word tokens with their positions in the original text.
 */

/**
 * Only the first 20 000 characters are examined. Every regex in triage runs in linear time,
 * but the cap also bounds memory and keeps a pasted novel from costing the visitor's device.
 */
export const MAX_CHARS = 20_000;

/** Zero-width and bidi control characters: invisible, and they split words when left in. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Caps the input and removes invisible characters. Never throws on odd input. */
export function prepare(text: unknown): string {
  if (typeof text !== 'string') return '';
  return text.slice(0, MAX_CHARS).replace(INVISIBLE, '');
}

/** Accented Latin letters to their base letter, built once from Unicode decomposition. */
const FOLD = new Map<string, string>();
for (let code = 0xc0; code <= 0x24f; code++) {
  const ch = String.fromCharCode(code);
  const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (base.length === 1 && base !== ch) FOLD.set(ch, base);
}
FOLD.set('ø', 'o').set('ł', 'l').set('đ', 'd').set('ı', 'i');

const FOLDABLE = /[\u00c0-\u024f]/g;
const APOSTROPHES = /['’`]/g;

/** Lower-cases and strips accents and apostrophes: `Működik` → `mukodik`, `didn't` → `didnt`. */
export function fold(word: string): string {
  return word.toLowerCase().replace(FOLDABLE, (ch) => FOLD.get(ch) ?? ch).replace(APOSTROPHES, '');
}

/** A word (letters and digits, with inner apostrophes) in the prepared text. */
export const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** The words of a text: folded forms plus where each sits in the original. */
export interface Tokens {
  /** Folded words, for matching. */
  norms: string[];
  /** The words as written. */
  words: string[];
  starts: number[];
  ends: number[];
}

/** Splits prepared text into words. Linear: one pass of a regex without backtracking. */
export function tokenize(text: string): Tokens {
  const tokens: Tokens = { norms: [], words: [], starts: [], ends: [] };
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    tokens.words.push(m[0]);
    tokens.norms.push(fold(m[0]));
    tokens.starts.push(m.index);
    tokens.ends.push(m.index + m[0].length);
  }
  return tokens;
}
