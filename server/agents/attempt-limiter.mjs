// @ts-check
import { createHash } from 'node:crypto';

/**
 * Counts attempts per key in a fixed window (sign-ins per address, per account and address), in
 * the database, so every instance on it counts the same attempts: with several instances an
 * attacker gets no more than with one, and a restart forgets nothing. Keys are kept as SHA-256
 * hashes, never as the address or email. A window's row goes only once it is over, so a flood of
 * new keys cannot wipe out a limit already reached.
 * @param {{
 *   store: Pick<import('../store/store.mjs').Store, 'countAttempt' | 'attemptCount' | 'clearAttempts'>,
 *   scope: string, max: number, windowMs: number, now?: () => number,
 * }} options `scope` keeps one limiter's keys apart from another's
 */
export function createAttemptLimiter({ store, scope, max, windowMs, now = Date.now }) {
  /** @param {string} key */
  const hashed = (key) => createHash('sha256').update(`${scope}\n${key}`).digest('base64url');
  return {
    /**
     * Counts one attempt for `key`. Resolves with 0 when it may go ahead, else the seconds until it may.
     * @param {string} key
     */
    async hit(key) {
      const at = now();
      const { count, resetAt } = await store.countAttempt(hashed(key), { at, windowMs });
      return count > max ? Math.max(1, Math.ceil((resetAt - at) / 1000)) : 0;
    },
    /** How many attempts `key` has made in its window, without counting one. @param {string} key */
    count: (key) => store.attemptCount(hashed(key), now()),
    /** Forgets `key` (after a successful sign-in, its earlier failures no longer count). @param {string} key */
    clear: (key) => store.clearAttempts(hashed(key)),
  };
}
