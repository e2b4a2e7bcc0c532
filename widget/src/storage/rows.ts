import type { HeardDB } from './db';

/*
 * What the backends and the resilient store share at run time. Kept apart from `store.ts`,
 * which imports them, so no module reads a value from one that is still loading.
 */

/** How many past complaints are remembered. */
export const HISTORY_LIMIT = 50;

/** The object stores that hold the visitor's data (not the probe's scratch space). */
export type StoreName = 'drafts' | 'outbox' | 'history';

/** A row of one object store, as the database schema declares it. */
export type Row<S extends StoreName> = HeardDB[S]['value'];

/** The rows of each object store. */
export type Rows = { [S in StoreName]: Row<S> };

/** How rows of one store are ordered: listings and pruning go oldest first. */
interface TimeOrder<Row> {
  /** The IndexedDB index over the row's time. */
  index: string;
  /** The row's time field, as the index's key path. */
  field: string;
  /** The row's time, epoch ms. */
  of(row: Row): number;
}

/** Each store's time field and the IndexedDB index over it. */
export const TIME: { [S in StoreName]: TimeOrder<Row<S>> } = {
  drafts: { index: 'by-updated', field: 'updatedAt', of: (row) => row.updatedAt },
  outbox: { index: 'by-created', field: 'createdAt', of: (row) => row.createdAt },
  history: { index: 'by-at', field: 'at', of: (row) => row.at },
};

/** A row's key: a draft's `key`, anything else's `id`. */
export function keyOf(row: Row<StoreName>): string {
  return 'key' in row ? row.key : row.id;
}
