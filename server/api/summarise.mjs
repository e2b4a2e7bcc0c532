// @ts-check

/**
 * What the inbox list shows for one complaint: enough to sort and pick, not the transcript.
 * Built from the stored summary columns; no record body is read to list the queue.
 * @param {import('../store/store.mjs').ComplaintListItem} complaint
 */
export function summarise(complaint) {
  const { summary } = complaint;
  return {
    id: complaint.id,
    reference: complaint.reference,
    status: complaint.status,
    claimedBy: complaint.claimedBy,
    escalated: complaint.escalated,
    handoffReason: summary.handoffReason,
    overdue: complaint.overdue,
    followUpDue: complaint.followUpDue,
    // The visitor wrote after the last reply: it waits for the team.
    waitingForUs: complaint.waitingForUs,
    waitingSince: complaint.waitingSince,
    urgency: summary.urgency,
    category: summary.category,
    language: summary.language,
    mood: summary.mood,
    customerType: summary.customerType,
    widgetUrgency: summary.widgetUrgency,
    widgetCategory: summary.widgetCategory,
    verified: summary.verified,
    name: summary.name,
    submittedAt: summary.submittedAt,
    dueBy: summary.dueBy,
    excerpt: summary.excerpt,
  };
}
