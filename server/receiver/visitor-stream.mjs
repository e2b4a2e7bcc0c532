// @ts-check
import { createHash, randomBytes } from 'node:crypto';
import { beginEventStream } from '../event-hub.mjs';
import { VISITOR_TICKET } from '../store/shared.mjs';
import { allowedOrigin } from './routes.mjs';
import { statusKeyMatches } from './status-key.mjs';

/** Streams one complaint may have open at once on one instance (a few tabs). */
export const STREAMS_PER_COMPLAINT = 3;
/** Visitors' streams one address may hold open at once on one instance. */
export const STREAMS_PER_ADDRESS = 20;
/** How long a visitor's stream ticket opens a stream. */
const TICKET_TTL_MS = 30_000;

/** @param {string} ticket */
const digest = (ticket) => createHash('sha256').update(ticket).digest('base64url');

/**
 * The visitors' live streams on this instance: each open thread in a widget hears, as a `changed`
 * event, that its complaint changed (a reply, a message, its status) and reads its status again.
 * One complaint holds at most `perComplaint` streams and one address `perAddress`: one more ends
 * the oldest of them (its widget, if still open, reconnects). While a stream is open its
 * complaint is "read now": `reading` is published when it opens, on every heartbeat and when
 * the last one closes, for the inboxes on every instance.
 * @param {{
 *   publish: (type: string, data: object) => Promise<void>,
 *   heartbeatMs?: number,
 *   perComplaint?: number,
 *   perAddress?: number,
 * }} options
 */
export function createVisitorHub({ publish, heartbeatMs = 20_000, perComplaint = STREAMS_PER_COMPLAINT, perAddress = STREAMS_PER_ADDRESS }) {
  /** @type {Map<string, Set<import('node:http').ServerResponse>>} */
  const byComplaint = new Map();
  /** @type {Map<string, Set<import('node:http').ServerResponse>>} */
  const byAddress = new Map();
  /** @param {string} id @param {boolean} reading */
  const tell = (id, reading) => void publish('reading', { id, reading }).catch(() => {});
  const heartbeat = setInterval(() => {
    for (const [id, streams] of byComplaint) {
      for (const res of streams) res.write(': keep-alive\n\n');
      tell(id, true);
    }
  }, heartbeatMs);
  heartbeat.unref();

  /** @param {Map<string, Set<import('node:http').ServerResponse>>} map @param {string} key @param {number} max */
  const join = (map, key, max) => {
    const set = map.get(key) ?? new Set();
    map.set(key, set);
    for (const oldest of set) {
      if (set.size < max) break;
      set.delete(oldest);
      oldest.end();
    }
    return set;
  };

  return {
    /** @param {import('node:http').ServerResponse} res @param {string} complaintId @param {string} address @param {Record<string, string>} headers */
    add(res, complaintId, address, headers) {
      const mine = join(byComplaint, complaintId, perComplaint);
      const theirs = join(byAddress, address, perAddress);
      beginEventStream(res, headers);
      mine.add(res);
      theirs.add(res);
      tell(complaintId, true);
      res.on('close', () => {
        mine.delete(res);
        theirs.delete(res);
        if (theirs.size === 0 && byAddress.get(address) === theirs) byAddress.delete(address);
        if (mine.size === 0 && byComplaint.get(complaintId) === mine) {
          byComplaint.delete(complaintId);
          tell(complaintId, false);
        }
      });
    },
    /** A complaint changed: its open threads read it again. @param {string} complaintId */
    changed(complaintId) {
      for (const res of byComplaint.get(complaintId) ?? []) res.write('event: changed\ndata: {}\n\n');
    },
    /** Ends every stream; each widget reconnects and reads its status again. */
    disconnectAll() {
      for (const streams of byComplaint.values()) for (const res of streams) res.end();
    },
    closeAll() {
      clearInterval(heartbeat);
      this.disconnectAll();
    },
    size: () => [...byComplaint.values()].reduce((sum, streams) => sum + streams.size, 0),
  };
}

/**
 * `POST /complaints/:id/stream-ticket` (the status key as a bearer; 404 alike for an unknown id
 * and a wrong key) gives a one-use ticket good for 30 seconds; `GET /complaints/:id/stream?ticket=`
 * opens the complaint's live stream with it. An `EventSource` cannot send headers, and the key
 * never goes in a URL or an access log.
 * @param {import('fastify').FastifyInstance} receiver
 * @param {{ store: import('../store/store.mjs').Store, origins: Set<string>, perMinute: number, hub: ReturnType<typeof createVisitorHub>, clock: { now(): number } }} options
 */
export async function visitorStreamRoutes(receiver, { store, origins, perMinute, hub, clock }) {
  const notFound = { error: 'not-found', message: 'No complaint with this id and key.' };
  const params = { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } };
  receiver.post(
    '/complaints/:id/stream-ticket',
    { config: { ...(perMinute > 0 ? { rateLimit: { max: perMinute, timeWindow: 60_000 } } : {}) }, onRequest: allowedOrigin(origins), schema: { params } },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      const { id } = /** @type {{ id: string }} */ (request.params);
      const status = await store.getStatus(id);
      if (!statusKeyMatches(request.headers.authorization, status?.statusKeyHash) || !status) return reply.code(404).send(notFound);
      const ticket = randomBytes(24).toString('base64url');
      const expiresAt = new Date(clock.now() + TICKET_TTL_MS).toISOString();
      await store.addStreamTicket({ hash: digest(ticket), expiresAt, sessionHash: VISITOR_TICKET + id });
      return reply.code(201).send({ ticket, expiresAt });
    },
  );
  receiver.get('/complaints/:id/stream', { onRequest: allowedOrigin(origins), schema: { params } }, async (request, reply) => {
    const { id } = /** @type {{ id: string }} */ (request.params);
    const { ticket } = /** @type {{ ticket?: unknown }} */ (request.query);
    const complaintId = typeof ticket === 'string' && ticket.length <= 200 ? await store.redeemVisitorTicket(digest(ticket), new Date(clock.now()).toISOString()) : null;
    if (complaintId === null || complaintId !== id) {
      return reply.code(404).header('Cache-Control', 'no-store').send({ error: 'not-found', message: 'The stream ticket is missing, used, expired or for another complaint.' });
    }
    // The hijacked answer skips Fastify's hooks: the CORS header the widget needs goes with it.
    const origin = request.headers.origin;
    const headers = origin !== undefined && origins.has(origin) ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {};
    reply.hijack();
    hub.add(reply.raw, id, request.ip, /** @type {Record<string, string>} */ (headers));
  });
}
