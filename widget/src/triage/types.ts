/** The categories a complaint can fall into; site owners may add their own names. */
export const CATEGORIES = ['product', 'service', 'delivery', 'billing', 'staff', 'website', 'other'] as const;
export type Category = (typeof CATEGORIES)[number] | (string & {});

export const URGENCIES = ['low', 'normal', 'high', 'critical'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const MOODS = ['calm', 'upset', 'angry'] as const;
export type Mood = (typeof MOODS)[number];

export const CUSTOMER_TYPES = ['angry', 'premium', 'frequent', 'reluctant', 'regular'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

/** The languages the widget speaks. */
export const LOCALES = ['en', 'ms', 'hu', 'sk'] as const;
export type Locale = (typeof LOCALES)[number];

/** Why escalation fired, when it did. */
export type EscalationReason = 'critical' | 'legal' | 'safety' | 'premium';

/** One cue that explains a triage decision, so an agent sees why. */
export interface Signal {
  /** The decision this cue supports. */
  field: 'category' | 'urgency' | 'mood' | 'customerType' | 'language' | 'escalation';
  /** The value it supports, e.g. `delivery` or `critical`. */
  value: string;
  /** The matched text or trait, e.g. `"parcel"`, `"CAPITALS"`, `traits.plan=premium`. */
  cue: string;
}

export interface Amount {
  /** The sum, as a number: `4 990 Ft` is 4990, `9,99 €` 9.99, `2 x £12.50` 25. */
  value: number;
  /** ISO 4217 code where known (`EUR`, `MYR`, `HUF`, `USD`, `GBP`), else the symbol seen. */
  currency: string;
  /** As the visitor wrote it. */
  text: string;
  /** For `2 x £12.50`: how many (2) and the price of one (12.5). */
  quantity?: number;
  unitValue?: number;
}

/** A count of earlier contacts the visitor told: "I emailed twice" is `{ count: 2, text: 'twice' }`. */
export interface ContactCount {
  count: number;
  /** As the visitor wrote it. */
  text: string;
}

export interface Entities {
  orderRefs: string[];
  emails: string[];
  phones: string[];
  amounts: Amount[];
  /** Dates and times as written by the visitor, absolute ("12 March") or relative ("last Tuesday"). */
  dates: string[];
  /**
   * How many times the visitor says they got in touch before ("twice", "dvakrát", "kétszer",
   * "dua kali"). Absent in records made before it was read.
   */
  contactCounts?: ContactCount[];
}

export interface TriageResult {
  category: Category;
  urgency: Urgency;
  mood: Mood;
  customerType: CustomerType;
  /** The language the text is written in, of those the widget speaks. */
  language: Locale;
  entities: Entities;
  signals: Signal[];
  /** Set when the complaint must go to a person at once. */
  escalation: EscalationReason | null;
  /** True when the text has no specifics: no category cue, no entity, few words. */
  vague: boolean;
}

export interface TriageOptions {
  /** The page's locale, used as the tie-breaker for language detection. */
  locale?: string;
  /** What the host page passed with `identify({ traits })`, e.g. `{ plan: 'premium' }`. */
  traits?: Record<string, unknown>;
  /** How many complaints this browser raised before. */
  history?: number;
  /** Site-owner categories: name → keywords (any language). */
  categories?: Record<string, string[]>;
}
