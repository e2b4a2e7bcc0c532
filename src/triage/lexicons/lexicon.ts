import type { Locale } from '../types';

/**
 * A language's vocabulary for triage, kept as data. Terms are written as people spell them
 * (accents and all); matching folds case and accents, so `nem mukodik` finds `nem működik`.
 *
 * - `word` matches that word exactly;
 * - `stem*` matches any word starting with `stem` (cheap typo and inflection tolerance:
 *   `deliver*` finds delivered, delivery; `csomag*` finds csomagom, csomagot);
 * - `two words` matches those words in a row (the last may end in `*`);
 * - a leading `~` halves the weight (words that often ride along, such as "refund").
 *
 * Each list is one string, its terms separated by commas: a language pack downloads far smaller
 * as a few strings than as arrays of thousands of quoted words.
 */
export interface Lexicon {
  locale: Locale;
  /** Words that say what the complaint is about, one list per built-in category. */
  categories: Readonly<Record<LexiconCategory, string>>;
  /** Words that say how urgent it is, how the visitor feels, and when it happened. */
  cues: Readonly<Record<LexiconCue, string>>;
  /**
   * How people say what would put it right, for "What would make this right?" answered in
   * words, one list per outcome (`heard` and `other` have no words).
   */
  outcomes: Readonly<Record<LexiconOutcome, string>>;
}

export type LexiconCategory = 'product' | 'delivery' | 'billing' | 'staff' | 'service' | 'website';

/**
 * - `safety` (danger to people: escalates as `safety`), `legal` (lawyers, courts, regulators:
 *   escalates as `legal`), `fraud` (fraud, chargebacks, unauthorised payments: escalates as
 *   `critical`), `high` (money lost, "urgent", deadlines), `repeat` (repeated contact: raises
 *   urgency to high and marks a frequent customer), `low` (the visitor says it can wait);
 * - `insult` (insults and swearing: the visitor is angry, and the restatement never repeats
 *   these), `angry`, `upset`;
 * - `reluctant`: hedging of a customer who does not like to complain;
 * - `threat` (chargebacks, going public: with `legal`, a threat makes the visitor angry);
 * - `contact` (ways of saying one got in touch: "emailed", "volal", "írtam", "hubungi"), so a
 *   count beside one ("twice", "dvakrát") is a count of earlier contacts;
 * - `month` (month names: a date when a day or year number stands next to them) and `day`
 *   (day words that are a date on their own: "yesterday", "Monday").
 */
export type LexiconCue =
  | 'safety'
  | 'legal'
  | 'fraud'
  | 'high'
  | 'repeat'
  | 'low'
  | 'insult'
  | 'angry'
  | 'upset'
  | 'reluctant'
  | 'threat'
  | 'contact'
  | 'month'
  | 'day';

export type LexiconOutcome = 'refund' | 'replacement' | 'exchange' | 'storeCredit' | 'discount' | 'repair';
