// @ts-check
/**
 * The follow-up email's rating links: a capability, signed with HMAC-SHA256 under the server's
 * link secret, naming the complaint and when it expires (28 days). No sign-in: whoever holds the
 * link may rate that one complaint, once. The token is compared in constant time and never logged.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const RATING_LINK_DAYS = 28;

/**
 * @param {{ complaintId: string, expiresAt: number, secret: string, purpose?: 'rating' | 'unsubscribe' }} input
 *   `expiresAt` in ms; a token made for one purpose is refused for the other
 * @returns {string} `<payload>.<signature>`, both base64url
 */
export function signRatingToken({ complaintId, expiresAt, secret, purpose = 'rating' }) {
  const payload = Buffer.from(JSON.stringify({ c: complaintId, e: Math.floor(expiresAt / 1000) })).toString('base64url');
  return `${payload}.${sign(payload, secret, purpose)}`;
}

/**
 * @param {string} token
 * @param {{ secret: string, now: number, purpose?: 'rating' | 'unsubscribe' }} options
 * @returns {{ ok: true, complaintId: string } | { ok: false, reason: 'invalid' } | { ok: false, reason: 'expired', complaintId: string }}
 *   an expired link still names its complaint (its signature holds), so the page saying so can
 *   speak the visitor's language
 */
export function verifyRatingToken(token, { secret, now, purpose = 'rating' }) {
  const [payload, signature, extra] = String(token).split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(sign(payload, secret, purpose));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  /** @type {{ c?: unknown, e?: unknown }} */
  let claims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (typeof claims.c !== 'string' || typeof claims.e !== 'number') return { ok: false, reason: 'invalid' };
  if (claims.e * 1000 <= now) return { ok: false, reason: 'expired', complaintId: claims.c };
  return { ok: true, complaintId: claims.c };
}

/**
 * @param {string} payload
 * @param {string} secret
 * @param {string} purpose
 */
function sign(payload, secret, purpose) {
  return createHmac('sha256', secret).update(`heard-${purpose}:${payload}`).digest('base64url');
}
