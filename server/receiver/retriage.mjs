// @ts-check
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';

/**
 * The package's own `triage()`, run by the receiver on what the visitor wrote. The widget's
 * triage arrives in the record, and anything a browser sends can be forged: the queue is
 * ordered by this one instead.
 *
 * The server runs on plain Node without a build step, so the TypeScript source is loaded
 * through jiti (compiled once and cached in `node_modules/.cache/jiti`). This module is the one
 * place that knows how `triage()` is called.
 */

const SOURCE = fileURLToPath(new URL('../../widget/src/triage/public.ts', import.meta.url));

/** @typedef {import('../../widget/src/triage/types').TriageResult} TriageResult */

/** @type {Promise<typeof import('../../widget/src/triage/public').triage> | undefined} */
let loading;

/** Loads triage with every language's vocabulary; later calls share the first load. */
function loadTriage() {
  loading ??= createJiti(import.meta.url)
    .import(SOURCE)
    .then((module) => /** @type {typeof import('../../widget/src/triage/public')} */ (module).triage);
  return loading;
}

/**
 * Resolves with the receiver's triage: `(record, { verified }) => TriageResult`. Traits the
 * host page passed count only when the visitor's identity is verified, so a visitor who calls
 * `Heard.identify({ traits: { plan: 'premium' } })` from the console gains nothing.
 */
export async function createReceiverTriage() {
  const triage = await loadTriage();
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
