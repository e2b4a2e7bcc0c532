import type { DeliveryLock } from '../storage/tabs';
import type { HeardStore, OutboxItem } from '../storage/store';
import { backoffDelay } from './backoff';
import { postDeliverable, type AttemptResult, type FetchLike, type PostOptions, type Receipt } from './deliver';

/** The least time between two tries of one record, whatever the server or the dice say. */
export const MIN_RETRY_MS = 1_000;

/** Keepalive requests of one page share 64 KiB in flight; stay under it with room to spare. */
export const KEEPALIVE_BUDGET_BYTES = 60 * 1024;

/**
 * Delivers the outbox to the endpoint: at once on `send`, in the background with exponential
 * backoff and full jitter (honouring `Retry-After`) until a 2xx, and with `keepalive` as the
 * page goes away. An item leaves the outbox only after a 2xx. A non-retryable 4xx marks it
 * `rejected` (kept for the visitor's transcript) and fires a `rejected` event. Only items
 * written for `options.endpoint` are ever posted: another widget on the same origin, with
 * another endpoint, delivers its own. Items queued before items named their endpoint are
 * adopted by the first delivery that lists them.
 *
 * @param options.endpoint The site owner's endpoint.
 * @param options.siteKey Sent as `X-Heard-Site-Key`.
 * @param options.store The outbox.
 * @param options.fetch Default `globalThis.fetch`.
 * @param options.timeoutMs Per-request timeout (default 15 s).
 * @param options.baseDelayMs Backoff ceiling after the first failure (default 1 s).
 * @param options.maxDelayMs Backoff cap (default 5 min).
 * @param options.answerWithinMs `send` resolves `queued` if no answer came by then (default 4 s);
 *   the request carries on.
 * @param options.lock Only the tab holding it delivers (see `createDeliveryLock`); default: always.
 * @param options.onEvent Told of every outcome, for the UI and the host API.
 *
 * @example
 * const delivery = createDelivery({ endpoint: 'https://shop.example/complaints', store, lock, onEvent });
 * await store.enqueue(record, 'https://shop.example/complaints', Date.now());
 * const outcome = await delivery.send(record.id); // 'delivered' | 'queued' | 'rejected'
 */
export function createDelivery(options: DeliveryOptions): Delivery {
  const { store } = options;
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 15_000;
  const baseDelayMs = options.baseDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 5 * 60_000;
  const answerWithinMs = options.answerWithinMs ?? 4_000;
  const lockRetryMs = options.lockRetryMs ?? 2_000;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const lock = options.lock ?? { run: async (task: () => Promise<void>) => (await task(), true), close() {} };

  /** The outbox as last read or written here: `flushOnPagehide` cannot wait for IndexedDB. */
  const known = new Map<string, OutboxItem>();
  const inFlight = new Map<string, Promise<SendOutcome>>();
  /**
   * Records this page saw answered 2xx. A listing of the outbox read while one was being
   * removed can still hold it; without this, a second loop would post it again.
   */
  const delivered = new Set<string>();
  /** Which version of an item: a changed rating is enqueued again under the same id. */
  const version = (item: OutboxItem): string => `${item.id} ${item.createdAt}`;
  /** One per request in flight, so `dispose` can cut them all as a closing page would. */
  const cuts = new Set<AbortController>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let timerAt = Number.POSITIVE_INFINITY;
  let holdingLock = false;
  let disposed = false;

  const emit = (event: DeliveryEvent): void => {
    try {
      options.onEvent?.(event);
    } catch {
      // A failing listener must not stop delivery.
    }
  };

  const remember = (items: OutboxItem[]): void => {
    known.clear();
    for (const item of items) known.set(item.id, item);
  };

  /**
   * This endpoint's items, oldest first. An item from before items named their endpoint is
   * adopted on the way (under the delivery lock, so two widgets never both take one).
   */
  const listOwn = async (): Promise<OutboxItem[]> => {
    const own: OutboxItem[] = [];
    for (const item of await store.listOutbox()) {
      if (item.endpoint === options.endpoint) own.push(item);
      else if (item.endpoint === null) {
        const adopted = { ...item, endpoint: options.endpoint };
        await store.updateOutbox(adopted);
        own.push(adopted);
      }
    }
    return own;
  };

  const schedule = (at: number): void => {
    if (disposed || at >= timerAt) return;
    if (timer) clearTimeout(timer);
    timerAt = at;
    // Long waits are re-checked hourly rather than trusting one huge timer.
    const wait = Math.min(Math.max(0, at - now()), 60 * 60_000);
    timer = setTimeout(() => {
      timer = null;
      timerAt = Number.POSITIVE_INFINITY;
      void flushWith(false);
    }, wait);
  };

  const scheduleNext = (): void => {
    let next = Number.POSITIVE_INFINITY;
    for (const item of known.values()) if (item.state === 'pending') next = Math.min(next, item.nextAttemptAt);
    if (next < Number.POSITIVE_INFINITY) schedule(next);
  };

  const post = (item: OutboxItem, extra: Partial<PostOptions>): Promise<AttemptResult> =>
    postDeliverable(item.body, { endpoint: options.endpoint, siteKey: options.siteKey, fetch: fetchImpl, timeoutMs, now, ...extra });

  const attempt = (item: OutboxItem): Promise<SendOutcome> => {
    const key = version(item);
    if (delivered.has(key)) return Promise.resolve('delivered');
    const running = inFlight.get(key);
    if (running) return running;
    const promise = attemptOnce(item).finally(() => inFlight.delete(key));
    inFlight.set(key, promise);
    return promise;
  };

  const attemptOnce = async (item: OutboxItem): Promise<SendOutcome> => {
    const cut = new AbortController();
    cuts.add(cut);
    const result = await post(item, { signal: cut.signal }).finally(() => cuts.delete(cut));
    if (disposed || result.outcome === 'aborted') return 'queued';
    if (result.outcome === 'delivered') {
      await confirm(item, result.status, result.receipt);
      return 'delivered';
    }
    const attempts = item.attempts + 1;
    const rejected = result.outcome === 'rejected';
    // Never straight back: a `Retry-After: 0`, a date already past on this clock, or full
    // jitter rolling near zero would otherwise send the same request in a tight loop.
    const nextAttemptAt = rejected
      ? item.nextAttemptAt
      : now() + Math.max(MIN_RETRY_MS, result.retryAfterMs ?? backoffDelay(attempts, baseDelayMs, maxDelayMs, random));
    const next: OutboxItem = { ...item, state: rejected ? 'rejected' : 'pending', attempts, lastStatus: result.status, nextAttemptAt };
    await store.updateOutbox(next);
    known.set(item.id, next);
    if (rejected) {
      emit({ type: 'rejected', id: item.id, status: result.status });
      return 'rejected';
    }
    emit({ type: 'queued', id: item.id, status: result.status, attempts, nextAttemptAt });
    schedule(nextAttemptAt);
    return 'queued';
  };

  /** A 2xx came: the item leaves the outbox, and this page never posts it again. */
  const confirm = async (item: OutboxItem, status: number, receipt: Receipt | null): Promise<void> => {
    delivered.add(version(item));
    await store.removeOutbox(item.id);
    known.delete(item.id);
    emit({ type: 'delivered', id: item.id, status, receipt });
  };

  /** This tab's request for the lock, from asking until it is released. */
  let ours: Promise<boolean> | null = null;
  /** Tasks started while this tab already held the lock: it is not let go before they end. */
  const joined = new Set<Promise<void>>();

  /**
   * Runs `task` holding the delivery lock (or directly if this tab already holds it). While this
   * tab is still asking for the lock, it waits for that rather than finding the lock "taken" by
   * itself: a visitor's send right after the start-up flush must not be told "queued".
   */
  const withLock = async (task: () => Promise<void>): Promise<boolean> => {
    if (holdingLock) {
      const running = task();
      joined.add(running);
      try {
        await running;
      } finally {
        joined.delete(running);
      }
      return true;
    }
    if (ours) {
      await ours.catch(() => false);
      return withLock(task);
    }
    const run = lock.run(async () => {
      holdingLock = true;
      try {
        await task();
      } finally {
        // A send or flush that joined meanwhile may still be posting: released now, another tab
        // would find its records in the outbox and post them again.
        while (joined.size > 0) await Promise.allSettled([...joined]);
        holdingLock = false;
      }
    });
    ours = run;
    try {
      const ran = await run;
      // Another tab is delivering; look again later in case it goes away.
      if (!ran) schedule(now() + lockRetryMs);
      return ran;
    } finally {
      if (ours === run) ours = null;
    }
  };

  const flushWith = async (eager: boolean): Promise<void> => {
    if (disposed) return;
    try {
      await withLock(async () => {
        // Network errors are retried at once on start-up, `online` and visibility; answers
        // from the server (429, 5xx with their Retry-After) keep their schedule.
        let first = eager;
        for (;;) {
          const items = await listOwn();
          if (disposed) return;
          remember(items);
          const due = items.filter(
            (item) =>
              item.state === 'pending' &&
              !inFlight.has(version(item)) &&
              !delivered.has(version(item)) &&
              (item.nextAttemptAt <= now() || (first && item.lastStatus === null)),
          );
          first = false;
          if (due.length === 0) return;
          await pool(due, concurrency, attempt);
        }
      });
    } catch (error) {
      emit({ type: 'error', id: null, error });
    }
    scheduleNext();
  };

  const send = async (id: string): Promise<SendOutcome> => {
    if (disposed) return 'queued';
    let outcome: SendOutcome = 'queued';
    const work = withLock(async () => {
      const items = await listOwn();
      remember(items);
      const item = items.find((candidate) => candidate.id === id);
      // Only a 2xx removes an item, so a missing one was delivered (perhaps by another tab);
      // `send` is only ever asked for an item this widget enqueued for its own endpoint.
      if (!item) outcome = 'delivered';
      else if (item.state === 'rejected') outcome = 'rejected';
      else outcome = await attempt(item);
    }).catch((error: unknown) => {
      emit({ type: 'error', id, error });
    });
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const slow = new Promise<'slow'>((resolve) => {
      timeout = setTimeout(() => resolve('slow'), answerWithinMs);
    });
    const first = await Promise.race([work.then(() => 'done' as const), slow]);
    clearTimeout(timeout);
    return first === 'slow' ? 'queued' : outcome;
  };

  return {
    send,
    flush: () => flushWith(true),
    flushOnPagehide() {
      if (disposed) return;
      let budget = KEEPALIVE_BUDGET_BYTES;
      const encoder = new TextEncoder();
      for (const item of known.values()) {
        if (item.state !== 'pending') continue;
        let payload: string;
        try {
          payload = JSON.stringify(item.body);
        } catch {
          continue;
        }
        const size = encoder.encode(payload).byteLength;
        if (size > budget) continue;
        budget -= size;
        // Fire and forget: the page may be gone before an answer. If one arrives, a 2xx is
        // confirmed and removes the item; anything else leaves it for the next page.
        void post(item, { keepalive: true }).then((result) => (result.outcome === 'delivered' ? confirm(item, result.status, result.receipt) : undefined));
      }
    },
    dispose() {
      disposed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      for (const cut of cuts) cut.abort();
      cuts.clear();
    },
  };
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

// ---------------------------------------------------------------------------------------------
// Types

export type SendOutcome = 'delivered' | 'queued' | 'rejected';

export type DeliveryEvent =
  /** `receipt`: the reference and date the receiver stored a complaint with, when it said. */
  | { type: 'delivered'; id: string; status: number; receipt: Receipt | null }
  /** Will be retried in the background at `nextAttemptAt`; `status` is `null` for network errors. */
  | { type: 'queued'; id: string; status: number | null; attempts: number; nextAttemptAt: number }
  /** The endpoint refused it (non-retryable 4xx): show the transcript to copy; it stays in the outbox. */
  | { type: 'rejected'; id: string; status: number }
  /** Something unexpected; `id` is `null` when it was not about one record. */
  | { type: 'error'; id: string | null; error: unknown };

export interface DeliveryOptions {
  endpoint: string;
  siteKey?: string;
  store: HeardStore;
  fetch?: FetchLike;
  timeoutMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  answerWithinMs?: number;
  /** How soon to look again when another tab holds the lock (default 2 s). */
  lockRetryMs?: number;
  /** Requests at once during a flush (default 4). */
  concurrency?: number;
  random?: () => number;
  now?: () => number;
  lock?: DeliveryLock;
  onEvent?: (event: DeliveryEvent) => void;
}

export interface Delivery {
  /**
   * Tries to deliver one enqueued record now. Resolves `delivered` after a 2xx (or when it
   * is no longer in the outbox), `rejected` on a non-retryable answer, and `queued` when it
   * will keep trying in the background (including when no answer came within `answerWithinMs`).
   */
  send(id: string): Promise<SendOutcome>;
  /** Tries every pending record that is due, and those last stopped by a network error. */
  flush(): Promise<void>;
  /** On `pagehide`: posts pending records with `keepalive`; removes only what a 2xx confirms. */
  flushOnPagehide(): void;
  /** Stops timers and cancels requests in flight, as when the page goes away. */
  dispose(): void;
}
