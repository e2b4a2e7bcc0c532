// @ts-check
/**
 * When a failed delivery is tried again. A destination may be down for days (a help desk's
 * maintenance, an expired certificate), so the default schedule spreads attempts over three
 * days: quick at first for a blip, then hours apart.
 */

/** Seconds between attempts, before jitter: the first retry 5 s after the first failure. */
const DEFAULT_STEPS = [5, 300, 1800, 7200, 18000];
/** After the first steps, every 10 h until three days have passed since the first attempt. */
const LONG_STEP = 36000;
const DEFAULT_TOTAL = 72 * 3600;
/** A destination's `Retry-After` is honoured up to a day; beyond that it is likely a mistake. */
const MAX_RETRY_AFTER = 24 * 3600;
/** Jitter adds up to this share of the step, so instances retrying together spread out. */
const JITTER = 0.2;

/**
 * The default schedule: `5,300,1800,7200,18000,36000,36000,…`, the last step shortened so the
 * final attempt falls at 72 h.
 * @returns {number[]}
 */
export function defaultRetrySchedule() {
  const steps = [...DEFAULT_STEPS];
  let total = steps.reduce((sum, step) => sum + step, 0);
  while (total < DEFAULT_TOTAL) {
    const step = Math.min(LONG_STEP, DEFAULT_TOTAL - total);
    steps.push(step);
    total += step;
  }
  return steps;
}

/**
 * Reads `HEARD_FORWARD_RETRY_SECONDS`: comma-separated whole seconds, one per retry.
 * @param {string | undefined} raw
 * @returns {number[]}
 */
export function parseRetrySchedule(raw) {
  if (raw === undefined || raw.trim() === '') return defaultRetrySchedule();
  const steps = raw.split(',').map((part) => part.trim());
  if (steps.some((step) => !/^\d+$/.test(step) || Number(step) < 1)) {
    throw new Error(`HEARD_FORWARD_RETRY_SECONDS must be comma-separated whole seconds of at least 1, e.g. "5,300,1800"; got "${raw}".`);
  }
  return steps.map(Number);
}

/**
 * Seconds a `Retry-After` header asks for (either form: seconds or an HTTP date), or null.
 * @param {string | null | undefined} value
 * @param {number} nowMs
 */
export function parseRetryAfter(value, nowMs) {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed), MAX_RETRY_AFTER);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, Math.ceil((at - nowMs) / 1000)), MAX_RETRY_AFTER);
}

/**
 * What to do after an attempt that did not succeed.
 * `attempts` counts the attempts made so far, the failed one included.
 * @param {{ attempts: number, schedule: number[], now: number, retryAfter?: number | null, random?: () => number }} input
 * @returns {{ retry: true, dueAt: string, delaySeconds: number } | { retry: false }}
 */
export function nextAttempt({ attempts, schedule, now, retryAfter = null, random = Math.random }) {
  const step = schedule[attempts - 1];
  if (step === undefined) return { retry: false };
  const jittered = step * (1 + JITTER * random());
  const delaySeconds = Math.max(jittered, retryAfter ?? 0);
  return { retry: true, dueAt: new Date(now + Math.round(delaySeconds * 1000)).toISOString(), delaySeconds };
}
