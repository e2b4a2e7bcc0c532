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
 */
export interface Lexicon {
  locale: Locale;
  categories: Readonly<Record<'product' | 'service' | 'delivery' | 'billing' | 'staff' | 'website', readonly string[]>>;
  urgency: {
    /** Danger to people: escalates as `safety`. */
    safety: readonly string[];
    /** Lawyers, courts, regulators: escalates as `legal`. */
    legal: readonly string[];
    /** Fraud, chargebacks, unauthorised payments: escalates as `critical`. */
    fraud: readonly string[];
    /** Money lost, "urgent", deadlines. */
    high: readonly string[];
    /** Repeated contact: raises urgency to high and marks a frequent customer. */
    repeat: readonly string[];
    /** The visitor says it can wait. */
    low: readonly string[];
  };
  mood: {
    /** Insults and swearing: the visitor is angry, and the restatement never repeats these. */
    insult: readonly string[];
    angry: readonly string[];
    upset: readonly string[];
  };
  /** Hedging of a customer who does not like to complain. */
  reluctant: readonly string[];
  /**
   * How people say what would put it right, for the question "What would make this right?"
   * answered in words: a refund, a replacement… (`heard` and `other` have no words).
   */
  outcomes: Readonly<Record<'refund' | 'replacement' | 'exchange' | 'storeCredit' | 'discount' | 'repair', readonly string[]>>;
  /** Month names: a date when a day or year number stands next to them. */
  months: readonly string[];
  /** Day words that are a date on their own ("yesterday", "Monday"). */
  days: readonly string[];
}
