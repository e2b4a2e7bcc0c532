import { FUNCTION_WORDS } from './lexicons/function-words';
import type { Lexicon } from './lexicons/lexicon';
import { addFunctionWords, addLexicon, addTerms, createMatcher, scan, type Hit, type Matcher } from './matcher';
import { tokenize, type Tokens } from './text';
import { LOCALES, type Locale } from './types';

/**
 * The languages' vocabulary compiled into one matcher: visitors mix languages, and one pass
 * over the words is cheaper than four. Every language's function words are always here, so
 * the language is recognised at once; each full lexicon is added when its language is loaded
 * (`load.ts`, or all at once by `all.ts`), so a visitor downloads only the vocabulary they need.
 */
export const VOCABULARY: Matcher = createMatcher();
for (const locale of LOCALES) addFunctionWords(VOCABULARY, locale, FUNCTION_WORDS[locale]);

/**
 * Ways of saying what would put it right, kept apart from the triage vocabulary: they answer
 * one question ("What would make this right?") and must not sway category or language.
 */
export const OUTCOME_WORDS: Matcher = createMatcher();

const registered = new Set<Locale>();

/** Adds a language's full lexicon to triage; a second call for the same language does nothing. */
export function registerLexicon(lexicon: Lexicon): void {
  if (registered.has(lexicon.locale)) return;
  registered.add(lexicon.locale);
  addLexicon(VOCABULARY, lexicon);
  for (const [kind, terms] of Object.entries(lexicon.outcomes)) addTerms(OUTCOME_WORDS, terms, 'outcome', kind, lexicon.locale);
  last = undefined;
}

/** Whether triage already knows a language's full vocabulary. */
export function hasLexicon(locale: Locale): boolean {
  return registered.has(locale);
}

/** The words of a prepared text and every vocabulary term found in them. */
export interface Analysis {
  tokens: Tokens;
  hits: readonly Hit[];
}

let last: { text: string; analysis: Analysis } | undefined;

/**
 * Tokenizes and scans prepared text. The last result is kept, because the machine triages a
 * complaint and then restates the same text: the second call costs one string comparison.
 */
export function analyse(prepared: string): Analysis {
  if (last && last.text === prepared) return last.analysis;
  const tokens = tokenize(prepared);
  const analysis: Analysis = { tokens, hits: scan(VOCABULARY, tokens.norms) };
  last = { text: prepared, analysis };
  return analysis;
}
