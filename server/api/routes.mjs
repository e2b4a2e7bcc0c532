// @ts-check
import { threadFilesRefused, withThreadFiles } from '../attachments/thread-files.mjs';
import { agentUploadRoute, attachmentsForAgents, serveAttachments, storageUsageRoute } from '../attachments/routes.mjs';
import { accountRoutes } from '../agents/account-routes.mjs';
import { agentRoutes } from '../agents/routes.mjs';
import { overdueJob } from '../jobs/commitments/overdue.mjs';
import { replyDelivery } from '../jobs/commitments/visitor-mail.mjs';
import { noteRoutes } from './notes.mjs';
import { savedReplyRoutes } from './saved-replies.mjs';
import { MAX_SEARCH } from '../store/search/complaint-search.mjs';
import { summarise } from './summarise.mjs';
import { teamFigures } from './team-figures.mjs';
import { trendWeeks } from '../store/shared.mjs';

/** The inbox lists complaints a page at a time; an agent asks for more. */
export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 500;
/**
 * The furthest a page may start. Far past any real queue, and a number both databases take:
 * without a bound, `offset=1e300` passes as a whole number and fails in the database.
 */
export const MAX_OFFSET = 1_000_000_000;

/** What an agent (or a script of theirs) is told for a paging parameter out of its range. */
const PAGING_MESSAGES = /** @type {Record<string, string>} */ ({
  '/limit': `limit must be a whole number from 1 to ${MAX_PAGE}: how many complaints to list.`,
  '/offset': `offset must be a whole number from 0 to ${MAX_OFFSET}: how many complaints to skip.`,
  '/q maxLength': `q must be at most ${MAX_SEARCH} characters: a reference, an email, a name or a few words the complaint holds.`,
  '/q': 'q must be given once, as text: a reference, an email, a name or a few words the complaint holds.',
});

/**
 * The queue's validation errors: a paging or search parameter's in words, any other as Fastify says it.
 * @param {import('fastify').FastifySchemaValidationError[]} errors
 * @param {string} dataVar
 */
const pagingErrors = (errors, dataVar) => {
  const paging = errors
    .map((error) => PAGING_MESSAGES[`${error.instancePath} ${error.keyword}`] ?? PAGING_MESSAGES[error.instancePath])
    .find((message) => message !== undefined);
  return new Error(paging ?? errors.map((error) => `${dataVar}${error.instancePath} ${error.message}`).join(', '));
};

/**
 * @typedef {{
 *   store: import('../store/store.mjs').Store,
 *   hub: ReturnType<typeof import('../event-hub.mjs').createEventHub>,
 *   auth: ReturnType<typeof import('../agents/agent-auth.mjs').createAgentAuth>,
 *   presence?: ReturnType<typeof import('../agents/presence.mjs').createPresence>,
 *   signInLimits?: { perEmail: number, perAddress: number, windowMs: number },
 *   forwarding: ReturnType<typeof import('../jobs/forwarding/service.mjs').createForwarding>,
 *   jobsForResolution: ReturnType<typeof import('../jobs/plugin.mjs').createJobs>['jobsForResolution'],
 *   jobsForReply: ReturnType<typeof import('../jobs/plugin.mjs').createJobs>['jobsForReply'],
 *   jobsForDueMove: ReturnType<typeof import('../jobs/plugin.mjs').createJobs>['jobsForDueMove'],
 *   mailConfigured?: boolean,
 *   wakeWorker: () => void,
 *   settingsRoutes?: import('fastify').FastifyPluginAsync,
 *   attachments?: import('../attachments/storage.mjs').AttachmentStorage | null,
 *   accountMail?: import('../agents/account-routes.mjs').AccountMail | null,
 *   resetLimits?: import('../agents/account-routes.mjs').AccountRoutesOptions['resetLimits'],
 *   clock?: { now(): number },
 * }} AgentApiOptions
 */

/**
 * The agents' API under `/api`: sessions and accounts, the queue, one complaint, the work on it,
 * trends and the live stream. Every route but signing in, accepting an invite and the stream
 * (which takes a one-use ticket) needs a signed-in agent's bearer token; the hook below sets
 * `request.agent` for them.
 * @param {import('fastify').FastifyInstance} api
 * @param {AgentApiOptions} options
 */
export async function agentApiRoutes(api, { store, hub, auth, presence, signInLimits, forwarding, jobsForResolution, jobsForReply, jobsForDueMove, mailConfigured = false, wakeWorker, settingsRoutes, attachments = null, accountMail = null, resetLimits, clock }) {
    api.decorateRequest('agent', null);
    api.addHook('onRequest', async (request, reply) => {
      // Every answer here holds what visitors wrote or who they are: no cache keeps a copy.
      reply.header('Cache-Control', 'no-store');
      if (/** @type {{ public?: boolean }} */ (request.routeOptions.config).public) return;
      request.agent = await auth.authenticate(request.headers.authorization);
      if (!request.agent) {
        reply.header('WWW-Authenticate', 'Bearer realm="heard-inbox"');
        return reply.code(401).send({ error: 'unauthorised', message: 'Sign in first: the session is missing, expired or ended.' });
      }
      // The widget may say someone is online only while an agent really uses the inbox.
      await presence?.seen(request.agent.id);
    });

    await api.register(agentRoutes, { store, auth, ...(signInLimits ? { signInLimits } : {}) });
    await api.register(accountRoutes, { store, mail: accountMail, ...(clock ? { clock } : {}), ...(resetLimits ? { resetLimits } : {}) });
    // Settings (destinations, the job queue): inside this scope, so they too need a signed-in
    // agent; each route there asks for an admin.
    if (settingsRoutes) await api.register(settingsRoutes);
    await api.register(savedReplyRoutes, { store });
    await api.register(noteRoutes, { store });

    api.get('/complaints', {
      schemaErrorFormatter: pagingErrors,
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            status: { enum: ['new', 'claimed', 'resolved', ''] },
            category: { type: 'string', maxLength: 60 },
            language: { type: 'string', maxLength: 10 },
            // The search box: never logged, it is what the agent knows of a visitor.
            q: { type: 'string', maxLength: MAX_SEARCH },
            limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: DEFAULT_PAGE },
            offset: { type: 'integer', minimum: 0, maximum: MAX_OFFSET, default: 0 },
          },
        },
      },
    }, async (request) => {
      const query = /** @type {{ status?: 'new' | 'claimed' | 'resolved' | '', category?: string, language?: string, q?: string, limit: number, offset: number }} */ (request.query);
      const filters = { status: query.status || null, category: query.category || null, language: query.language || null, q: query.q || null };
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
      return { complaint: await withDelivery(complaint) };
    });

    /**
     * A complaint as an agent works on it: with how a reply would reach the visitor (each kept
     * reply carries its own email's state).
     * @param {import('../store/store.mjs').Complaint} complaint
     */
    const withDelivery = async (complaint) => ({
      ...complaint,
      replies: await withThreadFiles(store, complaint.id, complaint.replies),
      messages: await withThreadFiles(store, complaint.id, complaint.messages),
      replyDelivery: replyDelivery(complaint.record, mailConfigured),
      attachments: await attachmentsForAgents(store, complaint.id, complaint.record),
      // Whether a reply can send files: only where the server keeps files.
      acceptsFiles: attachments !== null,
    });
    if (attachments) {
      serveAttachments(api, { store, storage: attachments });
      await agentUploadRoute(api, {
        store,
        storage: attachments,
        clock: clock ?? { now: () => Date.now() },
        allowed: async (request, reply) => (await mayChange(request, reply, 'attach files to')) !== null,
      });
      storageUsageRoute(api, { storage: attachments });
    }

    /** @param {import('../store/store.mjs').WorkResult} result @param {import('fastify').FastifyReply} reply */
    const answerWork = async (result, reply) => {
      if (!result.ok) {
        return reply.code(result.error === 'not-found' ? 404 : 409).send({ error: result.error, message: result.message });
      }
      store.events.publish('updated', { id: result.complaint.id }).catch((error) => api.log.error({ err: error }, 'live update not sent'));
      wakeWorker();
      return { complaint: await withDelivery(result.complaint) };
    };

    /**
     * The signed-in agent as the store records who did what.
     * @param {import('fastify').FastifyRequest} request
     */
    const actor = (request) => {
      const agent = /** @type {import('../store/store.mjs').Agent} */ (request.agent);
      return { id: agent.id, name: agent.name };
    };

    /**
     * Work only the claimant or an admin may do on a claimed complaint. Answers for it when
     * refused (404, 403) and returns null; else returns the claimant the change must still find.
     * @param {import('fastify').FastifyRequest} request
     * @param {import('fastify').FastifyReply} reply
     * @param {string} verb
     * @returns {Promise<{ expectedClaimant: string | null } | null>}
     */
    const mayChange = async (request, reply, verb) => {
      const { id } = /** @type {{ id: string }} */ (request.params);
      const complaint = await store.getRecord(id);
      if (!complaint) {
        reply.code(404).send({ error: 'not-found', message: `No complaint ${id}.` });
        return null;
      }
      const agent = /** @type {import('../store/store.mjs').Agent} */ (request.agent);
      if (complaint.status === 'claimed' && complaint.claimedById !== agent.id && agent.role !== 'admin') {
        reply.code(403).send({ error: 'forbidden', message: `Only ${complaint.claimedBy} or an admin can ${verb} this complaint.` });
        return null;
      }
      return { expectedClaimant: complaint.status === 'claimed' ? complaint.claimedById : null };
    };

    api.post('/complaints/:id/claim', async (request, reply) => {
      const { id } = /** @type {{ id: string }} */ (request.params);
      const at = new Date().toISOString();
      // Written with the claim, and only if the claim happened: a second click by the claimant
      // changes nothing in the store, so it tells no destination anything either.
      const jobs = await forwarding.jobsFor('complaint.claimed', id, { at, details: { agent: actor(request) } });
      return answerWork(await store.claim(id, actor(request), at, { jobs }), reply);
    });

    api.post('/complaints/:id/release', async (request, reply) => {
      const { id } = /** @type {{ id: string }} */ (request.params);
      const allowed = await mayChange(request, reply, 'release');
      if (!allowed) return reply;
      return answerWork(await store.release(id, actor(request), new Date().toISOString(), allowed), reply);
    });

    // Who a complaint can be handed to: every agent's name, for any signed-in agent (the accounts
    // themselves, with their emails and roles, stay an admin's page).
    api.get('/assignees', async () => ({
      agents: (await store.listAgents()).map((account) => ({ id: account.id, name: account.name })),
    }));

    api.post('/complaints/:id/assign', {
      schema: { body: { type: 'object', required: ['agentId'], additionalProperties: false, properties: { agentId: { type: 'string', minLength: 1, maxLength: 100 } } } },
    }, async (request, reply) => {
      const { id } = /** @type {{ id: string }} */ (request.params);
      const { agentId } = /** @type {{ agentId: string }} */ (request.body);
      const allowed = await mayChange(request, reply, 'assign');
      if (!allowed) return reply;
      const to = await store.getAgent(agentId);
      if (!to) return reply.code(400).send({ error: 'unknown-agent', message: 'There is no agent with that id to hand the complaint to; they may have been removed.' });
      return answerWork(await store.assign(id, actor(request), { id: to.id, name: to.name }, new Date().toISOString(), allowed), reply);
    });

    const text = { type: 'string', minLength: 1, maxLength: 5000, pattern: '\\S' };

    api.post('/complaints/:id/resolve', {
      schema: { body: { type: 'object', required: ['note'], properties: { note: text, reply: text } } },
    }, async (request, reply) => {
      const { id } = /** @type {{ id: string }} */ (request.params);
      const body = /** @type {{ note: string, reply?: string }} */ (request.body);
      const allowed = await mayChange(request, reply, 'resolve');
      if (!allowed) return reply;
      const at = new Date().toISOString();
      // The reply that tells the visitor the outcome goes first, so the status they read says
      // "resolved" only with it; the note stays internal. Its email to the visitor is written
      // with it, and the worker woken for it even if the resolution then loses a race.
      if (body.reply !== undefined) {
        const text = body.reply.trim();
        const replied = await store.addReply(id, actor(request), text, at, { ...allowed, jobs: await jobsForReply(id, { at, text }) });
        if (!replied.ok) return answerWork(replied, reply);
        wakeWorker();
      }
      // Forwarding's event and the visitor's follow-up, written with the resolution (and only
      // if it happens: a refused or lost race writes nothing).
      const jobs = await jobsForResolution(id, { at, agent: actor(request), note: body.note.trim() });
      return answerWork(await store.resolve(id, actor(request), body.note.trim(), at, { ...allowed, jobs }), reply);
    });

    api.post('/complaints/:id/replies', {
      // The files are checked below, each refusal with its own sentence.
      schema: { body: { type: 'object', required: ['text'], properties: { text, attachments: { type: 'array', items: { type: 'string', maxLength: 64 }, maxItems: 100 } } } },
    }, async (request, reply) => {
      const { id } = /** @type {{ id: string }} */ (request.params);
      const body = /** @type {{ text: string, attachments?: string[] }} */ (request.body);
      const allowed = await mayChange(request, reply, 'reply to');
      if (!allowed) return reply;
      const files = body.attachments ?? [];
      const refused = files.length > 0 ? await threadFilesRefused(store, id, files) : null;
      if (refused) return reply.code(400).send({ error: 'bad-attachments', message: refused });
      const at = new Date().toISOString();
      const text = body.text.trim();
      // The email that takes it to the visitor is written with the reply, and only if it was kept.
      const result = await store.addReply(id, actor(request), text, at, { ...allowed, attachments: files, jobs: await jobsForReply(id, { at, text, attachments: files }) });
      if (result.ok) reply.code(201);
      return answerWork(result, reply);
    });

    api.post('/complaints/:id/due', {
      schema: {
        body: {
          type: 'object',
          required: ['dueBy', 'reason'],
          properties: { dueBy: { type: 'string', format: 'date-time', maxLength: 40 }, reason: { ...text, maxLength: 500 } },
        },
      },
    }, async (request, reply) => {
      const { id } = /** @type {{ id: string }} */ (request.params);
      const body = /** @type {{ dueBy: string, reason: string }} */ (request.body);
      const dueMs = Date.parse(body.dueBy);
      if (!Number.isFinite(dueMs) || dueMs <= Date.now()) {
        return reply.code(400).send({ error: 'bad-request', message: 'dueBy must be a time in the future, such as 2030-03-01T12:00:00Z.' });
      }
      const allowed = await mayChange(request, reply, 'move the due date of');
      if (!allowed) return reply;
      const dueBy = new Date(dueMs).toISOString();
      const reason = body.reason.trim();
      const at = new Date().toISOString();
      // The check for the new date, written with the move: when it comes, the complaint still
      // open alerts the team and its claimant. The check for the old date then does nothing.
      // The visitor's email about the new date goes with it too.
      const check = overdueJob(id, dueBy);
      const jobs = [...(check ? [check] : []), ...(await jobsForDueMove(id, { at, dueBy, reason }))];
      return answerWork(await store.moveDue(id, actor(request), dueBy, reason, at, { ...allowed, jobs }), reply);
    });

    api.post('/complaints/:id/follow-up', async (request, reply) => {
      const { id } = /** @type {{ id: string }} */ (request.params);
      return answerWork(await store.markFollowedUp(id, new Date().toISOString(), { agent: actor(request) }), reply);
    });

    api.get('/trends', {
      schema: { querystring: { type: 'object', properties: { weeks: { type: 'integer', minimum: 1, maximum: 104 } } } },
    }, async (request) => {
      const { weeks = 12 } = /** @type {{ weeks?: number }} */ (request.query);
      const now = Date.now();
      const { firstWeek, weekKeys } = trendWeeks(weeks, now);
      const [trends, commitments, rows] = await Promise.all([
        store.trends({ weeks, now }),
        store.commitments({ weeks, now }),
        store.teamRows({ since: firstWeek }),
      ]);
      return { ...trends, commitments, team: teamFigures(rows, { weeks: weekKeys, now }) };
    });

    api.post('/stream-ticket', async (request) => auth.issueTicket(request.headers.authorization));

    api.get('/stream', { config: { public: true } }, async (request, reply) => {
      const { ticket } = /** @type {{ ticket?: string }} */ (request.query);
      const agentId = await auth.redeemTicket(ticket);
      if (agentId === null) {
        return reply.code(401).send({ error: 'unauthorised', message: 'The stream ticket is missing, used or expired, or its session has ended.' });
      }
      await presence?.seen(agentId);
      reply.hijack();
      hub.add(reply.raw, agentId);
    });
}
