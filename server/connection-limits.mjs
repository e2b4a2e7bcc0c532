// @ts-check
import { BlockList, isIP } from 'node:net';

/**
 * How long a client may take, in milliseconds: to send a request's headers; to send the whole
 * request, body included; and to stay silent in the middle of a request or its answer. Without
 * them a client that trickles a byte now and then holds its connection, and with enough of
 * them the server, for as long as it likes. The live inbox stream is not cut by any of them:
 * its request is complete at once, and its socket has no idle limit (its heartbeat, or the
 * first write after the client has gone, ends it).
 * @typedef {{ headersMs: number, requestMs: number, idleMs: number }} Timeouts
 */

/** @type {Timeouts} */
export const DEFAULT_TIMEOUTS = { headersMs: 10_000, requestMs: 30_000, idleMs: 60_000 };

/** Open connections one client address may hold at once. */
export const DEFAULT_CONNECTIONS_PER_ADDRESS = 50;

/**
 * Fastify's options for the timeouts. Node checks the header and request limits on a sweep; it
 * runs often enough here that a limit is kept to within a quarter of itself.
 * @param {Timeouts} timeouts
 */
export function timeoutOptions({ headersMs, requestMs, idleMs }) {
  if (!(headersMs > 0 && requestMs > 0 && idleMs > 0)) throw new Error('Every timeout must be more than 0 ms.');
  if (headersMs > requestMs) throw new Error('The headers timeout cannot be longer than the request timeout, which includes the headers.');
  const connectionsCheckingInterval = Math.max(100, Math.min(30_000, Math.floor(Math.min(headersMs, requestMs) / 4)));
  return {
    requestTimeout: requestMs,
    connectionTimeout: idleMs,
    http: { headersTimeout: headersMs, requestTimeout: requestMs, connectionsCheckingInterval },
  };
}

/**
 * Caps the connections one address holds that are not being answered: connected and still
 * sending a request, or idle between two. When a new one would pass `max`, the one of them
 * that has waited longest is closed, and the new one is served. A connection whose answer has
 * begun (an inbox's live stream, a download) is never counted or closed, so any number of
 * agents and visitors behind one address (an office's NAT) keep their streams and get their
 * answers, while a client opening connections that trickle or send nothing holds at most
 * `max` of them. The trusted load balancers (`trustProxy`) are exempt: every visitor behind
 * one arrives through it. 0 turns the cap off.
 * @param {import('node:http').Server} server
 * @param {{ max: number, trustProxy: false | string[] }} options
 */
export function limitConnectionsPerAddress(server, { max, trustProxy }) {
  if (max <= 0) return;
  const exempt = new BlockList();
  for (const entry of trustProxy || []) {
    const [address = '', bits] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) exempt.addAddress(address, family);
    else exempt.addSubnet(address, Number(bits), family);
  }
  /**
   * Each address's connections, with when each began waiting for a request (a counter, not a
   * clock) and the answer it is in the middle of, if any.
   * @type {Map<string, Map<import('node:net').Socket, { since: number, answer: import('node:http').ServerResponse | null }>>}
   */
  const open = new Map();
  let tick = 0;
  server.on('connection', (/** @type {import('node:net').Socket} */ socket) => {
    const address = socket.remoteAddress;
    if (address === undefined || exempt.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4')) return;
    const held = open.get(address) ?? new Map();
    open.set(address, held);
    /** @type {import('node:net').Socket | null} */
    let longest = null;
    let waiting = 0;
    let longestSince = Infinity;
    for (const [other, state] of held) {
      if (other.destroyed || state.answer?.headersSent) continue;
      waiting += 1;
      if (state.since < longestSince) [longest, longestSince] = [other, state.since];
    }
    if (waiting >= max && longest) longest.destroy();
    held.set(socket, { since: ++tick, answer: null });
    socket.once('close', () => {
      held.delete(socket);
      if (held.size === 0 && open.get(address) === held) open.delete(address);
    });
  });
  server.on('request', (/** @type {import('node:http').IncomingMessage} */ request, /** @type {import('node:http').ServerResponse} */ response) => {
    const address = request.socket.remoteAddress;
    const state = address === undefined ? undefined : open.get(address)?.get(request.socket);
    if (!state) return;
    state.answer = response;
    const done = () => {
      if (state.answer !== response) return;
      state.answer = null;
      state.since = ++tick;
    };
    response.once('finish', done);
    response.once('close', done);
  });
}
