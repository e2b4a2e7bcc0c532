// @ts-check
import { summarise } from './summarise.mjs';

/** The inbox lists complaints a page at a time; an agent asks for more. */
export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 500;

/**
 * @typedef {{
 *   store: import('../store/store.mjs').Store,
 *   hub: ReturnType<typeof import('../event-hub.mjs').createEventHub>,
 *   auth: ReturnType<typeof import('../agents/agent-auth.mjs').createAgentAuth>,
 * }} AgentApiOptions
 */

/**
 * The agents' API under `/api`: the queue, one complaint, claim and resolve, trends and the
 * live stream. Every route but the stream needs the agent's bearer token.
 * @param {import('fastify').FastifyInstance} api
 * @param {AgentApiOptions} options
 */
export async function agentApiRoutes(api, { store, hub, auth }) {
    api.addHook('onRequest', async (request, reply) => {
      // Every answer here holds what visitors wrote or who they are: no cache keeps a copy.
      reply.header('Cache-Control', 'no-store');
      if (/** @type {{ public?: boolean }} */ (request.routeOptions.config).public) return;
      if (!auth.checkHeader(request.headers.authorization)) {
        reply.header('WWW-Authenticate', 'Bearer realm="heard-inbox"');
        return reply.code(401).send({ error: 'unauthorised', message: 'The agent token is missing or wrong.' });
      }
    });

    api.get('/session', async () => ({ ok: true }));

    api.get('/complaints', {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            status: { enum: ['new', 'claimed', 'resolved', ''] },
            category: { type: 'string', maxLength: 60 },
            language: { type: 'string', maxLength: 10 },
            limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: DEFAULT_PAGE },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
      },
    }, async (request) => {
      const query = /** @type {{ status?: 'new' | 'claimed' | 'resolved' | '', category?: string, language?: string, limit: number, offset: number }} */ (request.query);
      const filters = { status: query.status || null, category: query.category || null, language: query.language || null };
      const [complaints, { total, open }, facets] = await Promise.all([
        store.listRecords({ ...filters, limit: query.limit, offset: query.offset }),
        store.countRecords(filters),
        store.facets(),
      ]);
      return { complaints: complaints.map(summarise), total, open, limit: query.limit, offset: query.offset, facets };
    });

    api.get('/complaints/:id', async (request, reply) => {
      const { id } = /** @type {{ id: string }} */ (request.params);
      const complaint = await store.getRecord(id);
      if (!complaint) return reply.code(404).send({ error: 'not-found', message: `No complaint ${id}.` });
      return { complaint };
    });

    const agentName = { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' };
    /** @param {import('../store/store.mjs').WorkResult} result @param {import('fastify').FastifyReply} reply */
    const answerWork = (result, reply) => {
      if (!result.ok) {
        return reply.code(result.error === 'not-found' ? 404 : 409).send({ error: result.error, message: result.message });
      }
      store.events.publish('updated', { id: result.complaint.id }).catch((error) => api.log.error({ err: error }, 'live update not sent'));
      return { complaint: result.complaint };
    };

    api.post('/complaints/:id/claim', {
      schema: { body: { type: 'object', required: ['agent'], properties: { agent: agentName } } },
    }, async (request, reply) => {
      const { id } = /** @type {{ id: string }} */ (request.params);
      const { agent } = /** @type {{ agent: string }} */ (request.body);
      return answerWork(await store.claim(id, agent.trim(), new Date().toISOString()), reply);
    });

    api.post('/complaints/:id/resolve', {
      schema: {
        body: {
          type: 'object',
          required: ['agent', 'note'],
          properties: { agent: agentName, note: { type: 'string', minLength: 1, maxLength: 5000, pattern: '\\S' } },
        },
      },
    }, async (request, reply) => {
      const { id } = /** @type {{ id: string }} */ (request.params);
      const { agent, note } = /** @type {{ agent: string, note: string }} */ (request.body);
      return answerWork(await store.resolve(id, agent.trim(), note.trim(), new Date().toISOString()), reply);
    });

    api.post('/complaints/:id/follow-up', async (request, reply) => {
      const { id } = /** @type {{ id: string }} */ (request.params);
      return answerWork(await store.markFollowedUp(id, new Date().toISOString()), reply);
    });

    api.get('/trends', {
      schema: { querystring: { type: 'object', properties: { weeks: { type: 'integer', minimum: 1, maximum: 104 } } } },
    }, async (request) => {
      const { weeks = 12 } = /** @type {{ weeks?: number }} */ (request.query);
      return store.trends({ weeks });
    });

    api.post('/stream-ticket', async () => auth.issueTicket());

    api.get('/stream', { config: { public: true } }, async (request, reply) => {
      const { ticket } = /** @type {{ ticket?: string }} */ (request.query);
      if (!(await auth.redeemTicket(ticket))) {
        return reply.code(401).send({ error: 'unauthorised', message: 'The stream ticket is missing, used or expired.' });
      }
      reply.hijack();
      hub.add(reply.raw);
    });
}
