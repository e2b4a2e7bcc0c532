// @ts-check
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
