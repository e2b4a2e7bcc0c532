// @ts-check
import { computeDueDate, DEFAULT_SCRIPT_OPTIONS } from 'heard/commitment';
import { triage } from 'heard/triage';

/**
 * The widget package's own `triage()`, run by the receiver on what the visitor wrote. The
 * widget's triage arrives in the record, and anything a browser sends can be forged: the queue
 * is ordered by this one instead.
 *
 * `heard/triage` is the package's build of it for Node, every language in one module. This
 * module is the one place that knows how `triage()` is called.
 */

/** @typedef {import('heard').TriageResult} TriageResult */

/**
 * Resolves with the receiver's triage: `(record, { verified }) => TriageResult`. Traits the
 * host page passed count only when the visitor's identity is verified, so a visitor who calls
 * `Heard.identify({ traits: { plan: 'premium' } })` from the console gains nothing.
 */
export async function createReceiverTriage() {
  /**
   * @param {import('../store/store.mjs').ComplaintRecord} record
   * @param {{ verified: boolean }} identity
   * @returns {TriageResult}
   */
  return (record, { verified }) => {
    const said = record.messages.filter((message) => message.from === 'visitor').map((message) => message.text);
    return triage(said.join('\n'), {
      locale: record.locale,
      history: record.visitor.previousComplaints,
      ...(verified ? { traits: record.visitor.traits } : {}),
    });
  };
}

/**
 * Resolves with the receiver's commitment: `(record, urgency) => { dueBy, followUpAt }`, the date
 * the queue shows and the receiver answers, for the receiver's own urgency. Where it reads the
 * complaint as the widget did, the widget's date stands: it was worked out with the site's own
 * hours, which only the widget is given. Where it reads it otherwise (a language the widget had
 * not loaded, a record forged to wait longer), the date is worked out again from when it was
 * sent, with the package's default hours for that urgency; the follow-up keeps its distance.
 */
export async function createReceiverCommitment() {
  /**
   * @param {import('../store/store.mjs').ComplaintRecord} record
   * @param {TriageResult['urgency']} urgency the receiver's
   * @returns {{ dueBy: string | null, followUpAt: string | null }}
   */
  return (record, urgency) => {
    const promised = record.commitment;
    if (!promised || urgency === record.triage.urgency) return { dueBy: promised?.dueBy ?? null, followUpAt: record.followUpAt };
    const { slaHours, businessHours } = DEFAULT_SCRIPT_OPTIONS;
    const due = computeDueDate(new Date(record.submittedAt), slaHours[urgency], businessHours).getTime();
    const after = record.followUpAt === null ? null : Date.parse(record.followUpAt) - Date.parse(promised.dueBy);
    return { dueBy: new Date(due).toISOString(), followUpAt: after === null || Number.isNaN(after) ? null : new Date(due + after).toISOString() };
  };
}
