import { describeStorageFault, isQuotaError } from './faults';
import { createMemoryBackend } from './memory';
import { HISTORY_LIMIT, keyOf, type Row, type StoreName } from './rows';
import type { HeardStore, StoreBackend } from './store';

interface ResilientOptions {
  openBackend: () => Promise<StoreBackend>;
  logger: Pick<Console, 'warn'>;
  reopenAfterMs: number;
  now: () => number;
  /** Keep everything in memory, opening nothing, until `persist()` is called. */
  deferred: boolean;
}

/**
 * A {@link HeardStore} that writes through to IndexedDB while it can and keeps a memory
 * mirror of everything it has seen. On a fault it carries on from the mirror, remembers
 * which keys changed meanwhile, and copies them into IndexedDB when a later call manages to
 * reopen it. Nothing here ever rejects for a storage fault.
 */
export async function createResilientStore({ openBackend, logger, reopenAfterMs, now, deferred }: ResilientOptions): Promise<HeardStore> {
  let primary: StoreBackend | null = null;
  /** Whether IndexedDB may be opened (and so created): not before the visitor asks for the widget. */
  let allowed = !deferred;
  const mirror = createMemoryBackend();
  /** `store:key` of rows written while only the mirror held them, with a change counter; `purge:before` for a purge. */
  const dirty = new Map<string, number>();
  let lastAttempt = Number.NEGATIVE_INFINITY;
  let reopening: Promise<void> | null = null;
  let warned = false;
  let closed = false;

  const warn = (reason: unknown): void => {
    if (warned) return;
    warned = true;
    const why = typeof reason === 'string' ? reason : describeStorageFault(reason);
    logger.warn(
      `Heard: browser storage cannot be used (${why}); drafts and unsent complaints are kept in memory for now and saved when storage is available again.`,
    );
  };

  /** Stops using `backend` after a fault; the mirror carries on and a later call tries again. */
  const drop = (backend: StoreBackend, reason: unknown): void => {
    if (primary !== backend) return;
    primary = null;
    lastAttempt = now();
    backend.close();
    warn(reason);
  };

  /** Copies one change made while only the mirror held the data into `backend`. */
  const replay = async (backend: StoreBackend, kind: string, id: string): Promise<void> => {
    if (kind === 'purge') return void (await backend.prune('drafts', 0, Number(id)));
    if (kind !== 'drafts' && kind !== 'outbox' && kind !== 'history') return;
    const row = await mirror.get(kind, id);
    await (row ? backend.put(kind, row) : backend.delete(kind, id));
  };

  /** Opens IndexedDB and copies in what changed meanwhile; only then is it used. */
  const open = async (): Promise<void> => {
    lastAttempt = now();
    let backend: StoreBackend | undefined;
    try {
      backend = await openBackend();
      // Loop: writes made while we copy are marked dirty again and copied on the next pass.
      while (dirty.size > 0) {
        for (const [key, version] of [...dirty]) {
          const at = key.indexOf(':');
          await replay(backend, key.slice(0, at), key.slice(at + 1));
          if (dirty.get(key) === version) dirty.delete(key);
        }
      }
    } catch (error) {
      backend?.close();
      warn(error);
      return;
    }
    if (closed) return backend.close();
    const opened = backend;
    opened.onLost = (reason) => drop(opened, reason);
    primary = opened;
  };

  /** Tries IndexedDB again when it is not in use and a while has passed since the last try. */
  const reopen = async (): Promise<void> => {
    if (primary || closed || !allowed) return;
    if (reopening || now() - lastAttempt >= reopenAfterMs) {
      await (reopening ??= open().finally(() => (reopening = null)));
    }
  };

  /** Makes room by dropping the older half of history; the outbox is never touched. */
  const relieve = (backend: StoreBackend): Promise<number> =>
    backend
      .all('history')
      .then((entries) => backend.prune('history', entries.length >> 1))
      .catch(() => 0);

  /** Runs a write on IndexedDB (making room on quota pressure) and on the mirror. */
  const write = async (key: string, op: (backend: StoreBackend) => Promise<unknown>): Promise<void> => {
    await reopen();
    const backend = primary;
    let stored = false;
    while (backend && !stored) {
      try {
        await op(backend);
        stored = true;
      } catch (error) {
        if (!isQuotaError(error) || !(await relieve(backend))) {
          drop(backend, error);
          break;
        }
      }
    }
    if (!stored) dirty.set(key, (dirty.get(key) ?? 0) + 1);
    try {
      await op(mirror);
    } catch (error) {
      warn(error);
    }
  };

  /** Reads from IndexedDB when it can (refreshing the mirror), else from the mirror. */
  const read = async <T>(op: (backend: StoreBackend) => Promise<T>, remember: (value: T) => unknown): Promise<T> => {
    await reopen();
    const backend = primary;
    if (backend) {
      try {
        const value = await op(backend);
        remember(value);
        return value;
      } catch (error) {
        drop(backend, error);
      }
    }
    return op(mirror);
  };

  const put = <S extends StoreName>(store: S, row: Row<S>, only?: 'add' | 'update') =>
    write(`${store}:${keyOf(row)}`, (backend) => backend.put(store, row, only));
  const remove = (store: StoreName, key: string) => write(`${store}:${key}`, (backend) => backend.delete(store, key));
  const list = <S extends StoreName>(store: S) =>
    read(
      (backend) => backend.all(store),
      (rows) => mirror.replace(store, rows),
    );

  await reopen();
  return {
    get kind() {
      return primary ? 'indexeddb' : 'memory';
    },
    async persist() {
      if (allowed) return;
      allowed = true;
      // Everything written meanwhile is marked dirty, so opening copies it in.
      lastAttempt = Number.NEGATIVE_INFINITY;
      await reopen();
    },
    loadDraft: (key) =>
      read(
        (backend) => backend.get('drafts', key),
        (draft) => (draft ? mirror.put('drafts', draft) : mirror.delete('drafts', key)),
      ),
    saveDraft: (draft) => put('drafts', draft),
    deleteDraft: (key) => remove('drafts', key),
    async purgeDrafts(olderThanMs, at) {
      const before = at - olderThanMs;
      let count = 0;
      await write(`purge:${before}`, async (backend) => {
        count = Math.max(count, await backend.prune('drafts', 0, before));
      });
      return count;
    },
    async purgeRefused(olderThanMs, at) {
      const before = at - olderThanMs;
      const expired = (await list('outbox')).filter(
        (item) => item.state === 'rejected' && item.transcriptOfferedAt !== null && item.transcriptOfferedAt < before,
      );
      for (const item of expired) await remove('outbox', item.id);
      return expired.length;
    },
    enqueue: (body, endpoint, at) =>
      put(
        'outbox',
        { id: body.id, endpoint, body, state: 'pending', transcriptOfferedAt: null, attempts: 0, nextAttemptAt: at, lastStatus: null, createdAt: at },
        'add',
      ),
    listOutbox: () => list('outbox'),
    updateOutbox: (item) => put('outbox', item, 'update'),
    removeOutbox: (id) => remove('outbox', id),
    addHistory: (entry) =>
      write(`history:${entry.id}`, async (backend) => {
        await backend.put('history', entry);
        await backend.prune('history', HISTORY_LIMIT);
      }),
    listHistory: () => list('history'),
    async eraseVisitorData() {
      for (const draft of await list('drafts')) await remove('drafts', draft.key);
      for (const entry of await list('history')) await remove('history', entry.id);
      for (const item of await list('outbox')) if (item.state === 'rejected') await remove('outbox', item.id);
    },
    close() {
      closed = true;
      primary?.close();
      primary = null;
    },
  };
}
