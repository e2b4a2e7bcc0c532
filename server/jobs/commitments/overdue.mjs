// @ts-check
/**
 * A commitment kept or honestly moved: when a complaint passes its `dueBy` unresolved, the team
 * is alerted (`complaint.overdue` to every destination that takes it: the team address by email,
 * webhooks, chat), and so is the agent who claimed it, by email to their account's address when
 * a mail server is configured. The check is a durable job due at `dueBy`, written with the
 * complaint, so no promise to a visitor lives in an in-memory timer; the claimant's email is a
 * job of its own, retried like any delivery.
 */
import { composeEmail, sendEmail } from '../forwarding/email.mjs';
import { inboxLink } from '../forwarding/events.mjs';

export const OVERDUE_JOB = 'commitment.overdue';
/** The claimant's own overdue email. */
export const OVERDUE_CLAIMANT_JOB = 'commitment.overdue.claimant';
/** The claimant's own email when the visitor writes again (its handler is this one's). */
export const MESSAGE_CLAIMANT_JOB = 'message.claimant';

/** The claimant's first line, by event. */
const CLAIMANT_LEADS = /** @type {Record<string, string>} */ ({
  'complaint.overdue': 'You claimed this complaint, and the date promised to the visitor has passed.',
  'message.created': 'You have this complaint, and the visitor has written again: they are waiting for an answer.',
});

/**
 * The job that checks a commitment when it falls due; null when nothing was promised by a date.
 * `POST /api/complaints/:id/due` writes a new one for the new date with the move: the old one
 * then finds another date promised and does nothing.
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
 *   mailClaimant?: boolean,
 * }} deps
 *   `mailClaimant`: a mail server is configured, so the claimant is emailed too.
 * @returns {import('../worker.mjs').JobHandler}
 */
export function overdueHandler({ store, forwarding, clock, mailClaimant = false }) {
  return async (job) => {
    const complaint = job.complaintId ? await store.getRecord(job.complaintId) : null;
    // Resolved in time, purged, or the date was moved (the move wrote the check for the new
    // date): nothing to alert.
    if (!complaint || complaint.status === 'resolved') return { ok: true };
    const promised = /** @type {string} */ (job.payload.dueBy);
    const current = complaint.summary.dueBy;
    if (current && Date.parse(current) !== Date.parse(promised)) return { ok: true };
    const at = new Date(clock.now()).toISOString();
    const claimant = complaint.status === 'claimed' && complaint.claimedBy ? { id: complaint.claimedById, name: complaint.claimedBy } : null;
    const details = { dueBy: promised, ...(claimant ? { agent: claimant } : {}) };
    // The event's id comes from the job, so a retry after a crash re-sends the same message id.
    const id = `msg_overdue_${job.id}`;
    const jobs = await forwarding.jobsFor('complaint.overdue', complaint.id, { at, details, id });
    if (mailClaimant && claimant?.id) {
      /** @type {import('../forwarding/events.mjs').ForwardEvent} */
      const event = { id, type: 'complaint.overdue', timestamp: at, complaintId: complaint.id, details };
      jobs.push({ kind: OVERDUE_CLAIMANT_JOB, payload: { event, agentId: claimant.id }, dueAt: at, complaintId: complaint.id });
    }
    if (jobs.length > 0) await store.enqueueJobs(jobs);
    return { ok: true };
  };
}

/**
 * Emails the agent who claimed an overdue complaint (or one the visitor wrote to again), at their
 * account's address: the team's alert, with a first line saying it is theirs. Nothing is sent when the complaint was resolved
 * or handed to someone else meanwhile, or the account was removed.
 * @param {{
 *   store: Pick<import('../../store/store.mjs').Store, 'getRecord' | 'getAgent'>,
 *   mailer: import('../forwarding/email.mjs').Mailer,
 *   from: string,
 *   publicUrl: () => string,
 *   fileLinks?: ((complaintId: string, record: unknown) => Promise<import('../forwarding/events.mjs').LinkedFile[]>) | null,
 * }} deps
 *   `fileLinks`: the complaint's files with their signed links, listed in the email (and the
 *   files a visitor's message sent, apart with it).
 * @returns {import('../worker.mjs').JobHandler}
 */
export function overdueClaimantHandler({ store, mailer, from, publicUrl, fileLinks = null }) {
  return async (job) => {
    const event = /** @type {import('../forwarding/events.mjs').ForwardEvent} */ (job.payload.event);
    const agentId = /** @type {string} */ (job.payload.agentId);
    const complaint = await store.getRecord(event.complaintId);
    if (!complaint || complaint.status !== 'claimed' || complaint.claimedById !== agentId) return { ok: true };
    const agent = await store.getAgent(agentId);
    if (!agent) return { ok: true };
    const summary = { reference: complaint.reference, urgency: complaint.summary.urgency, category: complaint.summary.category, verified: complaint.summary.verified };
    const message = composeEmail(
      { event, record: complaint.record, summary, inboxUrl: inboxLink(publicUrl(), complaint.id), ...(fileLinks ? { attachments: await fileLinks(complaint.id, complaint.record) } : {}) },
      { to: agent.email, from, lead: CLAIMANT_LEADS[event.type] ?? CLAIMANT_LEADS['complaint.overdue'] },
    );
    const sent = await sendEmail(mailer, message);
    return sent.ok ? sent : { ok: false, error: sent.error };
  };
}
