import type { ComplaintRecord } from './record';

const line = (label: string, value: string | null | undefined): string | null =>
  value ? `${label}: ${value}` : null;

const when = (iso: string): string => iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');

/**
 * The plain-text transcript an agent can read anywhere (an email, a ticket, a printout):
 * the facts first, then the whole conversation in order.
 */
export function transcriptText(record: Omit<ComplaintRecord, 'transcriptText'>): string {
  const v = record.visitor;
  const t = record.triage;
  const o = record.desiredOutcome;
  const wants = o
    ? `${o.kind}${o.detail ? ` (“${o.detail}”)` : ''}${o.offered ? '' : `; not offered here${o.alternative ? `, ${o.alternative} offered instead` : ''}`}`
    : null;
  const head = [
    `Complaint ${record.reference}`,
    line('Received', when(record.submittedAt)),
    line('Language', record.locale + (t.language !== record.locale ? ` (written in ${t.language})` : '')),
    `Triage: ${t.category} · urgency ${t.urgency} · mood ${t.mood} · ${t.customerType} customer`,
    record.handoff ? `Handoff: ${record.handoff.requested ? 'asked for a person' : `escalated (${record.handoff.reason})`}` : null,
    line('Name', v.name),
    line('Email', v.email),
    line('Phone', v.phone),
    line('Order/account', v.accountRef),
    `Follow-up consent: ${v.followUpConsent ? 'yes' : 'no'}`,
    record.restatement
      ? `Restatement (${record.restatement.confirmed ? 'confirmed by the visitor' : 'not confirmed'}): ${record.restatement.text}`
      : null,
    line('Wants', wants),
    record.commitment ? `Next step: ${record.commitment.action} Due by ${when(record.commitment.dueBy)}.` : null,
    line('Follow up', record.followUpAt ? when(record.followUpAt) : null),
    line('Page', record.page.url),
  ].filter((l): l is string => l !== null);
  const body = record.messages.map((m) => `[${when(m.at)}] ${m.from === 'visitor' ? 'Visitor' : 'Bot'}: ${m.text}`);
  return `${head.join('\n')}\n\nConversation\n${body.join('\n')}\n`;
}
