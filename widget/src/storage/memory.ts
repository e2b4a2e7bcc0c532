import { TIME, keyOf, type Row, type StoreName } from './rows';
import type { StoreBackend } from './store';

/** The memory backend, plus what the resilient store needs to keep it current. */
export interface MemoryBackend extends StoreBackend {
  /** Takes what IndexedDB holds as the truth (after a read), so the mirror stays current. */
  replace<S extends StoreName>(store: S, rows: Row<S>[]): void;
}

type Tables = { [S in StoreName]: Map<string, Row<S>> };

/**
 * {@link StoreBackend} in memory: used when IndexedDB cannot be, and as the mirror the
 * resilient store keeps so that a fault mid-session loses nothing it has already seen.
 * Values are cloned in and out so callers never share objects with the store, as with
 * IndexedDB.
 */
export function createMemoryBackend(): MemoryBackend {
  const tables: Tables = { drafts: new Map(), outbox: new Map(), history: new Map() };
  const table = <S extends StoreName>(store: S): Tables[S] => tables[store];
  /** Rows oldest first, by the store's time field. */
  const sorted = <S extends StoreName>(store: S): Row<S>[] => {
    const time: (row: Row<S>) => number = TIME[store].of;
    return [...table(store).values()].sort((a, b) => time(a) - time(b));
  };
  const prune = <S extends StoreName>(store: S, keep: number, before: number): number => {
    const rows = sorted(store);
    const time: (row: Row<S>) => number = TIME[store].of;
    let dropped = 0;
    for (const row of rows) {
      if (rows.length - dropped <= keep || time(row) >= before) break;
      table(store).delete(keyOf(row));
      dropped += 1;
    }
    return dropped;
  };
  return {
    get: async (store, key) => copy(table(store).get(key)),
    all: async (store) => sorted(store).map(copy),
    async put(store, row, only) {
      const key = keyOf(row);
      if (!only || (only === 'update') === table(store).has(key)) table(store).set(key, copy(row));
    },
    delete: async (store, key) => void table(store).delete(key),
    prune: async (store, keep, before = Infinity) => prune(store, keep, before),
    replace(store, rows) {
      const fresh = table(store);
      fresh.clear();
      for (const row of rows) fresh.set(keyOf(row), copy(row));
    },
    close() {},
  };
}

function copy<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}
