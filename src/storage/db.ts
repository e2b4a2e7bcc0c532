import { wrap, type DBSchema, type IDBPDatabase, type IDBPIndex } from 'idb';
import type { Draft, HistoryEntry, OutboxItem, StoreBackend } from './store';

/** The current schema version; each step up is an `if (oldVersion < n)` block in `upgrade`. */
export const DB_VERSION = 2;

/** The database, typed for `idb`. */
export interface HeardDB extends DBSchema {
  drafts: { key: string; value: Draft; indexes: { 'by-updated': number } };
  outbox: { key: string; value: OutboxItem; indexes: { 'by-created': number } };
  history: { key: string; value: HistoryEntry; indexes: { 'by-at': number } };
  /** Scratch space for the probe write. */
  meta: { key: string; value: { key: string; at: number } };
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
  const backend = new IdbBackend(db);
  try {
    await backend.probe();
  } catch (error) {
    backend.close();
    throw error;
  }
  return backend;
}

function openDatabase(factory: IDBFactory, name: string, version: number): Promise<IDBPDatabase<HeardDB>> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const request = factory.open(name, version);
    request.addEventListener('upgradeneeded', (event) => {
      upgrade(wrap(request.result) as unknown as IDBPDatabase<HeardDB>, event.oldVersion, version);
    });
    // Another tab holds an older version open and will not let go: do not hang waiting for
    // it. Work from memory now; if the open completes later, drop that connection so a
    // later reopen starts clean.
    request.addEventListener('blocked', () => {
      if (settled) return;
      settled = true;
      reject(new DOMException('Opening the database is blocked by another tab', 'BlockedError'));
    });
    request.addEventListener('error', (event) => {
      // An unhandled open error would otherwise surface as an uncaught error in some browsers.
      event.preventDefault();
      if (settled) return;
      settled = true;
      reject(request.error ?? new DOMException('Could not open the database', 'UnknownError'));
    });
    request.addEventListener('success', () => {
      const raw = request.result;
      if (settled) {
        raw.close();
        return;
      }
      settled = true;
      resolve(wrap(raw) as unknown as IDBPDatabase<HeardDB>);
    });
  });
}

function upgrade(db: IDBPDatabase<HeardDB>, oldVersion: number, newVersion: number): void {
  if (oldVersion < 1 && newVersion >= 1) {
    const drafts = db.createObjectStore('drafts', { keyPath: 'key' });
    drafts.createIndex('by-updated', 'updatedAt');
    const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
    outbox.createIndex('by-created', 'createdAt');
  }
  if (oldVersion < 2 && newVersion >= 2) {
    const history = db.createObjectStore('history', { keyPath: 'id' });
    history.createIndex('by-at', 'at');
    db.createObjectStore('meta', { keyPath: 'key' });
  }
}

/** {@link StoreBackend} over one `idb` connection. Only IndexedDB is awaited inside transactions. */
class IdbBackend implements StoreBackend {
  readonly kind = 'indexeddb' as const;
  onLost?: (reason: string) => void;
  #db: IDBPDatabase<HeardDB>;
  #closed = false;

  constructor(db: IDBPDatabase<HeardDB>) {
    this.#db = db;
    const raw = db as unknown as IDBDatabase;
    // A newer version wants to upgrade: close at once so it never hangs on us.
    raw.addEventListener('versionchange', () => this.#lose('a newer version of the database is opening'));
    // The browser closed the connection (storage cleared, disk error, ...).
    raw.addEventListener('close', () => this.#lose('the browser closed the database'));
  }

  #lose(reason: string): void {
    if (this.#closed) return;
    this.close();
    this.onLost?.(reason);
  }

  async probe(): Promise<void> {
    const tx = this.#db.transaction('meta', 'readwrite');
    await tx.store.put({ key: 'probe', at: Date.now() });
    await tx.store.delete('probe');
    await tx.done;
  }

  getDraft(key: string): Promise<Draft | undefined> {
    return this.#db.get('drafts', key);
  }

  async putDraft(draft: Draft): Promise<void> {
    await this.#db.put('drafts', draft);
  }

  deleteDraft(key: string): Promise<void> {
    return this.#db.delete('drafts', key);
  }

  async purgeDrafts(before: number): Promise<number> {
    const tx = this.#db.transaction('drafts', 'readwrite');
    let count = 0;
    let cursor = await tx.store.index('by-updated').openCursor(IDBKeyRange.upperBound(before, true));
    while (cursor) {
      await cursor.delete();
      count += 1;
      cursor = await cursor.continue();
    }
    await tx.done;
    return count;
  }

  async addOutbox(item: OutboxItem): Promise<void> {
    const tx = this.#db.transaction('outbox', 'readwrite');
    if ((await tx.store.getKey(item.id)) === undefined) await tx.store.put(item);
    await tx.done;
  }

  async putOutbox(item: OutboxItem, onlyIfPresent: boolean): Promise<void> {
    const tx = this.#db.transaction('outbox', 'readwrite');
    if (!onlyIfPresent || (await tx.store.getKey(item.id)) !== undefined) await tx.store.put(item);
    await tx.done;
  }

  listOutbox(): Promise<OutboxItem[]> {
    return this.#db.getAllFromIndex('outbox', 'by-created');
  }

  deleteOutbox(id: string): Promise<void> {
    return this.#db.delete('outbox', id);
  }

  async putHistory(entry: HistoryEntry, keep: number): Promise<void> {
    const tx = this.#db.transaction('history', 'readwrite');
    await tx.store.put(entry);
    await trimIn(tx.store.index('by-at'), keep);
    await tx.done;
  }

  listHistory(): Promise<HistoryEntry[]> {
    return this.#db.getAllFromIndex('history', 'by-at');
  }

  async trimHistory(keep: number): Promise<number> {
    const tx = this.#db.transaction('history', 'readwrite');
    const dropped = await trimIn(tx.store.index('by-at'), keep);
    await tx.done;
    return dropped;
  }

  close(): void {
    this.#closed = true;
    this.#db.close();
  }
}

type HistoryIndex = IDBPIndex<HeardDB, ['history'], 'history', 'by-at', 'readwrite'>;

/** Deletes the oldest entries of the `by-at` index beyond `keep`, in the caller's transaction. */
async function trimIn(index: HistoryIndex, keep: number): Promise<number> {
  const excess = (await index.count()) - keep;
  let dropped = 0;
  let cursor = excess > 0 ? await index.openCursor() : null;
  while (cursor && dropped < excess) {
    await cursor.delete();
    dropped += 1;
    cursor = await cursor.continue();
  }
  return dropped;
}
