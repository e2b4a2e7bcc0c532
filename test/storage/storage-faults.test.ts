import { afterEach, describe, expect, it, vi } from 'vitest';
import { openIdbBackend } from '../../widget/src/storage/db';
import { describeStorageFault, isQuotaError } from '../../widget/src/storage/faults';
import { openStore } from '../../widget/src/storage/store';
import { createDelivery } from '../../widget/src/transport/flush';
import { createFakeEndpoint } from '../transport/fake-endpoint';
import { complaint, ENDPOINT, freshIndexedDB, quietLogger } from './fixtures';
import { abortWrappedQuota, fullDiskBackend, makeReadOnly, watchedIndexedDB } from './faulty-indexeddb';

afterEach(() => {
  vi.useRealTimers();
});

const draft = (composer: string, updatedAt = Date.now()) => ({ key: 'site', endpoint: ENDPOINT, snapshot: { value: 'listening' }, composer, updatedAt });

/** The visitor finishes a complaint and it is sent, on whatever storage the page has. */
async function completeAndDeliver(store: Awaited<ReturnType<typeof openStore>>) {
  const endpoint = createFakeEndpoint();
  const delivery = createDelivery({ endpoint: ENDPOINT, store, fetch: endpoint.fetch });
  await store.saveDraft(draft('My order is late'));
  expect((await store.loadDraft('site'))?.composer).toBe('My order is late');
  await store.enqueue(complaint(1), ENDPOINT, Date.now());
  const outcome = await delivery.send(complaint(1).id);
  delivery.dispose();
  return { outcome, endpoint };
}

describe('when IndexedDB cannot be used the widget keeps working from memory', () => {
  it('IndexedDB unavailable: the complaint is still completed and delivered in that page’s life', async () => {
    const logger = quietLogger();
    const store = await openStore({ indexedDB: null, logger });
    expect(store.kind).toBe('memory');
    const { outcome, endpoint } = await completeAndDeliver(store);
    expect(outcome).toBe('delivered');
    expect([...endpoint.stored.keys()]).toEqual([complaint(1).id]);
    expect(await store.listOutbox()).toEqual([]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });

  it('works when opening the database throws (storage disabled)', async () => {
    const logger = quietLogger();
    const indexedDB = {
      open() {
        throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
      },
    } as unknown as IDBFactory;
    const store = await openStore({ indexedDB, logger });
    expect(store.kind).toBe('memory');
    expect((await completeAndDeliver(store)).outcome).toBe('delivered');
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(String(logger.warn.mock.calls[0]?.[0])).toContain('InvalidStateError');
  });

  it('private mode (the database opens but refuses writes) is caught by the probe write', async () => {
    const logger = quietLogger();
    const store = await openStore({ indexedDB: watchedIndexedDB(makeReadOnly), logger });
    expect(store.kind).toBe('memory');
    expect((await completeAndDeliver(store)).outcome).toBe('delivered');
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(String(logger.warn.mock.calls[0]?.[0])).toContain('quota');
  });

  it('an upgrade blocked by an old tab falls back to memory, then copies everything in once it can open', async () => {
    const indexedDB = freshIndexedDB();
    // An old tab of an older widget holds version 1 open and ignores requests to close.
    const old = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('heard', 1);
      // Version 1's schema, as the older widget created it.
      request.onupgradeneeded = () => {
        request.result.createObjectStore('drafts', { keyPath: 'key' }).createIndex('by-updated', 'updatedAt');
        request.result.createObjectStore('outbox', { keyPath: 'id' }).createIndex('by-created', 'createdAt');
      };
      request.onsuccess = () => resolve(request.result);
    });
    let clock = 0;
    const logger = quietLogger();
    const store = await openStore({ indexedDB, logger, now: () => clock, reopenAfterMs: 5_000 });
    expect(store.kind).toBe('memory');
    expect(logger.warn).toHaveBeenCalledTimes(1);
    await store.enqueue(complaint(7), ENDPOINT, clock);
    await store.saveDraft(draft('Still typing'));

    old.close();
    clock += 5_000;
    expect(await store.listOutbox()).toHaveLength(1);
    expect(store.kind).toBe('indexeddb');
    store.close();

    const next = await openStore({ indexedDB, logger: quietLogger() });
    expect(next.kind).toBe('indexeddb');
    expect((await next.listOutbox()).map((item) => item.id)).toEqual([complaint(7).id]);
    expect((await next.loadDraft('site'))?.composer).toBe('Still typing');
    expect(logger.warn).toHaveBeenCalledTimes(1);
    next.close();
  });

  it('an older tab of this widget closes its connection so an upgrade never hangs, and data survives the upgrade', async () => {
    const indexedDB = freshIndexedDB();
    const v1 = await openIdbBackend(indexedDB, 'heard', { version: 1 }).catch(() => null);
    // Version 1 had no meta store, so its probe fails; open it raw the way version 1 did.
    expect(v1).toBeNull();
    const old = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('heard', 1);
      request.onsuccess = () => resolve(request.result);
    });
    await new Promise<void>((resolve) => {
      const tx = old.transaction('drafts', 'readwrite');
      tx.objectStore('drafts').put(draft('Written before the upgrade', 5));
      tx.oncomplete = () => resolve();
    });
    old.onversionchange = () => old.close();
    const store = await openStore({ indexedDB, logger: quietLogger(), draftMaxAgeMs: Number.MAX_SAFE_INTEGER });
    expect(store.kind).toBe('indexeddb');
    expect((await store.loadDraft('site'))?.composer).toBe('Written before the upgrade');
    store.close();
  });

  it('a store at this version closes on `versionchange` and carries on from memory', async () => {
    const indexedDB = freshIndexedDB();
    const logger = quietLogger();
    const store = await openStore({ indexedDB, logger });
    await store.enqueue(complaint(3), ENDPOINT, 0);
    // A newer widget upgrades the database in another tab: it must not be blocked by us.
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('heard', 99);
      request.onblocked = () => reject(new Error('blocked by the older tab'));
      request.onsuccess = () => resolve(request.result);
    });
    expect(store.kind).toBe('memory');
    await expect(store.listOutbox()).resolves.toHaveLength(1);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    newer.close();
    store.close();
  });

  it('quota exceeded wrapped in an AbortError: falls back to memory without throwing and still delivers', async () => {
    const logger = quietLogger();
    const disk = { full: true, freedByTrim: false };
    const store = await openStore({
      logger,
      openBackend: fullDiskBackend(freshIndexedDB(), disk),
      now: () => 0,
    });
    expect(store.kind).toBe('indexeddb');
    const { outcome } = await completeAndDeliver(store);
    expect(outcome).toBe('delivered');
    expect(store.kind).toBe('memory');
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(String(logger.warn.mock.calls[0]?.[0])).toContain('quota');
  });

  it('on quota pressure old history goes first and the outbox is kept', async () => {
    const indexedDB = freshIndexedDB();
    const disk = { full: false, freedByTrim: true };
    const logger = quietLogger();
    const store = await openStore({ logger, openBackend: fullDiskBackend(indexedDB, disk) });
    for (let n = 0; n < 10; n += 1) await store.addHistory({ id: `h${n}`, reference: `HRD-${n}`, at: n });
    await store.enqueue(complaint(1), ENDPOINT, 0);
    await store.enqueue(complaint(2), ENDPOINT, 0);

    disk.full = true;
    await store.enqueue(complaint(3), ENDPOINT, 0);

    expect(store.kind).toBe('indexeddb');
    expect(logger.warn).not.toHaveBeenCalled();
    const history = await store.listHistory();
    expect(history.length).toBeLessThan(10);
    // The newest history stays; the oldest went.
    expect(history.map((entry) => entry.id)).toContain('h9');
    expect(history.map((entry) => entry.id)).not.toContain('h0');
    expect((await store.listOutbox()).map((item) => item.id)).toEqual([1, 2, 3].map((n) => complaint(n).id));
    store.close();
  });

  it('a connection the browser closed: carries on from memory, then reopens and copies what changed', async () => {
    const connections: IDBDatabase[] = [];
    const indexedDB = watchedIndexedDB((db) => connections.push(db));
    let clock = 0;
    const logger = quietLogger();
    const store = await openStore({ indexedDB, logger, now: () => clock, reopenAfterMs: 10_000 });
    await store.enqueue(complaint(1), ENDPOINT, clock);
    expect(store.kind).toBe('indexeddb');

    connections[0]?.close();
    await store.enqueue(complaint(2), ENDPOINT, clock);
    await store.saveDraft(draft('Typed while storage was gone'));
    expect(store.kind).toBe('memory');
    expect((await store.listOutbox()).map((item) => item.id)).toEqual([complaint(1).id, complaint(2).id]);
    expect(logger.warn).toHaveBeenCalledTimes(1);

    clock += 10_000;
    await store.removeOutbox(complaint(1).id);
    expect(store.kind).toBe('indexeddb');
    store.close();

    const next = await openStore({ indexedDB, logger: quietLogger() });
    expect((await next.listOutbox()).map((item) => item.id)).toEqual([complaint(2).id]);
    expect((await next.loadDraft('site'))?.composer).toBe('Typed while storage was gone');
    expect(logger.warn).toHaveBeenCalledTimes(1);
    next.close();
  });
});

describe('recognising storage faults', () => {
  it('sees a quota error however it is wrapped', () => {
    expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(abortWrappedQuota())).toBe(true);
    expect(isQuotaError(new DOMException('Transaction aborted', 'AbortError'))).toBe(false);
    expect(describeStorageFault(abortWrappedQuota())).toContain('quota');
  });
});
