import type { Draft, HistoryEntry, OutboxItem } from './store';

/*
 * What the backends and the resilient store share at run time. Kept apart from `store.ts`,
 * which imports them, so no module reads a value from one that is still loading.
 */

/** How many past complaints are remembered. */
export const HISTORY_LIMIT = 50;

/** The rows of each object store. */
export interface Rows {
  drafts: Draft;
  outbox: OutboxItem;
  history: HistoryEntry;
}

export type StoreName = keyof Rows;

/** Each store's time field and the IndexedDB index over it: listings and pruning go oldest first. */
export const TIME: Record<StoreName, [field: string, index: string]> = {
  drafts: ['updatedAt', 'by-updated'],
  outbox: ['createdAt', 'by-created'],
  history: ['at', 'by-at'],
};

/** A row's key: a draft's `key`, anything else's `id`. */
export const keyOf = (row: Rows[StoreName]): string => (row as Draft).key ?? (row as OutboxItem).id;

