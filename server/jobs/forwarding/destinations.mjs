// @ts-check
/**
 * Destinations as an admin manages them: what a new one must hold, and how one is shown. A
 * secret (a webhook's signing secret, a chat webhook URL, which is itself a credential) is shown
 * in full once, in the answer that created it, and afterwards only as its last four characters.
 */
import { EVENT_TYPES, isEventType } from './events.mjs';
import { checkDestinationUrl } from './http.mjs';
import { generateWebhookSecret, isWebhookSecret } from './webhook.mjs';

const EMAIL = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

/**
 * A destination as stored, with what the admin sees about it.
 * @typedef {import('./events.mjs').Destination & { createdAt: string, pausedReason: string | null, source: 'admin' | 'environment' }} StoredDestination
 * @typedef {{ kind: import('./events.mjs').DestinationKind, name: string, config: import('./events.mjs').Destination['config'], events: import('./events.mjs').EventType[] }} DestinationInput
 */

/** JSON schema of the body that adds a destination; the finer checks are in `checkDestinationInput`. */
export const DESTINATION_BODY_SCHEMA = {
  type: 'object',
  required: ['kind', 'name'],
  additionalProperties: false,
  properties: {
    kind: { enum: ['webhook', 'email', 'slack'] },
    name: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' },
    url: { type: 'string', maxLength: 2000 },
    secret: { type: 'string', maxLength: 200 },
    to: { type: 'string', maxLength: 254 },
    personalData: { type: 'boolean' },
    events: { type: 'array', items: { enum: [...EVENT_TYPES] }, uniqueItems: true, minItems: 1 },
  },
};

/**
 * Checks what an admin typed for a new destination. A webhook without a secret gets a new one.
 * @param {{ kind: string, name: string, url?: string, secret?: string, to?: string, personalData?: boolean, events?: string[] }} body
 * @param {{ allowPrivate: boolean, mailConfigured: boolean }} options
 * @returns {{ ok: true, input: DestinationInput, generatedSecret: string | null } | { ok: false, field: string, message: string }}
 */
export function checkDestinationInput(body, { allowPrivate, mailConfigured }) {
  const name = body.name.trim();
  const events = (body.events ?? ['complaint.created', 'complaint.escalated']).filter(isEventType);
  switch (body.kind) {
    case 'webhook': {
      const url = checkUrl(body.url, allowPrivate);
      if (!url.ok) return url;
      if (body.secret !== undefined && !isWebhookSecret(body.secret)) {
        return { ok: false, field: 'secret', message: 'The secret must be whsec_ followed by at least 24 bytes in base64; leave it empty to have one made.' };
      }
      const secret = body.secret ?? generateWebhookSecret();
      return { ok: true, input: { kind: 'webhook', name, config: { url: url.href, secret }, events }, generatedSecret: body.secret === undefined ? secret : null };
    }
    case 'slack': {
      const url = checkUrl(body.url, allowPrivate);
      if (!url.ok) return url;
      return { ok: true, input: { kind: 'slack', name, config: { url: url.href, personalData: body.personalData === true }, events }, generatedSecret: null };
    }
    case 'email': {
      const to = (body.to ?? '').trim();
      if (!EMAIL.test(to)) return { ok: false, field: 'to', message: 'Give one email address, such as team@shop.example.' };
      if (!mailConfigured) return { ok: false, field: 'to', message: 'Email needs a mail server: set HEARD_SMTP_URL and restart.' };
      return { ok: true, input: { kind: 'email', name, config: { to }, events }, generatedSecret: null };
    }
    default:
      return { ok: false, field: 'kind', message: 'The kind must be webhook, email or slack.' };
  }
}

/**
 * A destination as the admin's page shows it: secrets cut to their last four characters, and a
 * webhook URL's query string too.
 * @param {StoredDestination} destination
 */
export function publicDestination(destination) {
  const { config } = destination;
  /** @type {Record<string, unknown>} */
  let shown;
  if (destination.kind === 'webhook') {
    const { url, secret } = /** @type {import('./events.mjs').WebhookConfig} */ (config);
    shown = { url: maskQuery(url), secret: `whsec_…${secret.slice(-4)}` };
  } else if (destination.kind === 'slack') {
    const { url, personalData } = /** @type {import('./events.mjs').SlackConfig} */ (config);
    shown = { url: maskUrl(url), personalData };
  } else {
    shown = { to: /** @type {import('./events.mjs').EmailConfig} */ (config).to };
  }
  return {
    id: destination.id,
    kind: destination.kind,
    name: destination.name,
    ...shown,
    events: destination.events,
    paused: destination.paused,
    pausedReason: destination.pausedReason,
    source: destination.source,
    createdAt: destination.createdAt,
  };
}

/**
 * A chat webhook URL carries its credential in the path: show the origin and the last four.
 * @param {string} url
 */
export function maskUrl(url) {
  const parsed = new URL(url);
  return `${parsed.origin}/…${url.slice(-4)}`;
}

/**
 * A webhook URL's query string often carries the receiving service's API key: show the origin and
 * the path, and of the query only its last four characters, none when it is too short to hide
 * them. A URL without a query (or fragment) is shown whole.
 * @param {string} url
 */
export function maskQuery(url) {
  const parsed = new URL(url);
  if (!parsed.search && !parsed.hash) return url;
  const hidden = `${parsed.search}${parsed.hash}`;
  return `${parsed.origin}${parsed.pathname}${hidden[0]}…${hidden.length > 16 ? url.slice(-4) : ''}`;
}

/**
 * @param {string | undefined} raw
 * @param {boolean} allowPrivate
 * @returns {{ ok: true, href: string } | { ok: false, field: string, message: string }}
 */
function checkUrl(raw, allowPrivate) {
  if (!raw) return { ok: false, field: 'url', message: 'Give the URL to send to.' };
  const checked = checkDestinationUrl(raw.trim(), { allowPrivate });
  return checked.ok ? { ok: true, href: checked.url.href } : { ok: false, field: 'url', message: checked.message };
}
