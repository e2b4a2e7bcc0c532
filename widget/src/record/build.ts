import type { MessageKey, Params } from '../i18n/translate';
import type { ChatMessage, ComplaintContext } from '../machine/context';
import { committedKind } from '../machine/actions';
import { SCHEMA_VERSION, type ComplaintRecord, type RatingRecord } from './record';
import { transcriptText } from './transcript';

/** Renders one catalog line in the conversation's language. */
export type Translator = (key: MessageKey, params?: Params) => string;

/** At most `max` characters: the schema's limit for that field. */
const clip = (v: string, max: number): string => (v.length > max ? v.slice(0, max) : v);
const orNull = (v: string, max: number): string | null => (v.trim() ? clip(v.trim(), max) : null);
const clipAll = (list: readonly string[], max: number): string[] => list.slice(0, 50).map((v) => clip(v, max));

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
    // A page address with a long tracking query, an owner's long category name, contact
    // details typed but never checked (a handoff skips the form's checks): every string is cut
    // to what the schema allows, so the receiver never refuses a complaint for its length.
    page: {
      url: clip(context.page.url, 4000),
      referrer: context.page.referrer === null ? null : clip(context.page.referrer, 4000),
      title: context.page.title === null ? null : clip(context.page.title, 1000),
    },
    visitor: {
      name: orNull(context.contact.name, 500),
      email: orNull(context.contact.email, 320),
      phone: orNull(context.contact.phone, 200),
      accountRef: orNull(context.contact.accountRef, 500),
      followUpConsent: context.contact.followUpConsent,
      // Conversations saved before status keys existed have none; the field is optional.
      ...(context.statusKey ? { statusKey: context.statusKey } : {}),
      traits: context.identity.traits ?? {},
      previousComplaints: context.previousComplaints,
      ...signedIdentity(context),
    },
    messages: context.messages.map((m) => ({ from: m.from, text: clip(messageText(m, t), 20000), at: m.at })),
    restatement: context.restatement && { ...context.restatement, text: clip(context.restatement.text, 20000) },
    triage: triage
      ? {
          category: clip(triage.category, 60),
          urgency: triage.urgency,
          mood: triage.mood,
          customerType: triage.customerType,
          language: triage.language,
          signals: triage.signals.slice(0, 200).map((g) => ({ ...g, value: clip(g.value, 100), cue: clip(g.cue, 500) })),
          entities: {
            orderRefs: clipAll(triage.entities.orderRefs, 100),
            emails: clipAll(triage.entities.emails, 320),
            phones: clipAll(triage.entities.phones, 100),
            amounts: triage.entities.amounts.slice(0, 50).map((a) => ({ ...a, currency: clip(a.currency, 10), text: clip(a.text, 100) })),
            dates: clipAll(triage.entities.dates, 100),
          },
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
          action: clip(context.options.actions[kind] ?? t(`commit.action.${context.commitment.kind}` as MessageKey), 1000),
          dueBy: context.commitment.dueBy,
          slaHours: context.commitment.slaHours,
        }
      : null,
    followUpAt: context.followUpAt,
    handoff: context.handoff,
    csat: context.csat,
    ...(context.previousReference ? { previousReference: context.previousReference } : {}),
  };
  return { ...record, transcriptText: transcriptText(record) };
}

/** The host page's signed identity, present in the record only when it gave one. */
function signedIdentity({ identity }: ComplaintContext): Pick<ComplaintRecord['visitor'], 'userId' | 'userHash'> {
  return {
    ...(identity.userId ? { userId: identity.userId } : {}),
    ...(identity.userHash ? { userHash: identity.userHash } : {}),
  };
}

/** A rating given after the complaint went out, delivered on its own. */
export function buildRating(complaintId: string, csat: number, at: string, statusKey?: string): RatingRecord {
  return { schemaVersion: SCHEMA_VERSION, type: 'rating', id: `${complaintId}:csat`, complaintId, csat: csat as RatingRecord['csat'], at, statusKey };
}
