// @ts-check
/**
 * Webhooks signed by the Standard Webhooks specification: `webhook-id` (the event's id, the same
 * on every retry, so a receiver can drop a duplicate), `webhook-timestamp` and
 * `webhook-signature` (`v1,<base64 HMAC-SHA256 of id.timestamp.body>`), signed with the
 * `standardwebhooks` package a receiver verifies with.
 */
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { messageFiles } from './events.mjs';

/**
 * The body a webhook destination receives. A visitor's message lists the files it sent, each
 * with its signed link, as `attachments` lists all the complaint's files.
 * @param {import('./events.mjs').EventContext} context
 */
export function webhookBody(context) {
  const { event, record, summary, inboxUrl, attachments } = context;
  const { message } = event.details;
  return JSON.stringify({
    type: event.type,
    timestamp: event.timestamp,
    data: {
      ...event.details,
      ...(message && attachments ? { message: { ...message, attachments: messageFiles(context) } } : {}),
      summary,
      inboxUrl,
      record,
      ...(attachments ? { attachments } : {}),
    },
  });
}

/**
 * The signed request for one event. The signature's timestamp is the moment of sending by the
 * wall clock, because a receiver compares it with its own clock to refuse replays.
 * @param {import('./events.mjs').EventContext} context
 * @param {string} secret `whsec_<base64>`
 * @param {Date} sentAt
 */
export function signedWebhook(context, secret, sentAt) {
  const body = webhookBody(context);
  const signature = new Webhook(secret).sign(context.event.id, sentAt, body);
  return {
    body,
    headers: {
      'webhook-id': context.event.id,
      'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
      'webhook-signature': signature,
    },
  };
}

/** A new signing secret, `whsec_` and 32 random bytes in base64. */
export function generateWebhookSecret() {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * Whether a secret is one the `standardwebhooks` package accepts: `whsec_` and base64 of at least
 * 24 bytes.
 * @param {unknown} secret
 * @returns {secret is string}
 */
export function isWebhookSecret(secret) {
  if (typeof secret !== 'string' || !/^whsec_[A-Za-z0-9+/]+={0,2}$/.test(secret)) return false;
  return Buffer.from(secret.slice('whsec_'.length), 'base64').length >= 24;
}
