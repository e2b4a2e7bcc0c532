// @ts-check
/**
 * Forwarding's settings, read once at start from the environment. A headless deployment
 * configures its destinations here; an admin can add more in the inbox.
 */
import { EVENT_TYPES } from './events.mjs';
import { checkDestinationUrl } from './http.mjs';
import { parseRetrySchedule } from './retry.mjs';
import { isWebhookSecret } from './webhook.mjs';

/**
 * A destination configured by environment variables; kept in the database under a fixed id so
 * its queue and history survive restarts, and replaced from the environment at every start.
 * @typedef {Omit<import('./events.mjs').Destination, 'paused'>} EnvironmentDestination
 * @typedef {{
 *   retrySchedule: number[],
 *   allowPrivate: boolean,
 *   smtpUrl: string | null,
 *   mailFrom: string,
 *   publicUrl: string | null,
 *   teamEmail: string | null,
 *   destinations: EnvironmentDestination[],
 * }} ForwardingConfig
 *   `teamEmail` is the address visitors' emails (replies, a moved date, follow-ups) are answered
 *   to: `HEARD_REPLY_TO`, else `HEARD_NOTIFY_EMAIL`.
 */

const EMAIL = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

/**
 * @param {NodeJS.ProcessEnv} env
 * @returns {ForwardingConfig}
 */
export function readForwardingConfig(env) {
  const allowPrivate = flag(env, 'HEARD_ALLOW_PRIVATE_DESTINATIONS');
  const smtpUrl = env.HEARD_SMTP_URL || null;
  if (smtpUrl !== null && !/^smtps?:\/\/[^/]/.test(smtpUrl)) {
    throw new Error('HEARD_SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.shop.example:587.');
  }
  const publicUrl = env.HEARD_PUBLIC_URL ? env.HEARD_PUBLIC_URL.replace(/\/$/, '') : null;
  if (publicUrl !== null && !/^https?:\/\/[^/]+$/.test(publicUrl)) {
    throw new Error(`HEARD_PUBLIC_URL must be the server's public origin, e.g. https://heard.shop.example; got "${env.HEARD_PUBLIC_URL}".`);
  }
  const mailFrom = env.HEARD_MAIL_FROM || 'Heard <heard@localhost>';

  /** @type {EnvironmentDestination[]} */
  const destinations = [];
  const events = [...EVENT_TYPES];
  if (env.HEARD_WEBHOOK_URL) {
    const url = destinationUrl(env, 'HEARD_WEBHOOK_URL', allowPrivate);
    const secret = env.HEARD_WEBHOOK_SECRET;
    if (!isWebhookSecret(secret)) throw new Error('HEARD_WEBHOOK_SECRET must be set with HEARD_WEBHOOK_URL, as whsec_ followed by at least 24 bytes in base64.');
    destinations.push({ id: 'env-webhook', kind: 'webhook', name: 'Webhook (HEARD_WEBHOOK_URL)', config: { url, secret }, events });
  } else if (env.HEARD_WEBHOOK_SECRET) {
    throw new Error('HEARD_WEBHOOK_SECRET is set but HEARD_WEBHOOK_URL is not.');
  }
  if (env.HEARD_NOTIFY_EMAIL) {
    const to = env.HEARD_NOTIFY_EMAIL.trim();
    if (!EMAIL.test(to)) throw new Error(`HEARD_NOTIFY_EMAIL must be one email address; got "${to}".`);
    if (smtpUrl === null) throw new Error('HEARD_NOTIFY_EMAIL needs HEARD_SMTP_URL, the mail server to send through.');
    destinations.push({ id: 'env-email', kind: 'email', name: 'Email (HEARD_NOTIFY_EMAIL)', config: { to }, events });
  }
  const replyTo = env.HEARD_REPLY_TO?.trim() || null;
  if (replyTo !== null && !EMAIL.test(replyTo)) throw new Error(`HEARD_REPLY_TO must be one email address; got "${replyTo}".`);
  if (replyTo !== null && smtpUrl === null) throw new Error('HEARD_REPLY_TO needs HEARD_SMTP_URL, the mail server to send through.');
  if (env.HEARD_SLACK_WEBHOOK_URL) {
    const url = destinationUrl(env, 'HEARD_SLACK_WEBHOOK_URL', allowPrivate);
    destinations.push({ id: 'env-slack', kind: 'slack', name: 'Chat (HEARD_SLACK_WEBHOOK_URL)', config: { url, personalData: false }, events });
  }
  return {
    retrySchedule: parseRetrySchedule(env.HEARD_FORWARD_RETRY_SECONDS),
    allowPrivate,
    smtpUrl,
    mailFrom,
    publicUrl,
    teamEmail: replyTo ?? (env.HEARD_NOTIFY_EMAIL ? env.HEARD_NOTIFY_EMAIL.trim() : null),
    destinations,
  };
}

/**
 * @param {NodeJS.ProcessEnv} env
 * @param {string} name
 * @param {boolean} allowPrivate
 */
function destinationUrl(env, name, allowPrivate) {
  const checked = checkDestinationUrl(String(env[name]), { allowPrivate });
  // The URL itself is not repeated: a chat webhook URL is a secret.
  if (!checked.ok) throw new Error(`${name}: ${checked.message}`);
  return checked.url.href;
}

/**
 * @param {NodeJS.ProcessEnv} env
 * @param {string} name
 */
function flag(env, name) {
  const raw = env[name];
  if (raw === undefined || raw === '' || raw === '0') return false;
  if (raw === '1') return true;
  throw new Error(`${name} must be 1 or 0; got "${raw}".`);
}
