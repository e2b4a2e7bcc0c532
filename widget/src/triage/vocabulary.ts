import { entityPatterns, type EntityPatterns } from './entities';
import { FUNCTION_WORDS } from './lexicons/function-words';
import type { Lexicon, LexiconCue } from './lexicons/lexicon';
import { addTerms, createMatcher, scan, type Hit, type Matcher } from './matcher';
import { tokenize, type Tokens } from './text';
import { LOCALES, type Locale } from './types';

/**
 * The words triage knows, in the languages given to it. Triage, the restatement and outcome
 * reading take one explicitly, so their answer depends only on their input: the package reads
 * every language (`all.ts`), the widget a vocabulary that grows as language packs arrive
 * (`load.ts`).
 *
 * Every language's function words are always in, so the language of a text is recognised
 * before its full lexicon is; visitors mix languages, and one pass over the words is cheaper
 * than four, so all languages share one matcher.
 */
export interface Vocabulary {
  /** Category, urgency, mood and date cues, and the function words of every language. */
  readonly terms: Matcher;
  /**
   * Ways of saying what would put it right, kept apart from the triage vocabulary: they answer
   * one question ("What would make this right?") and must not sway category or language.
   */
  readonly outcomes: Matcher;
  /** Languages whose full lexicon is in. */
  readonly locales: Set<Locale>;
  /** Lexicons given but not compiled yet: compiling waits for the first text to read. */
  readonly waiting: Lexicon[];
  functionWords: boolean;
  /** Each language whose full lexicon is in, for what is read per language (entities, restatement). */
  readonly lexicons: Map<Locale, Lexicon>;
  /** Those compiled (`entityPatterns`), on first need after a language arrives. */
  entities: EntityPatterns | undefined;
  /** The last text analysed, because the machine triages a text and then restates it. */
  last: { text: string; analysis: Analysis } | undefined;
}

/** The words of a prepared text and every vocabulary term found in them. */
export interface Analysis {
  tokens: Tokens;
  hits: readonly Hit[];
  /** Ways of saying what would put it right, found on first need (`outcomeHits`). */
  outcomes?: readonly Hit[];
}

/**
 * A vocabulary of `lexicons`. Nothing is compiled yet: that happens on the first text read (or
 * when `compile` is called), so creating one costs nothing while a page is loading.
 *
 * @param lexicons the languages to know in full; more can be added with `addLexicon`
 */
export function createVocabulary(lexicons: readonly Lexicon[] = []): Vocabulary {
  return {
    terms: createMatcher(),
    outcomes: createMatcher(),
    locales: new Set(),
    waiting: [...lexicons],
    functionWords: false,
    lexicons: new Map(),
    entities: undefined,
    last: undefined,
  };
}

/**
 * Adds the words that tell the languages apart (`lexicons/function-words.ts`). Done on first
 * need rather than when the widget's code is evaluated, so that evaluation stays a short task
 * on the host page; the lazy loader calls it in a task of its own.
 */
export function addFunctionWords(vocabulary: Vocabulary): void {
  if (vocabulary.functionWords) return;
  vocabulary.functionWords = true;
  for (const locale of LOCALES) addTerms(vocabulary.terms, FUNCTION_WORDS[locale], 'function', locale, locale);
}

/** Adds a language's full lexicon now; a second call for the same language does nothing. */
export function addLexicon(vocabulary: Vocabulary, lexicon: Lexicon): void {
  const { locale } = lexicon;
  if (vocabulary.locales.has(locale)) return;
  vocabulary.locales.add(locale);
  addFunctionWords(vocabulary);
  const terms = (list: string): string[] => list.split(',');
  for (const [name, list] of Object.entries(lexicon.categories)) addTerms(vocabulary.terms, terms(list), 'category', name, locale);
  for (const kind of Object.keys(lexicon.cues) as LexiconCue[]) addTerms(vocabulary.terms, terms(lexicon.cues[kind]), kind, kind, locale);
  for (const [outcome, list] of Object.entries(lexicon.outcomes)) addTerms(vocabulary.outcomes, terms(list), 'outcome', outcome, locale);
  vocabulary.lexicons.set(locale, lexicon);
  vocabulary.entities = undefined;
  vocabulary.last = undefined;
}

/** Compiles whatever the vocabulary was given and has not compiled yet. */
export function compile(vocabulary: Vocabulary): Vocabulary {
  addFunctionWords(vocabulary);
  while (vocabulary.waiting.length > 0) addLexicon(vocabulary, vocabulary.waiting.shift() as Lexicon);
  return vocabulary;
}

/** The full lexicons a vocabulary knows, always in `LOCALES` order (not the order they arrived in). */
export function known(vocabulary: Vocabulary): Lexicon[] {
  compile(vocabulary);
  return LOCALES.flatMap((locale) => vocabulary.lexicons.get(locale) ?? []);
}

/**
 * How the vocabulary's languages write dates, counts and amounts, compiled once per set of
 * languages. Always in `LOCALES` order, so the result does not depend on which pack came first.
 */
export function entityPatternsOf(vocabulary: Vocabulary): EntityPatterns {
  compile(vocabulary);
  vocabulary.entities ??= entityPatterns(known(vocabulary).map((lexicon) => lexicon.entities));
  return vocabulary.entities;
}

/** Whether a vocabulary knows a language in full (or will, once compiled). */
export function hasLexicon(vocabulary: Vocabulary, locale: Locale): boolean {
  return vocabulary.locales.has(locale) || vocabulary.waiting.some((lexicon) => lexicon.locale === locale);
}

/**
 * Tokenizes and scans prepared text. The last result is kept, because the machine triages a
 * complaint and then restates the same text: the second call costs one string comparison.
 */
export function analyse(vocabulary: Vocabulary, prepared: string): Analysis {
  const last = vocabulary.last;
  if (last && last.text === prepared) return last.analysis;
  compile(vocabulary);
  const tokens = tokenize(prepared);
  const analysis: Analysis = { tokens, hits: scan(vocabulary.terms, tokens.norms) };
  vocabulary.last = { text: prepared, analysis };
  return analysis;
}

/**
 * The ways of saying what would put it right in an analysed text (`analyse`), found once per
 * text: the machine restates the same complaint more than once.
 */
export function outcomeHits(vocabulary: Vocabulary, analysis: Analysis): readonly Hit[] {
  analysis.outcomes ??= scan(compile(vocabulary).outcomes, analysis.tokens.norms);
  return analysis.outcomes;
}
