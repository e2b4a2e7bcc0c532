// @ts-check
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Verified identity (as Intercom's `user_hash`): the site's server signs its signed-in
 * customer's id, `userHash = hex(HMAC-SHA256(secret, userId ?? email))`, and the page passes it
 * to `Heard.identify()`. Anyone can call `identify()` from the console; only the site's server
 * knows the secret, so a matching hash means the site vouches for who the visitor is.
 *
 * Returns `(visitor) => boolean`; without a secret, nobody is verified.
 * @param {string | null | undefined} secret `HEARD_IDENTITY_SECRET`
 */
export function createIdentityCheck(secret) {
  /**
   * @param {{ userId?: string, email: string | null, userHash?: string }} visitor
   * @returns {boolean}
   */
  return (visitor) => {
    const subject = visitor.userId ?? visitor.email;
    if (!secret || !visitor.userHash || !subject) return false;
    const expected = Buffer.from(identityHash(secret, subject), 'latin1');
    const given = Buffer.from(visitor.userHash, 'latin1');
    // The schema already holds userHash to 64 lowercase hex characters; lengths differ only on
    // a malformed value, and then the length is all that leaks.
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
}

/**
 * The `userHash` a site's server computes for its customer (also what tests sign with).
 * @param {string} secret
 * @param {string} subject the customer's id, or their email when there is no id
 */
export function identityHash(secret, subject) {
  return createHmac('sha256', secret).update(subject, 'utf8').digest('hex');
}
