import { TIME, keyOf, type Rows, type StoreName } from './rows';
import type { StoreBackend } from './store';

/** The memory backend, plus what the resilient store needs to keep it current. */
export interface MemoryBackend extends StoreBackend {
  /** Takes what IndexedDB holds as the truth (after a read), so the mirror stays current. */
  replace<S extends StoreName>(store: S, rows: Rows[S][]): void;
}

/**
 * {@link StoreBackend} in memory: used when IndexedDB cannot be, and as the mirror the
 * resilient store keeps so that a fault mid-session loses nothing it has already seen.
 * Values are cloned in and out so callers never share objects with the store, as with
 * IndexedDB.
 */
export function createMemoryBackend(): MemoryBackend {
  const maps: Record<StoreName, Map<string, Rows[StoreName]>> = { drafts: new Map(), outbox: new Map(), history: new Map() };
  /** Rows oldest first, by the store's time field. */
  const sorted = (store: StoreName) => {
    const time = TIME[store][0] as never;
    return [...maps[store].values()].sort((a, b) => a[time] - b[time]);
  };
  return {
    get: async (store, key) => copy(maps[store].get(key)) as never,
    all: async (store) => sorted(store).map(copy) as never,
    async put(store, row, only) {
      const key = keyOf(row);
      if (!only || (only === 'update') === maps[store].has(key)) maps[store].set(key, copy(row));
    },
    delete: async (store, key) => void maps[store].delete(key),
    async prune(store, keep, before = Infinity) {
      const rows = sorted(store);
      let dropped = 0;
      for (const row of rows) {
        if (rows.length - dropped <= keep || row[TIME[store][0] as never] >= before) break;
        maps[store].delete(keyOf(row));
        dropped += 1;
      }
      return dropped;
    },
    replace(store, rows) {
      maps[store] = new Map(rows.map((row) => [keyOf(row), copy(row)]));
    },
    close() {},
  };
}

function copy<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}
