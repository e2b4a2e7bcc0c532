// @ts-check
/**
 * Outgoing requests to destinations an admin typed in. A destination URL is untrusted input:
 * pointed at the server's own network it would turn forwarding into a way to reach internal
 * services. So every request refuses private, loopback and link-local addresses, checked on the
 * address actually connected to (the check sits in the socket's DNS lookup, so a name that
 * resolves differently a second time cannot slip through), never follows a redirect to another
 * host, and gives up after 15 seconds.
 */
import { lookup as dnsLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';

export const REQUEST_TIMEOUT_MS = 15_000;
const MAX_REDIRECTS = 3;
/** The answer's body is read only to free the connection; a destination's reply is not used. */
const MAX_ANSWER_BYTES = 16 * 1024;

/**
 * Addresses no destination may have unless private destinations are allowed. Two lists, because a
 * BlockList matches IPv4 addresses against IPv4-mapped IPv6 ranges too.
 */
const NOT_PUBLIC_V4 = new BlockList();
const NOT_PUBLIC_V6 = new BlockList();
for (const [network, prefix] of /** @type {const} */ ([
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
])) NOT_PUBLIC_V4.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of /** @type {const} */ ([
  ['::', 96], // unspecified, loopback, IPv4-compatible
  ['::ffff:0:0', 96], // IPv4-mapped: would reach any IPv4 address, private ones included
  ['64:ff9b::', 96], // NAT64
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: embeds an IPv4 address
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
])) NOT_PUBLIC_V6.addSubnet(network, prefix, 'ipv6');

/**
 * Why a request did not get an answer. `message` is short and safe to show an admin: it never
 * holds the URL (a Slack URL is itself a secret) or anything from the request body.
 */
export class DeliveryError extends Error {
  /**
   * @param {'bad-url' | 'private-address' | 'redirect-refused' | 'timeout' | 'network'} code
   * @param {string} message
   */
  constructor(code, message) {
    super(message);
    this.name = 'DeliveryError';
    this.code = code;
  }
}

/**
 * Whether an IP address is private, loopback, link-local or otherwise not on the public internet.
 * @param {string} address
 */
export function isPublicAddress(address) {
  const family = isIP(address);
  if (family === 0) return false;
  return family === 6 ? !NOT_PUBLIC_V6.check(address, 'ipv6') : !NOT_PUBLIC_V4.check(address, 'ipv4');
}

/** Why a private destination is refused, naming the setting that allows it. */
export const PRIVATE_REFUSED = 'The URL points to a private or local address; Heard sends only to public addresses unless the server runs with HEARD_ALLOW_PRIVATE_DESTINATIONS=1 (for a local setup).';

/**
 * Checks a destination URL as an admin saves it: http(s) only, no credentials in it, and (unless
 * private destinations are allowed) not a literal private address. Names are checked again on
 * every request, after DNS resolution.
 * @param {string} raw
 * @param {{ allowPrivate?: boolean }} [options]
 * @returns {{ ok: true, url: URL } | { ok: false, message: string }}
 */
export function checkDestinationUrl(raw, { allowPrivate = false } = {}) {
  /** @type {URL} */
  let url;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: 'The URL is not valid.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: 'The URL must start with https:// or http://.' };
  if (url.username || url.password) return { ok: false, message: 'The URL may not contain a user name or password.' };
  const host = bareHost(url);
  if (!allowPrivate && (isIP(host) !== 0 ? !isPublicAddress(host) : host === 'localhost' || host.endsWith('.localhost'))) {
    return { ok: false, message: PRIVATE_REFUSED };
  }
  return { ok: true, url };
}

/**
 * @typedef {{ status: number, headers: import('node:http').IncomingHttpHeaders }} Answer
 * @typedef {(url: string, request: { body: string, headers: Record<string, string> }) => Promise<Answer>} PostJson
 */

/**
 * Builds the function forwarding posts with. `allowPrivate` lifts the address check, for local
 * setups and tests (`HEARD_ALLOW_PRIVATE_DESTINATIONS=1`).
 * @param {{ allowPrivate?: boolean, timeoutMs?: number }} [options]
 * @returns {PostJson}
 */
export function createPoster({ allowPrivate = false, timeoutMs = REQUEST_TIMEOUT_MS } = {}) {
  const lookup = allowPrivate ? dnsLookup : publicOnlyLookup;
  return async (target, { body, headers }) => {
    const checked = checkDestinationUrl(target, { allowPrivate });
    if (!checked.ok) throw new DeliveryError(checked.message.includes('private') ? 'private-address' : 'bad-url', checked.message);
    const signal = AbortSignal.timeout(timeoutMs);
    let url = checked.url;
    for (let redirects = 0; ; redirects += 1) {
      const answer = await post(url, body, headers, lookup, signal);
      const location = answer.headers.location;
      if (answer.status < 300 || answer.status >= 400 || !location) return answer;
      /** @type {URL} */
      let next;
      try {
        next = new URL(location, url);
      } catch {
        throw new DeliveryError('redirect-refused', `Redirect (${answer.status}) to an invalid location`);
      }
      if (next.origin !== url.origin) throw new DeliveryError('redirect-refused', `Redirect (${answer.status}) to another host refused`);
      if (answer.status === 303 || redirects >= MAX_REDIRECTS) throw new DeliveryError('redirect-refused', `Redirect (${answer.status}) not followed`);
      url = next;
    }
  };
}

/**
 * @param {URL} url
 * @param {string} body
 * @param {Record<string, string>} headers
 * @param {import('node:net').LookupFunction} lookup
 * @param {AbortSignal} signal
 * @returns {Promise<Answer>}
 */
function post(url, body, headers, lookup, signal) {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Heard-Forwarding/1', ...headers, 'content-length': Buffer.byteLength(body) },
        lookup,
        signal,
        // A fresh connection each time: a kept-alive socket would skip the address check.
        agent: false,
      },
      (response) => {
        let read = 0;
        response.on('data', (/** @type {Buffer} */ chunk) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) response.destroy();
        });
        const done = () => resolve({ status: response.statusCode ?? 0, headers: response.headers });
        response.on('end', done);
        response.on('close', done);
        response.on('error', done);
      },
    );
    request.on('error', (error) => reject(describe(error, signal)));
    request.end(body);
  });
}

/**
 * @param {Error & { code?: string }} error
 * @param {AbortSignal} signal
 */
function describe(error, signal) {
  if (error instanceof DeliveryError) return error;
  if (signal.aborted) return new DeliveryError('timeout', 'No answer within the time limit');
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return new DeliveryError('network', 'Host name not found');
  if (error.code === 'ECONNREFUSED') return new DeliveryError('network', 'Connection refused');
  if (error.code === 'ECONNRESET') return new DeliveryError('network', 'Connection reset');
  if (error.code && error.code.startsWith('ERR_TLS') || /certificate/i.test(error.message)) return new DeliveryError('network', 'TLS certificate not accepted');
  return new DeliveryError('network', `Network error (${error.code ?? 'unknown'})`);
}

/**
 * The DNS lookup every forwarding socket uses: it answers only public addresses, so the address
 * checked is the address connected to. A name with no public address fails the request.
 * @type {import('node:net').LookupFunction}
 */
function publicOnlyLookup(hostname, options, callback) {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const allowed = addresses.filter((entry) => isPublicAddress(entry.address));
    const first = allowed[0];
    if (!first) {
      return callback(Object.assign(new DeliveryError('private-address', 'The destination resolves to a private or local address; set HEARD_ALLOW_PRIVATE_DESTINATIONS=1 to allow it (for a local setup)'), { code: 'EHEARDPRIVATE' }), '', 0);
    }
    if (options.all) return /** @type {any} */ (callback)(null, allowed);
    return callback(null, first.address, first.family);
  });
}

/** @param {URL} url */
function bareHost(url) {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}
