// @ts-check
/**
 * How many bytes each client may upload in a minute, counted by this instance alone (like the
 * records' rate limit). Each client's count starts with its first upload of a window; the table
 * holds at most `clients` of them, dropping the one whose window began longest ago, so a flood of
 * addresses costs bounded memory (a dropped client only starts a new window early).
 */

/** The megabytes of files one client may send a minute by default: two complaints' worth of the largest files. */
export const DEFAULT_UPLOAD_MB_PER_MINUTE = 200;

/**
 * @param {{ bytesPerMinute: number, clock: { now(): number }, clients?: number }} options
 */
export function createUploadBudget({ bytesPerMinute, clock, clients = 10_000 }) {
  const windowMs = 60_000;
  /** @type {Map<string, { start: number, used: number }>} */
  const windows = new Map();
  return {
    /**
     * Counts `bytes` against `client`'s minute: `{ ok: true }`, or how many seconds until the
     * client may send them (`bytes` alone over the budget always fits an empty minute).
     * @param {string} client
     * @param {number} bytes
     * @returns {{ ok: true } | { ok: false, retryAfterSeconds: number }}
     */
    take(client, bytes) {
      const now = clock.now();
      let window = windows.get(client);
      if (!window || now - window.start >= windowMs) {
        windows.delete(client);
        window = { start: now, used: 0 };
        windows.set(client, window);
        // A Map iterates in insertion order: the first key began its window longest ago.
        while (windows.size > clients) windows.delete(/** @type {string} */ (windows.keys().next().value));
      }
      if (window.used > 0 && window.used + bytes > bytesPerMinute) {
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + windowMs - now) / 1000)) };
      }
      window.used += bytes;
      return { ok: true };
    },
    /** How many clients are counted now (for tests). */
    get size() {
      return windows.size;
    },
  };
}
