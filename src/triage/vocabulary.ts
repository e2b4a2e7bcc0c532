import { LEXICONS } from './lexicons/index';
import { addLexicon, createMatcher, type Matcher } from './matcher';
import { LOCALES } from './types';

/**
 * All four languages compiled into one matcher, once, at import: visitors mix languages, and
 * one pass over the words is cheaper than four.
 */
export const VOCABULARY: Matcher = createMatcher();
for (const locale of LOCALES) addLexicon(VOCABULARY, LEXICONS[locale]);
