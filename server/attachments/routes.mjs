// @ts-check
import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { requireAdmin } from '../agents/routes.mjs';
import { allowedOrigin } from '../receiver/routes.mjs';
import { statusKeyMatches } from '../receiver/status-key.mjs';
import { checkFileLink } from './signed-links.mjs';
import { HEAD_BYTES, sniff } from './sniff.mjs';
import { describeAttachment, SHA256 } from './thread-files.mjs';
import { createUploadBudget } from './upload-budget.mjs';
export { DEFAULT_UPLOAD_MB_PER_MINUTE } from './upload-budget.mjs';

/** The most one file may weigh. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** The most files one complaint may have (5 per message, for the complaint and a few follow-ups). */
export const MAX_FILES_PER_COMPLAINT = 25;
/** The most bytes one complaint's files may weigh together. */
export const MAX_BYTES_PER_COMPLAINT = 100 * 1024 * 1024;
/** How long a client waits before sending a file again when the storage failed. */
const STORAGE_RETRY_SECONDS = 30;

/**
 * @typedef {{
 *   store: import('../store/store.mjs').Store,
 *   storage: import('./storage.mjs').AttachmentStorage,
 *   origins: Set<string>,
 *   perMinute: number,
 *   uploadBytesPerMinute: number,
 *   clock: { now(): number },
 * }} AttachmentRouteOptions
 *   `perMinute`: uploads per client per minute; `uploadBytesPerMinute`: their bytes (0: either unlimited).
 */

export { describeAttachment, MAX_FILES_PER_REPLY } from './thread-files.mjs';

/**
 * `PUT /complaints/:id/attachments/:sha256`: the visitor sends one file of their complaint,
 * authorised by its status key as a bearer, kept as `fileReceiver` keeps it.
 * @param {import('fastify').FastifyInstance} receiver
 * @param {AttachmentRouteOptions} options
 */
export async function attachmentRoutes(receiver, { store, storage, origins, perMinute, uploadBytesPerMinute, clock }) {
  const budget = uploadBytesPerMinute > 0 ? createUploadBudget({ bytesPerMinute: uploadBytesPerMinute, clock }) : null;
  const receive = fileReceiver({ store, storage, budget, clock });
  rawBodies(receiver);

  // The visitor opens a file of their complaint (theirs, or one an agent sent) with its status
  // key as a bearer: the widget fetches it and shows what it read, never a page of it.
  receiver.get(
    '/complaints/:id/attachments/:sha256',
    {
      config: { ...(perMinute > 0 ? { rateLimit: { max: perMinute, timeWindow: 60_000 } } : {}) },
      onRequest: allowedOrigin(origins),
      schema: { params: { type: 'object', properties: { id: { type: 'string', maxLength: 64 }, sha256: { type: 'string', maxLength: 64 } } } },
    },
    async (request, reply) => {
      const { id, sha256 } = /** @type {{ id: string, sha256: string }} */ (request.params);
      const status = await store.getStatus(id);
      const file = statusKeyMatches(request.headers.authorization, status?.statusKeyHash) && status && SHA256.test(sha256) ? await store.attachmentOf(id, sha256) : null;
      const body = file ? await openKept(storage, sha256, request.log) : null;
      if (body === UNAVAILABLE) return reply.code(503).header('Retry-After', String(STORAGE_RETRY_SECONDS)).send({ error: 'storage-unavailable', message: 'The file cannot be read just now; try again shortly.' });
      // A wrong key, an unknown complaint and a file it does not have are answered alike.
      if (!file || !body) return reply.code(404).header('Cache-Control', 'no-store').send({ error: 'not-found', message: 'No such file for this complaint and key.' });
      return sendFile(reply, sha256, file, body);
    },
  );

  receiver.put(
    '/complaints/:id/attachments/:sha256',
    {
      // The body is the file's byte stream, not text: nothing in it is a NUL to replace.
      config: { cleansText: true, ...(perMinute > 0 ? { rateLimit: { max: perMinute, timeWindow: 60_000 } } : {}) },
      onRequest: allowedOrigin(origins),
      schema: { params: { type: 'object', properties: { id: { type: 'string', maxLength: 64 }, sha256: { type: 'string', maxLength: 64 } } } },
    },
    async (request, reply) => {
      const { id: complaintId, sha256 } = /** @type {{ id: string, sha256: string }} */ (request.params);
      const status = await store.getStatus(complaintId);
      if (!statusKeyMatches(request.headers.authorization, status?.statusKeyHash) || !status) {
        reply.header('Cache-Control', 'no-store');
        if (!/** @type {import('node:stream').Readable} */ (request.body).readableEnded) reply.header('Connection', 'close');
        return reply.code(404).send({ error: 'not-found', message: 'No complaint with this id and key.' });
      }
      return receive(request, reply, complaintId, sha256);
    },
  );
}

/**
 * Whatever the declared type, the body reaches the scope's handlers as the raw stream.
 * @param {import('fastify').FastifyInstance} scope
 */
export function rawBodies(scope) {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
}

/**
 * Keeps one file of a complaint whose sender the route has already let in (the visitor by the
 * status key, an agent by their session). The body streams through a hash into a temporary
 * object (never held in memory whole); it is kept under its content address only when its
 * SHA-256 is the name, its bytes are an allowed type and an image's header is sound. The same
 * file again is a replay (200). 201 `{ sha256, type, size, width?, height? }` when first kept.
 * @param {{
 *   store: import('../store/store.mjs').Store,
 *   storage: import('./storage.mjs').AttachmentStorage,
 *   budget: ReturnType<typeof createUploadBudget> | null,
 *   clock: { now(): number },
 * }} options `budget`: the bytes each client may send a minute (null: unlimited)
 * @returns {(request: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply, complaintId: string, sha256: string) => Promise<unknown>}
 */
export function fileReceiver({ store, storage, budget, clock }) {
  return async (request, reply, complaintId, sha256) => {
    reply.header('Cache-Control', 'no-store');
    const body = /** @type {import('node:stream').Readable} */ (request.body);
    /** @param {number} code @param {string} error @param {string} message */
    const refuse = (code, error, message) => {
      // What is not read is not kept; the connection closes rather than drain a refused body.
      if (!body.readableEnded) reply.header('Connection', 'close');
      return reply.code(code).send({ error, message });
    };
    if (!SHA256.test(sha256)) return refuse(400, 'invalid-name', 'Name the file by its SHA-256 in lowercase hex.');
    const length = Number(request.headers['content-length']);
    if (request.headers['content-length'] === undefined || !Number.isSafeInteger(length)) {
      return refuse(411, 'length-required', 'Send the file with its Content-Length.');
    }
    if (length > MAX_FILE_BYTES) return refuse(413, 'too-large', `A file may be at most ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
    if (length === 0) return refuse(400, 'empty', 'The file is empty.');
    const allowance = budget?.take(request.ip, length) ?? { ok: true };
    if (!allowance.ok) {
      request.log.info({ complaintId, retryAfterSeconds: allowance.retryAfterSeconds }, 'attachment refused: the client sent too many bytes this minute');
      reply.header('Retry-After', String(allowance.retryAfterSeconds));
      return refuse(429, 'rate-limited', `Too many files this minute; send this one again in ${allowance.retryAfterSeconds} seconds.`);
    }
    const known = await store.attachmentOf(complaintId, sha256);
    const full = known ? null : await noRoomFor(store, complaintId, length);
    if (full) return refuse(413, full.error, full.message);

    const hash = createHash('sha256');
    /** @type {Buffer[]} */
    const head = [];
    let headLength = 0;
    const through = new Transform({
      transform(chunk, _encoding, callback) {
        hash.update(chunk);
        if (headLength < HEAD_BYTES) {
          const part = chunk.subarray(0, HEAD_BYTES - headLength);
          head.push(Buffer.from(part));
          headLength += part.length;
        }
        callback(null, chunk);
      },
    });
    // A client that goes away before the end leaves a body cut short: it is not a file. Any
    // other failure of the write is the storage's (a full disk, S3 not answering).
    let cutShort = false;
    body.on('error', (error) => {
      cutShort = true;
      through.destroy(error);
    });
    body.on('aborted', () => {
      cutShort = true;
      through.destroy(new Error('The upload ended early.'));
    });
    body.pipe(through);
    /** @param {unknown} error */
    const unavailable = (error) => {
      request.log.error({ err: error, complaintId, storage: storage.kind }, 'attachment storage failed; the client is asked to send the file again');
      reply.header('Retry-After', String(STORAGE_RETRY_SECONDS));
      return refuse(503, 'storage-unavailable', 'The file could not be kept just now; send it again shortly.');
    };
    let temporary;
    try {
      temporary = await storage.write(through, length);
    } catch (error) {
      if (!cutShort) return unavailable(error);
      request.log.info({ complaintId }, 'attachment upload ended early; nothing kept');
      return refuse(400, 'incomplete', 'The file arrived incomplete; send it again.');
    }
    const discard = () => storage.discard(/** @type {string} */ (temporary)).catch((error) => request.log.error({ err: error }, 'temporary attachment not removed'));
    if (hash.digest('hex') !== sha256) {
      await discard();
      return refuse(400, 'hash-mismatch', "The file's SHA-256 is not the one in its name.");
    }
    const kind = await sniff(Buffer.concat(head));
    if (!kind.ok) {
      await discard();
      return refuse(415, kind.error === 'type' ? 'unsupported-type' : 'broken-image', kind.message);
    }
    const attachment = { sha256, type: kind.type, size: length, width: kind.width ?? null, height: kind.height ?? null, createdAt: new Date(clock.now()).toISOString() };
    let outcome;
    try {
      await storage.commit(temporary, sha256);
      // A file committed whose row is not written is no one's: the retention sweep removes it.
      outcome = await store.addAttachment(complaintId, attachment);
    } catch (error) {
      await discard();
      return unavailable(error);
    }
    if (outcome === 'replay') {
      const kept = /** @type {import('../store/attachments/attachments.mjs').Attachment} */ (known ?? (await store.attachmentOf(complaintId, sha256)));
      return reply.header('Idempotent-Replayed', 'true').code(200).send(describeAttachment(kept));
    }
    request.log.info({ complaintId, type: kind.type, size: length }, 'attachment received');
    store.events.publish('updated', { id: complaintId }).catch((error) => request.log.error({ err: error }, 'live update not sent'));
    return reply.code(201).send(describeAttachment(attachment));
  };
}

/**
 * Why a complaint has no room for one more file of `length` bytes (its count or its total would
 * pass the limit), or null when it has.
 * @param {import('../store/store.mjs').Store} store
 * @param {string} complaintId
 * @param {number} length
 * @returns {Promise<{ error: 'too-many-files' | 'too-much', message: string } | null>}
 */
export async function noRoomFor(store, complaintId, length) {
  const totals = await store.attachmentTotals(complaintId);
  if (totals.count >= MAX_FILES_PER_COMPLAINT) return { error: 'too-many-files', message: `A complaint may have at most ${MAX_FILES_PER_COMPLAINT} files.` };
  if (totals.bytes + length > MAX_BYTES_PER_COMPLAINT) return { error: 'too-much', message: `A complaint's files may weigh at most ${MAX_BYTES_PER_COMPLAINT / 1024 / 1024} MB together.` };
  return null;
}

/**
 * A complaint's files as the inbox shows them: those its record names, in its order (each with
 * `arrived: false` until its bytes came), then any other file it has.
 * @param {import('../store/store.mjs').Store} store
 * @param {string} complaintId
 * @param {unknown} record
 */
export async function attachmentsForAgents(store, complaintId, record) {
  const kept = await store.attachmentsOf(complaintId);
  const named = /** @type {{ attachments?: { id: string, sha256: string, type: string, size: number }[] }} */ (record ?? {}).attachments ?? [];
  const byHash = new Map(kept.map((attachment) => [attachment.sha256, attachment]));
  const listed = named.map((entry) => {
    const file = byHash.get(entry.sha256);
    return file ? { id: entry.id, ...describeAttachment(file), arrived: true } : { id: entry.id, sha256: entry.sha256, type: entry.type, size: entry.size, arrived: false };
  });
  const namedHashes = new Set(named.map((entry) => entry.sha256));
  return [...listed, ...kept.filter((file) => !namedHashes.has(file.sha256)).map((file) => ({ ...describeAttachment(file), arrived: true }))];
}

/**
 * `PUT /api/complaints/:id/attachments/:sha256` (inside the agents' API, so signed in): a file
 * an agent will send with a reply (a return label, an invoice), kept like the visitor's, with
 * the same limits per file and per complaint. `allowed` answers for a refusal (no such
 * complaint, someone else's) and says whether the agent may go on.
 * @param {import('fastify').FastifyInstance} api
 * @param {{
 *   store: import('../store/store.mjs').Store,
 *   storage: import('./storage.mjs').AttachmentStorage,
 *   clock: { now(): number },
 *   allowed: (request: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => Promise<boolean>,
 * }} options
 */
export async function agentUploadRoute(api, { store, storage, clock, allowed }) {
  const receive = fileReceiver({ store, storage, budget: null, clock });
  await api.register(async (scope) => {
    rawBodies(scope);
    scope.put('/complaints/:id/attachments/:sha256', { config: { cleansText: true } }, async (request, reply) => {
      const { id, sha256 } = /** @type {{ id: string, sha256: string }} */ (request.params);
      if (!(await allowed(request, reply))) {
        if (!/** @type {import('node:stream').Readable} */ (request.body).readableEnded) reply.header('Connection', 'close');
        return reply;
      }
      return receive(request, reply, id, sha256);
    });
  });
}

/**
 * `GET /api/complaints/:id/attachments/:sha256` (inside the agents' API, so signed in): the
 * file with its sniffed type, never sniffed again by the browser and sandboxed; a PDF downloads.
 * @param {import('fastify').FastifyInstance} api
 * @param {{ store: import('../store/store.mjs').Store, storage: import('./storage.mjs').AttachmentStorage }} options
 */
export function serveAttachments(api, { store, storage }) {
  api.get('/complaints/:id/attachments/:sha256', async (request, reply) => {
    const { id, sha256 } = /** @type {{ id: string, sha256: string }} */ (request.params);
    const file = SHA256.test(sha256) ? await store.attachmentOf(id, sha256) : null;
    const body = file ? await openKept(storage, sha256, request.log) : null;
    if (body === UNAVAILABLE) return reply.code(503).header('Retry-After', String(STORAGE_RETRY_SECONDS)).send({ error: 'storage-unavailable', message: 'The file cannot be read just now; try again shortly.' });
    if (!file || !body) return reply.code(404).send({ error: 'not-found', message: 'No such file in this complaint.' });
    return sendFile(reply, sha256, file, body);
  });
}

const UNAVAILABLE = Symbol('storage unavailable');

/**
 * A kept file's bytes, null when the storage has no such file, or UNAVAILABLE (logged) when it
 * does not answer.
 * @param {import('./storage.mjs').AttachmentStorage} storage
 * @param {string} sha256
 * @param {import('fastify').FastifyBaseLogger} log
 */
async function openKept(storage, sha256, log) {
  try {
    return await storage.open(sha256);
  } catch (error) {
    log.error({ err: error, storage: storage.kind }, 'attachment storage failed; the file could not be read');
    return UNAVAILABLE;
  }
}

/**
 * A kept file as every route serves it: with its sniffed type, never sniffed again by the
 * browser, sandboxed, kept by no cache; anything but an image downloads.
 * @param {import('fastify').FastifyReply} reply
 * @param {string} sha256
 * @param {import('../store/attachments/attachments.mjs').Attachment} file
 * @param {import('node:stream').Readable} body
 */
export function sendFile(reply, sha256, file, body) {
  const name = `${sha256.slice(0, 12)}.${file.type.split('/')[1]}`;
  return reply
    .header('Cache-Control', 'private, no-store')
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Security-Policy', 'sandbox')
    .header('Content-Disposition', `${file.type.startsWith('image/') ? 'inline' : 'attachment'}; filename="${name}"`)
    .header('Content-Length', String(file.size))
    .type(file.type)
    .send(body);
}

/**
 * `GET /files/:id/:sha256?expires=…&signature=…`: a file forwarded to the team, opened from its
 * signed link (webhook, email, chat) without signing in, served like the agents' route. A link
 * altered, or for a file not (or no longer) here, is a 404, an expired one a 410, each saying so.
 * @param {import('fastify').FastifyInstance} app
 * @param {{ store: import('../store/store.mjs').Store, storage: import('./storage.mjs').AttachmentStorage, secret: () => string, clock: { now(): number } }} options
 */
export async function signedFileRoute(app, { store, storage, secret, clock }) {
  app.get('/files/:id/:sha256', {
    schema: {
      params: { type: 'object', properties: { id: { type: 'string', maxLength: 64 }, sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } } },
      querystring: { type: 'object', properties: { expires: { type: 'string', maxLength: 12 }, signature: { type: 'string', maxLength: 64 } } },
    },
  }, async (request, reply) => {
    reply.header('Cache-Control', 'no-store').header('Referrer-Policy', 'no-referrer');
    const { id, sha256 } = /** @type {{ id: string, sha256: string }} */ (request.params);
    const { expires, signature } = /** @type {{ expires?: string, signature?: string }} */ (request.query);
    const check = checkFileLink({ secret: secret(), complaintId: id, sha256, expires, signature, now: clock.now() });
    if (check === 'invalid') return reply.code(404).send({ error: 'not-found', message: 'This link is not one the server made.' });
    if (check === 'expired') return reply.code(410).send({ error: 'expired', message: 'This link has expired; open the complaint in the inbox to see the file.' });
    const file = await store.attachmentOf(id, sha256);
    const body = file ? await openKept(storage, sha256, request.log) : null;
    if (body === UNAVAILABLE) return reply.code(503).header('Retry-After', String(STORAGE_RETRY_SECONDS)).send({ error: 'storage-unavailable', message: 'The file cannot be read just now; try again shortly.' });
    if (!file || !body) return reply.code(404).send({ error: 'not-here', message: 'This file has not arrived yet, or is no longer kept.' });
    return sendFile(reply, sha256, file, body);
  });
}

/**
 * `GET /api/storage` (an admin): how many files are kept and their bytes, as the storage itself
 * counts them (so a file no complaint names any more counts until the sweep removes it).
 * 503 while the storage does not answer.
 * @param {import('fastify').FastifyInstance} api
 * @param {{ storage: import('./storage.mjs').AttachmentStorage }} options
 */
export function storageUsageRoute(api, { storage }) {
  api.get('/storage', { preHandler: requireAdmin }, async (request, reply) => {
    try {
      const files = await storage.list();
      return { kind: storage.kind, files: files.length, bytes: files.reduce((sum, file) => sum + file.size, 0) };
    } catch (error) {
      request.log.error({ err: error, storage: storage.kind }, 'attachment storage failed; its usage could not be read');
      return reply.code(503).header('Retry-After', String(STORAGE_RETRY_SECONDS)).send({ error: 'storage-unavailable', message: 'The storage did not answer; try again shortly.' });
    }
  });
}
