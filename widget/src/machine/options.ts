import type { OutcomeKind } from '../record/record';
import type { Urgency } from '../triage/types';

/** The contact details the script can ask for, in the order the form shows them. */
export const CONTACT_FIELDS = ['name', 'email', 'phone', 'accountRef'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** When the owner's team works: used to turn SLA hours into a due date. */
export interface BusinessHours {
  /** IANA time zone of the team, e.g. `Europe/Bratislava`. */
  timeZone: string;
  /** Opening time, `HH:MM`, local to `timeZone`. */
  start: string;
  /** Closing time, `HH:MM`, local to `timeZone`; after `start`. */
  end: string;
  /** Working days, 0 = Sunday … 6 = Saturday. */
  days: number[];
  /** Closed dates, `YYYY-MM-DD`, local to `timeZone`. */
  holidays: string[];
}

/** What the site owner decides about the script. Every field has a default. */
export interface ScriptOptions {
  /** Outcomes the owner can offer, in the order shown. `heard` and `other` are always possible. */
  outcomes: OutcomeKind[];
  /** Contact fields the visitor must give (fields the host page passed are skipped). */
  requiredContact: ContactField[];
  /** Contact fields shown at all; required ones are always shown. */
  contactFields: ContactField[];
  /** Business hours within which a complaint of each urgency is answered. */
  slaHours: Record<Urgency, number>;
  businessHours: BusinessHours;
  /** Hours after the due date to ask whether it was really put right (docs/script.md#follow-up: a day or two). */
  followUpDelayHours: number;
  escalation: {
    /** Hand critical complaints (safety, legal, fraud) straight to a person. */
    critical: boolean;
    /** Hand premium customers to a person. */
    premium: boolean;
  };
  /** Owner wording of the next step per outcome, replacing the catalog's. */
  actions: Partial<Record<OutcomeKind, string>>;
  /** Owner categories: name → keywords, added to triage. */
  categories: Record<string, string[]>;
}

export const DEFAULT_SCRIPT_OPTIONS: ScriptOptions = {
  outcomes: ['refund', 'replacement', 'exchange', 'storeCredit', 'repair'],
  requiredContact: ['email'],
  contactFields: [...CONTACT_FIELDS],
  slaHours: { critical: 4, high: 8, normal: 24, low: 40 },
  businessHours: {
    timeZone: 'UTC',
    start: '09:00',
    end: '17:00',
    days: [1, 2, 3, 4, 5],
    holidays: [],
  },
  followUpDelayHours: 48,
  escalation: { critical: true, premium: true },
  actions: {},
  categories: {},
};

/** Merges the script options a site owner gave over the defaults, one level deep. */
export function resolveOptions(partial: Partial<ScriptOptions> = {}): ScriptOptions {
  return {
    ...DEFAULT_SCRIPT_OPTIONS,
    ...partial,
    slaHours: { ...DEFAULT_SCRIPT_OPTIONS.slaHours, ...partial.slaHours },
    businessHours: { ...DEFAULT_SCRIPT_OPTIONS.businessHours, ...partial.businessHours },
    escalation: { ...DEFAULT_SCRIPT_OPTIONS.escalation, ...partial.escalation },
  };
}

/**
 * The outcomes offered as buttons, in the owner's order, then "I just wanted to be heard".
 * "Something else" is not among them: it opens a field for the visitor's own words.
 */
export function outcomeChoices(options: Pick<ScriptOptions, 'outcomes'>): OutcomeKind[] {
  return [...options.outcomes.filter((kind) => kind !== 'heard' && kind !== 'other'), 'heard'];
}

/**
 * The contact fields the form shows, each marked required or not: the owner's fields, then any
 * required one the owner left out of them (a required field is always shown).
 */
export function contactFormFields(options: Pick<ScriptOptions, 'contactFields' | 'requiredContact'>): { field: ContactField; required: boolean }[] {
  const shown = [...options.contactFields, ...options.requiredContact.filter((f) => !options.contactFields.includes(f))];
  return shown.map((field) => ({ field, required: options.requiredContact.includes(field) }));
}
