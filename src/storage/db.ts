import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import { TIME, keyOf, type StoreName } from './rows';
import type { Draft, HistoryEntry, OutboxItem, StoreBackend } from './store';

/**
 * The current schema version. Every version so far only added object stores, listed in
 * `STORES` with the version that added them; a later version that adds an index or moves
 * data needs its own `oldVersion < n` step in the `upgradeneeded` handler.
 */
export const DB_VERSION = 2;

/** The database, typed for `idb`. */
export interface HeardDB extends DBSchema {
  drafts: { key: string; value: Draft; indexes: { 'by-updated': number } };
  outbox: { key: string; value: OutboxItem; indexes: { 'by-created': number } };
  history: { key: string; value: HistoryEntry; indexes: { 'by-at': number } };
  /** Scratch space for the probe write. */
  meta: { key: string; value: { key: string; at: number } };
}

/** Each object store: the version that added it and its key path (its time index is in `TIME`). */
const STORES: [name: StoreName | 'meta', version: number, keyPath: string][] = [
  ['drafts', 1, 'key'],
  ['outbox', 1, 'id'],
  ['history', 2, 'id'],
  ['meta', 2, 'key'],
];

/**
 * Opens the database through `factory` (not the global, so tests and the embed choose),
 * upgrades it, and proves it writable with a real write: Safari's private mode opens fine and
 * only fails on the first write. Rejects on any fault, including an upgrade blocked by a tab
 * that will not close its connection.
 *
 * @param factory The IndexedDB factory to use.
 * @param name The database name.
 * @param options.version Schema version to open (tests open older ones to exercise upgrades).
 */
export async function openIdbBackend(
  factory: IDBFactory,
  name: string,
  options: { version?: number } = {},
): Promise<StoreBackend> {
  const typed = await openDatabase(factory, name, options.version ?? DB_VERSION);
  // The stores are chosen at run time below; `HeardDB` checks the schema and the probe.
  const db = typed as unknown as IDBPDatabase;
  let closed = false;
  const backend: StoreBackend = {
    get: (store, key) => db.get(store, key),
    all: (store) => db.getAllFromIndex(store, TIME[store][1]),
    async put(store, row, only) {
      const tx = db.transaction(store, 'readwrite');
      if (!only || (only === 'update') === ((await tx.store.getKey(keyOf(row))) !== undefined)) await tx.store.put(row);
      await tx.done;
    },
    delete: (store, key) => db.delete(store, key),
    async prune(store, keep, before = Infinity) {
      const tx = db.transaction(store, 'readwrite');
      const index = tx.store.index(TIME[store][1]);
      const excess = (await index.count()) - keep;
      let dropped = 0;
      let cursor = await index.openCursor(IDBKeyRange.upperBound(before, true));
      while (cursor && dropped < excess) {
        await cursor.delete();
        dropped += 1;
        cursor = await cursor.continue();
      }
      await tx.done;
      return dropped;
    },
    close() {
      closed = true;
      db.close();
    },
  };
  const lose = (reason: string): void => {
    if (closed) return;
    backend.close();
    backend.onLost?.(reason);
  };
  const raw = db as unknown as IDBDatabase;
  // A newer version wants to upgrade: close at once so it never hangs on us.
  raw.addEventListener('versionchange', () => lose('a newer version of the database is opening'));
  // The browser closed the connection (storage cleared, disk error, ...).
  raw.addEventListener('close', () => lose('the browser closed the database'));
  try {
    const tx = typed.transaction('meta', 'readwrite');
    await tx.store.put({ key: 'probe', at: Date.now() });
    await tx.store.delete('probe');
    await tx.done;
  } catch (error) {
    backend.close();
    throw error;
  }
  return backend;
}

function openDatabase(factory: IDBFactory, name: string, version: number): Promise<IDBPDatabase<HeardDB>> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error?: unknown): boolean => {
      if (settled) return false;
      settled = true;
      if (error) reject(error);
      return true;
    };
    const request = factory.open(name, version);
    request.addEventListener('upgradeneeded', (event) => {
      const db = request.result;
      for (const [store, since, keyPath] of STORES) {
        if (event.oldVersion < since && version >= since) {
          const created = db.createObjectStore(store, { keyPath });
          if (store !== 'meta') created.createIndex(TIME[store][1], TIME[store][0]);
        }
      }
    });
    // Another tab holds an older version open and will not let go: do not hang waiting for
    // it. Work from memory now; if the open completes later, drop that connection so a
    // later reopen starts clean.
    request.addEventListener('blocked', () => settle(new DOMException('Opening the database is blocked by another tab', 'BlockedError')));
    request.addEventListener('error', (event) => {
      // An unhandled open error would otherwise surface as an uncaught error in some browsers.
      event.preventDefault();
      settle(request.error ?? new DOMException('Could not open the database', 'UnknownError'));
    });
    request.addEventListener('success', () => {
      if (settle()) resolve(wrap(request.result) as unknown as IDBPDatabase<HeardDB>);
      else request.result.close();
    });
  });
}
