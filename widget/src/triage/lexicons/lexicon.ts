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
  /** How this language writes the facts `entities.ts` finds: dates, times, counts, currencies. */
  entities: LexiconEntities;
  /** How the restatement (`restate.ts`) reads and says back this language. */
  restatement: LexiconRestatement;
}

/** The words of one language the restatement needs, downloaded with its pack. */
export interface LexiconRestatement {
  /** Greetings that open a sentence and carry no facts, as regex alternatives: `hi`, `dobrý deň`. */
  greetings: readonly string[];
  /** Folded second-person words left dangling when the insult after them is removed: `you`, `ty`. */
  address: readonly string[];
  /**
   * Turning the visitor's words to the second person, where a word-for-word swap is reliable (only
   * in languages the bot says their words back in: see `restate.ts`): the visitor's "I/my" becomes
   * "you/your", and their "you/your" (the shop) becomes "we/our". Lower case.
   */
  swap?: Readonly<Record<string, string>>;
  /** After these the shop's "you" is an object ("emailed you": "us"); elsewhere a subject ("we"). */
  objectAfter?: readonly string[];
  /** Words that may stand between "I" and its verb ("I never was…"). */
  adverbs?: readonly string[];
}

/**
 * The words of one language that dates, times, counts of earlier contacts and amounts are
 * written with. Patterns are regular-expression sources, each one alternative; `entities.ts`
 * joins those of the languages a vocabulary knows, so a visitor downloads only their own.
 * Every quantifier in a pattern must be bounded (see `entities.ts`). Word lists hold folded
 * words (lower case, no accents), as the words of a text are compared.
 */
export interface LexiconEntities {
  /** Words for an order or account that a reference follows: `order`, `rendelés`, `objednávk[aeyu]`. */
  references: readonly string[];
  /** Words for "number" between such a word and the reference: `number`, `č.`, `szám`. */
  referenceNumbers: readonly string[];
  /** Words that may stand between those and the reference: `is` (order number is 123), `je`, `ialah`. */
  referenceLinks: readonly string[];
  /** Words after a reference that name it: `számú` (a 10023456 számú rendelés). */
  referenceBefore: readonly string[];
  /** Case endings written onto a currency word, kept with the amount as written: `s`, `os` (79 eurós, 5000 forintos). */
  currencyEndings: readonly string[];
  /** How long ago: `two weeks ago`, `pred týždňom`, `két hete`, `2 minggu lepas`. */
  ago: readonly string[];
  /** Folded words a relative date is built around: `ago`, `pred`, `napja`, `lepas`. */
  agoAnchors: readonly string[];
  /** Clock times this language writes its own way: `3pm`, `15 órakor`, `pukul 3 petang`. */
  times: readonly string[];
  /** What may follow `14:30` in this language and belongs to the time: `órakor`, `hod.`. */
  timeSuffixes: readonly string[];
  /** Folded words after a number that make it a time: `pm`, `orakor`, `hod`. */
  timeAfter: readonly string[];
  /** Folded words before a number that make it a time: `pukul`. */
  timeBefore: readonly string[];
  /** Folded words before a day word that belong to the date: `last` Tuesday. */
  dayBefore: readonly string[];
  /** Folded words after a day word that belong to the date: Tuesday `morning`, Selasa `lepas`. */
  dayAfter: readonly string[];
  /** Counts of times: `twice`, `FOUR times`, `dvakrát`, `kétszer`, `dua kali`. */
  counts: readonly string[];
  /** Folded number words and their value, as counts use them: `twice` 2, `harmad` 3. */
  numbers: Readonly<Record<string, number>>;
  /** Currency words written after an amount, lower case, and their ISO code: `forint` HUF. */
  currencies: Readonly<Record<string, string>>;
}

export type LexiconCategory = 'product' | 'delivery' | 'billing' | 'staff' | 'service' | 'website';

/**
 * - `safety` (danger to people: escalates as `safety`), `legal` (lawyers, courts, regulators:
 *   escalates as `legal`), `fraud` (fraud, chargebacks, unauthorised payments: escalates as
 *   `critical`), `high` (money lost, "urgent", deadlines), `repeat` (repeated contact: raises
 *   urgency to high and marks a frequent customer), `low` (the visitor says it can wait);
 * - `insult` (insults and swearing: the visitor is angry, and the restatement never repeats
 *   these), `angry`, `upset`;
 * - `mistreated`: how someone treated the visitor (shouted at, humiliated, mocked, ignored, "spoke
 *   to me like…"): the visitor is upset at least, and an insult a few words after one ("…like I
 *   was stupid") is what they were made to feel, not their own hostility;
 * - `lookalike`: words and phrases that a category's stem or word would otherwise catch but that
 *   mean something else (`történt` "happened" for `tört*` "broken", `saya rasa` "I think" for
 *   `rasa` "taste"): they claim the word for no category;
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
  | 'mistreated'
  | 'lookalike'
  | 'reluctant'
  | 'threat'
  | 'contact'
  | 'month'
  | 'day';

export type LexiconOutcome = 'refund' | 'replacement' | 'exchange' | 'storeCredit' | 'discount' | 'repair';
