// @ts-check
/**
 * The worker's handler for forwarding jobs: finds the destination and the complaint, and makes
 * one delivery attempt. A paused destination's jobs are set aside, not spent: they go out, in
 * order, when an admin resumes it.
 */
import { deliver } from './deliver.mjs';
import { inboxLink } from './events.mjs';
import { RATING_WAIT_MS } from '../../store/shared.mjs';

/** Where the jobs of a paused destination wait until it is resumed. */
export const HELD_UNTIL = '9999-12-31T00:00:00.000Z';

/**
 * @typedef {{
 *   getDestination(id: string): Promise<import('./events.mjs').Destination | null>,
 *   pauseDestination(id: string, reason: string): Promise<void>,
 *   loadComplaint(id: string): Promise<{ record: import('../../store/store.mjs').ComplaintRecord, summary: import('./events.mjs').ComplaintSummary, attachments?: import('./events.mjs').LinkedFile[] } | null>,
 *   publicUrl(): string,
 *   clock?: { now(): number },
 *   onDelivery?: (destination: { kind: string, id: string }, ok: boolean) => void,
 * } & import('./deliver.mjs').DeliverOptions} ForwardingDeps
 *   `clock`: the worker's time, by which a rating stops waiting for its complaint
 */

/**
 * @param {ForwardingDeps} deps
 * @returns {import('../worker.mjs').JobHandler}
 */
export function forwardingHandler(deps) {
  return async (job) => {
    const destination = job.destinationId ? await deps.getDestination(job.destinationId) : null;
    if (!destination) return { ok: false, error: 'Destination removed', retryAfter: null, giveUp: true };
    if (destination.paused) return { ok: false, error: 'Destination paused', holdUntil: HELD_UNTIL };
    const event = /** @type {import('./events.mjs').ForwardEvent} */ (job.payload.event);
    const complaint = await deps.loadComplaint(event.complaintId);
    if (!complaint) {
      if (event.type !== 'rating.created') return { ok: false, error: 'Complaint no longer stored', giveUp: true };
      // A rating can arrive before its complaint (a device retrying out of order): it waits a
      // day for it, as the receiver counts it; after that there is nothing to forward, and
      // nothing for an admin to retry.
      const waited = (deps.clock ?? { now: () => Date.now() }).now() - Date.parse(event.timestamp);
      return waited >= RATING_WAIT_MS ? { ok: true } : { ok: false, error: 'Complaint not received yet' };
    }
    const outcome = await deliver(destination, { event, ...complaint, inboxUrl: inboxLink(deps.publicUrl(), event.complaintId) }, deps);
    deps.onDelivery?.({ kind: destination.kind, id: destination.id }, outcome.ok);
    if (outcome.ok) return outcome;
    if (outcome.pause) {
      await deps.pauseDestination(destination.id, `Paused: the destination answered ${outcome.error.replace(/ from destination$/, '')} (gone)`);
      return { ok: false, error: outcome.error, holdUntil: HELD_UNTIL };
    }
    return { ok: false, error: outcome.error, retryAfter: outcome.retryAfter };
  };
}
