// @ts-check

/**
 * Counts attempts per key in a fixed window (sign-ins per address, per account and address), in
 * memory: each instance counts its own, so with several instances an attacker gets that many
 * times the allowance. Bounded: when it is full, a new key takes the place of one whose window
 * is over or, failing that, of the oldest key not yet over its limit, so a flood of new keys
 * cannot wipe out a limit already reached.
 * @param {{ max: number, windowMs: number, maxKeys?: number, now?: () => number }} options
 */
export function createAttemptLimiter({ max, windowMs, maxKeys = 50_000, now = Date.now }) {
  /** @type {Map<string, { count: number, resetAt: number }>} */
  const windows = new Map();

  /** Makes room for one key. @param {number} at */
  function makeRoom(at) {
    let spare;
    for (const [key, entry] of windows) {
      if (entry.resetAt <= at) {
        windows.delete(key);
        return;
      }
      if (spare === undefined && entry.count <= max) spare = key;
    }
    windows.delete(spare ?? /** @type {string} */ (windows.keys().next().value));
  }

  /** @param {string} key @param {number} at */
  function current(key, at) {
    const entry = windows.get(key);
    return entry && entry.resetAt > at ? entry : undefined;
  }

  return {
    /**
     * Counts one attempt for `key`. Returns 0 when it may go ahead, else the seconds until it may.
     * @param {string} key
     */
    hit(key) {
      const at = now();
      let entry = current(key, at);
      if (!entry) {
        windows.delete(key);
        if (windows.size >= maxKeys) makeRoom(at);
        entry = { count: 0, resetAt: at + windowMs };
        windows.set(key, entry);
      }
      entry.count++;
      return entry.count > max ? Math.ceil((entry.resetAt - at) / 1000) : 0;
    },
    /** How many attempts `key` has made in its window, without counting one. @param {string} key */
    count(key) {
      return current(key, now())?.count ?? 0;
    },
    /** Forgets `key` (after a successful sign-in, its earlier failures no longer count). @param {string} key */
    clear(key) {
      windows.delete(key);
    },
  };
}
