// @ts-check
import { pathToFileURL } from 'node:url';
import { generateAgentToken } from './agents/agent-auth.mjs';
import { createApp } from './app.mjs';
import { readConfig } from './config.mjs';
import { createSqliteStore } from './store/sqlite-store.mjs';

/**
 * Opens the database, builds the app and listens. Prints the URLs (and the agent token when
 * it was generated). The first line is always `Heard listening on <origin>`, which the crash
 * tests read to find a server started on port 0.
 * @param {import('./config.mjs').ServerConfig} config
 * @param {{ print?: (line: string) => void }} [options]
 */
export async function serve(config, { print = console.log } = {}) {
  const store = createSqliteStore({ path: config.dbPath });
  const agentToken = config.agentToken ?? generateAgentToken();
  /** @type {Set<string>} */
  const allowedOrigins = new Set(config.allowedOrigins ?? []);
  const app = createApp({
    store,
    allowedOrigins,
    agentToken,
    bodyLimit: config.bodyLimit,
    rateLimit: config.rateLimit,
    logger: { level: config.logLevel },
  });
  app.addHook('onClose', async () => store.close());
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = address && typeof address === 'object' ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const origin = `http://${host}:${port}`;
  if (config.allowedOrigins === null) {
    allowedOrigins.add(origin);
    if (config.host === '127.0.0.1') allowedOrigins.add(`http://localhost:${port}`);
  }
  print(`Heard listening on ${origin}`);
  print(`  demo shop page   ${origin}/`);
  print(`  receiver         POST ${origin}/complaints`);
  print(`  agent inbox      ${origin}/inbox/`);
  print(`  database         ${config.dbPath}`);
  print(`  allowed origins  ${[...allowedOrigins].join(', ')}`);
  if (config.agentToken === null) print(`  agent token      ${agentToken}   (generated; set HEARD_AGENT_TOKEN to keep one)`);
  return { app, origin, agentToken };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { app } = await serve(readConfig(process.env));
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.once(signal, () => void app.close().then(() => process.exit(0)));
  }
}
