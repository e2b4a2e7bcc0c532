// @ts-check
/**
 * One attempt to hand one event to one destination. The answer says whether it arrived and, if
 * not, what the queue should do: try again (after `retryAfter` seconds when the destination
 * asked), or pause the destination (`410 Gone`: it says it no longer exists).
 */
import { composeEmail, EMAIL_ATTACHMENTS_MAX_MB, sendEmail } from './email.mjs';
import { messageFiles } from './events.mjs';
import { DeliveryError } from './http.mjs';
import { parseRetryAfter } from './retry.mjs';
import { slackMessage } from './slack.mjs';
import { signedWebhook } from './webhook.mjs';

/**
 * @typedef {{ ok: true } | { ok: false, error: string, retryAfter: number | null, pause: boolean }} Outcome
 * @typedef {{
 *   post: import('./http.mjs').PostJson,
 *   mailer: import('./email.mjs').Mailer | null,
 *   mailFrom: string,
 *   now?: () => Date,
 *   openFile?: (sha256: string) => Promise<import('node:stream').Readable | null>,
 *   emailAttachmentsMaxBytes?: number,
 * }} DeliverOptions
 *   `now` is the wall clock used to sign webhooks (receivers compare it with theirs).
 *   `openFile` reads a kept file: an email to the team carries the complaint's files, in order
 *   (a message's own first), while together they weigh at most `emailAttachmentsMaxBytes`
 *   (10 MB); the rest are linked.
 */

/**
 * @param {import('./events.mjs').Destination} destination
 * @param {import('./events.mjs').EventContext} context
 * @param {DeliverOptions} options
 * @returns {Promise<Outcome>}
 */
export async function deliver(destination, context, { post, mailer, mailFrom, now = () => new Date(), openFile, emailAttachmentsMaxBytes = EMAIL_ATTACHMENTS_MAX_MB * 1024 * 1024 }) {
  switch (destination.kind) {
    case 'webhook': {
      const config = /** @type {import('./events.mjs').WebhookConfig} */ (destination.config);
      const sentAt = now();
      return answered(() => post(config.url, signedWebhook(context, config.secret, sentAt)), sentAt);
    }
    case 'slack': {
      const config = /** @type {import('./events.mjs').SlackConfig} */ (destination.config);
      const body = JSON.stringify(slackMessage(context, { personalData: config.personalData }));
      return answered(() => post(config.url, { body, headers: {} }), now());
    }
    case 'email': {
      const config = /** @type {import('./events.mjs').EmailConfig} */ (destination.config);
      if (!mailer) return { ok: false, error: 'No mail server configured (HEARD_SMTP_URL)', retryAfter: null, pause: false };
      /** @type {import('./email.mjs').AttachedFile[]} */
      const attached = [];
      try {
        let total = 0;
        // The files a message sent come first: they are what the email is about.
        const sent = messageFiles(context);
        const files = [...sent, ...(context.attachments ?? []).filter((file) => !sent.includes(file))];
        for (const file of openFile ? files : []) {
          if (!file.arrived || total + file.size > emailAttachmentsMaxBytes) continue;
          const content = await /** @type {NonNullable<typeof openFile>} */ (openFile)(file.sha256);
          if (!content) continue;
          attached.push({ sha256: file.sha256, type: file.type, content });
          total += file.size;
        }
      } catch {
        for (const { content } of attached) content.destroy();
        return { ok: false, error: 'The files could not be read from their storage', retryAfter: null, pause: false };
      }
      const sent = await sendEmail(mailer, composeEmail(context, { to: config.to, from: mailFrom, attached }));
      for (const { content } of attached) content.destroy();
      return sent.ok ? sent : { ok: false, error: sent.error, retryAfter: null, pause: false };
    }
  }
}

/**
 * @param {() => Promise<import('./http.mjs').Answer>} send
 * @param {Date} sentAt
 * @returns {Promise<Outcome>}
 */
async function answered(send, sentAt) {
  try {
    const { status, headers } = await send();
    if (status >= 200 && status < 300) return { ok: true };
    const retryAfter = status === 429 || status === 503 ? parseRetryAfter(headerValue(headers['retry-after']), sentAt.getTime()) : null;
    return { ok: false, error: `${status} from destination`, retryAfter, pause: status === 410 };
  } catch (error) {
    if (error instanceof DeliveryError) return { ok: false, error: error.message, retryAfter: null, pause: false };
    throw error;
  }
}

/** @param {string | string[] | undefined} value */
function headerValue(value) {
  return Array.isArray(value) ? value[0] : value;
}
