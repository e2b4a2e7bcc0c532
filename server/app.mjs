// @ts-check
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { createAgentAuth } from './agents/agent-auth.mjs';
import { requireAdmin } from './agents/routes.mjs';
import { agentApiRoutes } from './api/routes.mjs';
import { DEFAULT_CONNECTIONS_PER_ADDRESS, DEFAULT_TIMEOUTS, limitConnectionsPerAddress, timeoutOptions } from './connection-limits.mjs';
import { createEventHub, DEFAULT_STREAMS_PER_AGENT } from './event-hub.mjs';
import { loggerOptions, RequestLog, requestId } from './logging.mjs';
import { bearerMatches, countedMailer, createMetrics } from './metrics.mjs';
import { guardNul } from './nul-guard.mjs';
import { createPresence } from './agents/presence.mjs';
import { messageRoutes, threadEmailAnswer } from './receiver/messages.mjs';
import { attachmentRoutes, attachmentsForAgents, DEFAULT_UPLOAD_MB_PER_MINUTE, signedFileRoute } from './attachments/routes.mjs';
import { receiverRoutes } from './receiver/routes.mjs';
import { createVisitorHub, visitorStreamRoutes } from './receiver/visitor-stream.mjs';
import { createRecordValidator } from './receiver/validate-record.mjs';
import { createJobs, jobRoutes, visitorRoutes } from './jobs/plugin.mjs';
import { createInbound } from './inbound/receive.mjs';
import { inboundRoutes } from './inbound/routes.mjs';
import { createSmtpListener } from './inbound/smtp-listener.mjs';

const SITE_DIR = fileURLToPath(new URL('../demo/site/', import.meta.url));
const INBOX_DIR = fileURLToPath(new URL('./inbox/', import.meta.url));
/** The widget package's build: `/heard.js` and the chunks it loads. */
const DIST_DIR = join(dirname(createRequire(import.meta.url).resolve('heard/package.json')), 'dist');

/** The demo shop page is in a checkout of the repository only, not in the installed package. */
export const HAS_DEMO_SITE = existsSync(SITE_DIR);

export { DEFAULT_PAGE, MAX_PAGE } from './api/routes.mjs';

/** Headers the widget sends with a record. */
const WIDGET_HEADERS = ['Content-Type', 'Idempotency-Key', 'X-Heard-Site-Key'];

/** The inbox shows untrusted text; even if a bug ever rendered it as HTML, nothing would run. */
const INBOX_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
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
 *   agentToken?: string,
 *   bodyLimit?: number,
 *   rateLimit?: number,
 *   trustProxy?: false | string[],
 *   timeouts?: import('./connection-limits.mjs').Timeouts,
 *   connectionsPerAddress?: number,
 *   streamsPerAgent?: number,
 *   logger?: false | { level?: string, stream?: { write: (line: string) => void } },
 *   distDir?: string,
 *   demo?: boolean,
 *   identitySecret?: string | null,
 *   signInLimits?: { perEmail: number, perAddress: number, windowMs: number, delayMs?: number, maxDelayMs?: number },
 *   resetLimits?: { perEmail: number, perAddress: number, windowMs: number },
 *   statusRateLimit?: number,
 *   waitingRatings?: import('./receiver/routes.mjs').WaitingRatingLimits,
 *   jobs?: import('./jobs/plugin.mjs').JobOptions,
 *   mailer?: import('./jobs/forwarding/email.mjs').Mailer | null,
 *   post?: import('./jobs/forwarding/http.mjs').PostJson,
 *   clock?: { now(): number },
 *   metrics?: { token: string | null } | null,
 *   replyWindowDays?: number,
 *   attachments?: import('./attachments/storage.mjs').AttachmentStorage | null,
 *   uploadBytesPerMinute?: number,
 *   inbound?: (Omit<import('./config.mjs').InboundConfig, 'address' | 'replySecret'> & { threadMessage?: import('./inbound/receive.mjs').ThreadMessage }) | null,
 * }} AppOptions
 *   `jobs`: forwarding's settings and destinations from the environment; `mailer` sends email
 *   (null: no mail server); `post` makes forwarding's requests; `clock` is the jobs' time.
 *   `metrics`: counted when given, and served on `GET /metrics` to a scraper with `token`
 *   (null: no route here; serve.mjs serves them on a loopback port); off when absent.
 *   `demo`: serve the demo shop page at `/` (when the checkout has it); the built widget is served either way.
 *   `replyWindowDays`: how long after its resolution a visitor may still answer a complaint from
 *   the widget, reopening it (`HEARD_REPLY_WINDOW_DAYS`).
 *   `attachments`: where visitors' files are kept (`PUT /complaints/:id/attachments/:sha256`,
 *   served to agents under `/api`); without it the server takes no files. `uploadBytesPerMinute`:
 *   the bytes of files one client may send a minute (0: no limit), beside `rateLimit` uploads.
 *   `inbound`: visitors' email answers, taken by the SMTP listener and `POST /inbound/email`
 *   and kept in the complaint's thread like a message from the widget (`threadMessage` replaces
 *   that, in tests); needs `jobs.inboundAddress`.
 */

/**
 * Builds the receiver, the inbox API and the demo pages on one Fastify instance, without
 * listening, so tests can `inject` or listen on port 0.
 *
 * `allowedOrigins` may be a `Set` the caller adds to later (the server's own origin is known
 * only once it listens). `rateLimit` is records per client per minute; 0 turns it off. `trustProxy`: the
 * proxies (addresses, ranges) whose `X-Forwarded-For` names the client; false: none.
 * `timeouts` bound how long a client may take to send a request and how long a connection may
 * sit silent; `connectionsPerAddress` caps the connections one address holds open without being
 * answered (0: no cap; trusted proxies are exempt). Neither cuts the inbox's live stream.
 * `streamsPerAgent` caps the live streams one agent holds on this instance: one more ends the oldest.
 * Agents sign in with their accounts (`server/agents/`); `agentToken`, the shared token that
 * came before accounts, is no longer read. `identitySecret` (`HEARD_IDENTITY_SECRET`) verifies visitors' `userHash`; without it nobody
 * is verified.
 * @param {AppOptions} options
 */
export function createApp({
  store,
  allowedOrigins,
  bodyLimit = 1024 * 1024,
  rateLimit: perMinute = 120,
  trustProxy = false,
  timeouts = DEFAULT_TIMEOUTS,
  connectionsPerAddress = DEFAULT_CONNECTIONS_PER_ADDRESS,
  streamsPerAgent = DEFAULT_STREAMS_PER_AGENT,
  logger = false,
  distDir = DIST_DIR,
  demo = true,
  identitySecret = null,
  signInLimits,
  resetLimits,
  statusRateLimit = 60,
  waitingRatings,
  jobs: jobOptions = {},
  mailer = null,
  post,
  clock,
  attachments = null,
  uploadBytesPerMinute = DEFAULT_UPLOAD_MB_PER_MINUTE * 1024 * 1024,
  metrics: metricsOptions = null,
  replyWindowDays = 14,
  inbound = null,
}) {
  const metrics = metricsOptions ? createMetrics() : null;
  const origins = allowedOrigins instanceof Set ? allowedOrigins : new Set(allowedOrigins);
  const auth = createAgentAuth({ store });
  const hub = createEventHub({ perAgent: streamsPerAgent });
  // The visitors' open threads: told when their complaint changes, and seen by the inboxes as read now.
  const visitors = createVisitorHub({ publish: (type, data) => store.events.publish(type, data) });
  const validateRecord = createRecordValidator();
  // Closing stops taking connections, ends the inbox streams and idle keep-alives, and lets
  // requests in flight finish (serve.mjs bounds how long). A record whose answer is cut off is
  // safe anyway: the widget retries and gets the replay.
  const app = Fastify({
    logger: logger ? loggerOptions(logger) : false,
    genReqId: requestId,
    logController: new RequestLog(),
    bodyLimit,
    trustProxy,
    forceCloseConnections: 'idle',
    ...timeoutOptions(timeouts),
  });
  limitConnectionsPerAddress(app.server, { max: connectionsPerAddress, trustProxy });
  const time = clock ?? { now: () => Date.now() };
  const presence = createPresence({ store, clock: time, log: app.log });
  const jobStore = /** @type {import('./jobs/plugin.mjs').JobStore} */ (store);
  const sender = countedMailer(mailer, metrics);
  const jobs = createJobs({ store: jobStore, options: { ...jobOptions, files: attachments ? { listed: (id, record) => attachmentsForAgents(store, id, record), open: (sha256) => attachments.open(sha256) } : null }, mailer: sender, post, clock, log: app.log, metrics });
  app.decorate('metrics', metrics);
  if (metrics) {
    const pool = store.poolStats;
    metrics.watch({ liveStreams: () => hub.size() + visitors.size(), queuedJobs: () => jobStore.countJobs(), ...(pool ? { pool } : {}) });
    // The route's pattern, never the URL: a URL holds complaint ids and query strings.
    app.addHook('onResponse', (request, reply, done) => {
      metrics.observeRequest(request.method, request.routeOptions?.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
      done();
    });
  }
  app.addHook('onReady', async () => jobs.start());
  // Tests drive the worker with a fake clock when it is built with `jobs.worker: false`.
  app.decorate('jobWorker', jobs.worker);
  app.addHook('onListen', async () => {
    const address = app.server.address();
    if (address && typeof address === 'object') jobs.setListeningOrigin(`http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`);
  });

  // Records are JSON and only JSON: anything else (text/plain included) is a 415.
  app.removeContentTypeParser(['text/plain']);

  // Every answer names its request, so a failure a user reports can be found in the log.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
  // A NUL in a path or a query is a 400, one in a body U+FFFD, before any route reads it.
  app.addHook('preValidation', guardNul);

  app.setErrorHandler((/** @type {import('fastify').FastifyError} */ error, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'unexpected error');
    reply.code(status).send(
      status >= 500
        ? { error: errorCode(status, error.code), message: 'The server could not do this; try again.', requestId: request.id }
        : { error: errorCode(status, error.code), message: error.message },
    );
  });
  app.setNotFoundHandler((_request, reply) => {
    reply.code(404).send({ error: 'not-found', message: 'Nothing here.' });
  });

  // The inbox's live updates come from the store, so a change made through any instance
  // reaches the agents connected to this one.
  // After `resync` (the database connection that carries them was cut, so events may be lost)
  // every stream is ended: each inbox reconnects and reads the queue again.
  // A changed complaint's open threads in widgets read it again; after `resync` they too reconnect.
  const stopListening = store.events.subscribe((type, data) => {
    if (type === 'resync') {
      hub.disconnectAll();
      visitors.disconnectAll();
      return;
    }
    hub.publish(type, data);
    const id = /** @type {{ id?: unknown }} */ (data).id;
    if ((type === 'updated' || type === 'created') && typeof id === 'string') visitors.changed(id);
  });
  // Answers sent while closing end their connection, so a stopping instance is not held open
  // by keep-alive connections of requests it finished.
  let closing = false;
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('Connection', 'close');
  });
  app.addHook('preClose', (done) => {
    closing = true;
    stopListening();
    hub.closeAll();
    visitors.closeAll();
    done();
  });
  // The worker stops, finishing the job in hand, before the store closes. That must happen
  // before any onClose hook: those run last-registered first, so a caller's hook closing the
  // store would otherwise run before the worker stopped, and on PostgreSQL a query the worker
  // had waiting for a pooled connection would then wait forever, and with it the shutdown.
  app.addHook('preClose', async () => jobs.worker.stop());
  app.addHook('onClose', async () => jobs.stop());

  // Only the widget's calls are open to other origins (the shop's pages): sending a record, and
  // with a complaint's key, reading its status and writing back to it. The agents' API is for the inbox alone.
  app.register(cors, {
    delegator: (request, callback) => {
      const origin = request.headers.origin;
      const path = (request.url ?? '').split('?')[0] ?? '';
      const forWidget = path === '/complaints' || /^\/complaints\/[^/]+\/(status|messages|stream-ticket|stream|attachments\/[^/]+)$/.test(path);
      callback(null, {
        origin: forWidget && origin !== undefined && origins.has(origin),
        methods: ['GET', 'POST', 'PUT'],
        allowedHeaders: [...WIDGET_HEADERS, 'Authorization'],
        maxAge: 600,
      });
    },
  });
  app.register(rateLimit, { global: false });

  // For a load balancer: `/healthz` says the process answers; `/readyz` that it can do its work
  // (the database answers; migrations ran before the app was built). Both say 503 once closing.
  app.get('/healthz', async (_request, reply) => reply.header('Cache-Control', 'no-store').send({ status: 'ok' }));
  app.get('/readyz', async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    try {
      await store.ping();
      return reply.send({ status: 'ready' });
    } catch (error) {
      request.log.warn({ err: error }, 'not ready: the database did not answer');
      return reply.code(503).send({ status: 'unavailable', error: 'database-unreachable' });
    }
  });

  const metricsToken = metricsOptions?.token ?? null;
  if (metrics && metricsToken !== null) {
    app.get('/metrics', async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      if (!bearerMatches(request.headers.authorization, metricsToken)) {
        return reply.code(401).header('WWW-Authenticate', 'Bearer').send({ error: 'unauthorized', message: 'Send the metrics token as a bearer token.' });
      }
      return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
  }

  const wakeWorker = () => jobs.worker.wake();
  const replyWindowMs = replyWindowDays * 24 * 60 * 60 * 1000;
  app.register(receiverRoutes, { store, metrics, validateRecord, origins, perMinute, identitySecret, statusPerMinute: statusRateLimit, ...(waitingRatings ? { waitingRatings } : {}), addressSecret: jobs.secret, forwarding: jobs.forwarding, wakeWorker, presence, replyWindowMs });
  app.register(visitorStreamRoutes, { store, origins, perMinute, hub: visitors, clock: time });
  app.register(messageRoutes, { store, origins, perMinute, replyWindowMs, clock: time, jobsForMessage: jobs.jobsForMessage, wakeWorker });
  if (attachments) {
    app.register(attachmentRoutes, { store, storage: attachments, origins, perMinute, uploadBytesPerMinute, clock: time });
    app.register(signedFileRoute, { store, storage: attachments, secret: jobs.secret, clock: time });
  }
  app.register(agentApiRoutes, {
    prefix: '/api',
    store,
    attachments,
    hub,
    auth,
    presence,
    signInLimits,
    resetLimits,
    clock: time,
    // Password-reset links go by the mail server the jobs use, from the same address.
    accountMail: sender ? { mailer: sender, from: jobOptions.mailFrom ?? 'Heard <heard@localhost>', publicUrl: jobs.publicUrl } : null,
    forwarding: jobs.forwarding,
    jobsForResolution: jobs.jobsForResolution,
    jobsForReply: jobs.jobsForReply,
    jobsForDueMove: jobs.jobsForDueMove,
    mailConfigured: jobs.mailConfigured,
    wakeWorker,
    // Destinations and the job queue: signed in (the API's hook) and an admin.
    settingsRoutes: async (api) => api.register(jobRoutes, { jobs, store: jobStore, requireAdmin }),
  });
  app.register(visitorRoutes, { jobs, store: jobStore });
  if (inbound && jobs.inbound) {
    const threadMessage = inbound.threadMessage ?? threadEmailAnswer({ store, replyWindowMs, clock: time, jobsForMessage: jobs.jobsForMessage, wakeWorker, storage: attachments }, app.log);
    registerInbound(app, { ...inbound, threadMessage, address: jobs.inbound, replyKey: jobs.replyKey, store, clock });
  }

  // The demo shop page (unless `demo` is false) and the built widget (`/heard.js` and its
  // chunks) share the root.
  const roots = [...(demo ? [SITE_DIR] : []), distDir].filter((dir) => existsSync(dir));
  if (roots.length > 0) {
    app.register(fastifyStatic, {
      root: roots,
      prefix: '/',
      index: ['index.html'],
      cacheControl: false,
      decorateReply: false,
      setHeaders: (reply, path) => {
        if (path.endsWith('.html')) reply.header('Content-Security-Policy', SHOP_CSP);
        reply.header('X-Content-Type-Options', 'nosniff');
      },
    });
  }
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
 * Visitors' email answers: the SMTP listener (listening once the app is ready, as `inboundSmtp`
 * says, closed with it) and `POST /inbound/email`, both handing messages to one receiver.
 * @param {import('fastify').FastifyInstance} app
 * @param {NonNullable<AppOptions['inbound']> & {
 *   address: { local: string, domain: string },
 *   replyKey: () => string,
 *   store: import('./store/store.mjs').Store,
 *   clock: { now(): number } | undefined,
 *   threadMessage: import('./inbound/receive.mjs').ThreadMessage,
 * }} options
 */
function registerInbound(app, { address, replyKey, store, clock, threadMessage, smtp, secret, webhookSecret }) {
  const { receive } = createInbound({ inbound: address, secret: replyKey, store, threadMessage, ...(clock ? { clock } : {}), log: app.log });
  if (secret || webhookSecret) app.register(inboundRoutes, { receive, secret, webhookSecret });
  if (!smtp) return;
  const listener = createSmtpListener({ inbound: address, receive, tls: smtp.tls, log: app.log });
  /** The port the SMTP listener took: `smtp.port`, or the one given for port 0. */
  const state = { port: /** @type {number | null} */ (null) };
  app.decorate('inboundSmtp', state);
  app.addHook('onReady', async () => {
    state.port = await listener.listen(smtp.port, smtp.host);
  });
  app.addHook('onClose', async () => listener.close());
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
