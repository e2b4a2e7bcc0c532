// @ts-check
/**
 * `POST /inbound/email`: a raw RFC 5322 message in the body (`message/rfc822`), for mail
 * providers that forward inbound mail over HTTP. The provider proves itself with the shared
 * secret as a bearer token (`HEARD_INBOUND_SECRET`) or a Standard Webhooks signature
 * (`HEARD_INBOUND_WEBHOOK_SECRET`, `whsec_…`). Every authenticated message gets the same 202,
 * threaded or not: the answer says only that it was taken.
 */
import { Webhook } from 'standardwebhooks';
import { bearerMatches } from '../metrics.mjs';
import { DEFAULT_MAX_MESSAGE_BYTES } from './smtp-listener.mjs';

const MAIL_TYPES = ['message/rfc822', 'application/octet-stream', 'text/plain'];

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{
 *   receive: ReturnType<typeof import('./receive.mjs').createInbound>['receive'],
 *   secret: string | null,
 *   webhookSecret: string | null,
 *   maxBytes?: number,
 * }} options
 */
export async function inboundRoutes(app, { receive, secret, webhookSecret, maxBytes = DEFAULT_MAX_MESSAGE_BYTES }) {
  if (!secret && !webhookSecret) throw new Error('POST /inbound/email needs HEARD_INBOUND_SECRET or HEARD_INBOUND_WEBHOOK_SECRET.');
  const webhook = webhookSecret ? new Webhook(webhookSecret) : null;
  // Only here, inside this plugin: the rest of the server takes JSON alone.
  app.addContentTypeParser(MAIL_TYPES, { parseAs: 'buffer', bodyLimit: maxBytes }, (_request, body, done) => done(null, body));

  app.post('/inbound/email', { bodyLimit: maxBytes }, async (request, reply) => {
    const body = request.body;
    if (!Buffer.isBuffer(body) || body.length === 0) {
      return reply.code(400).send({ error: 'bad-request', message: 'Send the email as it arrived (RFC 5322) in the body, as message/rfc822.' });
    }
    if (!authenticated(request.headers, body)) {
      return reply
        .code(401)
        .header('WWW-Authenticate', 'Bearer')
        .send({ error: 'unauthorized', message: 'Send the inbound secret as a bearer token, or sign the request with the Standard Webhooks secret.' });
    }
    await receive(body, { via: 'http' });
    return reply.code(202).send({ status: 'accepted' });
  });

  /**
   * @param {import('node:http').IncomingHttpHeaders} headers
   * @param {Buffer} body
   */
  function authenticated(headers, body) {
    if (secret && bearerMatches(headers.authorization, secret)) return true;
    if (!webhook || typeof headers['webhook-signature'] !== 'string') return false;
    try {
      webhook.verify(body, /** @type {Record<string, string>} */ (headers), { jsonParse: false });
      return true;
    } catch {
      return false;
    }
  }
}
