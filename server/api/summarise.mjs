// @ts-check

/**
 * What the inbox list shows for one complaint: enough to sort and pick, not the transcript.
 * @param {import('../store/store.mjs').Complaint} complaint
 */
export function summarise(complaint) {
  const { record } = complaint;
  const firstWords = record.messages.find((message) => message.from === 'visitor')?.text ?? '';
  return {
    id: complaint.id,
    reference: complaint.reference,
    status: complaint.status,
    claimedBy: complaint.claimedBy,
    escalated: complaint.escalated,
    handoffReason: record.handoff ? record.handoff.reason : null,
    overdue: complaint.overdue,
    followUpDue: complaint.followUpDue,
    urgency: record.triage.urgency,
    category: record.triage.category,
    language: record.triage.language,
    mood: record.triage.mood,
    customerType: record.triage.customerType,
    name: record.visitor.name,
    submittedAt: record.submittedAt,
    dueBy: record.commitment?.dueBy ?? null,
    excerpt: firstWords.length > 160 ? `${firstWords.slice(0, 159)}…` : firstWords,
  };
}
