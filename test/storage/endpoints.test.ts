import { describe, expect, it } from 'vitest';
import { DB_VERSION } from '../../widget/src/storage/db';
import { openStore } from '../../widget/src/storage/store';
import { createDelivery } from '../../widget/src/transport/flush';
import { createFakeEndpoint } from '../transport/fake-endpoint';
import { complaint, ENDPOINT, freshIndexedDB, quietLogger } from './fixtures';

const OTHER = 'https://seller.example/complaints';

/** Writes rows the way version 2 of the widget did: stores by then, rows without an endpoint. */
async function createVersion2(indexedDB: IDBFactory, rows: { outbox?: object[]; drafts?: object[] }): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('heard', 2);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('drafts', { keyPath: 'key' }).createIndex('by-updated', 'updatedAt');
      request.result.createObjectStore('outbox', { keyPath: 'id' }).createIndex('by-created', 'createdAt');
      request.result.createObjectStore('history', { keyPath: 'id' }).createIndex('by-at', 'at');
      request.result.createObjectStore('meta', { keyPath: 'key' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['outbox', 'drafts'], 'readwrite');
    for (const row of rows.outbox ?? []) tx.objectStore('outbox').put(row);
    for (const row of rows.drafts ?? []) tx.objectStore('drafts').put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** An outbox item as version 2 stored it. */
const oldItem = (n: number, state: 'pending' | 'rejected' = 'pending') => ({
  id: complaint(n).id,
  body: complaint(n),
  state,
  attempts: 2,
  nextAttemptAt: 0,
  lastStatus: state === 'rejected' ? 422 : 503,
  createdAt: n,
});

describe("each endpoint's outbox", () => {
  it("a widget delivers only its own endpoint's complaints; another endpoint's wait for their own widget", async () => {
    const store = await openStore({ indexedDB: freshIndexedDB(), logger: quietLogger() });
    await store.enqueue(complaint(1), ENDPOINT, 1);
    await store.enqueue(complaint(2), OTHER, 2);
    const mine = createFakeEndpoint();
    const theirs = createFakeEndpoint();

    const widgetA = createDelivery({ endpoint: ENDPOINT, store, fetch: mine.fetch });
    await widgetA.flush();
    expect([...mine.stored.keys()]).toEqual([complaint(1).id]);
    // A send of an item of the other endpoint never posts it here either.
    expect(await widgetA.send(complaint(2).id)).toBe('delivered');
    expect([...mine.stored.keys()]).toEqual([complaint(1).id]);
    expect((await store.listOutbox()).map((item) => [item.id, item.endpoint])).toEqual([[complaint(2).id, OTHER]]);

    const widgetB = createDelivery({ endpoint: OTHER, store, fetch: theirs.fetch });
    await widgetB.flush();
    expect([...theirs.stored.keys()]).toEqual([complaint(2).id]);
    expect(await store.listOutbox()).toEqual([]);
    widgetA.dispose();
    widgetB.dispose();
    store.close();
  });

  it('a draft and a rating carry their endpoint too', async () => {
    const store = await openStore({ indexedDB: freshIndexedDB(), logger: quietLogger() });
    await store.saveDraft({ key: `conversation:${OTHER}`, endpoint: OTHER, snapshot: {}, composer: 'half', updatedAt: Date.now() });
    const rating = { schemaVersion: 1, type: 'rating', id: `${complaint(3).id}:csat`, complaintId: complaint(3).id, csat: 4, at: '2025-01-15T09:10:00.000Z' } as const;
    await store.enqueue(rating, OTHER, 3);
    expect((await store.loadDraft(`conversation:${OTHER}`))?.endpoint).toBe(OTHER);
    expect((await store.listOutbox()).map((item) => item.endpoint)).toEqual([OTHER]);
    store.close();
  });
});

describe('upgrading a database from before items named their endpoint', () => {
  it('keeps everything queued, and the first widget that opens it delivers the old items to its endpoint', async () => {
    const indexedDB = freshIndexedDB();
    await createVersion2(indexedDB, {
      outbox: [oldItem(1), oldItem(2), oldItem(3, 'rejected')],
      drafts: [{ key: `conversation:${ENDPOINT}`, snapshot: { value: 'listening' }, composer: 'Written before', updatedAt: Date.now() }],
    });

    const store = await openStore({ indexedDB, logger: quietLogger() });
    expect(store.kind).toBe('indexeddb');
    const upgraded = await store.listOutbox();
    expect(upgraded.map((item) => [item.id, item.endpoint, item.state, item.transcriptOfferedAt])).toEqual([
      [complaint(1).id, null, 'pending', null],
      [complaint(2).id, null, 'pending', null],
      [complaint(3).id, null, 'rejected', null],
    ]);
    expect(await store.loadDraft(`conversation:${ENDPOINT}`)).toMatchObject({ composer: 'Written before', endpoint: null });

    const first = createFakeEndpoint();
    const widget = createDelivery({ endpoint: ENDPOINT, store, fetch: first.fetch });
    await widget.flush();
    expect([...first.stored.keys()].sort()).toEqual([complaint(1).id, complaint(2).id]);
    expect(first.stored.get(complaint(1).id)).toEqual(complaint(1));
    // The refused one stays for the visitor's transcript, now this endpoint's.
    expect((await store.listOutbox()).map((item) => [item.id, item.endpoint])).toEqual([[complaint(3).id, ENDPOINT]]);

    // A widget of another endpoint on the same origin, later, finds nothing of the old items.
    const later = createFakeEndpoint();
    const other = createDelivery({ endpoint: OTHER, store, fetch: later.fetch });
    await other.flush();
    expect(later.requests).toEqual([]);
    widget.dispose();
    other.dispose();
    store.close();

    // The database is at the new version: opening it again upgrades nothing and loses nothing.
    const version = await new Promise<number>((resolve) => {
      const request = indexedDB.open('heard');
      request.onsuccess = () => {
        resolve(request.result.version);
        request.result.close();
      };
    });
    expect(version).toBe(DB_VERSION);
  });

  it('a widget of another endpoint that opens the old database first takes the old items, and the first endpoint none', async () => {
    const indexedDB = freshIndexedDB();
    await createVersion2(indexedDB, { outbox: [oldItem(4)] });
    const store = await openStore({ indexedDB, logger: quietLogger() });
    const theirs = createFakeEndpoint();
    const mine = createFakeEndpoint();
    const first = createDelivery({ endpoint: OTHER, store, fetch: theirs.fetch });
    await first.flush();
    const second = createDelivery({ endpoint: ENDPOINT, store, fetch: mine.fetch });
    await second.flush();
    expect([...theirs.stored.keys()]).toEqual([complaint(4).id]);
    expect(mine.requests).toEqual([]);
    first.dispose();
    second.dispose();
    store.close();
  });
});
