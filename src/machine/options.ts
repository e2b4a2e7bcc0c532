import type { OutcomeKind } from '../record/record';
import type { Urgency } from '../triage/types';

/** The contact details the script can ask for. */
export type ContactField = 'name' | 'email' | 'phone' | 'accountRef';

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
  /** Hours after the due date to ask whether it was really put right (seed 000 §2.7: 24–48 h). */
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
  contactFields: ['name', 'email', 'phone', 'accountRef'],
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
