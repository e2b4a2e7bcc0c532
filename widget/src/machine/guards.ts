import { OUTCOMES, type OutcomeKind } from '../record/record';
import type { ComplaintContext, InputError } from './context';
import { missingContact, validateContact } from './contact';
import type { ComplaintEvent } from './events';
import { desiredOutcome } from '../triage/outcome';
import { restate } from '../triage/restate';
import { isLocale } from '../i18n/locale';
import type { Vocabulary } from '../triage/vocabulary';
import { MAX_CLARIFY, MAX_CONVERSATION_CHARS, MAX_MESSAGE_LENGTH, MAX_MESSAGES, MAX_OUTCOME_DETAIL_LENGTH } from './limits';
import { visitorTexts } from './visitorTexts';

interface Args {
  context: ComplaintContext;
  event: ComplaintEvent;
}

/** The visitor's message has something in it once spaces and invisible characters are gone. */
export function isBlank(text: string): boolean {
  return text.replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, '') === '';
}

export const isTooLong = ({ event }: Args): boolean =>
  event.type === 'visitor.say' && event.text.length > MAX_MESSAGE_LENGTH;

/**
 * Why the visitor's message is refused, if it is: empty, too long, or the conversation cannot
 * take it (too many lines or too many characters already).
 */
export const messageError = (args: Args): InputError | null => {
  const { context, event } = args;
  if (event.type !== 'visitor.say') return null;
  if (isBlank(event.text)) return 'empty';
  if (isTooLong(args)) return 'tooLong';
  let written = event.text.length;
  for (const m of context.messages) if (m.from === 'visitor' && m.text) written += m.text.length;
  return context.messages.length >= MAX_MESSAGES || written > MAX_CONVERSATION_CHARS ? 'full' : null;
};

/** The visitor has told us something since the bot last spoke. */
export const hasToldSomething = ({ context }: Args): boolean => {
  for (let i = context.messages.length - 1; i >= 0; i--) {
    const m = context.messages[i]!;
    if (m.from === 'visitor') return true;
    if (m.key === 'greet.prompt' || m.key === 'restate.correct') return false;
  }
  return false;
};

/** Triage says a person must take this at once, and the owner's rules agree. */
export const needsEscalation = ({ context }: Args): boolean => {
  const reason = context.triage?.escalation;
  if (!reason) return false;
  if (reason === 'premium') return context.options.escalation.premium;
  return context.options.escalation.critical;
};

/** Vague complaints get follow-up questions, at most two, and none after a correction. */
export const isVague = ({ context }: Args): boolean =>
  !!context.triage?.vague && context.clarifyCount < MAX_CLARIFY && (context.restatement?.corrections ?? 0) === 0;

/**
 * The follow-up question asked last was "which part was it?", so a tapped part answers it. The
 * first follow-up asks what they mean or for an example (docs/script.md#clarify); later ones
 * ask which part.
 */
export const isAskingWhichPart = ({ context }: Args): boolean => context.clarifyCount > 1;

/** The restatement would be empty: everything the visitor wrote was insults or noise. */
export const hasNothingToRestate = ({ context }: Args, vocabulary: Vocabulary): boolean =>
  !!context.triage && isBlank(restate(visitorTexts(context), context.triage, context.locale, vocabulary));

export const isKnownOutcome = ({ event }: Args): boolean =>
  event.type === 'outcome.choose' && (OUTCOMES as readonly string[]).includes(event.kind);

/** `other` needs the visitor's own words. */
export const hasOutcomeDetail = ({ event }: Args): boolean =>
  event.type === 'outcome.choose' &&
  (event.kind !== 'other' || (!!event.detail && !isBlank(event.detail) && event.detail.length <= MAX_OUTCOME_DETAIL_LENGTH));

/** What the visitor asked for is something the owner offers (being heard always is). */
export const isOffered = ({ context, event }: Args, vocabulary: Vocabulary): boolean =>
  event.type === 'outcome.choose' && isOfferedKind(context, askedKind(event.kind, event.detail, vocabulary));

/**
 * The outcome meant: "something else" in words that name one ("my money back") is that one.
 */
export function askedKind(kind: OutcomeKind, detail: string | undefined, vocabulary: Vocabulary): OutcomeKind {
  return kind === 'other' && detail ? (desiredOutcome(detail, vocabulary) ?? 'other') : kind;
}

export function isOfferedKind(context: ComplaintContext, kind: OutcomeKind): boolean {
  return kind === 'heard' || kind === 'other' || context.options.outcomes.includes(kind);
}

/** What the visitor asked for is not offered, and the bot proposed something that is. */
export const canAcceptAlternative = ({ context }: Args): boolean =>
  !!context.outcome && !context.outcome.offered && !!context.outcome.alternative;

/** Typed words that ask for something the owner does not offer ("I want my money back"). */
export const asksUnofferedOutcome = ({ context, event }: Args, vocabulary: Vocabulary): boolean =>
  event.type === 'visitor.say' && !isOfferedKind(context, askedKind('other', event.text, vocabulary));

/** Every required contact field is already known, so the form is skipped. */
export const hasContact = ({ context }: Args): boolean =>
  missingContact(
    { ...context.identity, ...nonEmpty(context.contact) },
    context.options.requiredContact,
  ).length === 0;

export const isValidContact = ({ context, event }: Args): boolean =>
  event.type === 'contact.submit' &&
  Object.keys(validateContact(event.contact, context.identity, context.options.requiredContact).errors).length === 0;

export const isHandingOff = ({ context }: Args): boolean => !!context.handoff;

/** A score from 1 to 5 other than the one given: the visitor may change their mind while the panel is open. */
export const isValidRating = ({ context, event }: Args): boolean =>
  event.type === 'csat.rate' && Number.isInteger(event.score) && event.score >= 1 && event.score <= 5 && event.score !== context.csat;

/** No rating given yet for this complaint. */
export const isUnrated = ({ context }: Args): boolean => context.csat === null;

export const isNewLocale = ({ context, event }: Args): boolean =>
  event.type === 'locale.set' && event.locale !== context.locale && isLocale(event.locale);

function nonEmpty<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== null && v !== undefined)) as Partial<T>;
}

/** The receiver's answer is about this conversation's complaint, not an earlier one's. */
export const isOwnReceipt = ({ context, event }: Args): boolean => event.type === 'complaint.receipt' && event.id === context.id;
