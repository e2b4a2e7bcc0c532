import type { MessageKey, Params } from '../i18n/translate';
import type { HandoffReason, OutcomeKind } from '../record/record';
import type { ComplaintStatus } from '../transport/status';
import type { Locale, TriageResult } from '../triage/types';
import type { ContactErrors, Identity } from './events';
import type { ScriptOptions } from './options';

/**
 * One line of the conversation. Bot lines are kept as catalog keys with their parameters, not
 * as text, so the whole conversation re-renders when the visitor switches language; visitor
 * lines are their own words (or a key, for a quick reply they tapped).
 */
export interface ChatMessage {
  /** Position in the conversation; stable across reloads. */
  seq: number;
  from: 'visitor' | 'bot';
  at: string;
  text?: string;
  key?: MessageKey;
  params?: Params;
}

/** An input error the UI shows beside the control that caused it. */
export type InputError = 'empty' | 'tooLong' | 'full' | 'outcome' | 'otherDetail' | 'rating';

export type DeliveryState = 'idle' | 'delivered' | 'queued' | 'rejected';

export interface ComplaintContext {
  options: ScriptOptions;
  /** Record id, also the idempotency key and the seed for line variants. */
  id: string;
  reference: string;
  /**
   * The capability to read this complaint's status later, sent in the record; absent in
   * conversations saved before the widget had status keys.
   */
  statusKey?: string;
  createdAt: string;
  locale: Locale;
  /** A language the visitor writes in that differs from `locale`, offered once. */
  suggestedLocale: Locale | null;
  /** Whether a language switch was offered already: it is offered once. */
  localeOffered: boolean;
  page: { url: string; referrer: string | null; title: string | null };
  identity: Identity;
  previousComplaints: number;
  messages: ChatMessage[];
  triage: TriageResult | null;
  clarifyCount: number;
  restatement: { text: string; confirmed: boolean; corrections: number } | null;
  outcome: { kind: OutcomeKind; detail: string | null; offered: boolean; alternative: OutcomeKind | null } | null;
  contact: { name: string; email: string; phone: string; accountRef: string; followUpConsent: boolean };
  contactErrors: ContactErrors;
  error: InputError | null;
  commitment: { kind: OutcomeKind; dueBy: string; slaHours: number } | null;
  followUpAt: string | null;
  handoff: { requested: boolean; reason: HandoffReason; at: string } | null;
  submittedAt: string | null;
  delivery: DeliveryState;
  csat: number | null;
  /** The earlier complaint this one continues (its reply window had closed); absent otherwise. */
  previousReference?: string;
  /**
   * What the visitor's earlier complaints on this site came to, newest first, as last read
   * while the panel was open. Not part of the record.
   */
  pastStatuses: PastStatus[];
}

/** An earlier complaint's status, as last read; `replies` holds the latest reply alone. */
export interface PastStatus {
  id: string;
  status: ComplaintStatus;
}

/** What a new conversation starts from; everything but `id`, `reference` and `at` is optional. */
export interface ComplaintInput {
  id: string;
  reference: string;
  at: string;
  statusKey?: string;
  locale?: Locale;
  options?: Partial<ScriptOptions>;
  page?: ComplaintContext['page'];
  identity?: Identity;
  previousComplaints?: number;
}
