import { describe, expect, it } from 'vitest';
import { databaseExists, DRAFT_MAX_AGE_MS, openStore } from '../../widget/src/storage/store';
import { complaint, ENDPOINT, freshIndexedDB, quietLogger } from './fixtures';

const DAY = 86_400_000;

describe('how long a refused complaint stays on the device', () => {
  it('as long as drafts after the visitor was offered the transcript, and never before the offer', async () => {
    const indexedDB = freshIndexedDB();
    const start = Date.UTC(2026, 0, 1);
    const store = await openStore({ indexedDB, logger: quietLogger(), now: () => start });
    for (const n of [1, 2, 3, 4]) await store.enqueue(complaint(n), ENDPOINT, start);
    const [offeredLongAgo, offeredRecently, neverOffered, pending] = await store.listOutbox();
    const refuse = { state: 'rejected' as const, lastStatus: 422 };
    await store.updateOutbox({ ...offeredLongAgo!, ...refuse, transcriptOfferedAt: start });
    await store.updateOutbox({ ...offeredRecently!, ...refuse, transcriptOfferedAt: start + 20 * DAY });
    await store.updateOutbox({ ...neverOffered!, ...refuse });
    expect(pending!.state).toBe('pending');
    store.close();

    // 31 days later, with the default of 30 draft days.
    const later = await openStore({ indexedDB, logger: quietLogger(), now: () => start + 31 * DAY });
    expect((await later.listOutbox()).map((item) => item.id)).toEqual([complaint(2).id, complaint(3).id, complaint(4).id]);
    later.close();

    // A site that keeps drafts 7 days: the recent offer is 11 days old by then.
    const site = await openStore({ indexedDB, logger: quietLogger(), now: () => start + 31 * DAY, draftMaxAgeMs: 7 * DAY });
    expect((await site.listOutbox()).map((item) => item.id)).toEqual([complaint(3).id, complaint(4).id]);
    site.close();
    expect(DRAFT_MAX_AGE_MS).toBe(30 * DAY);
  });
});

describe('nothing on the device before the visitor asks', () => {
  it('a deferred store creates no database, keeps what it is given in memory, and writes it all once asked', async () => {
    const indexedDB = freshIndexedDB();
    const logger = quietLogger();
    expect(await databaseExists(indexedDB)).toBe(false);
    const store = await openStore({ indexedDB, logger, deferred: true });
    await store.saveDraft({ key: 'site', endpoint: ENDPOINT, snapshot: { value: 'listening' }, composer: 'typed before asking', updatedAt: Date.now() });
    expect((await store.loadDraft('site'))?.composer).toBe('typed before asking');
    expect(await databaseExists(indexedDB)).toBe(false);
    expect(logger.warn).not.toHaveBeenCalled();

    await store.persist();
    expect(store.kind).toBe('indexeddb');
    expect(await databaseExists(indexedDB)).toBe(true);
    store.close();
    const next = await openStore({ indexedDB, logger: quietLogger() });
    expect((await next.loadDraft('site'))?.composer).toBe('typed before asking');
    next.close();
  });

  it('says it cannot tell when the browser cannot list databases', async () => {
    const indexedDB = freshIndexedDB();
    const withoutListing = { open: indexedDB.open.bind(indexedDB) } as unknown as IDBFactory;
    expect(await databaseExists(withoutListing)).toBeNull();
    expect(await databaseExists(null)).toBe(false);
  });
});

describe('erasing what the widget keeps about the visitor', () => {
  it('removes drafts, history and refused complaints, and keeps every complaint still waiting for delivery', async () => {
    const store = await openStore({ indexedDB: freshIndexedDB(), logger: quietLogger() });
    await store.saveDraft({ key: 'site', endpoint: ENDPOINT, snapshot: {}, composer: 'x', updatedAt: Date.now() });
    await store.addHistory({ id: 'h1', reference: 'HRD-1', at: 1 });
    await store.enqueue(complaint(1), ENDPOINT, 1);
    await store.enqueue(complaint(2), ENDPOINT, 2);
    const [, refused] = await store.listOutbox();
    await store.updateOutbox({ ...refused!, state: 'rejected', lastStatus: 400 });
    await store.eraseVisitorData();
    expect(await store.loadDraft('site')).toBeUndefined();
    expect(await store.listHistory()).toEqual([]);
    expect((await store.listOutbox()).map((item) => [item.id, item.state])).toEqual([[complaint(1).id, 'pending']]);
    store.close();
  });
});
