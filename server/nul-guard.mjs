// @ts-check

/**
 * A NUL character (`%00` in a URL, `\u0000` in JSON) never reaches a route as it was sent.
 * PostgreSQL refuses one in any text it is given, so a stray NUL would otherwise fail in the
 * database as a server error, wherever a route happens to use it.
 *
 * - In a path or a query it answers 400: no id, token or filter of Heard's holds one.
 * - In a body it becomes U+FFFD, as the store writes it: an agent's reply with a stray NUL is
 *   kept, and an email holding one simply matches no account.
 *
 * The two routes that take visitors' own words (a complaint, a rating's comment) clean their
 * bodies themselves and set `config.cleansText`; their paths and queries are still checked.
 * @param {import('fastify').FastifyRequest} request
 * @param {import('fastify').FastifyReply} reply
 */
export async function guardNul(request, reply) {
  const where = holdsNul(request.params) ? 'path' : holdsNul(request.query) ? 'query' : null;
  if (where !== null) {
    return reply.code(400).send({ error: 'bad-request', message: `The request's ${where} holds a NUL character (%00), which no id, token or filter can hold.` });
  }
  if (/** @type {{ cleansText?: boolean }} */ (request.routeOptions.config).cleansText !== true) replaceNul(request.body);
}

/**
 * Whether an object from the URL (path parameters, query) holds a NUL in a key or a value.
 * @param {unknown} value
 */
function holdsNul(value) {
  if (!value || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, item]) => key.includes('\u0000') || (Array.isArray(item) ? item : [item]).some((one) => typeof one === 'string' && one.includes('\u0000')));
}

/**
 * Replaces every NUL in a parsed body's strings, keys included, with U+FFFD, in place. Walked
 * without recursion: JSON parses nesting far deeper than a call stack goes.
 * @param {unknown} body
 */
function replaceNul(body) {
  /** @type {unknown[]} */
  const pending = [body];
  while (pending.length > 0) {
    const item = pending.pop();
    if (!item || typeof item !== 'object') continue;
    const container = /** @type {Record<string, unknown>} */ (item);
    for (const key of Object.keys(container)) {
      const value = container[key];
      if (typeof value === 'string') {
        if (value.includes('\u0000')) container[key] = value.replaceAll('\u0000', '\uFFFD');
      } else if (value && typeof value === 'object') {
        pending.push(value);
      }
      if (key.includes('\u0000') && !Array.isArray(container)) {
        const moved = container[key];
        delete container[key];
        container[key.replaceAll('\u0000', '\uFFFD')] = moved;
      }
    }
  }
}
