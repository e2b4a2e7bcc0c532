// @ts-check
import { checkConfig, describeDatabase } from '../config.mjs';
import { EXIT, parseCommand } from './usage.mjs';

/** @type {import('./main.mjs').Command} */
export const checkConfigCommand = {
  name: 'check-config',
  summary: 'check every setting in the environment and print what the server would use',
  help: `heard-server check-config

Reads every setting from the environment as the server does at start, and prints each wrong
one with the same one-line error start-up would give, or else a summary of what the server
would use. Secrets (passwords, tokens, keys) are said to be set, never shown. A HEARD_*
variable the server does not read (misspelt, or needing another setting) is warned about.
It does not connect to the database.

Options:
  -h, --help  this text

Exit codes: 0 every setting is valid, 1 at least one is wrong, 2 a wrong command line.
`,
  async run(args, env) {
    parseCommand(args, {});
    /** @type {Set<string>} */
    const read = new Set();
    const watched = new Proxy(env, {
      get(target, name, receiver) {
        if (typeof name === 'string') read.add(name);
        return Reflect.get(target, name, receiver);
      },
    });
    const { config, errors } = checkConfig(watched);
    const unread = Object.keys(env).filter((name) => name.startsWith('HEARD_') && !read.has(name)).sort();
    for (const name of unread) console.error(`warning: ${name} is set, but the server does not read it (misspelt, or it needs another setting).`);
    if (config === null) {
      for (const error of errors) console.error(`error: ${error}`);
      console.error(`${errors.length} setting${errors.length === 1 ? ' is' : 's are'} wrong: the server would not start.`);
      return EXIT.failed;
    }
    console.log('Every setting is valid. The server would use:');
    for (const [label, value] of summary(config)) console.log(`  ${label.padEnd(18)}${value}`);
    return EXIT.ok;
  },
};

/**
 * What the server would use, in words, with no secret in it.
 * @param {import('../config.mjs').ServerConfig} config
 * @returns {[string, string][]}
 */
function summary(config) {
  const { forwarding, metrics, timeouts } = config;
  const set = (/** @type {unknown} */ value, /** @type {string} */ otherwise) => (value ? 'set' : otherwise);
  return [
    ['listening on', `${config.host}:${config.port}`],
    ['database', config.databaseUrl ? `PostgreSQL (${describeDatabase(config.databaseUrl)})` : `SQLite at ${config.dbPath}`],
    ['first admin', config.adminEmail ? `${config.adminEmail}, password set (when the database has no admin)` : 'admin@localhost with a generated password (when the database has no admin)'],
    ['allowed origins', config.allowedOrigins ? config.allowedOrigins.join(', ') : "the server's own"],
    ['trusted proxies', config.trustProxy ? config.trustProxy.join(', ') : 'none'],
    ['public URL', forwarding.publicUrl ?? "not set (links in emails use the server's own origin)"],
    ['limits', `${config.bodyLimit} bytes a request, ${config.rateLimit || 'no limit of'} records a minute per address, ${config.connectionsPerAddress || 'no limit of'} connections per address, ${config.streamsPerAgent} live streams per agent`],
    ['timeouts', `headers ${timeouts.headersMs / 1000} s, request ${timeouts.requestMs / 1000} s, idle ${timeouts.idleMs / 1000} s`],
    ['retention', `resolved complaints kept ${config.retentionDays} days`],
    ['log level', config.logLevel],
    ['identity secret', set(config.identitySecret, 'not set (no visitor is verified)')],
    ['link secret', set(config.linkSecret, 'not set (kept in the database)')],
    ['mail server', forwarding.smtpUrl ? `${mailHost(forwarding.smtpUrl)}, from ${forwarding.mailFrom}` : 'none (no email is sent)'],
    ['destinations', forwarding.destinations.length > 0 ? forwarding.destinations.map((destination) => destination.name).join(', ') : 'none from the environment'],
    ['metrics', metrics ? [metrics.token ? '/metrics with a bearer token' : null, metrics.port !== null ? `127.0.0.1:${metrics.port}` : null].filter(Boolean).join(', ') : 'off'],
  ];
}

/** The mail server's host and port, without the user or password. @param {string} url */
function mailHost(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}`;
  } catch {
    return 'set';
  }
}
