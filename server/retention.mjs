// @ts-check
import { RATING_WAIT_MS } from './store/shared.mjs';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A file kept this recently may still be about to get its row: it is left for the next sweep. */
const FILE_GRACE_MS = 60 * 60 * 1000;
/** A file its complaint's record does not name is an orphan once this old: the visitor left it out. */
export const ORPHAN_AFTER_MS = DAY_MS;

/**
 * Deletes the stored files no complaint has any more (their complaints were deleted), kept
 * before `before`; how many went. Files are content-addressed and may be shared, so a file goes
 * only once no row names it.
 * @param {import('./store/store.mjs').Store} store
 * @param {import('./attachments/storage.mjs').AttachmentStorage} attachments
 * @param {number} before
 */
export async function dropUnreferencedFiles(store, attachments, before) {
  let dropped = 0;
  for (const file of await attachments.list()) {
    if (file.modifiedAt >= before || (await store.attachmentReferenced(file.sha256))) continue;
    await attachments.remove(file.sha256);
    dropped += 1;
  }
  return dropped;
}

/**
 * Deletes resolved complaints older than the retention period with their personal data and files,
 * ratings that waited a day for a complaint that never came, and files sent a day ago or more that
 * their complaint's record does not name, at start and then every `everyMs`. Each instance runs its own sweep; deleting is idempotent, so
 * several sweeping at once only share the work. Receipts stay, so a late retry is still a replay.
 * @param {{
 *   store: import('./store/store.mjs').Store,
 *   days: number,
 *   everyMs?: number,
 *   now?: () => number,
 *   attachments?: import('./attachments/storage.mjs').AttachmentStorage | null,
 *   log?: { info: (data: object, message: string) => void, error: (data: object, message: string) => void },
 * }} options
 * @returns {{ sweep: () => Promise<number>, stop: () => Promise<unknown> }}
 */
export function startRetentionSweep({ store, days, everyMs = 60 * 60 * 1000, now = Date.now, attachments = null, log }) {
  let running = Promise.resolve(0);
  const sweep = () => {
    running = running.then(async () => {
      const resolvedBefore = new Date(now() - days * DAY_MS).toISOString();
      try {
        const purged = await store.purgeResolved({ resolvedBefore });
        if (purged > 0) log?.info({ purged, resolvedBefore }, 'retention: deleted resolved complaints past the retention period');
        const ratings = await store.dropWaitingRatings({ before: new Date(now() - RATING_WAIT_MS).toISOString() });
        if (ratings > 0) log?.info({ ratings }, 'retention: deleted ratings whose complaint never came');
        if (attachments) {
          const orphans = await store.dropUnnamedAttachments({ createdBefore: new Date(now() - ORPHAN_AFTER_MS).toISOString() });
          if (orphans > 0) log?.info({ orphans }, 'retention: forgot files sent a day ago or more that no record names');
          const unfinished = await attachments.dropIncoming(now() - ORPHAN_AFTER_MS);
          if (unfinished > 0) log?.info({ unfinished }, 'retention: deleted uploads begun a day ago or more and never finished');
          const files = await dropUnreferencedFiles(store, attachments, now() - FILE_GRACE_MS);
          if (files > 0) log?.info({ files }, 'retention: deleted files no complaint has any more');
        }
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
