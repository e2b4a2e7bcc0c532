// @ts-check

/** How much of the visitor's first message the queue shows. */
const EXCERPT_LENGTH = 160;

/**
 * What the queue needs to know about a complaint, worked out once when it arrives and stored in
 * columns. Priority is the receiver's own triage (`triage`, from `retriage.mjs`); the widget's
 * urgency and category are kept as sent beside it.
 *
 * - urgency, mood, customer type and language are the receiver's;
 * - the category is the receiver's unless it found none: categories a site owner configured in
 *   the widget, and a part the visitor tapped, are known only to the widget, and a category
 *   changes where a complaint is filed, not how soon it is answered;
 * - a complaint is escalated when the receiver's triage escalates it (critical, legal, safety,
 *   or a verified premium customer with a pressing problem) or when the visitor asked for a
 *   person: that is the visitor's own request, which the widget may always pass on.
 *
 * - the date promised is the receiver's (`due`, from `createReceiverCommitment`), the one its
 *   201 answer gives the widget to show.
 *
 * Without `checked` (records put straight into a store, as tests and tools do) the widget's
 * triage and date stand in for the receiver's, and nobody is verified.
 * @param {import('../store/store.mjs').ComplaintRecord} record
 * @param {{ triage: Pick<import('heard').TriageResult, 'urgency' | 'category' | 'language' | 'mood' | 'customerType' | 'escalation'>, verified: boolean, due?: { dueBy: string | null, followUpAt: string | null } }} [checked]
 * @returns {import('../store/store.mjs').ComplaintSummary}
 */
export function summariseRecord(record, checked) {
  const widget = record.triage;
  const { triage, verified, due } = checked ?? {
    triage: { ...widget, escalation: record.handoff && !record.handoff.requested ? record.handoff.reason : null },
    verified: false,
  };
  const firstWords = record.messages.find((message) => message.from === 'visitor')?.text ?? '';
  const askedForPerson = record.handoff?.requested === true;
  const handoffReason = askedForPerson ? 'visitor' : triage.escalation;
  return {
    urgency: triage.urgency,
    category: triage.category === 'other' ? widget.category : triage.category,
    language: triage.language,
    mood: triage.mood,
    customerType: triage.customerType,
    widgetUrgency: widget.urgency,
    widgetCategory: widget.category,
    escalated: handoffReason !== null || triage.urgency === 'critical',
    handoffReason,
    verified,
    name: record.visitor.name,
    excerpt: firstWords.length > EXCERPT_LENGTH ? `${firstWords.slice(0, EXCERPT_LENGTH - 1)}…` : firstWords,
    submittedAt: record.submittedAt,
    dueBy: due ? due.dueBy : (record.commitment?.dueBy ?? null),
    followUpAt: due ? due.followUpAt : record.followUpAt,
    followUpConsent: record.visitor.followUpConsent,
  };
}
