// @ts-check
/**
 * A commitment kept or honestly moved: when a complaint passes its `dueBy` unresolved, the team
 * is alerted (`complaint.overdue` to every destination that takes it: the team address by email,
 * webhooks, chat). The check is a durable job due at `dueBy`, written with the complaint, so no
 * promise to a visitor lives in an in-memory timer.
 */

export const OVERDUE_JOB = 'commitment.overdue';

/**
 * The job that checks a commitment when it falls due; null when nothing was promised by a date.
 * A route that moves the date writes a new one for the new date: the old one then finds the
 * date later than its own and does nothing.
 * @param {string} complaintId
 * @param {string | null} dueBy
 * @returns {import('../../store/store.mjs').JobSpec | null}
 */
export function overdueJob(complaintId, dueBy) {
  if (!dueBy || Number.isNaN(Date.parse(dueBy))) return null;
  return { kind: OVERDUE_JOB, payload: { dueBy }, dueAt: dueBy, complaintId };
}

/**
 * @param {{
 *   store: Pick<import('../../store/store.mjs').Store, 'getRecord' | 'enqueueJobs'>,
 *   forwarding: { jobsFor: ReturnType<typeof import('../forwarding/service.mjs').createForwarding>['jobsFor'] },
 *   clock: { now(): number },
 * }} deps
 * @returns {import('../worker.mjs').JobHandler}
 */
export function overdueHandler({ store, forwarding, clock }) {
  return async (job) => {
    const complaint = job.complaintId ? await store.getRecord(job.complaintId) : null;
    // Resolved in time, purged, or the date was moved later: nothing to alert.
    if (!complaint || complaint.status === 'resolved') return { ok: true };
    const promised = /** @type {string} */ (job.payload.dueBy);
    const current = complaint.summary.dueBy;
    if (current && Date.parse(current) > Date.parse(promised)) return { ok: true };
    // The event's id comes from the job, so a retry after a crash re-sends the same message id.
    const jobs = await forwarding.jobsFor('complaint.overdue', complaint.id, {
      at: new Date(clock.now()).toISOString(),
      details: { dueBy: promised, ...(complaint.claimedBy ? { agent: { name: complaint.claimedBy } } : {}) },
      id: `msg_overdue_${job.id}`,
    });
    if (jobs.length > 0) await store.enqueueJobs(jobs);
    return { ok: true };
  };
}
