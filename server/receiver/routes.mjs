// @ts-check
import { canonicalHash } from './canonical-hash.mjs';
import { createIdentityCheck } from './identity.mjs';
import { createReceiverTriage } from './retriage.mjs';
import { statusKeyMatches, takeStatusKey } from './status-key.mjs';
import { storableCopy } from './storable-text.mjs';
import { summariseRecord } from './summary.mjs';

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
 *   metrics?: import('../metrics.mjs').Metrics | null,
 * }} ReceiverOptions
 */

/**
 * The receiver: `POST /complaints` validates a record, stores it once and answers only after the
 * commit is durable.
 * @param {import('fastify').FastifyInstance} receiver
 * @param {ReceiverOptions} options
 */
export async function receiverRoutes(receiver, { store, validateRecord, origins, perMinute, forwarding, wakeWorker, identitySecret = null, statusPerMinute = 60, metrics = null }) {
    const isVerified = createIdentityCheck(identitySecret);
    // Loaded before the server listens: the first record should not wait for it.
    const retriage = await createReceiverTriage();

    /**
     * Checked before the body is read: a page we do not serve gets nothing stored, and reads nothing.
     * @param {import('fastify').FastifyRequest} request
     * @param {import('fastify').FastifyReply} reply
     */
    const fromAllowedOrigin = async (request, reply) => {
      const origin = request.headers.origin;
      if (origin !== undefined && !origins.has(origin)) {
        return reply.code(403).send({ error: 'origin-not-allowed', message: `Origin ${origin} may not send records here.` });
      }
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
        const { record: stored, statusKeyHash } = storable.type === 'complaint' ? takeStatusKey(storable) : { record: storable, statusKeyHash: null };
        /** @type {Partial<import('../store/store.mjs').InsertMeta>} */
        let checked = {};
        if (stored.type === 'complaint') {
          const verified = isVerified(stored.visitor);
          const triage = retriage(stored, { verified });
          checked = { summary: summariseRecord(stored, { triage, verified }), signals: triage.signals, statusKeyHash };
        }
        const receivedAt = new Date().toISOString();
        // Forwarding's jobs are written in the same transaction, and only if the record is new.
        // They follow the receiver's own triage (escalation, dueBy), not the widget's.
        const jobs = await forwarding.jobsForRecord(stored, checked.summary, receivedAt);
        // The inbox hears of it with the commit, and only if this request stored it.
        const event = record.type === 'rating' ? { type: 'updated', data: { id: record.complaintId } } : { type: 'created', data: { id: record.id } };
        // The store resolves only once the commit is durable, so the answer below follows it.
        const { outcome, receipt } = await store.insertRecord(stored, { hash, receivedAt, event, ...checked, jobs });
        metrics?.recordReceived(stored.type, outcome);
        reply.header('Cache-Control', 'no-store');
        if (outcome === 'conflict') {
          return reply.code(409).send({ error: 'conflict', message: `A different record with id ${record.id} was already received.` });
        }
        if (outcome === 'replay') reply.header('Idempotent-Replayed', 'true');
        else if (jobs.length > 0) wakeWorker();
        return reply.code(201).send(receipt);
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
          status: status.status === 'new' ? 'received' : status.status === 'claimed' ? 'in-progress' : 'resolved',
          receivedAt: status.receivedAt,
          resolvedAt: status.resolvedAt,
          dueBy: status.dueBy,
          dueByReason: status.dueByReason,
          replies: status.replies,
        };
      },
    );
}
