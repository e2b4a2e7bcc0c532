import type { ComplaintRecord, Deliverable, MessageRecord } from '../record/record';
import { isRetryableStatus, parseRetryAfter } from './backoff';

/**
 * One `POST` of a record to the endpoint, classified. Never rejects. A visitor's follow-up goes
 * to its complaint's `/<id>/messages` with the status key as a bearer, and a 404 there is tried
 * again later: the complaint itself may still be on its way, and nothing is dropped for it.
 *
 * @param body The record; its `id` is the `Idempotency-Key`.
 * @param options.endpoint Where to post.
 * @param options.siteKey Sent as `X-Heard-Site-Key` when given.
 * @param options.fetch The fetch to use.
 * @param options.timeoutMs Abort after this long; counts as a network error.
 * @param options.signal Aborts the attempt without it counting as a failure (page going away).
 * @param options.keepalive Let the request outlive the page (bodies must stay under 64 KiB).
 * @param options.now Clock for HTTP-date `Retry-After`.
 */
export async function postDeliverable(body: Deliverable, options: PostOptions): Promise<AttemptResult> {
  const message = body.type === 'message';
  // A follow-up's files go before it: the receiver takes a message only naming files it has.
  if (message && body.attachments && !(await uploaded(body, options, options.signal))) return later(options);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = (): void => controller.abort();
  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener('abort', onAbort);
  try {
    const response = await options.fetch(message ? complaintUrl(options.endpoint, body.complaintId, 'messages') : options.endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': body.id,
        ...(options.siteKey ? { 'X-Heard-Site-Key': options.siteKey } : {}),
        ...(message ? { Authorization: `Bearer ${body.statusKey}` } : {}),
      },
      // A follow-up's server gets its id, text and time; the rest is for the outbox.
      body: JSON.stringify(body, message ? ['id', 'text', 'at', 'attachments'] : undefined),
      signal: controller.signal,
      keepalive: options.keepalive ?? false,
      credentials: 'omit',
    });
    const status = response.status;
    // A 2xx says what the team's queue shows (the receiver re-triages); of any other answer
    // nothing is needed, so the connection is released.
    if (status >= 200 && status < 300) {
      const receipt = parseReceipt(await response.json().catch(() => null), body.id);
      // A complaint's files go after it (the receiver takes them by its id and key): it stays in
      // the outbox, tried again by its rules, until every one is there. Never from a closing page.
      clearTimeout(timer);
      if (body.type === 'complaint' && body.attachments && !(await uploaded(body, options, controller.signal))) return later(options);
      return { outcome: 'delivered', status, receipt };
    }
    response.body?.cancel().catch(() => {});
    if (status >= 400 && !isRetryableStatus(status) && !(message && status === 404)) return { outcome: 'rejected', status };
    return {
      outcome: 'retry',
      status,
      retryAfterMs: parseRetryAfter(response.headers.get('Retry-After'), options.now()),
    };
  } catch (error) {
    if (options.signal?.aborted && !timedOut) return { outcome: 'aborted' };
    return { outcome: 'retry', status: null, retryAfterMs: null, error };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Sends the files `body` names that this device still holds (a download of its own): false when
 * one must be tried again later, and always from a closing page, which never sends them.
 */
const uploaded = (body: ComplaintRecord | MessageRecord, options: PostOptions, signal?: AbortSignal): Promise<boolean> =>
  options.keepalive ? Promise.resolve(false) : import('../attach/attach').then((m) => m.upload(body, options.endpoint, options.fetch, signal), () => false);

/** Not delivered this time: tried again by the outbox's rules, unless the page is going away. */
const later = (options: PostOptions): AttemptResult => (options.signal?.aborted ? { outcome: 'aborted' } : { outcome: 'retry', status: null, retryAfterMs: null });

/**
 * The receiver's answer to a complaint, checked: the reference it is stored under and the date
 * its queue shows. `null` for anything else (a rating's answer, a proxy's page, another record's
 * answer), and `dueBy` is `null` when the answer has no usable date: the widget's own stands.
 */
export function parseReceipt(answer: unknown, id: string): Receipt | null {
  const { id: answered, reference, dueBy } = (answer ?? {}) as Record<string, unknown>;
  if (answered !== id || typeof reference !== 'string' || !/^[A-Z0-9-]{4,20}$/.test(reference)) return null;
  const due = typeof dueBy === 'string' ? Date.parse(dueBy) : NaN;
  return { reference, dueBy: Number.isNaN(due) ? null : new Date(due).toISOString() };
}

/** A complaint's own address under the endpoint: `<endpoint>/<id>/<leaf>`. */
export function complaintUrl(endpoint: string, id: string, leaf: string): string {
  const url = new URL(endpoint);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${encodeURIComponent(id)}/${leaf}`;
  url.hash = '';
  return url.href;
}

// ---------------------------------------------------------------------------------------------
// Types

/** What the receiver stored a complaint as: its reference, and the date promised in its queue. */
export interface Receipt {
  reference: string;
  dueBy: string | null;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface PostOptions {
  endpoint: string;
  siteKey?: string | undefined;
  fetch: FetchLike;
  timeoutMs: number;
  signal?: AbortSignal;
  keepalive?: boolean;
  now: () => number;
}

export type AttemptResult =
  /** `receipt`: what the receiver answered for a complaint, when it answered in the contract's form. */
  | { outcome: 'delivered'; status: number; receipt: Receipt | null }
  /** Not now: network error or timeout (`status: null`), 408, 425, 429, 5xx or an odd status. */
  | { outcome: 'retry'; status: number | null; retryAfterMs: number | null; error?: unknown }
  /** A 4xx that will not change by retrying. */
  | { outcome: 'rejected'; status: number }
  /** Cancelled by the caller (the page is going away); says nothing about the endpoint. */
  | { outcome: 'aborted' };
