// @ts-check
/**
 * Settings → Destinations, for admins: list, add, test, pause, resume and remove destinations,
 * see each one's recent deliveries and failures, and retry a failed job. Thin: the checks live
 * in `destinations.mjs`, the sending in `service.mjs`.
 */
import { randomUUID } from 'node:crypto';
import { checkDestinationInput, DESTINATION_BODY_SCHEMA, publicDestination } from './destinations.mjs';
import { HELD_UNTIL } from './handler.mjs';

/**
 * @typedef {{
 *   store: import('../../store/store.mjs').Store & import('./service.mjs').DestinationStore & {
 *     countJobs(): Promise<{ pending: number, failed: number, done: number }>,
 *     waitingJobs(now: number): Promise<import('../../store/store.mjs').WaitingJobs[]>,
 *     retryJob(id: string, at: string): Promise<boolean>,
 *   },
 *   forwarding: ReturnType<typeof import('./service.mjs').createForwarding>,
 *   allowPrivate: boolean,
 *   mailConfigured: boolean,
 *   requireAdmin: import('fastify').onRequestAsyncHookHandler,
 *   wakeWorker: () => void,
 * }} DestinationRoutesOptions
 */

const ID = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 100 } } };

/**
 * @param {import('fastify').FastifyInstance} api
 * @param {DestinationRoutesOptions} options
 */
export async function destinationRoutes(api, { store, forwarding, allowPrivate, mailConfigured, requireAdmin, wakeWorker }) {
  // Before the body is read or checked: a plain agent hears 403 whatever they sent.
  api.addHook('onRequest', requireAdmin);

  /** @param {string} id @param {import('fastify').FastifyReply} reply */
  const notFound = (id, reply) => reply.code(404).send({ error: 'not-found', message: `No destination ${id}.` });

  api.get('/destinations', async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
    const [destinations, jobs, waiting] = await Promise.all([store.listDestinations(), store.countJobs(), store.waitingJobs(Date.now())]);
    return { destinations: destinations.map(publicDestination), jobs, waiting, mailConfigured };
  });

  api.post('/destinations', { schema: { body: DESTINATION_BODY_SCHEMA } }, async (request, reply) => {
    const checked = checkDestinationInput(/** @type {any} */ (request.body), { allowPrivate, mailConfigured });
    if (!checked.ok) return reply.code(400).send({ error: 'invalid-destination', field: checked.field, message: checked.message });
    const destination = {
      ...checked.input,
      id: `dst_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
      paused: false,
      pausedReason: null,
      source: /** @type {const} */ ('admin'),
      createdAt: new Date().toISOString(),
    };
    await store.addDestination(destination);
    request.log.info({ destinationId: destination.id, kind: destination.kind, agentId: request.agent?.id }, 'destination added');
    reply.header('Cache-Control', 'no-store');
    // The one time a made-up secret is shown: the admin copies it into the receiving system.
    return reply.code(201).send({ destination: publicDestination(destination), ...(checked.generatedSecret ? { secret: checked.generatedSecret } : {}) });
  });

  api.post('/destinations/:id/test', { schema: { params: ID } }, async (request, reply) => {
    const { id } = /** @type {{ id: string }} */ (request.params);
    const destination = await store.getDestination(id);
    if (!destination) return notFound(id, reply);
    const outcome = await forwarding.sendTest(destination);
    return outcome.ok ? { ok: true } : { ok: false, error: outcome.error };
  });

  for (const [action, paused] of /** @type {const} */ ([['pause', true], ['resume', false]])) {
    api.post(`/destinations/:id/${action}`, { schema: { params: ID } }, async (request, reply) => {
      const { id } = /** @type {{ id: string }} */ (request.params);
      const at = new Date().toISOString();
      const changed = await store.setDestinationPaused(id, paused, { reason: paused ? 'Paused by an admin' : null, at });
      const destination = await store.getDestination(id);
      if (!destination) return notFound(id, reply);
      if (changed && !paused) wakeWorker();
      request.log.info({ destinationId: id, agentId: request.agent?.id }, `destination ${paused ? 'paused' : 'resumed'}`);
      return { destination: publicDestination(destination) };
    });
  }

  api.delete('/destinations/:id', { schema: { params: ID } }, async (request, reply) => {
    const { id } = /** @type {{ id: string }} */ (request.params);
    const destination = await store.getDestination(id);
    if (!destination) return notFound(id, reply);
    if (destination.source === 'environment') {
      return reply.code(409).send({ error: 'configured-by-environment', message: 'This destination comes from the server\'s environment: unset its variable and restart to remove it, or pause it here.' });
    }
    await store.removeDestination(id);
    request.log.info({ destinationId: id, agentId: request.agent?.id }, 'destination removed');
    return reply.code(204).send();
  });

  api.get('/destinations/:id/deliveries', {
    schema: { params: ID, querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 } } } },
  }, async (request, reply) => {
    const { id } = /** @type {{ id: string }} */ (request.params);
    const { limit } = /** @type {{ limit: number }} */ (request.query);
    const destination = await store.getDestination(id);
    if (!destination) return notFound(id, reply);
    const jobs = await store.listDestinationJobs(id, { limit });
    /** @param {import('../../store/store.mjs').Job} job */
    const held = (job) => job.status === 'pending' && (destination.paused || job.dueAt === HELD_UNTIL);
    return {
      deliveries: jobs.map((job) => {
        const event = /** @type {{ event?: { type?: string, id?: string } }} */ (job.payload).event;
        return {
          jobId: job.id,
          eventId: event?.id ?? null,
          type: event?.type ?? job.kind,
          complaintId: job.complaintId ?? null,
          status: held(job) ? 'held' : job.status,
          attempts: job.attempts,
          lastError: job.lastError,
          createdAt: job.createdAt,
          updatedAt: job.updatedAt,
          nextAttemptAt: job.status === 'pending' && !held(job) ? job.dueAt : null,
        };
      }),
    };
  });

  api.post('/jobs/:id/retry', { schema: { params: ID } }, async (request, reply) => {
    const { id } = /** @type {{ id: string }} */ (request.params);
    const retried = await store.retryJob(id, new Date().toISOString());
    if (!retried) return reply.code(409).send({ error: 'not-failed', message: 'Only a failed job can be retried; this one is not failed, or does not exist.' });
    request.log.info({ jobId: id, agentId: request.agent?.id }, 'failed job retried by an admin');
    wakeWorker();
    return { ok: true };
  });
}
