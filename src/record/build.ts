import type { MessageKey, Params } from '../i18n/translate';
import type { ChatMessage, ComplaintContext } from '../machine/context';
import { committedKind } from '../machine/actions';
import { SCHEMA_VERSION, type ComplaintRecord, type RatingRecord } from './record';
import { transcriptText } from './transcript';

/** Renders one catalog line in the conversation's language. */
export type Translator = (key: MessageKey, params?: Params) => string;

const orNull = (v: string): string | null => (v.trim() ? v.trim() : null);

/** The text of one conversation line, as the visitor saw it. */
export function messageText(message: ChatMessage, t: Translator): string {
  if (message.text !== undefined) return message.text;
  return message.key ? t(message.key, message.params) : '';
}

/**
 * The record delivered to the site owner, from the machine's context. Bot lines are rendered
 * through `t` in the conversation's language, so the agent reads what the visitor read.
 */
export function buildRecord(context: ComplaintContext, t: Translator): ComplaintRecord {
  const triage = context.triage;
  const kind = committedKind(context);
  const record: Omit<ComplaintRecord, 'transcriptText'> = {
    schemaVersion: SCHEMA_VERSION,
    type: 'complaint',
    id: context.id,
    reference: context.reference,
    createdAt: context.createdAt,
    submittedAt: context.submittedAt ?? context.createdAt,
    locale: context.locale,
    page: context.page,
    visitor: {
      name: orNull(context.contact.name),
      email: orNull(context.contact.email),
      phone: orNull(context.contact.phone),
      accountRef: orNull(context.contact.accountRef),
      followUpConsent: context.contact.followUpConsent,
      traits: context.identity.traits ?? {},
      previousComplaints: context.previousComplaints,
    },
    messages: context.messages.map((m) => ({ from: m.from, text: messageText(m, t), at: m.at })),
    restatement: context.restatement,
    triage: triage
      ? {
          category: triage.category,
          urgency: triage.urgency,
          mood: triage.mood,
          customerType: triage.customerType,
          language: triage.language,
          signals: triage.signals,
          entities: triage.entities,
        }
      : {
          // A handoff before the visitor said anything: nothing to triage yet.
          category: 'other',
          urgency: 'normal',
          mood: 'calm',
          customerType: 'regular',
          language: context.locale,
          signals: [],
          entities: { orderRefs: [], emails: [], phones: [], amounts: [], dates: [] },
        },
    desiredOutcome: context.outcome,
    commitment: context.commitment
      ? {
          action: context.options.actions[kind] ?? t(`commit.action.${context.commitment.kind}` as MessageKey),
          dueBy: context.commitment.dueBy,
          slaHours: context.commitment.slaHours,
        }
      : null,
    followUpAt: context.followUpAt,
    handoff: context.handoff,
    csat: context.csat,
  };
  return { ...record, transcriptText: transcriptText(record) };
}

/** A rating given after the complaint went out, delivered on its own. */
export function buildRating(complaintId: string, csat: number, at: string): RatingRecord {
  return { schemaVersion: SCHEMA_VERSION, type: 'rating', id: `${complaintId}:csat`, complaintId, csat: csat as RatingRecord['csat'], at };
}
