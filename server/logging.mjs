// @ts-check
import { randomUUID } from 'node:crypto';
import { LogController } from 'fastify';

/**
 * What the server logs: one JSON line per request (method, path without its query, status,
 * time, request id) and one per failure, never a body, a header, a query string or an address.
 * Bodies hold what visitors wrote; headers and query strings hold tokens, keys and tickets;
 * an IP address is personal data too. An operator follows a failure by its request id, which
 * every answer carries in `X-Request-Id`.
 */

/** Keys whose values never reach a log line, wherever a caller puts them. */
const REDACTED = ['authorization', 'password', 'token', 'ticket', 'email', 'statusKey', 'userHash', 'body', 'headers'];

/**
 * Fastify's `logger` option for the server.
 * @param {{ level?: string, stream?: { write: (line: string) => void } }} options
 */
export function loggerOptions({ level = 'info', stream } = {}) {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: REDACTED.flatMap((key) => [key, `*.${key}`]), censor: '[redacted]' },
    serializers: {
      /** @param {import('fastify').FastifyRequest} request */
      req: (request) => ({ method: request.method, path: pathOf(request.url), route: request.routeOptions?.url ?? null }),
      /** @param {{ statusCode: number }} reply */
      res: (reply) => ({ statusCode: reply.statusCode }),
      err: serializeError,
    },
  };
}

/** A request id unique across instances, so lines from several receivers never collide. */
export const requestId = () => randomUUID();

/**
 * One line per request, written when it ends (Fastify's default is two, one of them before
 * anything is known), at `error` level for every 5xx whatever caused it.
 */
export class RequestLog extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'requestId' });
  }

  /** @override */
  incomingRequest() {}

  /**
   * @override
   * @param {Error | null} error
   * @param {import('fastify').FastifyRequest} request
   * @param {import('fastify').FastifyReply} reply
   */
  requestCompleted(error, request, reply) {
    const line = { req: request, res: reply, responseTime: Math.round(reply.elapsedTime), ...(error ? { err: error } : {}) };
    if (error || reply.statusCode >= 500) reply.log.error(line, 'request failed');
    else reply.log.info(line, 'request completed');
  }
}

/**
 * An error as an operator needs it: its kind, code, message and stack. Database drivers add
 * fields that quote the values involved (`detail`, `where`, `parameters`); those stay out.
 * @param {Error} error
 * @returns {{ type: string, message: string, stack: string, code?: string }}
 */
export function serializeError(error) {
  const { code } = /** @type {{ code?: unknown }} */ (error);
  return {
    type: error.name ?? 'Error',
    message: String(error.message),
    stack: error.stack ?? '',
    ...(typeof code === 'string' ? { code } : {}),
  };
}

/** @param {string} url */
function pathOf(url) {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
