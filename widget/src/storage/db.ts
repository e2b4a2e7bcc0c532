import { TIME, keyOf, type StoreName } from './rows';
import type { Draft, HistoryEntry, OutboxItem, StoreBackend } from './store';

/**
 * The current schema version: 1 drafts and outbox; 2 history and the probe's scratch store;
 * 3 every draft and outbox item names its endpoint (and refused items when their transcript
 * was offered). Each version's step is in {@link upgrade}.
 */
export const DB_VERSION = 3;

/** What each object store holds (the probe's scratch store, `meta`, holds `{ key, at }`). */
export interface HeardDB {
  drafts: { value: Draft };
  outbox: { value: OutboxItem };
  history: { value: HistoryEntry };
}

/*
 * IndexedDB is used as the browser gives it, through the two promises below: the few
 * operations the widget needs cost less than a wrapper library every visitor would download.
 */

/** A request's result, or its error. */
function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** A transaction committed, or its error (an abort with none is an `AbortError`). */
function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error ?? new DOMException('The transaction was aborted', 'AbortError'));
  });
}

/**
 * Walks a cursor, calling `step` on each row until it returns false or the rows end; `step`
 * may delete or update the row under the cursor.
 */
function walk(request: IDBRequest<IDBCursorWithValue | null>, step: (cursor: IDBCursorWithValue) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => {
      const cursor = request.result;
      if (cursor && step(cursor)) cursor.continue();
      else resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

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
  const db = await openDatabase(factory, name, options.version ?? DB_VERSION);
  let closed = false;
  const store = (name: StoreName | 'meta', mode: IDBTransactionMode = 'readonly'): IDBObjectStore => db.transaction(name, mode).objectStore(name);
  const backend: StoreBackend = {
    get: (name, key) => result(store(name).get(key)),
    all: (name) => result(store(name).index(TIME[name].index).getAll()),
    async put(name, row, only) {
      const s = store(name, 'readwrite');
      if (!only || (only === 'update') === ((await result(s.getKey(keyOf(row)))) !== undefined)) s.put(row);
      await done(s.transaction);
    },
    delete(name, key) {
      const s = store(name, 'readwrite');
      s.delete(key);
      return done(s.transaction);
    },
    async prune(name, keep, before = Infinity) {
      const index = store(name, 'readwrite').index(TIME[name].index);
      const excess = (await result(index.count())) - keep;
      let dropped = 0;
      await walk(index.openCursor(IDBKeyRange.upperBound(before, true)), (cursor) => dropped < excess && (cursor.delete(), ++dropped < excess));
      await done(index.objectStore.transaction);
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
  // A newer version wants to upgrade: close at once so it never hangs on us.
  db.addEventListener('versionchange', () => lose('a newer version of the database is opening'));
  // The browser closed the connection (storage cleared, disk error, ...).
  db.addEventListener('close', () => lose('the browser closed the database'));
  try {
    const probe = store('meta', 'readwrite');
    probe.put({ key: 'probe', at: Date.now() });
    probe.delete('probe');
    await done(probe.transaction);
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
async function upgrade(db: IDBDatabase, oldVersion: number, newVersion: number, tx: IDBTransaction): Promise<void> {
  const step = (version: number): boolean => oldVersion < version && newVersion >= version;
  // Each store from the version that added it; a store missing from a database some other code
  // created empty under this name is created too, rather than failing every open after.
  const missing = (store: string, since: number): boolean => newVersion >= since && !db.objectStoreNames.contains(store);
  if (missing('drafts', 1)) db.createObjectStore('drafts', { keyPath: 'key' }).createIndex(TIME.drafts.index, TIME.drafts.field);
  if (missing('outbox', 1)) db.createObjectStore('outbox', { keyPath: 'id' }).createIndex(TIME.outbox.index, TIME.outbox.field);
  if (missing('history', 2)) db.createObjectStore('history', { keyPath: 'id' }).createIndex(TIME.history.index, TIME.history.field);
  if (missing('meta', 2)) db.createObjectStore('meta', { keyPath: 'key' });
  // Items queued before version 3 do not say which endpoint they are for: marked `null`, they
  // go to the first widget that lists them (as every widget on the origin once took them).
  // (Drafts, too, then; a refused item's transcript offer is `null` until made.)
  if (step(3)) {
    for (const name of ['outbox', 'drafts']) {
      await walk(tx.objectStore(name).openCursor(), (cursor) => {
        const row: Partial<Pick<OutboxItem, 'endpoint' | 'transcriptOfferedAt'>> = cursor.value;
        if (row.endpoint === undefined) cursor.update({ ...row, endpoint: null, ...(name === 'outbox' && { transcriptOfferedAt: row.transcriptOfferedAt ?? null }) });
        return true;
      });
    }
  }
}

function openDatabase(factory: IDBFactory, name: string, version: number): Promise<IDBDatabase> {
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
      upgrade(request.result, event.oldVersion, version, transaction).catch(() => {
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
      if (settle()) resolve(request.result);
      else request.result.close();
    });
  });
}
