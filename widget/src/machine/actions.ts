import type { MessageKey, Params } from '../i18n/translate';
import type { HandoffReason, OutcomeKind } from '../record/record';
import { restate, restatementQuotes } from '../triage/restate';
import { triage } from '../triage/triage';
import type { EscalationReason, Locale, TriageResult } from '../triage/types';
import type { Vocabulary } from '../triage/vocabulary';
import type { ChatMessage, ComplaintContext, ComplaintInput } from './context';
import { validateContact } from './contact';
import { computeDueDate } from './dueDate';
import type { ComplaintEvent, ContactInput, Identity } from './events';
import { askedKind, isOfferedKind } from './guards';
import { cleanIdentity } from './identity';
import { MAX_OUTCOME_DETAIL_LENGTH, MAX_TYPED_CONTACT_LENGTH } from './limits';
import { CONTACT_FIELDS, resolveOptions } from './options';
import { PART_CATEGORY, partKey, partOfKey } from './parts';
import { visitorTexts } from './visitorTexts';

/*
 * The machine's actions as pure functions: context (and event) in, the changed part of the
 * context out. The machine wraps each in `assign`, and tests call them directly.
 */

type Patch = Partial<ComplaintContext>;
/** The event an action runs on: the machine sends each action only the events it is wired to. */
type EventOf<T extends ComplaintEvent['type']> = Extract<ComplaintEvent, { type: T }>;
const HOUR = 3_600_000;

function push(context: Pick<ComplaintContext, 'messages'>, lines: Omit<ChatMessage, 'seq'>[]): ChatMessage[] {
  const next = context.messages.slice();
  for (const line of lines) next.push({ ...line, seq: next.length });
  return next;
}

const bot = (at: string, key: MessageKey, params?: Params): Omit<ChatMessage, 'seq'> =>
  params ? { from: 'bot', at, key, params } : { from: 'bot', at, key };

export function initialContext(input: ComplaintInput): ComplaintContext {
  const identity = cleanIdentity(input.identity);
  return {
    options: resolveOptions(input.options),
    id: input.id,
    reference: input.reference,
    statusKey: input.statusKey,
    createdAt: input.at,
    locale: input.locale ?? 'en',
    suggestedLocale: null,
    localeOffered: false,
    page: input.page ?? { url: '', referrer: null, title: null },
    identity,
    previousComplaints: input.previousComplaints ?? 0,
    messages: [],
    triage: null,
    clarifyCount: 0,
    restatement: null,
    outcome: null,
    contact: {
      name: identity.name ?? '',
      email: identity.email ?? '',
      phone: identity.phone ?? '',
      accountRef: identity.accountRef ?? '',
      followUpConsent: identity.followUpConsent ?? false,
    },
    contactErrors: {},
    error: null,
    commitment: null,
    followUpAt: null,
    handoff: null,
    submittedAt: null,
    delivery: 'idle',
    csat: null,
    pastStatuses: [],
  };
}

/** Greets by name when the host page gave one, and says welcome back to a returning visitor. */
export function greet(context: ComplaintContext): Patch {
  const name = context.identity.name?.trim();
  const returning = context.previousComplaints > 0;
  const key: MessageKey = returning
    ? name ? 'greet.welcomeBackName' : 'greet.welcomeBack'
    : name ? 'greet.helloName' : 'greet.hello';
  return {
    messages: push(context, [bot(context.createdAt, key, name ? { name } : undefined), bot(context.createdAt, 'greet.prompt')]),
  };
}

export function addVisitorMessage(context: ComplaintContext, event: EventOf<'visitor.say'>): Patch {
  return { messages: push(context, [{ from: 'visitor', at: event.at, text: event.text }]), error: null };
}

export function addClarifyPart(context: ComplaintContext, event: EventOf<'clarify.part'>): Patch {
  return { messages: push(context, [{ from: 'visitor', at: event.at, key: partKey(event.part) }]), error: null };
}

export function identify(context: ComplaintContext, event: EventOf<'visitor.identify'>): Patch {
  const identity = cleanIdentity(event.identity, context.identity);
  // A field the visitor has not typed yet takes what the host page knows.
  const contact = { ...context.contact };
  for (const field of CONTACT_FIELDS) {
    if (!contact[field] && identity[field]) contact[field] = identity[field]!;
  }
  return { identity, contact };
}

/** Triage of everything the visitor has said, and a language switch offered once. */
export function runTriage(context: ComplaintContext, vocabulary: Vocabulary): Patch {
  const result = triage(visitorTexts(context).join('\n'), {
    vocabulary,
    locale: context.locale,
    traits: context.identity.traits,
    history: context.previousComplaints,
    categories: context.options.categories,
  });
  // "Which part was it?" answered with a tap: the visitor's own answer to the root-cause
  // question (docs/script.md#clarify), taken when their words named no category.
  const tapped = [...context.messages].reverse().find((m) => m.from === 'visitor' && partOfKey(m.key) !== null);
  const part = partOfKey(tapped?.key);
  if (part && result.category === 'other') {
    const category = PART_CATEGORY[part];
    result.category = category;
    result.signals = [...result.signals, { field: 'category', value: category, cue: `visitor chose: ${part}` }];
  }
  const offer = !context.localeOffered && result.language !== context.locale;
  return {
    triage: result,
    suggestedLocale: offer ? result.language : context.suggestedLocale,
    localeOffered: context.localeOffered || offer,
  };
}

/**
 * Switches language. Bot lines are keys, so the whole conversation re-renders in the new
 * language; restatements carry the visitor's words in a frame of the bot's language, so they
 * are rebuilt too, each from what the visitor had said by then.
 */
export function setLocale(context: ComplaintContext, event: EventOf<'locale.set'>, vocabulary: Vocabulary): Patch {
  const locale = event.locale;
  if (!context.triage || !context.messages.some((m) => m.key === 'restate.check')) return { locale, suggestedLocale: null };
  const triage = context.triage;
  const messages = context.messages.map((m) =>
    m.key === 'restate.check'
      ? { ...m, params: restatementParams(restate(visitorTexts({ messages: context.messages.slice(0, m.seq) }), triage, locale, vocabulary), triage, locale) }
      : m,
  );
  const last = [...messages].reverse().find((m) => m.key === 'restate.check');
  const restatement = context.restatement && last ? { ...context.restatement, text: String(last.params!.points ?? last.params!.summary) } : context.restatement;
  return { locale, suggestedLocale: null, messages, restatement };
}

/** Fewer words than this, and the first follow-up asks what they mean rather than for an example. */
const FEW_WORDS = 6;

/**
 * Open follow-up questions (docs/script.md#clarify): what they mean (a few words) or an example
 * (more) first, then which part of the experience it was.
 */
export function askClarify(context: ComplaintContext, at: string): Patch {
  const words = visitorTexts(context).join(' ').split(/\s+/).filter(Boolean).length;
  const key: MessageKey = context.clarifyCount === 0 ? (words < FEW_WORDS ? 'clarify.meaning' : 'clarify.example') : 'clarify.part';
  return { clarifyCount: context.clarifyCount + 1, messages: push(context, [bot(at, key)]) };
}

/** The restatement line's params: the main points, framed as a quote when they are quoted. */
function restatementParams(points: string, triage: TriageResult, locale: Locale): Params {
  return restatementQuotes(triage, locale) ? { summary: { key: 'restate.quote' }, points } : { summary: points, points };
}

export function restateComplaint(context: ComplaintContext, at: string, vocabulary: Vocabulary): Patch {
  if (!context.triage) return {};
  const summary = restate(visitorTexts(context), context.triage, context.locale, vocabulary);
  return {
    restatement: { text: summary, confirmed: false, corrections: context.restatement?.corrections ?? 0 },
    messages: push(context, [bot(at, 'restate.check', restatementParams(summary, context.triage, context.locale))]),
  };
}

export function confirmRestatement(context: ComplaintContext, at: string): Patch {
  if (!context.restatement) return {};
  return {
    restatement: { ...context.restatement, confirmed: true },
    messages: push(context, [{ from: 'visitor', at, key: 'ui.restate.yes' }]),
  };
}

export function correctRestatement(context: ComplaintContext, at: string): Patch {
  return {
    ...noteCorrection(context),
    messages: push(context, [{ from: 'visitor', at, key: 'ui.restate.no' }, bot(at, 'restate.correct')]),
  };
}

/** A correction typed in the visitor's own words instead of choosing "Not quite". */
export function noteCorrection(context: ComplaintContext): Patch {
  const r = context.restatement;
  return { restatement: r ? { ...r, confirmed: false, corrections: r.corrections + 1 } : null };
}

export function sayStorageFailed(context: ComplaintContext, at: string): Patch {
  return { messages: push(context, [bot(at, 'thank.storageFailed')]) };
}

/** Apology first, then empathy, then the question, in that order (docs/script.md#empathise). */
export function empathise(context: ComplaintContext, at: string): Patch {
  return {
    messages: push(context, [bot(at, 'empathise.apology'), bot(at, 'empathise.empathy'), bot(at, 'outcome.ask')]),
  };
}

const outcomeName = (kind: OutcomeKind): Params[string] => ({ key: `outcome.name.${kind}` as MessageKey });

/**
 * Records what the visitor wants. When the owner cannot offer it, the bot says what it *can*
 * do instead of a bare no (docs/script.md#outcome).
 */
export function chooseOutcome(context: ComplaintContext, event: EventOf<'outcome.choose'>, vocabulary: Vocabulary): Patch {
  const detail = event.detail?.trim() ? event.detail.trim() : null;
  const kind = askedKind(event.kind, detail ?? undefined, vocabulary);
  const said: Omit<ChatMessage, 'seq'> = detail
    ? { from: 'visitor', at: event.at, text: detail }
    : { from: 'visitor', at: event.at, key: `outcome.label.${kind}` as MessageKey };
  if (isOfferedKind(context, kind)) {
    return {
      outcome: { kind, detail, offered: true, alternative: null },
      error: null,
      messages: push(context, [said]),
    };
  }
  // Only something the team can do is an alternative: "to be heard" (always offered) and
  // "something else" are not.
  const alternative = context.options.outcomes.find((k) => k !== kind && k !== 'heard' && k !== 'other') ?? null;
  const reply = alternative
    ? bot(event.at, 'outcome.unavailable', { wanted: outcomeName(kind), alternative: outcomeName(alternative) })
    : bot(event.at, 'outcome.unavailableNone', { wanted: outcomeName(kind) });
  return {
    outcome: { kind, detail, offered: false, alternative },
    error: null,
    messages: push(context, [said, reply]),
  };
}

/** The answer typed rather than tapped: the outcome its words name, else "something else". */
export function chooseOutcomeFromWords(context: ComplaintContext, event: EventOf<'visitor.say'>, vocabulary: Vocabulary): Patch {
  const detail = event.text.trim().slice(0, MAX_OUTCOME_DETAIL_LENGTH);
  return chooseOutcome(context, { type: 'outcome.choose', kind: 'other', detail, at: event.at }, vocabulary);
}

export function acceptAlternative(context: ComplaintContext, at: string): Patch {
  return { messages: push(context, [{ from: 'visitor', at, key: 'ui.outcome.accept' }]) };
}

/**
 * Asks for contact details, once a conversation: a handoff from the form does not ask again.
 * The order field starts with the reference the visitor already wrote, for them to check.
 */
export function askContact(context: ComplaintContext, at: string): Patch {
  if (context.messages.some((m) => m.key === 'contact.ask')) return { contactErrors: {} };
  const { contact } = context;
  const accountRef = contact.accountRef || (context.triage?.entities.orderRefs[0] ?? '');
  return { messages: push(context, [bot(at, 'contact.ask')]), contactErrors: {}, contact: { ...contact, accountRef } };
}

/**
 * What the visitor is typing into the contact form, kept as typed (checked only on submit) so
 * a reload or another tab finds it: nothing typed is lost.
 */
export function editContact(context: ComplaintContext, event: EventOf<'contact.edit'>): Patch {
  return { contact: asTyped(context, event.contact) };
}

function asTyped(context: ComplaintContext, typed: ContactInput): ComplaintContext['contact'] {
  const contact = { ...context.contact };
  for (const field of CONTACT_FIELDS) {
    const v = typed[field];
    if (typeof v === 'string') contact[field] = v.slice(0, MAX_TYPED_CONTACT_LENGTH);
  }
  if (typeof typed.followUpConsent === 'boolean') contact.followUpConsent = typed.followUpConsent;
  return contact;
}

/**
 * Details the machine refused: they stay as typed, for the visitor to fix, with an error for
 * each field at fault.
 */
export function refuseContact(context: ComplaintContext, event: EventOf<'contact.submit'>): Patch {
  const { errors } = validateContact(event.contact, context.identity, context.options.requiredContact);
  return { contact: asTyped(context, event.contact), contactErrors: errors };
}

/** Details the machine took: kept tidied (spaces collapsed), what the host page knew filling gaps. */
export function saveContact(context: ComplaintContext, event: EventOf<'contact.submit'>): Patch {
  const { errors, value } = validateContact(event.contact, context.identity, context.options.requiredContact);
  return {
    contactErrors: errors,
    contact: { ...value, followUpConsent: event.contact.followUpConsent ?? context.contact.followUpConsent },
  };
}

/** The outcome the commitment is about: the alternative the visitor accepted, or what they asked. */
export function committedKind(context: ComplaintContext): OutcomeKind {
  const o = context.outcome;
  if (!o) return 'heard';
  return o.offered ? o.kind : (o.alternative ?? 'other');
}

function dueFrom(context: ComplaintContext, at: string) {
  const urgency = context.triage?.urgency ?? 'normal';
  const slaHours = context.options.slaHours[urgency];
  const due = computeDueDate(new Date(at), slaHours, context.options.businessHours);
  return {
    slaHours,
    dueBy: due.toISOString(),
    followUpAt: new Date(due.getTime() + context.options.followUpDelayHours * HOUR).toISOString(),
  };
}

/** A next step and a date from the owner's SLA and business hours (docs/script.md#commit). */
export function commit(context: ComplaintContext, at: string): Patch {
  const kind = committedKind(context);
  const { slaHours, dueBy, followUpAt } = dueFrom(context, at);
  const owner = context.options.actions[kind];
  const action: Params[string] = owner ? owner : { key: `commit.action.${kind}` as MessageKey };
  return {
    commitment: { kind, dueBy, slaHours },
    followUpAt,
    messages: push(context, [bot(at, 'commit.summary', { action, due: { date: dueBy, from: at } }), bot(at, 'commit.confirm')]),
  };
}

const HANDOFF_LINE: Record<HandoffReason, MessageKey> = {
  visitor: 'handoff.visitor',
  critical: 'handoff.critical',
  legal: 'handoff.critical',
  safety: 'handoff.critical',
  premium: 'handoff.premium',
};

/** Hands over to a person, says why, and promises they will not have to repeat themselves. */
export function startHandoff(context: ComplaintContext, reason: HandoffReason, at: string): Patch {
  const { slaHours, dueBy, followUpAt } = dueFrom(context, at);
  return {
    handoff: { requested: reason === 'visitor', reason, at },
    commitment: { kind: 'heard', dueBy, slaHours },
    followUpAt,
    messages: push(context, [bot(at, HANDOFF_LINE[reason])]),
  };
}

export const escalationReason = (context: ComplaintContext): HandoffReason =>
  (context.triage?.escalation ?? 'critical') satisfies EscalationReason;

export function markSubmitted(_context: ComplaintContext, at: string): Patch {
  return { submittedAt: at, error: null };
}

export function thank(context: ComplaintContext, delivery: ComplaintContext['delivery']): Patch {
  const at = context.submittedAt ?? context.createdAt;
  const due = context.commitment ? { date: context.commitment.dueBy, from: at } : null;
  const lines: Omit<ChatMessage, 'seq'>[] = [];
  if (context.handoff) {
    lines.push(bot(at, 'handoff.thank', { reference: context.reference, due: due ?? '' }));
  } else {
    lines.push(bot(at, 'thank.sent'));
    lines.push(due ? bot(at, 'thank.reference', { reference: context.reference, due }) : bot(at, 'thank.referenceNoDue', { reference: context.reference }));
  }
  if (delivery === 'queued') lines.push(bot(at, 'thank.queued'));
  if (delivery === 'rejected') lines.push(bot(at, 'thank.rejected'));
  lines.push(bot(at, 'csat.ask'));
  return { delivery, messages: push(context, lines) };
}

/**
 * The receiver's answer: the reference and date its queue shows (it triages what was written
 * again) stand over the widget's own estimate. The lines that told the reference (the thanks
 * line) are said again with them, and a date that moved later is told, not slipped in.
 */
export function takeReceipt(context: ComplaintContext, event: EventOf<'complaint.receipt'>): Patch {
  const was = context.commitment;
  // An answer without a date leaves the widget's own.
  const dueBy = event.dueBy ?? was?.dueBy;
  const messages = context.messages.map((m) =>
    m.params?.reference === context.reference
      ? { ...m, params: { ...m.params, reference: event.reference, ...(dueBy && m.params.due && { due: { date: dueBy, from: m.at } }) } }
      : m,
  );
  const later = was && dueBy && Date.parse(dueBy) > Date.parse(was.dueBy);
  return {
    reference: event.reference,
    commitment: was && dueBy ? { ...was, dueBy } : was,
    messages: later ? push({ messages }, [bot(event.at, 'thank.later', { due: { date: dueBy, from: event.at } })]) : messages,
  };
}

export function rate(context: ComplaintContext, event: EventOf<'csat.rate'>): Patch {
  return { csat: event.score, messages: push(context, [bot(event.at, 'csat.thanks')]) };
}

/** A fresh conversation for the same visitor: who they are and their language carry over. */
export function newComplaint(context: ComplaintContext, event: EventOf<'complaint.new'>): Patch {
  const fresh = initialContext({
    id: event.id,
    reference: event.reference,
    statusKey: event.statusKey,
    at: event.at,
    locale: context.locale,
    options: context.options,
    page: context.page,
    identity: { ...context.identity, ...nonEmptyContact(context.contact) },
    previousComplaints: context.previousComplaints + 1,
  });
  // What was read about earlier complaints still holds for the new conversation.
  return { ...fresh, pastStatuses: context.pastStatuses ?? [] };
}

function nonEmptyContact(c: ComplaintContext['contact']): Identity {
  const out: Identity = {};
  for (const field of CONTACT_FIELDS) if (c[field]) out[field] = c[field];
  return out;
}

/** The visitor's new complaint continues `event.reference`, whose reply window has closed. */
export function notePreviousReference(_context: ComplaintContext, event: EventOf<'complaint.continues'>): Patch {
  return { previousReference: event.reference };
}
