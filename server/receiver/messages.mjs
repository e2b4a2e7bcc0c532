// @ts-check
import { keepEmailedFiles } from '../attachments/emailed-files.mjs';
import { threadFilesRefused } from '../attachments/thread-files.mjs';
import { allowedOrigin } from './routes.mjs';
import { statusKeyMatches } from './status-key.mjs';
import { visitorStatus } from './visitor-status.mjs';

/** A message id follows a record id's rules. */
const MESSAGE_ID = /^[A-Za-z0-9-]{8,64}$/;
/** An ISO 8601 time with a zone, as the widget writes `new Date().toISOString()`. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
export const MAX_MESSAGE_LENGTH = 5000;

/**
 * @typedef {{
 *   store: import('../store/store.mjs').Store,
 *   origins: Set<string>,
 *   perMinute: number,
 *   replyWindowMs: number,
 *   clock: { now(): number },
 *   jobsForMessage: ReturnType<typeof import('../jobs/plugin.mjs').createJobs>['jobsForMessage'],
 *   wakeWorker: () => void,
 * }} MessageRouteOptions
 *   `jobsForMessage`: the jobs a new message writes (its event to destinations, the claimant's email).
 */

/**
 * What is wrong with a message's body, in a sentence; null when nothing is.
 * @param {unknown} body
 * @returns {{ ok: true, message: { id: string, text: string, at: string, attachments: string[] } } | { ok: false, error: string }}
 *   `attachments`: the SHA-256s of the files it sends (none: an empty list), checked against the
 *   complaint's files apart.
 */
export function checkMessage(body) {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, error: 'The body must be a JSON object { id, text, at, attachments? }.' };
  const { id, text, at, attachments = [] } = /** @type {Record<string, unknown>} */ (body);
  if (typeof id !== 'string' || !MESSAGE_ID.test(id)) return { ok: false, error: 'id must be 8 to 64 letters, digits or hyphens.' };
  if (typeof text !== 'string') return { ok: false, error: 'text must be a string: what the visitor wrote.' };
  const trimmed = text.trim();
  if (trimmed.length === 0) return { ok: false, error: 'text must not be empty.' };
  if (trimmed.length > MAX_MESSAGE_LENGTH) return { ok: false, error: `text must be at most ${MAX_MESSAGE_LENGTH} characters.` };
  if (typeof at !== 'string' || !ISO_TIME.test(at) || !Number.isFinite(Date.parse(at))) {
    return { ok: false, error: 'at must be an ISO 8601 time, such as 2026-03-01T12:00:00.000Z.' };
  }
  if (!Array.isArray(attachments) || !attachments.every((hash) => typeof hash === 'string')) {
    return { ok: false, error: 'attachments must be a list of the SHA-256s of files uploaded to this complaint.' };
  }
  return { ok: true, message: { id, text: trimmed, at: new Date(at).toISOString(), attachments } };
}

/**
 * `POST /complaints/:id/messages`: the visitor writes back to their complaint from the widget,
 * authorised by its status key as a bearer. It may send up to five files already uploaded to the
 * complaint (`attachments`, their SHA-256s), checked as a reply's are. Stored once per id (the
 * `Idempotency-Key`): the same message again is answered as the first time; the same id with
 * other text or other files is a 409. A resolved
 * complaint is reopened by it within the reply window; past the window the answer is 410 with
 * the reference, for a new complaint to carry. The text is never logged.
 * @param {import('fastify').FastifyInstance} receiver
 * @param {MessageRouteOptions} options
 */
export async function messageRoutes(receiver, { store, origins, perMinute, replyWindowMs, clock, jobsForMessage, wakeWorker }) {
  const keep = keepVisitorMessage({ store, replyWindowMs, clock, jobsForMessage, wakeWorker });
  receiver.post(
    '/complaints/:id/messages',
    {
      config: { ...(perMinute > 0 ? { rateLimit: { max: perMinute, timeWindow: 60_000 } } : {}) },
      onRequest: allowedOrigin(origins),
      schema: { params: { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } } },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      const { id: complaintId } = /** @type {{ id: string }} */ (request.params);
      const status = await store.getStatus(complaintId);
      // A wrong key and an unknown id answer alike, as the status does.
      if (!statusKeyMatches(request.headers.authorization, status?.statusKeyHash) || !status) {
        return reply.code(404).send({ error: 'not-found', message: 'No complaint with this id and key.' });
      }
      const checked = checkMessage(request.body);
      if (!checked.ok) return reply.code(400).send({ error: 'invalid-message', message: checked.error });
      const { message } = checked;
      const key = request.headers['idempotency-key'];
      if (key !== undefined && key !== message.id) {
        return reply.code(400).send({ error: 'idempotency-key-mismatch', message: 'Idempotency-Key must equal the message id.' });
      }
      const refused = message.attachments.length > 0 ? await threadFilesRefused(store, complaintId, message.attachments, 'message') : null;
      if (refused) return reply.code(400).send({ error: 'bad-attachments', message: refused });
      const result = await keep(complaintId, message, request.log);
      switch (result.outcome) {
        case 'not-found':
          return reply.code(404).send({ error: 'not-found', message: 'No complaint with this id and key.' });
        case 'conflict':
          return reply.code(409).send({ error: 'conflict', message: `A different message with id ${message.id} was already received (other text or other files).` });
        case 'window-closed':
          return reply.code(410).send({
            error: 'window-closed',
            reference: result.reference,
            message: 'This complaint was resolved too long ago to be answered; send a new complaint instead.',
          });
        case 'replay':
          return reply.header('Idempotent-Replayed', 'true').code(200).send({ ...result.receipt, status: visitorStatus(result.receipt.status) });
      }
      return reply.code(201).send({ ...result.receipt, status: visitorStatus(result.receipt.status) });
    },
  );
}

/**
 * Keeps a visitor's message in its complaint's thread, however it came (the widget or an email
 * answer): stored once per id with the jobs it starts (its event to destinations, the claimant's
 * email), then the open inboxes are told and the worker woken. The text is never logged.
 * @param {Pick<MessageRouteOptions, 'store' | 'replyWindowMs' | 'clock' | 'jobsForMessage' | 'wakeWorker'>} options
 */
export function keepVisitorMessage({ store, replyWindowMs, clock, jobsForMessage, wakeWorker }) {
  /**
   * @param {string} complaintId
   * @param {{ id: string, text: string, at: string, attachments?: string[], email?: import('../store/messages/thread-messages.mjs').EmailOrigin }} message
   *   `attachments`: the SHA-256s of the files it sends, each already a file of the complaint.
   *   `email`: for an answer that came by email, its origin and whole text (kept for the agent only).
   * @param {{ info(object: object, message: string): void, error(object: object, message: string): void }} log
   */
  return async (complaintId, message, log) => {
    const receivedAt = new Date(clock.now()).toISOString();
    const { email, ...plain } = message;
    const jobs = await jobsForMessage(complaintId, { ...plain, receivedAt });
    const result = await store.addThreadMessage({ complaintId, ...message, receivedAt, windowMs: replyWindowMs, jobs });
    if (result.outcome === 'created') {
      log.info({ complaintId, messageId: message.id, reopened: result.reopened }, 'visitor message received');
      // Said as the visitor's, so the agent holding it can be notified in a background tab.
      store.events.publish('updated', { id: complaintId, visitorMessage: true }).catch((error) => log.error({ err: error }, 'live update not sent'));
      if (jobs.length > 0) wakeWorker();
    }
    return result;
  };
}

/**
 * An email answer's way into the thread: what the inbound mail takes to thread a message. Where
 * the server keeps files, the photos and PDFs the email had attached are kept for the complaint
 * as uploads are, and the message names them; those refused are dropped, and an internal note
 * in the thread tells the agent which and why.
 * @param {Pick<MessageRouteOptions, 'store' | 'replyWindowMs' | 'clock' | 'jobsForMessage' | 'wakeWorker'> & { storage?: import('../attachments/storage.mjs').AttachmentStorage | null }} options
 * @param {{ info(object: object, message: string): void, error(object: object, message: string): void }} log
 * @returns {import('../inbound/receive.mjs').ThreadMessage}
 */
export function threadEmailAnswer(options, log) {
  const keep = keepVisitorMessage(options);
  const { store, storage = null, clock } = options;
  return async ({ id, complaintId, text, at, fullMessage, senderDiffers, files = [] }) => {
    const email = { senderDiffers, subject: fullMessage.subject, text: fullMessage.text };
    const { kept, refused } = storage && files.length > 0
      ? await keepEmailedFiles({ store, storage, clock, log }, complaintId, files)
      : { kept: [], refused: files.map(({ name }) => ({ name, reason: 'This server keeps no files.' })) };
    const result = await keep(complaintId, { id, text, at: new Date(at).toISOString(), attachments: kept, email }, log);
    if (result.outcome === 'not-found') return { threaded: false, reason: 'deleted' };
    if (result.outcome === 'window-closed') return { threaded: false, reason: 'window-closed' };
    if (refused.length > 0 && result.outcome === 'created') {
      const lines = refused.map(({ name, reason }) => `- ${name}: ${reason}`);
      const note = { complaintId, id: `${id}-files`, at: result.receipt.receivedAt, agent: { id: null, name: 'Heard' } };
      const noted = await store.addInternalNote({ ...note, text: [`The visitor's email answer came with ${refused.length === 1 ? 'a file' : `${refused.length} files`} that could not be kept:`, ...lines].join('\n') });
      if (noted.outcome === 'created') store.events.publish('updated', { id: complaintId }).catch((error) => log.error({ err: error }, 'live update not sent'));
    }
    return { threaded: true };
  };
}
