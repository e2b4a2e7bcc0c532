// @ts-check
import { pathToFileURL } from 'node:url';
import { ensureFirstAdmin } from './agents/first-admin.mjs';
import { createServer } from 'node:http';
import { createApp, HAS_DEMO_SITE } from './app.mjs';
import { describeDatabase, readConfig } from './config.mjs';
import { createMailer } from './jobs/forwarding/email.mjs';
import { diskStorage, s3Storage } from './attachments/storage.mjs';
import { startRetentionSweep } from './retention.mjs';
import { createStore } from './store/index.mjs';

/** How long a stopping instance waits for requests in flight. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Opens the database, makes sure there is an admin, builds the app and listens. Prints the
 * URLs (and the first admin's password when it was generated). The first line is always `Heard listening on <origin>`, which the crash
 * tests read to find a server started on port 0.
 * @param {import('./config.mjs').ServerConfig} config
 * Structured logs go to standard output at `HEARD_LOG_LEVEL`; `logger` replaces that (tests).
 * `demo`: also serve the demo shop page at `/` (`npm start` does; `heard-server start` only when asked).
 * @param {{ print?: (line: string) => void, logger?: import('./app.mjs').AppOptions['logger'], demo?: boolean }} [options]
 */
export async function serve(config, { print = console.log, logger = { level: config.logLevel }, demo = true } = {}) {
  const store = await createStore({ databaseUrl: config.databaseUrl, sqlitePath: config.dbPath });
  const admin = await ensureFirstAdmin(store, config);
  /** @type {Set<string>} */
  const allowedOrigins = new Set(config.allowedOrigins ?? []);
  const attachments = config.attachments.kind === 's3' ? s3Storage(config.attachments) : diskStorage(config.attachments.dir);
  const app = createApp({
    store,
    attachments,
    allowedOrigins,
    demo,
    bodyLimit: config.bodyLimit,
    rateLimit: config.rateLimit,
    uploadBytesPerMinute: config.uploadMbPerMinute * 1024 * 1024,
    trustProxy: config.trustProxy,
    timeouts: config.timeouts,
    connectionsPerAddress: config.connectionsPerAddress,
    streamsPerAgent: config.streamsPerAgent,
    identitySecret: config.identitySecret,
    replyWindowDays: config.replyWindowDays,
    logger,
    jobs: { ...config.forwarding, linkSecret: config.linkSecret, attachmentLinkDays: config.attachmentLinkDays, emailAttachmentsMaxMb: config.emailAttachmentsMaxMb, inboundAddress: config.inbound?.address ?? null, replySecret: config.inbound?.replySecret ?? null },
    mailer: config.forwarding.smtpUrl ? createMailer(config.forwarding.smtpUrl) : null,
    metrics: config.metrics ? { token: config.metrics.token } : null,
    inbound: config.inbound ? { smtp: config.inbound.smtp, secret: config.inbound.secret, webhookSecret: config.inbound.webhookSecret } : null,
  });
  const metricsServer = config.metrics?.port != null ? metricsOnLoopback(app, config.metrics.port) : null;
  const retention = startRetentionSweep({ store, days: config.retentionDays, attachments, log: app.log });
  app.addHook('onClose', async () => {
    await retention.stop();
    await store.close();
  });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    throw error;
  }
  const metricsOrigin = metricsServer ? await metricsServer.listen() : null;
  const address = app.server.address();
  const port = address && typeof address === 'object' ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const origin = `http://${host}:${port}`;
  if (config.allowedOrigins === null) {
    allowedOrigins.add(origin);
    if (config.host === '127.0.0.1') allowedOrigins.add(`http://localhost:${port}`);
  }
  print(`Heard listening on ${origin}`);
  if (demo && HAS_DEMO_SITE) print(`  demo shop page   ${origin}/`);
  print(`  receiver         POST ${origin}/complaints`);
  print(`  agent inbox      ${origin}/inbox/`);
  print(`  database         ${config.databaseUrl ? `PostgreSQL (${describeDatabase(config.databaseUrl)})` : config.dbPath}`);
  print(`  allowed origins  ${[...allowedOrigins].join(', ')}`);
  if (config.metrics) {
    print(`  metrics          ${[config.metrics.token ? `${origin}/metrics (bearer token)` : null, metricsOrigin ? `${metricsOrigin}/metrics` : null].filter(Boolean).join(', ')}`);
  }
  if (config.inbound) {
    const smtpPort = /** @type {{ inboundSmtp?: { port: number | null } }} */ (/** @type {unknown} */ (app)).inboundSmtp?.port;
    const ways = [smtpPort != null ? `SMTP on ${config.inbound.smtp?.host}:${smtpPort}${config.inbound.smtp?.tls ? ' (STARTTLS)' : ''}` : null, config.inbound.secret || config.inbound.webhookSecret ? `POST ${origin}/inbound/email` : null];
    print(`  email answers    ${config.inbound.address} (reply+token), ${ways.filter(Boolean).join(', ') || 'no way in configured yet'}`);
  }
  if (admin?.generatedPassword) {
    print(`  first admin      ${admin.email}   password ${admin.generatedPassword}`);
    print('                   (generated once, now; sign in and add agents, or set HEARD_ADMIN_EMAIL and HEARD_ADMIN_PASSWORD)');
  } else if (admin) {
    print(`  first admin      ${admin.email}   (from HEARD_ADMIN_EMAIL)`);
  }
  return { app, origin, store, metricsOrigin };
}

/**
 * The metrics on a port of their own, bound to 127.0.0.1: only a scraper on the same machine
 * (or one the operator tunnels in) reaches them, so they need no token there. Closed with the app.
 * @param {ReturnType<typeof createApp>} app
 * @param {number} port
 * @returns {{ listen: () => Promise<string> }} `listen` resolves to its origin
 */
function metricsOnLoopback(app, port) {
  const metrics = /** @type {import('./metrics.mjs').Metrics} */ (/** @type {any} */ (app).metrics);
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || (request.url ?? '').split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Nothing here; the metrics are at /metrics.\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => response.writeHead(200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' }).end(text),
      (error) => {
        app.log.error({ err: error }, 'metrics not collected');
        response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('The metrics could not be collected; see the server log.\n');
      },
    );
  });
  app.addHook('onClose', () => new Promise((done) => server.close(() => done(undefined))));
  return {
    async listen() {
      try {
        await new Promise((listening, failed) => {
          server.once('error', failed);
          server.listen(port, '127.0.0.1', () => listening(undefined));
        });
      } catch (error) {
        await app.close();
        throw error;
      }
      const address = server.address();
      return `http://127.0.0.1:${address && typeof address === 'object' ? address.port : port}`;
    },
  };
}

/**
 * The command line: read the environment, serve, and on SIGTERM or SIGINT stop taking
 * requests, finish those in flight, close the database and exit. A bad setting or an
 * unreachable database stops start-up with one line saying which.
 * @param {{ demo?: boolean }} [options] `demo`: also serve the demo shop page
 */
export async function serveFromEnvironment({ demo = true } = {}) {
  let config;
  try {
    config = readConfig(process.env);
  } catch (error) {
    console.error(`Heard did not start: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  let served;
  try {
    served = await serve(config, { demo });
  } catch (error) {
    console.error(`Heard did not start: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  const { app } = served;
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.once(signal, () => {
      // Requests in flight get this long to finish before their connections are cut.
      setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
      app.close().then(
        () => process.exit(0),
        (error) => {
          console.error(`Heard stopped with an error: ${error instanceof Error ? error.message : error}`);
          process.exit(1);
        },
      );
    });
  }
  return served;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await serveFromEnvironment();
}
