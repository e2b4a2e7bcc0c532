// @ts-check
/**
 * The address a visitor's answer goes to: `reply+<token>@inbound.shop.example` for
 * `HEARD_INBOUND_ADDRESS=reply@inbound.shop.example`. The token names the complaint and carries
 * an HMAC-SHA-256 of it, cut to 80 bits, so nobody can make one for a complaint they were not
 * mailed about, nor change one into another's. It is lowercase base32 (RFC 4648, no padding):
 * mail systems may fold a local part's case, and that changes nothing here.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Bytes of the signature kept: 80 bits, far beyond guessing at SMTP's pace. */
const MAC_BYTES = 10;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/**
 * The longest other id a token carries: `reply+`, the kind letter and the base32 of the id and
 * the signature stay within the 64 characters a local part may have.
 */
const MAX_OTHER_ID_BYTES = 24;
/** What a token looks like, before its signature is checked: the SMTP listener's first filter. */
export const TOKEN_SHAPE = /^[ui][a-z2-7]{20,60}$/;

/**
 * The inbound address split, or null when it is not one plain address.
 * @param {string} address such as `reply@inbound.shop.example`
 * @returns {{ local: string, domain: string } | null}
 */
export function splitInboundAddress(address) {
  const match = /^([A-Za-z0-9._-]+)@([A-Za-z0-9.-]+\.[A-Za-z]{2,})$/.exec(address.trim());
  return match ? { local: /** @type {string} */ (match[1]).toLowerCase(), domain: /** @type {string} */ (match[2]).toLowerCase() } : null;
}

/**
 * The Reply-To for a complaint's emails; null when its id is too long for a token (the email
 * then goes without one, as with no inbound address).
 * @param {{ local: string, domain: string }} inbound
 * @param {string} secret
 * @param {string} complaintId
 */
export function replyAddress(inbound, secret, complaintId) {
  const token = replyToken(secret, complaintId);
  return token ? `${inbound.local}+${token}@${inbound.domain}` : null;
}

/**
 * @param {string} secret
 * @param {string} complaintId
 * @returns {string | null}
 */
export function replyToken(secret, complaintId) {
  let kind;
  let id;
  if (UUID.test(complaintId)) {
    kind = 'u';
    id = Buffer.from(complaintId.replaceAll('-', ''), 'hex');
  } else {
    kind = 'i';
    id = Buffer.from(complaintId, 'utf8');
    if (id.length > MAX_OTHER_ID_BYTES) return null;
  }
  return kind + base32(Buffer.concat([id, mac(secret, complaintId)]));
}

/**
 * The complaint a recipient address names, when it is one of ours and its signature holds.
 * @param {{ local: string, domain: string }} inbound
 * @param {string} secret
 * @param {string} address
 * @returns {{ complaintId: string } | { complaintId: null, why: 'not-ours' | 'no-token' | 'forged-token' }}
 */
export function complaintForAddress(inbound, secret, address) {
  const token = tokenOf(inbound, address);
  if (token === undefined) return { complaintId: null, why: 'not-ours' };
  if (token === null) return { complaintId: null, why: 'no-token' };
  const complaintId = readToken(secret, token);
  return complaintId === null ? { complaintId: null, why: 'forged-token' } : { complaintId };
}

/**
 * The token in an address at the inbound domain: undefined when the address is not ours, null
 * when it is ours but carries no token of the right shape.
 * @param {{ local: string, domain: string }} inbound
 * @param {string} address
 * @returns {string | null | undefined}
 */
export function tokenOf(inbound, address) {
  const at = address.lastIndexOf('@');
  if (at < 1) return undefined;
  const local = address.slice(0, at).toLowerCase();
  if (address.slice(at + 1).toLowerCase() !== inbound.domain) return undefined;
  if (local === inbound.local) return null;
  if (!local.startsWith(`${inbound.local}+`)) return undefined;
  const token = local.slice(inbound.local.length + 1);
  return TOKEN_SHAPE.test(token) ? token : null;
}

/**
 * The complaint id a token names, or null when it was not made with `secret`.
 * @param {string} secret
 * @param {string} token lowercase or not
 */
export function readToken(secret, token) {
  const lower = token.toLowerCase();
  if (!TOKEN_SHAPE.test(lower)) return null;
  const bytes = unbase32(lower.slice(1));
  if (bytes === null || bytes.length <= MAC_BYTES) return null;
  const idBytes = bytes.subarray(0, bytes.length - MAC_BYTES);
  let complaintId;
  if (lower[0] === 'u') {
    if (idBytes.length !== 16) return null;
    const hex = idBytes.toString('hex');
    complaintId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  } else {
    complaintId = idBytes.toString('utf8');
    if (!/^[A-Za-z0-9-]{8,64}$/.test(complaintId) || UUID.test(complaintId)) return null;
  }
  return timingSafeEqual(bytes.subarray(bytes.length - MAC_BYTES), mac(secret, complaintId)) ? complaintId : null;
}

/**
 * @param {string} secret
 * @param {string} complaintId
 */
function mac(secret, complaintId) {
  return createHmac('sha256', secret).update(`heard reply address\n${complaintId}`).digest().subarray(0, MAC_BYTES);
}

/** @param {Buffer} bytes */
function base32(bytes) {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/**
 * @param {string} text lowercase base32 without padding
 * @returns {Buffer | null} null when a character is not base32 or stray bits are set
 */
function unbase32(text) {
  const out = [];
  let bits = 0;
  let value = 0;
  for (const char of text) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) return null;
    value = ((value << 5) | digit) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  if ((value & ((1 << bits) - 1)) !== 0) return null;
  return Buffer.from(out);
}
