import type { OutcomeKind } from '../record/record';
import type { Locale } from '../triage/types';
import type { ContactField } from './options';
import type { ClarifyPart } from './parts';

/** Time of the event, ISO 8601; the bridge stamps it so the machine stays pure. */
export interface Timed {
  at: string;
}

export type { ClarifyPart };

export interface ContactInput {
  name?: string;
  email?: string;
  phone?: string;
  accountRef?: string;
  followUpConsent?: boolean;
}

/** What the host page knows about the visitor, from `Heard.identify()`. */
export interface Identity extends ContactInput {
  traits?: Record<string, unknown>;
  /** The site's own id for its signed-in customer. */
  userId?: string;
  /**
   * Lowercase hex HMAC-SHA256 of `userId` (of `email` when there is no `userId`) under the
   * site's identity secret, computed on the site's server: the receiver trusts the identity,
   * and its traits, only when it matches.
   */
  userHash?: string;
}

/** Every event the complaint machine understands; names are dot-separated. */
export type ComplaintEvent =
  | { type: 'panel.open' }
  | { type: 'panel.close' }
  | ({ type: 'visitor.say'; text: string } & Timed)
  | ({ type: 'visitor.done' } & Timed)
  | { type: 'visitor.identify'; identity: Identity }
  | ({ type: 'clarify.part'; part: ClarifyPart } & Timed)
  | ({ type: 'restate.confirm' } & Timed)
  | ({ type: 'restate.correct' } & Timed)
  | ({ type: 'outcome.choose'; kind: OutcomeKind; detail?: string } & Timed)
  | ({ type: 'outcome.acceptAlternative' } & Timed)
  | { type: 'contact.edit'; contact: ContactInput }
  | ({ type: 'contact.submit'; contact: ContactInput } & Timed)
  | ({ type: 'complaint.send' } & Timed)
  | ({ type: 'submit.retry' } & Timed)
  | ({ type: 'handoff.request' } & Timed)
  | { type: 'locale.set'; locale: Locale }
  | { type: 'locale.dismiss' }
  | ({ type: 'csat.rate'; score: number } & Timed)
  | ({ type: 'complaint.new'; id: string; reference: string; statusKey?: string } & Timed)
  /** The receiver stored complaint `id` under `reference`, due by `dueBy` (null: it named no date). */
  | ({ type: 'complaint.receipt'; id: string; reference: string; dueBy: string | null } & Timed)
  /** This complaint continues an earlier one that can no longer be answered. */
  | ({ type: 'complaint.continues'; reference: string } & Timed);

export type ContactErrors = Partial<Record<ContactField, 'required' | 'email' | 'phone' | 'tooLong'>>;
