// @ts-check
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { createAgentAuth } from './agent-auth.mjs';
import { canonicalHash } from './canonical-hash.mjs';
import { createEventHub } from './event-hub.mjs';
import { summarise } from './summarise.mjs';
import { createRecordValidator } from './validate-record.mjs';

const SITE_DIR = fileURLToPath(new URL('../demo/site/', import.meta.url));
const INBOX_DIR = fileURLToPath(new URL('./inbox/', import.meta.url));
const DIST_DIR = fileURLToPath(new URL('../dist/', import.meta.url));

/** The inbox lists complaints a page at a time; an agent asks for more. */
export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 500;

/** Headers the widget sends with a record. */
const WIDGET_HEADERS = ['Content-Type', 'Idempotency-Key', 'X-Heard-Site-Key'];

/** The inbox shows untrusted text; even if a bug ever rendered it as HTML, nothing would run. */
const INBOX_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The demo shop page runs the widget as a careful site owner would: a strict policy with no
 * inline script or style, so the demo shows the widget needs neither.
 */
const SHOP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * @typedef {{
 *   store: import('./store/store.mjs').Store,
 *   allowedOrigins: Iterable<string>,
 *   agentToken: string,
 *   bodyLimit?: number,
 *   rateLimit?: number,
 *   logger?: boolean | object,
 *   distDir?: string,
 * }} AppOptions
 */

/**
 * Builds the receiver, the inbox API and the demo pages on one Fastify instance, without
 * listening, so tests can `inject` or listen on port 0.
 *
 * `allowedOrigins` may be a `Set` the caller adds to later (the server's own origin is known
 * only once it listens). `rateLimit` is records per client per minute; 0 turns it off.
 * @param {AppOptions} options
 */
export function createApp({
  store,
  allowedOrigins,
  agentToken,
  bodyLimit = 1024 * 1024,
  rateLimit: perMinute = 120,
  logger = false,
  distDir = DIST_DIR,
}) {
  const origins = allowedOrigins instanceof Set ? allowedOrigins : new Set(allowedOrigins);
  const auth = createAgentAuth({ agentToken });
  const hub = createEventHub();
  const validateRecord = createRecordValidator();
  // Closing drops open connections (inbox streams, idle keep-alives) rather than waiting on
  // them. A record whose answer is cut off is safe: the widget retries and gets the replay.
  const app = Fastify({ logger, bodyLimit, trustProxy: false, forceCloseConnections: true });

  // Records are JSON and only JSON: anything else (text/plain included) is a 415.
  app.removeContentTypeParser(['text/plain']);

  app.setErrorHandler((/** @type {import('fastify').FastifyError} */ error, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) app.log.error(error);
    reply.code(status).send({
      error: errorCode(status, error.code),
      message: status >= 500 ? 'The server could not store this; try again.' : error.message,
    });
  });
  app.setNotFoundHandler((_request, reply) => {
    reply.code(404).send({ error: 'not-found', message: 'Nothing here.' });
  });

  app.addHook('preClose', (done) => {
    hub.closeAll();
    done();
  });

  app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && origins.has(origin)),
    methods: ['POST'],
    allowedHeaders: WIDGET_HEADERS,
    maxAge: 600,
  });
  app.register(rateLimit, { global: false });

  app.register(async (receiver) => {
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
        // better-sqlite3 commits synchronously, so the answer below follows the fsync.
        const { outcome, receipt } = store.insertRecord(record, { hash: canonicalHash(record), receivedAt: new Date().toISOString() });
        if (outcome === 'conflict') {
          return reply.code(409).send({ error: 'conflict', message: `A different record with id ${record.id} was already received.` });
        }
        if (outcome === 'replay') reply.header('Idempotent-Replayed', 'true');
        else hub.publish(record.type === 'rating' ? 'updated' : 'created', { id: record.type === 'rating' ? record.complaintId : record.id });
        return reply.code(201).send(receipt);
      },
    );
  });

  app.register(
    async (api) => {
      api.addHook('onRequest', async (request, reply) => {
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
        const complaints = store.listRecords({ ...filters, limit: query.limit, offset: query.offset });
        const { total, open } = store.countRecords(filters);
        return { complaints: complaints.map(summarise), total, open, limit: query.limit, offset: query.offset, facets: store.facets() };
      });

      api.get('/complaints/:id', async (request, reply) => {
        const { id } = /** @type {{ id: string }} */ (request.params);
        const complaint = store.getRecord(id);
        if (!complaint) return reply.code(404).send({ error: 'not-found', message: `No complaint ${id}.` });
        return { complaint };
      });

      const agentName = { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' };
      /** @param {import('./store/store.mjs').WorkResult} result @param {import('fastify').FastifyReply} reply */
      const answerWork = (result, reply) => {
        if (!result.ok) {
          return reply.code(result.error === 'not-found' ? 404 : 409).send({ error: result.error, message: result.message });
        }
        hub.publish('updated', { id: result.complaint.id });
        return { complaint: result.complaint };
      };

      api.post('/complaints/:id/claim', {
        schema: { body: { type: 'object', required: ['agent'], properties: { agent: agentName } } },
      }, async (request, reply) => {
        const { id } = /** @type {{ id: string }} */ (request.params);
        const { agent } = /** @type {{ agent: string }} */ (request.body);
        return answerWork(store.claim(id, agent.trim(), new Date().toISOString()), reply);
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
        return answerWork(store.resolve(id, agent.trim(), note.trim(), new Date().toISOString()), reply);
      });

      api.post('/complaints/:id/follow-up', async (request, reply) => {
        const { id } = /** @type {{ id: string }} */ (request.params);
        return answerWork(store.markFollowedUp(id, new Date().toISOString()), reply);
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
        if (!auth.redeemTicket(ticket)) {
          return reply.code(401).send({ error: 'unauthorised', message: 'The stream ticket is missing, used or expired.' });
        }
        reply.hijack();
        hub.add(reply.raw);
      });
    },
    { prefix: '/api' },
  );

  // The demo shop page and the built widget (`/heard.js` and its chunks) share the root.
  const roots = [SITE_DIR, distDir].filter((dir) => existsSync(dir));
  app.register(fastifyStatic, {
    root: roots,
    prefix: '/',
    index: ['index.html'],
    cacheControl: false,
    setHeaders: (reply, path) => {
      if (path.endsWith('.html')) reply.header('Content-Security-Policy', SHOP_CSP);
      reply.header('X-Content-Type-Options', 'nosniff');
    },
  });
  app.get('/inbox', (_request, reply) => reply.redirect('/inbox/'));
  app.register(fastifyStatic, {
    root: INBOX_DIR,
    prefix: '/inbox/',
    decorateReply: false,
    cacheControl: false,
    setHeaders: (reply) => {
      reply.header('Content-Security-Policy', INBOX_CSP);
      reply.header('X-Content-Type-Options', 'nosniff');
      reply.header('Referrer-Policy', 'no-referrer');
    },
  });

  return app;
}

/**
 * @param {number} status
 * @param {string | undefined} code
 */
function errorCode(status, code) {
  switch (status) {
    case 400:
      return code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'invalid-json' : 'bad-request';
    case 413:
      return 'too-large';
    case 415:
      return 'unsupported-media-type';
    case 429:
      return 'rate-limited';
    default:
      return status >= 500 ? 'server-error' : 'error';
  }
}
