// @ts-check

/** How much of the visitor's first message the queue shows. */
const EXCERPT_LENGTH = 160;

/**
 * What the queue needs to know about a complaint, worked out once when it arrives and stored in
 * columns. For now the server's triage is the widget's, as sent; `verified` is false until
 * the receiver checks identities.
 * @param {import('../store/store.mjs').ComplaintRecord} record
 * @returns {import('../store/store.mjs').ComplaintSummary}
 */
export function summariseRecord(record) {
  const { triage } = record;
  const firstWords = record.messages.find((message) => message.from === 'visitor')?.text ?? '';
  return {
    urgency: triage.urgency,
    category: triage.category,
    language: triage.language,
    mood: triage.mood,
    customerType: triage.customerType,
    widgetUrgency: triage.urgency,
    widgetCategory: triage.category,
    escalated: record.handoff !== null || triage.urgency === 'critical',
    handoffReason: record.handoff ? record.handoff.reason : null,
    verified: false,
    name: record.visitor.name,
    excerpt: firstWords.length > EXCERPT_LENGTH ? `${firstWords.slice(0, EXCERPT_LENGTH - 1)}…` : firstWords,
    submittedAt: record.submittedAt,
    dueBy: record.commitment?.dueBy ?? null,
    followUpAt: record.followUpAt,
    followUpConsent: record.visitor.followUpConsent,
  };
}
