// @ts-check
import { RATING_WAIT_MS } from './store/shared.mjs';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes resolved complaints older than the retention period with their personal data, and
 * ratings that waited a day for a complaint that never came, at start and then every `everyMs`. Each instance runs its own sweep; deleting is idempotent, so
 * several sweeping at once only share the work. Receipts stay, so a late retry is still a replay.
 * @param {{
 *   store: import('./store/store.mjs').Store,
 *   days: number,
 *   everyMs?: number,
 *   now?: () => number,
 *   log?: { info: (data: object, message: string) => void, error: (data: object, message: string) => void },
 * }} options
 * @returns {{ sweep: () => Promise<number>, stop: () => Promise<unknown> }}
 */
export function startRetentionSweep({ store, days, everyMs = 60 * 60 * 1000, now = Date.now, log }) {
  let running = Promise.resolve(0);
  const sweep = () => {
    running = running.then(async () => {
      const resolvedBefore = new Date(now() - days * DAY_MS).toISOString();
      try {
        const purged = await store.purgeResolved({ resolvedBefore });
        if (purged > 0) log?.info({ purged, resolvedBefore }, 'retention: deleted resolved complaints past the retention period');
        const ratings = await store.dropWaitingRatings({ before: new Date(now() - RATING_WAIT_MS).toISOString() });
        if (ratings > 0) log?.info({ ratings }, 'retention: deleted ratings whose complaint never came');
        return purged;
      } catch (error) {
        log?.error({ err: error }, 'retention: the sweep failed; it runs again later');
        return 0;
      }
    });
    return running;
  };
  void sweep();
  const timer = setInterval(() => void sweep(), everyMs);
  timer.unref();
  return {
    sweep,
    // Resolves once a sweep under way has finished, so the store can be closed after it.
    stop: () => {
      clearInterval(timer);
      return running;
    },
  };
}
