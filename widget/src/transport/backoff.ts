/** Longest `Retry-After` honoured; anything longer is taken as this (a day). */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Exponential backoff with full jitter: a uniformly random wait between 0 and
 * `min(maxMs, baseMs * 2^(attempts - 1))`, so many clients retrying together spread out.
 *
 * @param attempts Attempts made so far (1 after the first failure).
 * @param baseMs The ceiling after the first failure.
 * @param maxMs The cap on the ceiling.
 * @param random A source of numbers in [0, 1).
 */
export function backoffDelay(attempts: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Milliseconds to wait from a `Retry-After` header: delta-seconds or an HTTP date.
 * Returns `null` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return null;
    ms = at - now;
  }
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

/** Answers worth retrying: timeouts, too early, too many requests and server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}
