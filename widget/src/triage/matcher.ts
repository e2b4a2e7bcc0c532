import type { LexiconCue } from './lexicons/lexicon';
import type { Locale } from './types';
import { fold, WORD } from './text';

/** What a matched term says: a category, one of a lexicon's cues, a function word or an outcome. */
export type CueKind = 'category' | LexiconCue | 'function' | 'outcome';

export interface Cue {
  kind: CueKind;
  /** For `category`: the category name. */
  value: string;
  weight: number;
  /**
   * How closely the term reads the words it matches: a phrase more than one word, a whole word
   * more than a stem, a longer stem more than a shorter one. Where two categories claim the same
   * word, the closer reading is the word (`charger` is not `charg*`, `történt` not `tört*`).
   */
  specificity: number;
  /** The lexicons the term comes from (a term shared by two languages says little about either). */
  locales: Locale[];
}

interface Pattern {
  words: string[];
  prefix: boolean[];
  cue: Cue;
}

/** A compiled set of terms, indexed by first word so a scan costs O(words × few). */
export interface Matcher {
  exact: Map<string, Pattern[]>;
  prefix: Map<string, Pattern[]>;
  /** The distinct stem lengths in `prefix`, longest first. */
  prefixLengths: number[];
  /** Every pattern by kind, value, words and stems: adding a lexicon stays linear in its size. */
  known: Map<string, Pattern>;
}

/** One match in a text: which cue, over which words. */
export interface Hit {
  cue: Cue;
  first: number;
  last: number;
}

function parseTerm(raw: string): { words: string[]; prefix: boolean[]; weight: number } | undefined {
  let term = raw.trim();
  let weight = 1;
  if (term.startsWith('~')) {
    weight = 0.5;
    term = term.slice(1);
  }
  const words: string[] = [];
  const prefix: boolean[] = [];
  // Split the term exactly as texts are split, so `j&t` and `e-mail*` match what people type.
  const parts = term.split(/\s+/);
  for (const part of parts) {
    const star = part.endsWith('*');
    const pieces = part.replace(/\*$/, '').match(WORD) ?? [];
    pieces.forEach((piece, i) => {
      words.push(fold(piece));
      prefix.push(star && i === pieces.length - 1);
    });
  }
  if (words.length === 0) return undefined;
  // Several words: a slightly stronger signal than one.
  if (words.length > 1) weight *= 1.5;
  return { words, prefix, weight };
}

/** A phrase outranks any single word, a whole word any stem, a stem a shorter stem. */
function specificityOf(parsed: { words: string[]; prefix: boolean[] }): number {
  if (parsed.words.length > 1) return 1000 + parsed.words.length;
  return parsed.prefix[0] ? (parsed.words[0] as string).length : 100;
}

/** Builds an empty matcher. */
export function createMatcher(): Matcher {
  return { exact: new Map(), prefix: new Map(), prefixLengths: [], known: new Map() };
}

/**
 * Adds terms to a matcher. A term already present with the same kind and value gains the
 * locale instead of a second entry, so a shared word ("refund") counts once.
 */
export function addTerms(matcher: Matcher, terms: readonly string[], kind: CueKind, value: string, locale: Locale | null): void {
  for (const raw of terms) {
    const parsed = parseTerm(raw);
    if (!parsed) continue;
    const first = parsed.words[0] as string;
    const index = parsed.prefix[0] ? matcher.prefix : matcher.exact;
    const key = `${kind} ${value} ${parsed.words.join(' ')}${parsed.prefix.join('')}`;
    const existing = matcher.known.get(key);
    if (existing) {
      if (locale && !existing.cue.locales.includes(locale)) existing.cue.locales.push(locale);
      continue;
    }
    const pattern: Pattern = {
      words: parsed.words,
      prefix: parsed.prefix,
      cue: { kind, value, weight: parsed.weight, specificity: specificityOf(parsed), locales: locale ? [locale] : [] },
    };
    matcher.known.set(key, pattern);
    const bucket = index.get(first);
    if (bucket) bucket.push(pattern);
    else index.set(first, [pattern]);
    if (index === matcher.prefix && !matcher.prefixLengths.includes(first.length)) {
      matcher.prefixLengths.push(first.length);
      matcher.prefixLengths.sort((a, b) => b - a);
    }
  }
}

function tryPattern(pattern: Pattern, norms: readonly string[], at: number): boolean {
  const { words, prefix } = pattern;
  if (at + words.length > norms.length) return false;
  for (let k = 1; k < words.length; k++) {
    const norm = norms[at + k] as string;
    const word = words[k] as string;
    if (prefix[k] ? !norm.startsWith(word) : norm !== word) return false;
  }
  return true;
}

/**
 * Finds every term of `matcher` in the folded words. Work per word is bounded by the number
 * of distinct stem lengths and the patterns sharing a first word, so the scan is linear.
 */
export function scan(matcher: Matcher, norms: readonly string[], hits: Hit[] = []): Hit[] {
  for (let i = 0; i < norms.length; i++) {
    const norm = norms[i] as string;
    const exact = matcher.exact.get(norm);
    if (exact) for (const p of exact) if (tryPattern(p, norms, i)) hits.push({ cue: p.cue, first: i, last: i + p.words.length - 1 });
    for (const length of matcher.prefixLengths) {
      if (length > norm.length) continue;
      const bucket = matcher.prefix.get(length === norm.length ? norm : norm.slice(0, length));
      if (bucket) for (const p of bucket) if (tryPattern(p, norms, i)) hits.push({ cue: p.cue, first: i, last: i + p.words.length - 1 });
    }
  }
  return hits;
}
