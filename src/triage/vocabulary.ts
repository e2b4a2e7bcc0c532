import { FUNCTION_WORDS } from './lexicons/function-words';
import type { Lexicon, LexiconCue } from './lexicons/lexicon';
import { addTerms, createMatcher, scan, type Hit, type Matcher } from './matcher';
import { tokenize, type Tokens } from './text';
import { LOCALES, type Locale } from './types';

/**
 * The languages' vocabulary compiled into one matcher: visitors mix languages, and one pass
 * over the words is cheaper than four. Every language's function words are always here, so
 * the language is recognised at once; each full lexicon is added when its language is loaded
 * (`load.ts`, or all at once by `all.ts`), so a visitor downloads only the vocabulary they need.
 */
export const VOCABULARY: Matcher = createMatcher();

let functionWords = false;

/**
 * Adds the words that tell the languages apart (`lexicons/function-words.ts`). Done on first
 * need rather than when the widget's code is evaluated, so that evaluation stays a short task
 * on the host page; the lazy loader calls it in a task of its own.
 */
export function addFunctionWords(): void {
  if (functionWords) return;
  functionWords = true;
  for (const locale of LOCALES) addTerms(VOCABULARY, FUNCTION_WORDS[locale], 'function', locale, locale);
}

/**
 * Ways of saying what would put it right, kept apart from the triage vocabulary: they answer
 * one question ("What would make this right?") and must not sway category or language.
 */
export const OUTCOME_WORDS: Matcher = createMatcher();

const registered = new Set<Locale>();

/** Adds a language's full lexicon to triage; a second call for the same language does nothing. */
export function registerLexicon(lexicon: Lexicon): void {
  const { locale } = lexicon;
  if (registered.has(locale)) return;
  registered.add(locale);
  addFunctionWords();
  const terms = (list: string): string[] => list.split(',');
  for (const [name, list] of Object.entries(lexicon.categories)) addTerms(VOCABULARY, terms(list), 'category', name, locale);
  for (const kind of Object.keys(lexicon.cues) as LexiconCue[]) addTerms(VOCABULARY, terms(lexicon.cues[kind]), kind, kind, locale);
  for (const [outcome, list] of Object.entries(lexicon.outcomes)) addTerms(OUTCOME_WORDS, terms(list), 'outcome', outcome, locale);
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
  addFunctionWords();
  const tokens = tokenize(prepared);
  const analysis: Analysis = { tokens, hits: scan(VOCABULARY, tokens.norms) };
  last = { text: prepared, analysis };
  return analysis;
}
