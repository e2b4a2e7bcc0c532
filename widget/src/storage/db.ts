import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type IndexNames, type StoreNames } from 'idb';
import { TIME, keyOf, type StoreName } from './rows';
import type { Draft, HistoryEntry, OutboxItem, StoreBackend } from './store';

/**
 * The current schema version: 1 drafts and outbox; 2 history and the probe's scratch store;
 * 3 every draft and outbox item names its endpoint (and refused items when their transcript
 * was offered). Each version's step is in {@link upgrade}.
 */
export const DB_VERSION = 3;

/** The database, typed for `idb`. */
export interface HeardDB extends DBSchema {
  drafts: { key: string; value: Draft; indexes: { 'by-updated': number } };
  outbox: { key: string; value: OutboxItem; indexes: { 'by-created': number } };
  history: { key: string; value: HistoryEntry; indexes: { 'by-at': number } };
  /** Scratch space for the probe write. */
  meta: { key: string; value: { key: string; at: number } };
}

type UpgradeTransaction = IDBPTransaction<HeardDB, ArrayLike<StoreNames<HeardDB>>, 'versionchange'>;

/** Each store's time index, by the name the schema gives it. */
const TIME_INDEX: { [S in StoreName]: IndexNames<HeardDB, S> } = {
  drafts: 'by-updated',
  outbox: 'by-created',
  history: 'by-at',
};

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
  const { db, raw } = await openDatabase(factory, name, options.version ?? DB_VERSION);
  let closed = false;
  const backend: StoreBackend = {
    get: (store, key) => db.get(store, key),
    all: (store) => db.getAllFromIndex(store, TIME_INDEX[store]),
    async put(store, row, only) {
      const tx = db.transaction(store, 'readwrite');
      if (!only || (only === 'update') === ((await tx.store.getKey(keyOf(row))) !== undefined)) await tx.store.put(row);
      await tx.done;
    },
    delete: (store, key) => db.delete(store, key),
    prune: (store, keep, before = Infinity) => prune(store, keep, before),
    close() {
      closed = true;
      db.close();
    },
  };
  async function prune<S extends StoreName>(store: S, keep: number, before: number): Promise<number> {
      const tx = db.transaction(store, 'readwrite');
      const index = tx.store.index(TIME_INDEX[store]);
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
  }
  const lose = (reason: string): void => {
    if (closed) return;
    backend.close();
    backend.onLost?.(reason);
  };
  // A newer version wants to upgrade: close at once so it never hangs on us.
  raw.addEventListener('versionchange', () => lose('a newer version of the database is opening'));
  // The browser closed the connection (storage cleared, disk error, ...).
  raw.addEventListener('close', () => lose('the browser closed the database'));
  try {
    const tx = db.transaction('meta', 'readwrite');
    await tx.store.put({ key: 'probe', at: Date.now() });
    await tx.store.delete('probe');
    await tx.done;
  } catch (error) {
    backend.close();
    throw error;
  }
  return backend;
}

/**
 * Brings a database at `oldVersion` to `newVersion`, one version's step at a time. Runs inside
 * the upgrade transaction, so a page closed half-way leaves the old version intact.
 */
async function upgrade(db: IDBPDatabase<HeardDB>, oldVersion: number, newVersion: number, tx: UpgradeTransaction): Promise<void> {
  const step = (version: number): boolean => oldVersion < version && newVersion >= version;
  // Each store from the version that added it; a store missing from a database some other code
  // created empty under this name is created too, rather than failing every open after.
  const missing = (store: StoreNames<HeardDB>, since: number): boolean => newVersion >= since && !db.objectStoreNames.contains(store);
  if (missing('drafts', 1)) db.createObjectStore('drafts', { keyPath: 'key' }).createIndex(TIME_INDEX.drafts, TIME.drafts.field);
  if (missing('outbox', 1)) db.createObjectStore('outbox', { keyPath: 'id' }).createIndex(TIME_INDEX.outbox, TIME.outbox.field);
  if (missing('history', 2)) db.createObjectStore('history', { keyPath: 'id' }).createIndex(TIME_INDEX.history, TIME.history.field);
  if (missing('meta', 2)) db.createObjectStore('meta', { keyPath: 'key' });
  // Items queued before version 3 do not say which endpoint they are for: marked `null`, they
  // go to the first widget that lists them (as every widget on the origin once took them).
  if (step(3)) {
    for (let cursor = await tx.objectStore('outbox').openCursor(); cursor; cursor = await cursor.continue()) {
      const item: Partial<Pick<OutboxItem, 'endpoint' | 'transcriptOfferedAt'>> & Omit<OutboxItem, 'endpoint' | 'transcriptOfferedAt'> = cursor.value;
      if (item.endpoint === undefined) await cursor.update({ ...item, endpoint: null, transcriptOfferedAt: item.transcriptOfferedAt ?? null });
    }
    for (let cursor = await tx.objectStore('drafts').openCursor(); cursor; cursor = await cursor.continue()) {
      const draft: Partial<Pick<Draft, 'endpoint'>> & Omit<Draft, 'endpoint'> = cursor.value;
      if (draft.endpoint === undefined) await cursor.update({ ...draft, endpoint: null });
    }
  }
}

/** The typed database, and the plain one underneath for its connection events. */
interface Opened {
  db: IDBPDatabase<HeardDB>;
  raw: IDBDatabase;
}

/*
 * `openDB<HeardDB>()` would type the database, but it opens through the global `indexedDB`, and
 * this module opens through the factory it is given. `wrap()` is what `openDB` uses inside;
 * idb declares it for the schema-less database only, so the schema is declared here, once,
 * exactly as `openDB` declares it.
 */
function typed(db: IDBDatabase): IDBPDatabase<HeardDB> {
  return wrap(db) as IDBPDatabase<HeardDB>;
}

function typedUpgrade(transaction: IDBTransaction): UpgradeTransaction {
  const wrapped: IDBPTransaction<unknown, ArrayLike<string>, IDBTransactionMode | 'versionchange'> = wrap(transaction);
  return wrapped as UpgradeTransaction;
}

function openDatabase(factory: IDBFactory, name: string, version: number): Promise<Opened> {
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
      const transaction = request.transaction;
      if (!transaction) return;
      // A failed step aborts the upgrade transaction, and the open fails with its error.
      upgrade(typed(request.result), event.oldVersion, version, typedUpgrade(transaction)).catch(() => {
        try {
          transaction.abort();
        } catch {
          // Already finished or aborted by the failure itself.
        }
      });
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
      if (settle()) resolve({ db: typed(request.result), raw: request.result });
      else request.result.close();
    });
  });
}
