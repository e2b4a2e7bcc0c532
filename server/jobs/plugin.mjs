// @ts-check
/**
 * Durable jobs on one server instance: forwarding's service (the jobs each change writes), the
 * worker that runs due jobs, and the admins' destination routes. The worker starts when the
 * server is ready and stops, finishing the job in hand, when it closes.
 */
import { ATTACHMENT_LINK_DAYS, signedFileLink } from '../attachments/signed-links.mjs';
import { createForwarding } from './forwarding/service.mjs';
import { destinationRoutes } from './forwarding/routes.mjs';
import { createPoster } from './forwarding/http.mjs';
import { defaultRetrySchedule } from './forwarding/retry.mjs';
import { createWorker } from './worker.mjs';
import { randomBytes } from 'node:crypto';
import { createEvent, eventJobs } from './forwarding/events.mjs';
import { FOLLOW_UP_JOB, followUpHandler, followUpJob } from './commitments/follow-up.mjs';
import { MESSAGE_CLAIMANT_JOB, OVERDUE_CLAIMANT_JOB, OVERDUE_JOB, overdueClaimantHandler, overdueHandler } from './commitments/overdue.mjs';
import { followUpRoutes } from './commitments/routes.mjs';
import { replyAddress, splitInboundAddress } from '../inbound/reply-address.mjs';
import { DUE_MOVED_MAIL_JOB, dueMovedMailJob, REPLY_MAIL_JOB, replyMailJob, visitorMailHandler } from './commitments/visitor-mail.mjs';

/**
 * @typedef {{
 *   retrySchedule?: number[],
 *   allowPrivate?: boolean,
 *   mailFrom?: string,
 *   publicUrl?: string | null,
 *   destinations?: import('./forwarding/config.mjs').EnvironmentDestination[],
 *   teamEmail?: string | null,
 *   worker?: boolean,
 *   pollMs?: number,
 *   linkSecret?: string | null,
 *   inboundAddress?: string | null,
 *   replySecret?: string | null,
 *   attachmentLinkDays?: number,
 *   files?: { listed(complaintId: string, record: unknown): Promise<{ sha256: string, type: string, size: number, width?: number, height?: number, arrived: boolean }[]>, open(sha256: string): Promise<import('node:stream').Readable | null> } | null,
 *   emailAttachmentsMaxMb?: number,
 * }} JobOptions
 *   `worker: false` builds everything but runs no worker (a test drives `runDue` itself).
 *   `linkSecret` (`HEARD_LINK_SECRET`) signs the follow-up email's links instead of the secret
 *   kept in the database; with it, a link is taken only for a follow-up that was sent.
 *   `inboundAddress` (`HEARD_INBOUND_ADDRESS`) gives each complaint's reply and date emails a
 *   Reply-To of its own, signed with `replySecret` (`HEARD_REPLY_SECRET`) or, without it, a
 *   secret made once in the database. `files`, when the server keeps files: forwarded events list
 *   a complaint's files with links signed by the link secret, good for `attachmentLinkDays` (7);
 *   an email to the team carries them up to `emailAttachmentsMaxMb` (10) together.
 * @typedef {import('../store/store.mjs').Store & import('./forwarding/service.mjs').DestinationStore & import('./worker.mjs').JobQueue & {
 *   countJobs(): Promise<{ pending: number, failed: number, done: number }>,
 *   retryJob(id: string, at: string): Promise<boolean>,
 * }} JobStore
 */

/**
 * @param {{
 *   store: JobStore,
 *   options?: JobOptions,
 *   mailer?: import('./forwarding/email.mjs').Mailer | null,
 *   post?: import('./forwarding/http.mjs').PostJson,
 *   clock?: { now(): number },
 *   log: import('fastify').FastifyBaseLogger,
 *   metrics?: import('../metrics.mjs').Metrics | null,
 * }} deps
 */
export function createJobs({ store, options = {}, mailer = null, post, clock = { now: () => Date.now() }, log, metrics = null }) {
  const allowPrivate = options.allowPrivate ?? false;
  /** Set once the server listens, unless the public URL is configured. */
  let origin = options.publicUrl ?? null;
  const linkDays = options.attachmentLinkDays ?? ATTACHMENT_LINK_DAYS;
  const files = options.files ?? null;
  /**
   * The complaint's files, those its record names still travelling included (`arrived: false`):
   * an event sent as the record arrives comes before its files, and its links work once they do.
   * @param {string} complaintId
   * @param {unknown} record
   */
  const fileLinks = async (complaintId, record) => {
    const expiresAt = clock.now() + linkDays * 24 * 60 * 60 * 1000;
    return (await files?.listed(complaintId, record) ?? []).map(({ sha256, type, size, width, height, arrived }) => ({
      sha256, type, size, ...(width && height ? { width, height } : {}), arrived,
      ...signedFileLink({ publicUrl: origin ?? 'http://localhost', secret: secret(), complaintId, sha256, expiresAt }),
    }));
  };
  const forwarding = createForwarding({
    store,
    fileLinks: files ? fileLinks : null,
    ...(files ? { openFile: (/** @type {string} */ sha256) => files.open(sha256) } : {}),
    ...(options.emailAttachmentsMaxMb !== undefined ? { emailAttachmentsMaxBytes: options.emailAttachmentsMaxMb * 1024 * 1024 } : {}),
    post: post ?? createPoster({ allowPrivate }),
    mailer,
    mailFrom: options.mailFrom ?? 'Heard <heard@localhost>',
    publicUrl: () => origin ?? 'http://localhost',
    clock,
    ...(metrics ? { onDelivery: metrics.delivered } : {}),
  });
  /** The key follow-up links are signed with: the configured one, else made once per database and read at start. */
  let linkSecret = '';
  const secret = () => {
    if (!linkSecret) throw new Error('The link secret is read when the server starts.');
    return linkSecret;
  };
  const publicUrl = () => origin ?? 'http://localhost';
  const inbound = options.inboundAddress ? splitInboundAddress(options.inboundAddress) : null;
  /** The key reply addresses are signed with, read at start like the link secret. */
  let replySecret = '';
  const replyKey = () => {
    if (!replySecret) throw new Error('The reply address secret is read when the server starts.');
    return replySecret;
  };
  const visitorMail = visitorMailHandler({
    store,
    mailer,
    from: options.mailFrom ?? 'Heard <heard@localhost>',
    replyTo: options.teamEmail ?? null,
    replyAddress: inbound ? (complaintId) => replyAddress(inbound, replyKey(), complaintId) : null,
    // The files a reply sent are linked, valid as long as forwarded files' links, from the sending.
    fileLink: files
      ? (complaintId, sha256) =>
          signedFileLink({ publicUrl: publicUrl(), secret: secret(), complaintId, sha256, expiresAt: clock.now() + linkDays * 24 * 60 * 60 * 1000 }).url
      : null,
    clock,
  });
  const worker = createWorker({
    store,
    handlers: counted(metrics, {
      [forwarding.kind]: forwarding.handler,
      [OVERDUE_JOB]: overdueHandler({ store, forwarding, clock, mailClaimant: mailer !== null }),
      ...(mailer ? claimantMail(overdueClaimantHandler({ store, mailer, from: options.mailFrom ?? 'Heard <heard@localhost>', publicUrl, fileLinks: files ? fileLinks : null })) : {}),
      [FOLLOW_UP_JOB]: followUpHandler({
        store,
        mailer,
        secret,
        publicUrl,
        from: options.mailFrom ?? 'Heard <heard@localhost>',
        replyTo: options.teamEmail ?? null,
        clock,
      }),
      [REPLY_MAIL_JOB]: visitorMail,
      [DUE_MOVED_MAIL_JOB]: visitorMail,
    }),
    schedule: options.retrySchedule ?? defaultRetrySchedule(),
    clock,
    pollMs: options.pollMs ?? 1000,
    // An open complaint in the inbox shows each reply's email state: tell it when one settles.
    onSettled: (job, outcome) => {
      metrics?.jobSettled(job.kind, outcome);
      if (job.kind !== REPLY_MAIL_JOB || !job.complaintId) return;
      store.events.publish('updated', { id: job.complaintId }).catch((error) => log.error({ err: error }, 'live update not sent'));
    },
    log: {
      info: (object, message) => log.info(object, message),
      warn: (object, message) => log.warn(object, message),
      error: (object, message) => log.error(object, message),
    },
  });

  return {
    forwarding,
    worker,
    allowPrivate,
    mailConfigured: mailer !== null,
    /** The origin links in emails point at: the public URL, else the one the server listens on. */
    publicUrl,
    /** @param {string} listening the origin the server listens on */
    setListeningOrigin(listening) {
      origin ??= listening;
    },
    secret,
    /** The inbound address split, when answers come back by email; `replyKey` signs its tokens. */
    inbound,
    replyKey,
    /** Whether a follow-up link is taken only for a follow-up that was sent (a configured link secret). */
    linksNeedSentFollowUp: Boolean(options.linkSecret),
    /**
     * The jobs a resolution writes: forwarding's `complaint.resolved`, and the follow-up email
     * when the visitor agreed to one and a mail server is configured.
     * @param {string} complaintId
     * @param {{ at: string, agent: { id: string | null, name: string }, note: string }} change
     */
    async jobsForResolution(complaintId, { at, agent, note }) {
      const jobs = await forwarding.jobsFor('complaint.resolved', complaintId, { at, details: { agent: { id: agent.id, name: agent.name }, note } });
      if (mailer) {
        const complaint = await store.getRecord(complaintId);
        const followUp = complaint && complaint.status !== 'resolved' ? followUpJob(complaint.record, at, complaint.summary.followUpAt) : null;
        if (followUp) jobs.push(followUp);
      }
      return jobs;
    },
    /**
     * The email that takes an agent's reply to the visitor, written with the reply: none when
     * no mail server is configured or the visitor gave no email.
     * @param {string} complaintId
     * @param {{ at: string, text: string, attachments?: string[] }} reply `attachments`: the SHA-256s of the files it sends
     * @returns {Promise<import('../store/store.mjs').JobSpec[]>}
     */
    async jobsForReply(complaintId, reply) {
      if (!mailer) return [];
      const complaint = await store.getRecord(complaintId);
      const job = complaint ? replyMailJob(complaint.record, reply) : null;
      return job ? [job] : [];
    },
    /**
     * The jobs a visitor's new message writes: `message.created` to the destinations that take
     * it, and an email to the agent who has the complaint when a mail server is configured. A
     * resolved complaint the message reopens goes back to whoever resolved it.
     * @param {string} complaintId
     * @param {{ id: string, at: string, text: string, receivedAt: string, attachments?: string[] }} message
     *   `attachments`: the SHA-256s of the files sent with it, linked in what is forwarded
     * @returns {Promise<import('../store/store.mjs').JobSpec[]>}
     */
    async jobsForMessage(complaintId, { id, at, text, receivedAt, attachments = [] }) {
      const complaint = await store.getRecord(complaintId);
      if (!complaint) return [];
      const reopened = complaint.status === 'resolved';
      const details = { message: { id, at, text, ...(attachments.length > 0 ? { attachments } : {}) }, ...(reopened ? { reopened } : {}) };
      const event = createEvent('message.created', complaintId, { at: receivedAt, details });
      const destinations = await store.listDestinations();
      const jobs = eventJobs(event, destinations);
      if (mailer && complaint.claimedById) {
        jobs.push({ kind: MESSAGE_CLAIMANT_JOB, payload: { event, agentId: complaint.claimedById }, dueAt: receivedAt, complaintId });
      }
      return jobs;
    },
    /**
     * The email that tells the visitor their complaint's date moved, and why; like a reply's.
     * @param {string} complaintId
     * @param {{ at: string, dueBy: string, reason: string }} move
     * @returns {Promise<import('../store/store.mjs').JobSpec[]>}
     */
    async jobsForDueMove(complaintId, move) {
      if (!mailer) return [];
      const complaint = await store.getRecord(complaintId);
      const job = complaint ? dueMovedMailJob(complaint.record, move) : null;
      return job ? [job] : [];
    },
    async start() {
      linkSecret = options.linkSecret || (await store.serverSecret('link-signing', () => randomBytes(32).toString('base64url')));
      if (inbound) replySecret = options.replySecret || (await store.serverSecret('reply-address', () => randomBytes(32).toString('base64url')));
      await forwarding.syncEnvironment(options.destinations ?? []);
      if (options.worker !== false) worker.start();
    },
    async stop() {
      await worker.stop();
      mailer?.close?.();
    },
  };
}

/**
 * The claimant's own emails, overdue and new message, by one handler.
 * @param {import('./worker.mjs').JobHandler} handler
 */
function claimantMail(handler) {
  return { [OVERDUE_CLAIMANT_JOB]: handler, [MESSAGE_CLAIMANT_JOB]: handler };
}

/**
 * The handlers, each counted as running while it runs when metrics are on.
 * @param {import('../metrics.mjs').Metrics | null} metrics
 * @param {Record<string, import('./worker.mjs').JobHandler>} handlers
 * @returns {Record<string, import('./worker.mjs').JobHandler>}
 */
function counted(metrics, handlers) {
  if (!metrics) return handlers;
  return Object.fromEntries(
    Object.entries(handlers).map(([kind, handler]) => [
      kind,
      /** @type {import('./worker.mjs').JobHandler} */ (
        async (job) => {
          const finished = metrics.jobStarted(kind);
          try {
            return await handler(job);
          } finally {
            finished();
          }
        }
      ),
    ]),
  );
}

/**
 * The visitor's follow-up pages: rating by link and unsubscribe.
 * @param {import('fastify').FastifyInstance} app
 * @param {{ jobs: ReturnType<typeof createJobs>, store: JobStore }} options
 */
export async function visitorRoutes(app, { jobs, store }) {
  await app.register(followUpRoutes, {
    store,
    secret: jobs.secret,
    needsSentFollowUp: jobs.linksNeedSentFollowUp,
    jobsForRating: (rating, at) => jobs.forwarding.jobsForRecord(rating, undefined, at),
    jobsForComment: (complaintId, details, at) => jobs.forwarding.jobsFor('rating.commented', complaintId, { at, details }),
    wakeWorker: () => jobs.worker.wake(),
  });
}

/**
 * The admins' routes, under `/api`.
 * @param {import('fastify').FastifyInstance} api
 * @param {{ jobs: ReturnType<typeof createJobs>, store: JobStore, requireAdmin: import('fastify').onRequestAsyncHookHandler }} options
 */
export async function jobRoutes(api, { jobs, store, requireAdmin }) {
  await api.register(destinationRoutes, {
    store,
    forwarding: jobs.forwarding,
    allowPrivate: jobs.allowPrivate,
    mailConfigured: jobs.mailConfigured,
    requireAdmin,
    wakeWorker: () => jobs.worker.wake(),
  });
}
