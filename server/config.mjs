// @ts-check
import { readFileSync, statSync } from 'node:fs';
import { Webhook } from 'standardwebhooks';
import { isIP } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { ATTACHMENT_LINK_DAYS } from './attachments/signed-links.mjs';
import { DEFAULT_UPLOAD_MB_PER_MINUTE } from './attachments/upload-budget.mjs';
import { DEFAULT_CONNECTIONS_PER_ADDRESS, DEFAULT_TIMEOUTS } from './connection-limits.mjs';
import { DEFAULT_STREAMS_PER_AGENT } from './event-hub.mjs';
import { readForwardingConfig } from './jobs/forwarding/config.mjs';
import { EMAIL_ATTACHMENTS_MAX_MB } from './jobs/forwarding/email.mjs';
import { splitInboundAddress } from './inbound/reply-address.mjs';

/**
 * @typedef {{
 *   port: number,
 *   host: string,
 *   databaseUrl: string | null,
 *   dbPath: string,
 *   adminEmail: string | null,
 *   adminPassword: string | null,
 *   allowedOrigins: string[] | null,
 *   bodyLimit: number,
 *   rateLimit: number,
 *   uploadMbPerMinute: number,
 *   attachmentLinkDays: number,
 *   emailAttachmentsMaxMb: number,
 *   trustProxy: false | string[],
 *   timeouts: import('./connection-limits.mjs').Timeouts,
 *   connectionsPerAddress: number,
 *   streamsPerAgent: number,
 *   logLevel: string,
 *   identitySecret: string | null,
 *   linkSecret: string | null,
 *   retentionDays: number,
 *   replyWindowDays: number,
 *   forwarding: import('./jobs/forwarding/config.mjs').ForwardingConfig,
 *   metrics: { token: string | null, port: number | null } | null,
 *   inbound: InboundConfig | null,
 *   attachments: AttachmentsConfig,
 * }} ServerConfig
 * @typedef {{ kind: 'disk', dir: string } | ({ kind: 's3' } & import('./attachments/storage.mjs').S3Settings)} AttachmentsConfig
 *   Where visitors' files are kept: a folder (HEARD_ATTACHMENTS_DIR, by default `attachments/`
 *   beside the SQLite database) or an S3-compatible bucket (HEARD_S3_*).
 * @typedef {{
 *   address: string,
 *   replySecret: string | null,
 *   smtp: { port: number, host: string, tls: { cert: Buffer, key: Buffer } | null } | null,
 *   secret: string | null,
 *   webhookSecret: string | null,
 * }} InboundConfig
 *   Visitors' email answers: `address` is HEARD_INBOUND_ADDRESS; `smtp` Heard's own listener;
 *   `secret` and `webhookSecret` authenticate `POST /inbound/email`.
 */

/**
 * Reads the server's settings from the environment (see server/README.md), once, at start.
 * `adminEmail` and `adminPassword` null mean "admin@localhost with a generated password, if
 * there is no admin yet"; `allowedOrigins` null means "the server's own
 * origin"; `databaseUrl` null means SQLite at `dbPath`. A bad value throws one error naming
 * the variable.
 * @param {NodeJS.ProcessEnv} env
 * @returns {ServerConfig}
 */
export function readConfig(env) {
  const { config, errors } = checkConfig(env);
  if (config === null) throw new Error(errors[0]);
  return config;
}

/**
 * Reads every setting, as `readConfig` does, and collects each bad one's error instead of
 * stopping at the first: what `heard-server check-config` reports. `config` is null when
 * there is an error.
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ config: ServerConfig | null, errors: string[] }}
 */
export function checkConfig(env) {
  /** @type {string[]} */
  const errors = [];
  /** @template T @param {() => T} read @returns {T} */
  const setting = (read) => {
    try {
      return read();
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
      return /** @type {T} */ (/** @type {unknown} */ (null));
    }
  };
  /** @type {ServerConfig} */
  const config = {
    port: setting(() => integer(env, 'PORT', 8787, 0)),
    host: env.HOST || '127.0.0.1',
    databaseUrl: setting(() => databaseUrl(env)),
    dbPath: setting(() => sqlitePath(env)),
    ...(setting(() => firstAdmin(env)) ?? { adminEmail: null, adminPassword: null }),
    allowedOrigins: env.HEARD_ALLOWED_ORIGINS
      ? env.HEARD_ALLOWED_ORIGINS.split(',').map((origin) => origin.trim().replace(/\/$/, '')).filter(Boolean)
      : null,
    bodyLimit: setting(() => integer(env, 'HEARD_BODY_LIMIT', 1024 * 1024, 1024)),
    rateLimit: setting(() => integer(env, 'HEARD_RATE_LIMIT', 120, 0)),
    uploadMbPerMinute: setting(() => integer(env, 'HEARD_UPLOAD_MB_PER_MINUTE', DEFAULT_UPLOAD_MB_PER_MINUTE, 0)),
    attachmentLinkDays: setting(() => integer(env, 'HEARD_ATTACHMENT_LINK_DAYS', ATTACHMENT_LINK_DAYS, 1)),
    emailAttachmentsMaxMb: setting(() => integer(env, 'HEARD_EMAIL_ATTACHMENTS_MAX_MB', EMAIL_ATTACHMENTS_MAX_MB, 0)),
    trustProxy: setting(() => trustProxy(env)),
    timeouts: setting(() => timeouts(env)),
    connectionsPerAddress: setting(() => integer(env, 'HEARD_CONNECTIONS_PER_ADDRESS', DEFAULT_CONNECTIONS_PER_ADDRESS, 0)),
    streamsPerAgent: setting(() => integer(env, 'HEARD_STREAMS_PER_AGENT', DEFAULT_STREAMS_PER_AGENT, 1)),
    retentionDays: setting(() => integer(env, 'HEARD_RETENTION_DAYS', 730, 1)),
    // How long a visitor may still answer a resolved complaint, reopening it (0: not at all).
    replyWindowDays: setting(() => integer(env, 'HEARD_REPLY_WINDOW_DAYS', 14, 0)),
    logLevel: setting(() => oneOf(env, 'HEARD_LOG_LEVEL', LOG_LEVELS, 'info')),
    identitySecret: env.HEARD_IDENTITY_SECRET || null,
    linkSecret: setting(() => linkSecret(env)),
    forwarding: setting(() => readForwardingConfig(env)),
    metrics: setting(() => metrics(env)),
    inbound: setting(() => inbound(env)),
    attachments: setting(() => attachments(env)),
  };
  return { config: errors.length === 0 ? config : null, errors };
}

const S3_SETTINGS = /** @type {const} */ ([
  ['HEARD_S3_ENDPOINT', 'endpoint'],
  ['HEARD_S3_BUCKET', 'bucket'],
  ['HEARD_S3_ACCESS_KEY_ID', 'accessKeyId'],
  ['HEARD_S3_SECRET_ACCESS_KEY', 'secretAccessKey'],
  ['HEARD_S3_REGION', 'region'],
]);

/**
 * Where attachments are kept: S3-compatible storage once HEARD_S3_ENDPOINT is set (with every
 * HEARD_S3_* setting), else a folder. The keys are never repeated in an error.
 * @param {NodeJS.ProcessEnv} env
 * @returns {AttachmentsConfig}
 */
function attachments(env) {
  const given = S3_SETTINGS.filter(([name]) => env[name]?.trim());
  if (given.length === 0) {
    const raw = env.HEARD_ATTACHMENTS_DIR;
    if (raw !== undefined && raw !== '' && raw.trim() === '') throw new Error('HEARD_ATTACHMENTS_DIR must be a folder path; got only spaces.');
    return { kind: 'disk', dir: raw ? resolve(raw) : join(dirname(sqlitePath(env)), 'attachments') };
  }
  const absent = S3_SETTINGS.find(([name]) => !env[name]?.trim());
  if (absent) throw new Error(`${absent[0]} is needed with ${given[0]?.[0]}: S3-compatible storage takes HEARD_S3_ENDPOINT, HEARD_S3_BUCKET, HEARD_S3_ACCESS_KEY_ID, HEARD_S3_SECRET_ACCESS_KEY and HEARD_S3_REGION.`);
  const value = (/** @type {string} */ name) => /** @type {string} */ (env[name]).trim();
  const endpoint = value('HEARD_S3_ENDPOINT');
  let url;
  try {
    url = new URL(endpoint);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw new Error(`HEARD_S3_ENDPOINT must be an http(s) URL, such as https://s3.eu-west-1.example; got "${endpoint}".`);
  if (url.username || url.password) throw new Error('HEARD_S3_ENDPOINT must not carry credentials; set HEARD_S3_ACCESS_KEY_ID and HEARD_S3_SECRET_ACCESS_KEY.');
  const bucket = value('HEARD_S3_BUCKET');
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new Error(`HEARD_S3_BUCKET must be a bucket name (3 to 63 lowercase letters, digits, dots or hyphens); got "${bucket}".`);
  const region = value('HEARD_S3_REGION');
  if (!/^[a-z0-9-]{2,40}$/.test(region)) throw new Error(`HEARD_S3_REGION must be a region name, such as eu-west-1; got "${region}".`);
  return { kind: 's3', endpoint: url.href.replace(/\/$/, ''), bucket, region, accessKeyId: value('HEARD_S3_ACCESS_KEY_ID'), secretAccessKey: value('HEARD_S3_SECRET_ACCESS_KEY') };
}

/** Host, port and database name of a PostgreSQL URL, without the user or password. @param {string} url */
export function describeDatabase(url) {
  const parsed = new URL(url);
  return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
}

/**
 * Visitors' answers by email, off unless HEARD_INBOUND_ADDRESS is set. The secrets are never
 * repeated in an error.
 * @param {NodeJS.ProcessEnv} env
 * @returns {InboundConfig | null}
 */
function inbound(env) {
  const address = env.HEARD_INBOUND_ADDRESS?.trim() || null;
  const dependents = ['HEARD_INBOUND_SMTP_PORT', 'HEARD_INBOUND_SECRET', 'HEARD_INBOUND_WEBHOOK_SECRET', 'HEARD_REPLY_SECRET'].filter((name) => env[name]);
  if (address === null) {
    if (dependents.length > 0) throw new Error(`${dependents[0]} needs HEARD_INBOUND_ADDRESS, the address visitors' answers go to, such as reply@inbound.shop.example.`);
    return null;
  }
  if (!splitInboundAddress(address) || address.includes('+')) {
    throw new Error(`HEARD_INBOUND_ADDRESS must be one plain address without a +, such as reply@inbound.shop.example; got "${address}".`);
  }
  const replySecret = env.HEARD_REPLY_SECRET || null;
  if (replySecret !== null && replySecret.length < LINK_SECRET_MIN) {
    throw new Error(`HEARD_REPLY_SECRET must be at least ${LINK_SECRET_MIN} characters long, such as the output of openssl rand -base64 32; got ${replySecret.length}.`);
  }
  const secret = env.HEARD_INBOUND_SECRET || null;
  if (secret !== null && (secret.length < MIN_METRICS_TOKEN || /\s/.test(secret))) {
    throw new Error(`HEARD_INBOUND_SECRET must be at least ${MIN_METRICS_TOKEN} characters long, without spaces.`);
  }
  const webhookSecret = env.HEARD_INBOUND_WEBHOOK_SECRET || null;
  if (webhookSecret !== null) {
    try {
      new Webhook(webhookSecret);
    } catch {
      throw new Error('HEARD_INBOUND_WEBHOOK_SECRET must be a Standard Webhooks secret, whsec_ followed by base64.');
    }
  }
  const port = env.HEARD_INBOUND_SMTP_PORT ? integer(env, 'HEARD_INBOUND_SMTP_PORT', 0, 0) : null;
  const certPath = env.HEARD_INBOUND_TLS_CERT || null;
  const keyPath = env.HEARD_INBOUND_TLS_KEY || null;
  if ((certPath === null) !== (keyPath === null)) throw new Error('HEARD_INBOUND_TLS_CERT and HEARD_INBOUND_TLS_KEY go together: set both files for STARTTLS, or neither.');
  if (certPath !== null && port === null) throw new Error('HEARD_INBOUND_TLS_CERT is for the SMTP listener: set HEARD_INBOUND_SMTP_PORT too.');
  const tls = certPath !== null && keyPath !== null ? { cert: readable('HEARD_INBOUND_TLS_CERT', certPath), key: readable('HEARD_INBOUND_TLS_KEY', keyPath) } : null;
  return {
    address,
    replySecret,
    smtp: port === null ? null : { port, host: env.HEARD_INBOUND_SMTP_HOST || '0.0.0.0', tls },
    secret,
    webhookSecret,
  };
}

/**
 * @param {string} name
 * @param {string} path
 */
function readable(name, path) {
  try {
    return readFileSync(path);
  } catch {
    throw new Error(`${name} must name a readable PEM file; ${resolve(path)} could not be read.`);
  }
}

/** The shortest metrics token accepted: a scraper's secret, not a word. */
const MIN_METRICS_TOKEN = 32;

/**
 * `/metrics`, off unless HEARD_METRICS=1. Then it needs HEARD_METRICS_TOKEN (the scraper sends
 * it as a bearer token), or HEARD_METRICS_PORT, a port of its own bound to 127.0.0.1 only, or
 * both. Null: off.
 * @param {NodeJS.ProcessEnv} env
 * @returns {ServerConfig['metrics']}
 */
function metrics(env) {
  const raw = env.HEARD_METRICS;
  if (raw === undefined || raw === '' || raw === '0') return null;
  if (raw !== '1') throw new Error(`HEARD_METRICS must be 0 or 1; got "${raw}".`);
  const port = env.HEARD_METRICS_PORT ? integer(env, 'HEARD_METRICS_PORT', 0, 0) : null;
  const token = env.HEARD_METRICS_TOKEN || null;
  if (token === null && port === null) {
    throw new Error('HEARD_METRICS=1 needs HEARD_METRICS_TOKEN, the bearer token a scraper sends (at least 32 characters), or HEARD_METRICS_PORT, a port on 127.0.0.1 for them alone.');
  }
  if (token !== null && (token.length < MIN_METRICS_TOKEN || /\s/.test(token))) {
    throw new Error(`HEARD_METRICS_TOKEN must be at least ${MIN_METRICS_TOKEN} characters long, without spaces.`);
  }
  return { token, port };
}

/** @param {NodeJS.ProcessEnv} env */
function databaseUrl(env) {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return null;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@db.example:5432/heard; it could not be read as a URL.');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    // The value may hold a password: name the scheme only.
    throw new Error(`DATABASE_URL must start with postgres:// or postgresql://; got ${url.protocol}//…`);
  }
  return raw;
}

/**
 * Which proxies may say who the client is (`X-Forwarded-For`): the addresses and ranges of the
 * load balancers. Without it every visitor behind a balancer shares the balancer's address, and
 * with it the rate limits. "Trust anyone" and a bare count of hops are refused: either lets a
 * client that reaches the server directly name itself another address and slip every limit.
 * @param {NodeJS.ProcessEnv} env
 * @returns {false | string[]}
 */
function trustProxy(env) {
  const raw = env.HEARD_TRUST_PROXY?.trim();
  if (!raw) return false;
  const entries = raw.split(',').map((entry) => entry.trim()).filter(Boolean);
  const bad = entries.find((entry) => {
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address ?? '');
    if (family === 0 || rest.length > 0) return true;
    if (bits === undefined) return false;
    return !/^\d+$/.test(bits) || Number(bits) > (family === 4 ? 32 : 128);
  });
  if (bad !== undefined || entries.length === 0) {
    throw new Error(
      `HEARD_TRUST_PROXY must list the load balancers' addresses or ranges, such as 10.0.0.0/8,192.0.2.7; got "${bad ?? raw}".`,
    );
  }
  return entries;
}

/**
 * How long a client may take to send a request's headers, to send the whole request, and how
 * long a connection may sit silent, in seconds in the environment.
 * @param {NodeJS.ProcessEnv} env
 * @returns {import('./connection-limits.mjs').Timeouts}
 */
function timeouts(env) {
  const seconds = (/** @type {string} */ name, /** @type {number} */ fallbackMs) => integer(env, name, fallbackMs / 1000, 1) * 1000;
  const headersMs = seconds('HEARD_HEADERS_TIMEOUT_SECONDS', DEFAULT_TIMEOUTS.headersMs);
  const requestMs = seconds('HEARD_REQUEST_TIMEOUT_SECONDS', DEFAULT_TIMEOUTS.requestMs);
  const idleMs = seconds('HEARD_IDLE_TIMEOUT_SECONDS', DEFAULT_TIMEOUTS.idleMs);
  if (headersMs > requestMs) {
    throw new Error(`HEARD_HEADERS_TIMEOUT_SECONDS (${headersMs / 1000}) cannot be more than HEARD_REQUEST_TIMEOUT_SECONDS (${requestMs / 1000}): the request's time includes its headers.`);
  }
  return { headersMs, requestMs, idleMs };
}

/** The shortest `HEARD_LINK_SECRET` taken: 32 characters, as from `openssl rand -base64 32`. */
export const LINK_SECRET_MIN = 32;

/**
 * The secret the follow-up email's links are signed with, kept outside the database (null: the
 * one made once in the database). The value is never repeated in an error.
 * @param {NodeJS.ProcessEnv} env
 */
function linkSecret(env) {
  const raw = env.HEARD_LINK_SECRET;
  if (raw === undefined || raw === '') return null;
  if (raw.length < LINK_SECRET_MIN) {
    throw new Error(`HEARD_LINK_SECRET must be at least ${LINK_SECRET_MIN} characters long, such as the output of openssl rand -base64 32; got ${raw.length}.`);
  }
  return raw;
}

/** @param {NodeJS.ProcessEnv} env */
function sqlitePath(env) {
  const raw = env.HEARD_DB;
  if (raw !== undefined && raw.trim() === '' && raw !== '') throw new Error('HEARD_DB must be a file path; got only spaces.');
  const path = resolve(raw || './.heard/heard.db');
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return path;
  }
  if (stat.isDirectory()) throw new Error(`HEARD_DB must name a database file, not a folder; ${path} is a folder.`);
  return path;
}

/** @param {NodeJS.ProcessEnv} env */
function firstAdmin(env) {
  const adminEmail = env.HEARD_ADMIN_EMAIL?.trim() || null;
  const adminPassword = env.HEARD_ADMIN_PASSWORD || null;
  if ((adminEmail === null) !== (adminPassword === null)) {
    throw new Error('HEARD_ADMIN_EMAIL and HEARD_ADMIN_PASSWORD go together: set both, or neither to have a password generated for admin@localhost.');
  }
  if (adminEmail !== null && !/^[^\s@]+@[^\s@]+$/.test(adminEmail)) throw new Error('HEARD_ADMIN_EMAIL must be an email address.');
  if (adminPassword !== null && adminPassword.length < 10) throw new Error('HEARD_ADMIN_PASSWORD must be at least 10 characters long.');
  return { adminEmail, adminPassword };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * @param {NodeJS.ProcessEnv} env
 * @param {string} name
 * @param {string[]} allowed
 * @param {string} fallback
 */
function oneOf(env, name, allowed, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!allowed.includes(raw)) throw new Error(`${name} must be one of ${allowed.join(', ')}; got "${raw}".`);
  return raw;
}

/**
 * @param {NodeJS.ProcessEnv} env
 * @param {string} name
 * @param {number} fallback
 * @param {number} min
 */
function integer(env, name, fallback, min) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}; got "${raw}".`);
  return value;
}
