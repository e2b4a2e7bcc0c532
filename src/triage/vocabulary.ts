import { LEXICONS } from './lexicons/index';
import { addLexicon, createMatcher, scan, type Hit, type Matcher } from './matcher';
import { tokenize, type Tokens } from './text';
import { LOCALES } from './types';

/**
 * All four languages compiled into one matcher, once, at import: visitors mix languages, and
 * one pass over the words is cheaper than four.
 */
export const VOCABULARY: Matcher = createMatcher();
for (const locale of LOCALES) addLexicon(VOCABULARY, LEXICONS[locale]);

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
