// @ts-check
/**
 * Forwarding as the server wires it: the jobs a change writes, the worker's handler, the test
 * send an admin triggers, and the destinations configured from the environment.
 */
import { randomUUID } from 'node:crypto';
import { deliver } from './deliver.mjs';
import { createEvent, eventJobs, FORWARD_JOB, inboxLink } from './events.mjs';
import { forwardingHandler } from './handler.mjs';
import { overdueJob } from '../commitments/overdue.mjs';

/**
 * The store's destination methods (both backends provide them).
 * @typedef {import('./destinations.mjs').StoredDestination} StoredDestination
 * @typedef {{
 *   listDestinations(): Promise<StoredDestination[]>,
 *   getDestination(id: string): Promise<StoredDestination | null>,
 *   addDestination(destination: StoredDestination): Promise<void>,
 *   replaceEnvironmentDestinations(destinations: StoredDestination[]): Promise<void>,
 *   setDestinationPaused(id: string, paused: boolean, options: { reason: string | null, at: string }): Promise<boolean>,
 *   removeDestination(id: string): Promise<boolean>,
 *   listDestinationJobs(id: string, options: { limit: number }): Promise<import('../../store/store.mjs').Job[]>,
 * }} DestinationStore
 */

/**
 * @param {{
 *   store: import('../../store/store.mjs').Store & DestinationStore,
 *   post: import('./http.mjs').PostJson,
 *   mailer: import('./email.mjs').Mailer | null,
 *   mailFrom: string,
 *   publicUrl: () => string,
 *   now?: () => Date,
 *   clock?: { now(): number },
 *   onDelivery?: (destination: { kind: string, id: string }, ok: boolean) => void,
 *   fileLinks?: ((complaintId: string, record: unknown) => Promise<import('./events.mjs').LinkedFile[]>) | null,
 *   openFile?: import('./deliver.mjs').DeliverOptions['openFile'],
 *   emailAttachmentsMaxBytes?: number,
 * }} options
 *   `clock`: the worker's time, by which a rating stops waiting for its complaint. `fileLinks`:
 *   a complaint's files with their signed links, listed in what is forwarded.
 */
export function createForwarding({ store, post, mailer, mailFrom, publicUrl, now = () => new Date(), clock, onDelivery, fileLinks = null, openFile, emailAttachmentsMaxBytes }) {
  /**
   * @param {string} id
   * @returns {Promise<{ record: import('../../store/store.mjs').ComplaintRecord, summary: import('./events.mjs').ComplaintSummary, attachments?: import('./events.mjs').LinkedFile[] } | null>}
   */
  async function loadComplaint(id) {
    const complaint = await store.getRecord(id);
    if (!complaint) return null;
    return { record: complaint.record, summary: summaryOf(complaint), ...(fileLinks ? { attachments: await fileLinks(id, complaint.record) } : {}) };
  }

  const handler = forwardingHandler({
    getDestination: (id) => store.getDestination(id),
    pauseDestination: async (id, reason) => {
      await store.setDestinationPaused(id, true, { reason, at: now().toISOString() });
    },
    loadComplaint,
    publicUrl,
    post,
    mailer,
    mailFrom,
    now,
    ...(clock ? { clock } : {}),
    ...(onDelivery ? { onDelivery } : {}),
    ...(openFile ? { openFile } : {}),
    ...(emailAttachmentsMaxBytes !== undefined ? { emailAttachmentsMaxBytes } : {}),
  });

  return {
    kind: FORWARD_JOB,
    handler,

    /**
     * The forwarding jobs for one change, to be written in the same transaction as the change.
     * Paused destinations get theirs too: they wait, held, until the admin resumes it.
     * @param {import('./events.mjs').EventType} type
     * @param {string} complaintId
     * @param {{ at: string, details?: import('./events.mjs').EventDetails, id?: string }} options
     *   `id`: the event's message id, when it must be the same on a retry of its cause
     */
    async jobsFor(type, complaintId, options) {
      const destinations = await store.listDestinations();
      if (destinations.length === 0) return [];
      return eventJobs(createEvent(type, complaintId, options), destinations);
    },

    /**
     * The jobs a stored record causes: a complaint is `complaint.created`, and also
     * `complaint.escalated` when it was escalated (the visitor asked for a person, or the server's
     * triage escalated it), and a check at its `dueBy`;
     * a rating is `rating.created`.
     * @param {import('../../store/store.mjs').Deliverable} record
     * @param {import('../../store/store.mjs').ComplaintSummary | undefined} summary
     * @param {string} at
     */
    async jobsForRecord(record, summary, at) {
      const destinations = await store.listDestinations();
      if (record.type === 'rating') {
        return destinations.length === 0 ? [] : eventJobs(createEvent('rating.created', record.complaintId, { at, details: { csat: record.csat } }), destinations);
      }
      const jobs = destinations.length === 0 ? [] : eventJobs(createEvent('complaint.created', record.id, { at }), destinations);
      if (summary?.escalated && destinations.length > 0) {
        const reason = summary.handoffReason ?? (summary.urgency === 'critical' ? 'critical' : 'escalated');
        jobs.push(...eventJobs(createEvent('complaint.escalated', record.id, { at, details: { reason } }), destinations));
      }
      // The commitment's check, when someone is to be told it was missed: a destination that
      // takes overdue alerts, or (with a mail server) whoever will have claimed it by then.
      const someoneToTell = mailer !== null || destinations.some((destination) => destination.events.includes('complaint.overdue'));
      const check = someoneToTell ? overdueJob(record.id, summary?.dueBy ?? null) : null;
      if (check) jobs.push(check);
      return jobs;
    },

    /**
     * Sends a sample event to one destination now, outside the queue, and says what happened.
     * @param {StoredDestination} destination
     */
    async sendTest(destination) {
      const at = now().toISOString();
      const record = sampleRecord(at);
      const event = createEvent('complaint.created', record.id, { at });
      return deliver({ ...destination, paused: false }, {
        event,
        record,
        summary: { reference: record.reference, urgency: record.triage.urgency, category: record.triage.category, verified: false },
        inboxUrl: inboxLink(publicUrl(), record.id),
      }, { post, mailer, mailFrom, now });
    },

    /**
     * Makes the stored environment destinations match the environment of this start.
     * @param {import('./config.mjs').EnvironmentDestination[]} destinations
     */
    async syncEnvironment(destinations) {
      const existing = new Map((await store.listDestinations()).map((destination) => [destination.id, destination]));
      const at = now().toISOString();
      await store.replaceEnvironmentDestinations(destinations.map((destination) => {
        const before = existing.get(destination.id);
        return {
          ...destination,
          // A pause survives a restart; the settings come from the environment.
          paused: before?.paused ?? false,
          pausedReason: before?.pausedReason ?? null,
          createdAt: before?.createdAt ?? at,
          source: /** @type {const} */ ('environment'),
        };
      }));
    },
  };
}

/**
 * The four facts every destination shows about a complaint, from the server's own summary.
 * @param {import('../../store/store.mjs').Complaint} complaint
 * @returns {import('./events.mjs').ComplaintSummary}
 */
export function summaryOf(complaint) {
  return { reference: complaint.reference, urgency: complaint.summary.urgency, category: complaint.summary.category, verified: complaint.summary.verified };
}

/**
 * A made-up complaint for the admin's test send, plainly marked as a test.
 * @param {string} at
 * @returns {import('../../store/store.mjs').ComplaintRecord}
 */
function sampleRecord(at) {
  const id = randomUUID();
  const text = 'This is a test from Heard: your destination is set up.';
  return {
    schemaVersion: 1,
    type: 'complaint',
    id,
    reference: 'HRD-TEST00',
    createdAt: at,
    submittedAt: at,
    locale: 'en',
    page: { url: 'https://shop.example/', referrer: null, title: 'Test' },
    visitor: { name: 'Test visitor', email: null, phone: null, accountRef: null, followUpConsent: false, traits: {}, previousComplaints: 0 },
    messages: [{ from: 'visitor', text, at }],
    restatement: null,
    triage: { category: 'other', urgency: 'low', mood: 'calm', customerType: 'regular', language: 'en', signals: [], entities: { orderRefs: [], emails: [], phones: [], amounts: [], dates: [] } },
    desiredOutcome: null,
    commitment: null,
    followUpAt: null,
    handoff: null,
    csat: null,
    transcriptText: `Visitor: ${text}\n`,
  };
}
