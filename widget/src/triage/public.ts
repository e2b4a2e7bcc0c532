import { everyLanguage } from './all';
import { restate as restateWith } from './restate';
import { triage as triageWith } from './triage';
import type { Locale, TriageOptions, TriageResult } from './types';

/*
 * The package's `triage` and `restate`: the same functions, reading every language.
 * (The widget passes its own vocabulary, which grows one language at a time.)
 */

/**
 * Triage of one complaint in any of the four languages: category, urgency, mood, customer
 * type, language, entities and the signals behind each decision.
 *
 * @param text what the visitor wrote
 * @param options page locale, `identify()` traits, earlier complaints, owner categories
 */
export function triage(text: string, options: TriageOptions = {}): TriageResult {
  return triageWith(text, { ...options, vocabulary: everyLanguage() });
}

/**
 * The bot's restatement of a complaint, from the visitor's own words, in `locale`.
 *
 * @param messages what the visitor wrote, in order
 * @param result `triage()` of the same text
 * @param locale the language to restate in
 */
export function restate(messages: string[], result: TriageResult, locale: Locale): string {
  return restateWith(messages, result, locale, everyLanguage());
}
