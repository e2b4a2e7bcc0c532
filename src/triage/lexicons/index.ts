import type { Locale } from '../types';
import type { Lexicon } from './lexicon';
import { en } from './en';
import { hu } from './hu';
import { ms } from './ms';
import { sk } from './sk';

/** Every language's triage vocabulary, by locale. */
export const LEXICONS: Readonly<Record<Locale, Lexicon>> = { en, ms, hu, sk };
export type { Lexicon } from './lexicon';
