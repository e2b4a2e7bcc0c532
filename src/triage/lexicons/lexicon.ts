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
 * The locale, then one string per list, in the order of `LEXICON_LISTS`, its terms separated
 * by commas: a language pack downloads far smaller as a few strings than as named arrays.
 * The lists:
 * - the six categories (`product` … `website`);
 * - `safety` (danger to people: escalates as `safety`), `legal` (lawyers, courts, regulators:
 *   escalates as `legal`), `fraud` (fraud, chargebacks, unauthorised payments: escalates as
 *   `critical`), `high` (money lost, "urgent", deadlines), `repeat` (repeated contact: raises
 *   urgency to high and marks a frequent customer), `low` (the visitor says it can wait);
 * - `insult` (insults and swearing: the visitor is angry, and the restatement never repeats
 *   these), `angry`, `upset`;
 * - `reluctant`: hedging of a customer who does not like to complain;
 * - `month` (month names: a date when a day or year number stands next to them) and `day`
 *   (day words that are a date on their own: "yesterday", "Monday");
 * - how people say what would put it right, for "What would make this right?" answered in
 *   words, one list per outcome (`refund` … `repair`; `heard` and `other` have no words).
 */
export type Lexicon = readonly [
  locale: Locale,
  product: string, delivery: string, billing: string, staff: string, service: string, website: string,
  safety: string, legal: string, fraud: string, high: string, repeat: string, low: string,
  insult: string, angry: string, upset: string, reluctant: string, month: string, day: string,
  refund: string, replacement: string, exchange: string, storeCredit: string, discount: string, repair: string,
];

/**
 * What each list of a `Lexicon` says, in order: the first six are categories, the last six
 * outcomes, the rest their own kind of cue.
 */
export const LEXICON_LISTS = (
  'product delivery billing staff service website safety legal fraud high repeat low insult angry upset reluctant ' +
  'month day refund replacement exchange storeCredit discount repair'
).split(' ');
