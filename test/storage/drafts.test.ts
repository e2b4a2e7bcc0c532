import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDraftSaver } from '../../widget/src/storage/drafts';
import { DRAFT_MAX_AGE_MS, HISTORY_LIMIT, openStore } from '../../widget/src/storage/store';
import { complaint, ENDPOINT, freshIndexedDB, quietLogger, useFakeClock } from './fixtures';

afterEach(() => {
  vi.useRealTimers();
});

const draftAt = (composer: string, updatedAt = Date.now()) => ({ key: 'site', endpoint: ENDPOINT, snapshot: { value: 'listening', context: { composer } }, composer, updatedAt });

describe('draft saver', () => {
  it('saves 300 ms after the last keystroke, not on every one', async () => {
    useFakeClock();
    const store = await openStore({ indexedDB: freshIndexedDB(), logger: quietLogger() });
    const saver = createDraftSaver(store);
    saver.schedule(draftAt('M'));
    await vi.advanceTimersByTimeAsync(200);
    saver.schedule(draftAt('My'));
    await vi.advanceTimersByTimeAsync(250);
    expect(await store.loadDraft('site')).toBeUndefined();
    await vi.advanceTimersByTimeAsync(60);
    expect((await store.loadDraft('site'))?.composer).toBe('My');
    saver.dispose();
    store.close();
  });

  it('saves again when the conversation comes to hold files, with nothing else changed', async () => {
    useFakeClock();
    const store = await openStore({ indexedDB: freshIndexedDB(), logger: quietLogger() });
    const saver = createDraftSaver(store);
    saver.schedule(draftAt('The vase is broken'));
    await vi.advanceTimersByTimeAsync(400);
    saver.schedule({ ...draftAt('The vase is broken'), files: true });
    await vi.advanceTimersByTimeAsync(400);
    expect((await store.loadDraft('site'))?.files).toBe(true);
    saver.dispose();
    store.close();
  });

  it('builds a draft given as a function only when it saves, once, however fast the typing', async () => {
    useFakeClock();
    const store = await openStore({ indexedDB: freshIndexedDB(), logger: quietLogger() });
    const saver = createDraftSaver(store);
    let built = 0;
    let text = '';
    for (const ch of 'Parcel late') {
      text += ch;
      saver.schedule(() => (built++, draftAt(text)));
      await vi.advanceTimersByTimeAsync(40);
    }
    expect(built).toBe(0);
    await vi.advanceTimersByTimeAsync(300);
    expect(built).toBe(1);
    expect((await store.loadDraft('site'))?.composer).toBe('Parcel late');
    saver.dispose();
    store.close();
  });

  it('flush saves at once, as on pagehide', async () => {
    useFakeClock();
    const store = await openStore({ indexedDB: freshIndexedDB(), logger: quietLogger() });
    const saved = vi.fn();
    const saver = createDraftSaver(store, { onSaved: saved });
    saver.schedule(draftAt('Leaving now'));
    await saver.flush();
    expect((await store.loadDraft('site'))?.composer).toBe('Leaving now');
    expect(saved).toHaveBeenCalledTimes(1);
    // The timer that was pending does not save it a second time.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(saved).toHaveBeenCalledTimes(1);
    store.close();
  });

  it('a reopened page finds the conversation and the unsent text', async () => {
    const indexedDB = freshIndexedDB();
    const store = await openStore({ indexedDB, logger: quietLogger() });
    const saver = createDraftSaver(store);
    saver.schedule(draftAt('half a sentence'));
    await saver.flush();
    store.close();
    const reopened = await openStore({ indexedDB, logger: quietLogger() });
    expect(await reopened.loadDraft('site')).toEqual(draftAt('half a sentence', (await reopened.loadDraft('site'))!.updatedAt));
    reopened.close();
  });

  it('does not write back a draft adopted from another tab', async () => {
    const store = await openStore({ indexedDB: freshIndexedDB(), logger: quietLogger() });
    const saved = vi.fn();
    const saver = createDraftSaver(store, { onSaved: saved });
    const remote = draftAt('from the other tab');
    saver.adopt(remote);
    saver.schedule({ ...remote, updatedAt: remote.updatedAt + 1 });
    await saver.flush();
    expect(saved).not.toHaveBeenCalled();
    store.close();
  });

  it('purges drafts older than the configured age at start-up, but never undelivered records', async () => {
    const indexedDB = freshIndexedDB();
    const longAgo = Date.UTC(2024, 0, 1);
    const store = await openStore({ indexedDB, logger: quietLogger(), now: () => longAgo });
    await store.saveDraft({ ...draftAt('old'), key: 'old', updatedAt: longAgo });
    await store.saveDraft({ ...draftAt('recent'), key: 'recent', updatedAt: longAgo + 300 * 24 * 3600_000 });
    await store.enqueue(complaint(1), ENDPOINT, longAgo);
    store.close();

    const later = longAgo + 301 * 24 * 3600_000;
    const reopened = await openStore({ indexedDB, logger: quietLogger(), now: () => later, draftMaxAgeMs: 30 * 24 * 3600_000 });
    expect(await reopened.loadDraft('old')).toBeUndefined();
    expect((await reopened.loadDraft('recent'))?.composer).toBe('recent');
    expect((await reopened.listOutbox()).map((item) => item.id)).toEqual([complaint(1).id]);
    reopened.close();
    expect(DRAFT_MAX_AGE_MS).toBe(30 * 24 * 3600_000);
  });
});

describe('outbox and history', () => {
  it('enqueueing the same record twice keeps one item, and a removed item is not brought back by an update', async () => {
    const store = await openStore({ indexedDB: freshIndexedDB(), logger: quietLogger() });
    await store.enqueue(complaint(1), ENDPOINT, 1);
    await store.enqueue(complaint(1), ENDPOINT, 2);
    const [item] = await store.listOutbox();
    expect(await store.listOutbox()).toHaveLength(1);
    expect(item?.createdAt).toBe(1);
    await store.removeOutbox(complaint(1).id);
    await store.updateOutbox({ ...item!, attempts: 3 });
    expect(await store.listOutbox()).toEqual([]);
    store.close();
  });

  it('keeps only the newest history entries', async () => {
    const store = await openStore({ indexedDB: freshIndexedDB(), logger: quietLogger() });
    for (let n = 0; n < HISTORY_LIMIT + 5; n += 1) await store.addHistory({ id: `c${n}`, reference: `HRD-${n}`, at: n });
    const history = await store.listHistory();
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]?.id).toBe('c5');
    store.close();
  });
});
