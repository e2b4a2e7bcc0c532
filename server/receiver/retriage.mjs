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

const SOURCE = fileURLToPath(new URL('../../src/triage/public.ts', import.meta.url));
const DUE_DATE = fileURLToPath(new URL('../../src/machine/dueDate.ts', import.meta.url));
const OPTIONS = fileURLToPath(new URL('../../src/machine/options.ts', import.meta.url));

/** @typedef {import('../../src/triage/types').TriageResult} TriageResult */

/** @type {Promise<typeof import('../../src/triage/public').triage> | undefined} */
let loading;

/** Loads triage with every language's vocabulary; later calls share the first load. */
function loadTriage() {
  loading ??= createJiti(import.meta.url)
    .import(SOURCE)
    .then((module) => /** @type {typeof import('../../src/triage/public')} */ (module).triage);
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

/**
 * Resolves with the receiver's commitment: `(record, urgency) => { dueBy, followUpAt }`, the date
 * the queue shows and the receiver answers, for the receiver's own urgency. Where it reads the
 * complaint as the widget did, the widget's date stands: it was worked out with the site's own
 * hours, which only the widget is given. Where it reads it otherwise (a language the widget had
 * not loaded, a record forged to wait longer), the date is worked out again from when it was
 * sent, with the package's default hours for that urgency; the follow-up keeps its distance.
 */
export async function createReceiverCommitment() {
  const jiti = createJiti(import.meta.url);
  const [{ computeDueDate }, { DEFAULT_SCRIPT_OPTIONS }] = await Promise.all([
    /** @type {Promise<typeof import('../../src/machine/dueDate')>} */ (jiti.import(DUE_DATE)),
    /** @type {Promise<typeof import('../../src/machine/options')>} */ (jiti.import(OPTIONS)),
  ]);
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
