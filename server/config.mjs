// @ts-check
import { resolve } from 'node:path';

/**
 * @typedef {{
 *   port: number,
 *   host: string,
 *   dbPath: string,
 *   agentToken: string | null,
 *   allowedOrigins: string[] | null,
 *   bodyLimit: number,
 *   rateLimit: number,
 *   logLevel: string,
 *   identitySecret: string | null,
 * }} ServerConfig
 */

/**
 * Reads the server's settings from the environment (see server/README.md). `agentToken` null
 * means "generate one"; `allowedOrigins` null means "the server's own origin".
 * @param {NodeJS.ProcessEnv} env
 * @returns {ServerConfig}
 */
export function readConfig(env) {
  return {
    port: integer(env, 'PORT', 8787, 0),
    host: env.HOST || '127.0.0.1',
    dbPath: resolve(env.HEARD_DB || './.heard/heard.db'),
    agentToken: env.HEARD_AGENT_TOKEN || null,
    allowedOrigins: env.HEARD_ALLOWED_ORIGINS
      ? env.HEARD_ALLOWED_ORIGINS.split(',').map((origin) => origin.trim().replace(/\/$/, '')).filter(Boolean)
      : null,
    bodyLimit: integer(env, 'HEARD_BODY_LIMIT', 1024 * 1024, 1024),
    rateLimit: integer(env, 'HEARD_RATE_LIMIT', 120, 0),
    logLevel: oneOf(env, 'HEARD_LOG_LEVEL', LOG_LEVELS, 'info'),
    identitySecret: env.HEARD_IDENTITY_SECRET || null,
  };
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
