// @ts-check
import { canonicalHash } from './canonical-hash.mjs';
import { summariseRecord } from './summary.mjs';

/**
 * @typedef {{
 *   store: import('../store/store.mjs').Store,
 *   validateRecord: ReturnType<typeof import('./validate-record.mjs').createRecordValidator>,
 *   origins: Set<string>,
 *   perMinute: number,
 *   forwarding: ReturnType<typeof import('../jobs/forwarding/service.mjs').createForwarding>,
 *   wakeWorker: () => void,
 * }} ReceiverOptions
 */

/**
 * The receiver: `POST /complaints` validates a record, stores it once and answers only after the
 * commit is durable.
 * @param {import('fastify').FastifyInstance} receiver
 * @param {ReceiverOptions} options
 */
export async function receiverRoutes(receiver, { store, validateRecord, origins, perMinute, forwarding, wakeWorker }) {
    receiver.post(
      '/complaints',
      {
        config: perMinute > 0 ? { rateLimit: { max: perMinute, timeWindow: 60_000 } } : {},
        // Checked before the body is read: a page we do not serve gets nothing stored.
        onRequest: async (request, reply) => {
          const origin = request.headers.origin;
          if (origin !== undefined && !origins.has(origin)) {
            return reply.code(403).send({ error: 'origin-not-allowed', message: `Origin ${origin} may not send records here.` });
          }
        },
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
        // The store resolves only once the commit is durable, so the answer below follows it.
        const receivedAt = new Date().toISOString();
        const summary = record.type === 'complaint' ? summariseRecord(record) : undefined;
        // Forwarding's jobs are written in the same transaction, and only if the record is new.
        const jobs = await forwarding.jobsForRecord(record, summary, receivedAt);
        // The inbox hears of it with the commit, and only if this request stored it.
        const event = record.type === 'rating' ? { type: 'updated', data: { id: record.complaintId } } : { type: 'created', data: { id: record.id } };
        const { outcome, receipt } = await store.insertRecord(record, {
          hash: canonicalHash(record),
          receivedAt,
          event,
          ...(summary ? { summary } : {}),
          jobs,
        });
        if (outcome === 'conflict') {
          return reply.code(409).send({ error: 'conflict', message: `A different record with id ${record.id} was already received.` });
        }
        if (outcome === 'replay') reply.header('Idempotent-Replayed', 'true');
        else if (jobs.length > 0) wakeWorker();
        return reply.code(201).send(receipt);
      },
    );
}
