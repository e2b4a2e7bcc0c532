import type { Category, CustomerType, Entities, Locale, Mood, Signal, Urgency } from '../triage/types';

/** The version of the record's shape; the receiver accepts the versions it knows. */
export const SCHEMA_VERSION = 1;

export const OUTCOMES = [
  'refund',
  'replacement',
  'exchange',
  'storeCredit',
  'discount',
  'repair',
  'heard',
  'other',
] as const;
/** What the visitor wants: `heard` is "I just wanted to be heard", `other` comes with their words. */
export type OutcomeKind = (typeof OUTCOMES)[number];

export type HandoffReason = 'visitor' | 'critical' | 'legal' | 'safety' | 'premium';

export interface RecordMessage {
  from: 'visitor' | 'bot';
  text: string;
  /** ISO 8601 time. */
  at: string;
}

/** One complaint, as delivered to the site owner's endpoint. */
export interface ComplaintRecord {
  schemaVersion: typeof SCHEMA_VERSION;
  type: 'complaint';
  /** Unique, also the `Idempotency-Key`. */
  id: string;
  /** Short reference the visitor is given, e.g. `HRD-7K3F9Q`. */
  reference: string;
  createdAt: string;
  submittedAt: string;
  /** The language the conversation ended in. */
  locale: Locale;
  page: { url: string; referrer: string | null; title: string | null };
  visitor: {
    name: string | null;
    email: string | null;
    phone: string | null;
    accountRef: string | null;
    followUpConsent: boolean;
    /**
     * 128 random bits, base64url: the capability the widget later reads this complaint's status
     * with. The receiver keeps only its hash.
     */
    statusKey?: string;
    /** Traits the host page passed with `identify()`. */
    traits: Record<string, unknown>;
    /** Complaints this browser raised before this one. */
    previousComplaints: number;
    /** The site's id for its signed-in customer, from `identify()`. */
    userId?: string;
    /** The site's HMAC over `userId` (or `email`), checked by the receiver; see the README. */
    userHash?: string;
  };
  messages: RecordMessage[];
  restatement: { text: string; confirmed: boolean; corrections: number } | null;
  triage: {
    category: Category;
    urgency: Urgency;
    mood: Mood;
    customerType: CustomerType;
    /** The language the visitor wrote in; may differ from `locale`. */
    language: Locale;
    signals: Signal[];
    entities: Entities;
  };
  desiredOutcome: {
    kind: OutcomeKind;
    detail: string | null;
    /** Whether the site owner offers what the visitor asked for. */
    offered: boolean;
    /** What the bot offered instead when it was not. */
    alternative: OutcomeKind | null;
  } | null;
  commitment: { action: string; dueBy: string; slaHours: number } | null;
  followUpAt: string | null;
  handoff: { requested: boolean; reason: HandoffReason; at: string } | null;
  csat: number | null;
  transcriptText: string;
  /**
   * The reference of an earlier complaint this one continues: the visitor wrote back after that
   * one's reply window had closed, and was offered a new complaint instead.
   */
  previousReference?: string;
  /**
   * The visitor's files, each sent on its own (`PUT /complaints/{id}/attachments/{sha256}`) after
   * the record; the receiver shows one not yet come as still arriving.
   */
  attachments?: { id: string; sha256: string; type: string; size: number; width?: number; height?: number }[];
}

/**
 * A satisfaction rating given after the complaint was sent. It travels on its own, to the
 * same endpoint, because the complaint itself is already on its way and must not change.
 */
export interface RatingRecord {
  schemaVersion: typeof SCHEMA_VERSION;
  type: 'rating';
  /** `<complaint id>:csat`, also the `Idempotency-Key`. */
  id: string;
  complaintId: string;
  /** 1 (poor) to 5 (excellent). */
  csat: 1 | 2 | 3 | 4 | 5;
  at: string;
  /** The complaint's status key: the server takes a rating only from its holder. */
  statusKey?: string;
}

/**
 * A visitor's follow-up to a complaint already sent: posted to `<endpoint>/<complaintId>/messages`
 * as `{ id, text, at, attachments? }` with the complaint's status key as a bearer token. Only the
 * outbox sees the whole of it; the server gets those fields.
 */
export interface MessageRecord {
  type: 'message';
  /** A UUID per message, also the `Idempotency-Key`: the same id again is a replay. */
  id: string;
  complaintId: string;
  statusKey: string;
  text: string;
  at: string;
  /**
   * The SHA-256s of the visitor's files sent with it, each uploaded first (`PUT
   * /complaints/{complaintId}/attachments/{sha256}`): the receiver refuses a message naming a
   * file it does not have.
   */
  attachments?: string[];
}

/** Anything the outbox delivers. */
export type Deliverable = ComplaintRecord | RatingRecord | MessageRecord;
