// @ts-check

/**
 * Counts attempts per key in a fixed window (sign-ins per email, per address), in memory: each
 * instance counts its own, so with several instances an attacker gets that many times the
 * allowance. Bounded: the oldest keys go first when it is full.
 * @param {{ max: number, windowMs: number, maxKeys?: number, now?: () => number }} options
 */
export function createAttemptLimiter({ max, windowMs, maxKeys = 50_000, now = Date.now }) {
  /** @type {Map<string, { count: number, resetAt: number }>} */
  const windows = new Map();

  return {
    /**
     * Counts one attempt for `key`. Returns 0 when it may go ahead, else the seconds until it may.
     * @param {string} key
     */
    hit(key) {
      const at = now();
      let entry = windows.get(key);
      if (!entry || entry.resetAt <= at) {
        windows.delete(key);
        if (windows.size >= maxKeys) windows.delete(/** @type {string} */ (windows.keys().next().value));
        entry = { count: 0, resetAt: at + windowMs };
        windows.set(key, entry);
      }
      entry.count++;
      return entry.count > max ? Math.ceil((entry.resetAt - at) / 1000) : 0;
    },
    /** Forgets `key` (after a successful sign-in, its earlier failures no longer count). @param {string} key */
    clear(key) {
      windows.delete(key);
    },
  };
}
