// @ts-check
import { createHmac } from 'node:crypto';
import { withThreadFiles } from '../attachments/thread-files.mjs';
import { RATING_WAIT_MS } from '../store/shared.mjs';
import { canonicalHash } from './canonical-hash.mjs';
import { createIdentityCheck } from './identity.mjs';
import { createReceiverCommitment, createReceiverTriage } from './retriage.mjs';
import { ratingKeyMatches, statusKeyMatches, takeRatingKey, takeStatusKey } from './status-key.mjs';
import { storableCopy } from './storable-text.mjs';
import { visitorStatus } from './visitor-status.mjs';
import { summariseRecord } from './summary.mjs';
import { withoutIdentityProof } from '../store/shared.mjs';

/**
 * @typedef {{
 *   store: import('../store/store.mjs').Store,
 *   validateRecord: ReturnType<typeof import('./validate-record.mjs').createRecordValidator>,
 *   origins: Set<string>,
 *   perMinute: number,
 *   forwarding: ReturnType<typeof import('../jobs/forwarding/service.mjs').createForwarding>,
 *   wakeWorker: () => void,
 *   identitySecret?: string | null,
 *   statusPerMinute?: number,
 *   waitingRatings?: WaitingRatingLimits,
 *   addressSecret?: () => string,
 *   metrics?: import('../metrics.mjs').Metrics | null,
 *   presence: ReturnType<typeof import('../agents/presence.mjs').createPresence>,
 *   replyWindowMs: number,
 * }} ReceiverOptions
 *   `presence`: whether the team is online, as the status says; `replyWindowMs`: how long a
 *   resolved complaint can still be answered
 *   `addressSecret`: the server's secret the addresses of waiting ratings are hashed under
 */

/**
 * How many ratings may wait for a complaint not received yet (a device retrying out of order),
 * over the last `RATING_WAIT_MS`: from one address, and in total. A rating past them is answered
 * 429, and the widget tries it again later.
 * @typedef {{ perAddress: number, total: number }} WaitingRatingLimits
 */
export const WAITING_RATINGS = /** @type {WaitingRatingLimits} */ ({ perAddress: 5, total: 200 });

/**
 * Checked before the body is read: a page we do not serve gets nothing stored, and reads nothing.
 * @param {Set<string>} origins
 * @returns {import('fastify').onRequestAsyncHookHandler}
 */
export function allowedOrigin(origins) {
  return async (request, reply) => {
    const origin = request.headers.origin;
    if (origin !== undefined && !origins.has(origin)) {
      return reply.code(403).send({ error: 'origin-not-allowed', message: `Origin ${origin} may not send records here.` });
    }
  };
}


/**
 * The receiver: `POST /complaints` validates a record, stores it once and answers only after the
 * commit is durable.
 * @param {import('fastify').FastifyInstance} receiver
 * @param {ReceiverOptions} options
 */
export async function receiverRoutes(receiver, { store, validateRecord, origins, perMinute, forwarding, wakeWorker, identitySecret = null, statusPerMinute = 60, waitingRatings = WAITING_RATINGS, addressSecret = () => 'heard', metrics = null, presence, replyWindowMs }) {
    const isVerified = createIdentityCheck(identitySecret);
    // Loaded before the server listens: the first record should not wait for it.
    const [retriage, commitment] = await Promise.all([createReceiverTriage(), createReceiverCommitment()]);

    const fromAllowedOrigin = allowedOrigin(origins);

    /**
     * Whether a widget's rating is taken: it must carry its complaint's status key. One whose
     * complaint is not stored yet waits for it (and counts only if the key turns out to be that
     * complaint's), within the bounds on waiting ratings.
     * @param {import('../store/store.mjs').RatingRecord} sent
     * @param {string} ip
     * @returns {Promise<{ ok: true, record: import('../store/store.mjs').RatingRecord, meta: Partial<import('../store/store.mjs').InsertMeta> } | { ok: false, status: number, body: object }>}
     */
    const admitRating = async (sent, ip) => {
      const { record, keyHash } = takeRatingKey(sent);
      // A missing key, a wrong one and an unknown complaint with no key answer alike.
      const refused = { ok: /** @type {const} */ (false), status: 403, body: { error: 'rating-not-allowed', message: "A rating is taken only with its complaint's status key." } };
      if (keyHash === null) return refused;
      const status = await store.getStatus(record.complaintId);
      if (status) return ratingKeyMatches(keyHash, status.statusKeyHash) ? { ok: true, record, meta: { ratingKeyHash: keyHash } } : refused;
      // The address it came from, kept only to count them, as an HMAC: a plain hash of an IPv4
      // address is undone by trying them all.
      const from = createHmac('sha256', addressSecret()).update(`heard-waiting-rating:${ip}`).digest('base64url');
      const waiting = await store.waitingRatings({ id: record.id, from, since: new Date(Date.now() - RATING_WAIT_MS).toISOString() });
      // A retry of one already received (its answer was lost) goes on to be its replay.
      if (!waiting.received && (waiting.fromAddress >= waitingRatings.perAddress || waiting.total >= waitingRatings.total)) {
        return { ok: false, status: 429, body: { error: 'too-many-waiting-ratings', message: 'Too many ratings are waiting for complaints not received yet; try again later.' } };
      }
      return { ok: true, record, meta: { ratingKeyHash: keyHash, waitingFrom: from } };
    };

    receiver.post(
      '/complaints',
      {
        // The record's text is made storable below, after its hash is taken from the record as sent.
        config: { cleansText: true, ...(perMinute > 0 ? { rateLimit: { max: perMinute, timeWindow: 60_000 } } : {}) },
        onRequest: fromAllowedOrigin,
      },
      async (request, reply) => {
        const result = validateRecord(request.body);
        if (!result.ok) {
          return reply.code(400).send({ error: 'invalid-record', message: 'The record does not match the schema.', errors: result.errors });
        }
        const { record } = result;
        const key = request.headers['idempotency-key'];
        if (key !== undefined && key !== record.id) {
          return reply.code(400).send({ error: 'idempotency-key-mismatch', message: 'Idempotency-Key must equal the record id.' });
        }
        // The hash is of the record as sent, so a retry of it is still recognised as a replay.
        const hash = canonicalHash(record);
        const storable = storableCopy(record);
        let { record: stored, statusKeyHash } = storable.type === 'complaint' ? takeStatusKey(storable) : { record: storable, statusKeyHash: null };
        /** @type {Partial<import('../store/store.mjs').InsertMeta>} */
        let checked = {};
        if (stored.type === 'rating') {
          const admitted = await admitRating(stored, request.ip);
          if (!admitted.ok) return reply.code(admitted.status).header('Cache-Control', 'no-store').send(admitted.body);
          checked = admitted.meta;
          stored = admitted.record;
        }
        let kept = stored;
        if (stored.type === 'complaint') {
          const verified = isVerified(stored.visitor);
          const triage = retriage(stored, { verified });
          const due = commitment(stored, triage.urgency);
          checked = { summary: summariseRecord(stored, { triage, verified, due }), signals: triage.signals, statusKeyHash };
          // Checked once, here; only `verified` is kept (see withoutIdentityProof).
          kept = withoutIdentityProof(stored);
        }
        const receivedAt = new Date().toISOString();
        // Forwarding's jobs are written in the same transaction, and only if the record is new
        // (or a changed rating: destinations hear the new score as another rating event).
        // They follow the receiver's own triage (escalation, dueBy), not the widget's.
        const jobs = await forwarding.jobsForRecord(kept, checked.summary, receivedAt);
        // The inbox hears of it with the commit, and only if this request stored it.
        const event = record.type === 'rating' ? { type: 'updated', data: { id: record.complaintId } } : { type: 'created', data: { id: record.id } };
        // The store resolves only once the commit is durable, so the answer below follows it.
        const { outcome, receipt } = await store.insertRecord(kept, { hash, receivedAt, event, ...checked, jobs });
        metrics?.recordReceived(kept.type, outcome);
        reply.header('Cache-Control', 'no-store');
        if (outcome === 'conflict') {
          return reply.code(409).send({ error: 'conflict', message: `A different record with id ${record.id} was already received.` });
        }
        if (outcome === 'replay') reply.header('Idempotent-Replayed', 'true');
        else if (jobs.length > 0) wakeWorker();
        // A widget's rating with another score replaces the one kept: the visitor changed their mind.
        return reply.code(outcome === 'updated' ? 200 : 201).send(receipt);
      },
    );

    receiver.get(
      '/complaints/:id/status',
      {
        config: { rateLimit: { max: statusPerMinute, timeWindow: 60_000 } },
        onRequest: fromAllowedOrigin,
        schema: { params: { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } } },
      },
      async (request, reply) => {
        reply.header('Cache-Control', 'no-store');
        const { id } = /** @type {{ id: string }} */ (request.params);
        const status = await store.getStatus(id);
        // A wrong key and an unknown id answer alike: the answer tells a guesser nothing.
        if (!statusKeyMatches(request.headers.authorization, status?.statusKeyHash) || !status) {
          return reply.code(404).send({ error: 'not-found', message: 'No complaint with this id and key.' });
        }
        return {
          reference: status.reference,
          status: visitorStatus(status.status),
          receivedAt: status.receivedAt,
          resolvedAt: status.resolvedAt,
          dueBy: status.dueBy,
          dueByReason: status.dueByReason,
          // A reply's files, when it sends any, for the widget to open with the key.
          replies: (await withThreadFiles(store, id, status.replies)).map(({ attachments, ...rest }) => (attachments.length > 0 ? { ...rest, attachments } : rest)),
          // Each message lists its files (none: an empty list), for the widget to open with the key.
          messages: await withThreadFiles(store, id, status.messages),
          // Until when a message from the widget reopens it; past it, a new complaint is offered.
          answerableUntil: status.resolvedAt === null ? null : new Date(Date.parse(status.resolvedAt) + replyWindowMs).toISOString(),
          teamOnline: await presence.teamOnline(),
        };
      },
    );
}
