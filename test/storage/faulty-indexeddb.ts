import { IDBFactory } from 'fake-indexeddb';
import { openIdbBackend } from '../../widget/src/storage/db';
import type { StoreBackend } from '../../widget/src/storage/store';

/**
 * A fake-indexeddb factory that hands every opened connection to `onConnection` before the
 * widget sees it, so a test can close it (as the browser might) or break its writes.
 */
export function watchedIndexedDB(onConnection: (db: IDBDatabase) => void): IDBFactory {
  const real = new IDBFactory();
  return new Proxy(real, {
    get(target, prop) {
      if (prop === 'open') {
        return (name: string, version?: number) => {
          const request = target.open(name, version);
          request.addEventListener('success', () => onConnection(request.result));
          return request;
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Every read-write transaction fails as in Safari's private mode: the quota is zero. */
export function makeReadOnly(db: IDBDatabase): void {
  const transaction = db.transaction.bind(db);
  (db as { transaction: IDBDatabase['transaction'] }).transaction = ((stores: string | string[], mode?: IDBTransactionMode) => {
    if (mode === 'readwrite') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return transaction(stores, mode);
  }) as IDBDatabase['transaction'];
}

/** The shape some browsers report a full disk in: an `AbortError` with the quota error inside. */
export function abortWrappedQuota(): DOMException {
  const abort = new DOMException('The transaction was aborted.', 'AbortError');
  Object.defineProperty(abort, 'cause', { value: new DOMException('Quota exceeded', 'QuotaExceededError') });
  return abort;
}

/**
 * Wraps the real IndexedDB backend with a disk that is "full" until history is trimmed:
 * every write fails with an AbortError-wrapped quota error while `state.full` is true.
 */
export function fullDiskBackend(indexedDB: IDBFactory, state: { full: boolean; freedByTrim: boolean }) {
  return async (): Promise<StoreBackend> => {
    const backend = await openIdbBackend(indexedDB, 'heard');
    return {
      ...backend,
      // Every write of a row fails while the disk is full; deletes go through.
      put: async (store, row, only) => {
        if (state.full) throw abortWrappedQuota();
        return backend.put(store, row, only);
      },
      prune: async (store, keep, before) => {
        const dropped = await backend.prune(store, keep, before);
        if (store === 'history' && dropped > 0 && state.freedByTrim) state.full = false;
        return dropped;
      },
    };
  };
}
