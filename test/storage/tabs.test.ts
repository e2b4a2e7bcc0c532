import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDraftSaver } from '../../widget/src/storage/drafts';
import { openStore } from '../../widget/src/storage/store';
import type { Draft } from '../../widget/src/storage/store';
import { createDeliveryLock, createDraftSync, type LocksLike } from '../../widget/src/storage/tabs';
import { createDelivery } from '../../widget/src/transport/flush';
import { createFakeEndpoint } from '../transport/fake-endpoint';
import { channelHub, sharedLocks } from './fake-tabs';
import { complaint, ENDPOINT, freshIndexedDB, quietLogger, runUntil, useFakeClock } from './fixtures';

afterEach(() => {
  vi.useRealTimers();
});

describe('two tabs of one site', () => {
  it('a draft saved in one tab is adopted by the other, and an older one is ignored', async () => {
    useFakeClock();
    const Channel = channelHub();
    const indexedDB = freshIndexedDB();
    const adoptedByB: Draft[] = [];
    const storeA = await openStore({ indexedDB, logger: quietLogger() });
    const syncA = createDraftSync({ BroadcastChannel: Channel, onAdopt: () => {} });
    const syncB = createDraftSync({ BroadcastChannel: Channel, onAdopt: (draft) => adoptedByB.push(draft) });
    const saverA = createDraftSaver(storeA, { onSaved: syncA.announce });

    saverA.schedule({ key: 'site', endpoint: ENDPOINT, snapshot: { value: 'listening' }, composer: 'typed in A', updatedAt: Date.now() });
    await runUntil(() => adoptedByB.length > 0, 2_000);
    expect(adoptedByB.map((draft) => draft.composer)).toEqual(['typed in A']);

    syncB.note({ key: 'site', endpoint: ENDPOINT, snapshot: {}, composer: 'newer in B', updatedAt: Date.now() + 10_000 });
    syncA.announce({ key: 'site', endpoint: ENDPOINT, snapshot: {}, composer: 'stale', updatedAt: Date.now() + 1 });
    await vi.advanceTimersByTimeAsync(10);
    expect(adoptedByB).toHaveLength(1);
    storeA.close();
  });

  it('a visitor who erases their data in one tab has the other tab drop its conversation, and forget the drafts it had heard of', async () => {
    useFakeClock();
    const Channel = channelHub();
    const erasedInB = vi.fn();
    const adoptedByB: Draft[] = [];
    const syncA = createDraftSync({ BroadcastChannel: Channel, onAdopt: () => {} });
    const syncB = createDraftSync({ BroadcastChannel: Channel, onAdopt: (draft) => adoptedByB.push(draft), onErased: erasedInB });
    const later = Date.now() + 60_000;
    syncB.note({ key: 'site', endpoint: ENDPOINT, snapshot: {}, composer: 'before the erase', updatedAt: later });
    syncA.announceErased();
    await vi.advanceTimersByTimeAsync(10);
    expect(erasedInB).toHaveBeenCalledTimes(1);
    // A new conversation after the erase is adopted even though B once knew a later draft.
    syncA.announce({ key: 'site', endpoint: ENDPOINT, snapshot: {}, composer: 'after the erase', updatedAt: Date.now() });
    await vi.advanceTimersByTimeAsync(10);
    expect(adoptedByB.map((draft) => draft.composer)).toEqual(['after the erase']);
    syncA.close();
    syncB.close();
  });

  it.each([
    ['Web Locks', () => ({ locks: sharedLocks() })],
    ['a BroadcastChannel lease', () => ({ BroadcastChannel: channelHub() })],
  ])('with %s only one tab delivers at a time and each record is posted once', async (_name, makeShared) => {
    useFakeClock();
    const shared = makeShared();
    const indexedDB = freshIndexedDB();
    let active = 0;
    let mostAtOnce = 0;
    const endpoint = createFakeEndpoint();
    const slowFetch = async (input: string, init: RequestInit) => {
      active += 1;
      mostAtOnce = Math.max(mostAtOnce, active);
      await new Promise((resolve) => setTimeout(resolve, 20));
      active -= 1;
      return endpoint.fetch(input, init);
    };
    const tabs = await Promise.all(
      [0, 1].map(async () => {
        const store = await openStore({ indexedDB, logger: quietLogger() });
        const lock = createDeliveryLock({ ...shared });
        return { store, delivery: createDelivery({ endpoint: ENDPOINT, store, lock, fetch: slowFetch, concurrency: 1 }) };
      }),
    );
    for (let n = 0; n < 20; n += 1) await tabs[0]!.store.enqueue(complaint(n), ENDPOINT, 0);
    for (const tab of tabs) void tab.delivery.flush();
    await runUntil(() => endpoint.stored.size === 20, 60_000);
    // Both tabs look again (start-up, `online`): nothing is posted twice.
    for (const tab of tabs) void tab.delivery.flush();
    await runUntil(async () => false, 3_000);
    expect(endpoint.stored.size).toBe(20);
    expect([...endpoint.countById.values()].every((count) => count === 1)).toBe(true);
    expect(mostAtOnce).toBe(1);
    for (const tab of tabs) {
      tab.delivery.dispose();
      tab.store.close();
    }
  });

  it('the lease passes to the other tab once the holder is done', async () => {
    useFakeClock();
    const Channel = channelHub();
    const a = createDeliveryLock({ BroadcastChannel: Channel });
    const b = createDeliveryLock({ BroadcastChannel: Channel });
    let release!: () => void;
    const aRan = a.run(() => new Promise<void>((resolve) => (release = resolve)));
    await vi.advanceTimersByTimeAsync(100);
    const bWhileHeld = b.run(async () => {});
    await vi.advanceTimersByTimeAsync(100);
    expect(await bWhileHeld).toBe(false);
    release();
    expect(await aRan).toBe(true);
    await vi.advanceTimersByTimeAsync(10);
    const bAfter = b.run(async () => {});
    await vi.advanceTimersByTimeAsync(100);
    expect(await bAfter).toBe(true);
  });
});

describe('when the browser refuses what tabs need', () => {
  it('delivers anyway when Web Locks rejects (a sandboxed frame), and still reports a task’s own failure', async () => {
    const refusing: LocksLike = { request: () => Promise.reject(new DOMException('opaque origin', 'SecurityError')) };
    const lock = createDeliveryLock({ locks: refusing });
    let ran = 0;
    expect(await lock.run(async () => void ran++)).toBe(true);
    expect(ran).toBe(1);
    const granting: LocksLike = { request: (_name, _options, callback) => callback({}) };
    await expect(createDeliveryLock({ locks: granting }).run(async () => Promise.reject(new Error('disk')))).rejects.toThrow('disk');
  });

  it('announcing a draft on a closed channel does not throw', () => {
    class Closed {
      addEventListener() {}
      postMessage() {
        throw new DOMException('closed', 'InvalidStateError');
      }
      close() {}
    }
    const sync = createDraftSync({ BroadcastChannel: Closed, onAdopt: () => {} });
    expect(() => sync.announce({ key: 'k', endpoint: ENDPOINT, snapshot: {}, composer: '', updatedAt: 1 })).not.toThrow();
  });
});
