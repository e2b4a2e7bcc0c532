import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore, type HeardStore } from '../../widget/src/storage/store';
import { createDeliveryLock } from '../../widget/src/storage/tabs';
import { createDelivery, type Delivery } from '../../widget/src/transport/flush';
import { complaint, ENDPOINT, freshIndexedDB, quietLogger, seededRandom, useFakeClock } from '../storage/fixtures';
import { createFakeEndpoint, type Behaviour } from './fake-endpoint';

afterEach(() => {
  vi.useRealTimers();
});

describe('exactly-once delivery under failures', () => {
  it('delivers 1,000 complaints exactly once through errors, 500s, 429s, hangs and reloads', async () => {
    useFakeClock();
    const random = seededRandom(20250115);
    const indexedDB = freshIndexedDB();
    const script = (): Behaviour => {
      const roll = random();
      if (roll < 0.4) return { kind: 'ok' };
      if (roll < 0.5) return { kind: 'network' };
      if (roll < 0.6) return { kind: 'lost-answer' };
      if (roll < 0.72) return { kind: 'status', status: 500 };
      if (roll < 0.8) return { kind: 'status', status: 503 };
      if (roll < 0.9) return { kind: 'status', status: 429, retryAfter: String(1 + Math.floor(random() * 20)) };
      return { kind: 'hang', stored: random() < 0.5 };
    };
    const endpoint = createFakeEndpoint(script);
    const open = async (): Promise<{ store: HeardStore; delivery: Delivery }> => {
      const store = await openStore({ indexedDB, logger: quietLogger() });
      const delivery = createDelivery({
        endpoint: ENDPOINT,
        store,
        fetch: endpoint.fetch,
        random,
        maxDelayMs: 60_000,
      });
      return { store, delivery };
    };
    let page = await open();
    expect(page.store.kind).toBe('indexeddb');
    let reloads = 0;

    /** The page goes away mid-send: requests are cut, memory is lost, the store is reopened. */
    const reload = async (): Promise<void> => {
      page.delivery.dispose();
      page.store.close();
      reloads += 1;
      page = await open();
      void page.delivery.flush();
    };

    const total = 1000;
    for (let chunk = 0; chunk < total / 25; chunk += 1) {
      for (let i = 0; i < 25; i += 1) {
        const record = complaint(chunk * 25 + i);
        await page.store.enqueue(record, ENDPOINT, Date.now());
        void page.delivery.send(record.id);
      }
      await vi.advanceTimersByTimeAsync(500);
      if (random() < 0.15) await reload();
    }

    for (let tick = 0; tick < 2000; tick += 1) {
      if ((await page.store.listOutbox()).length === 0) break;
      await vi.advanceTimersByTimeAsync(5_000);
      if (random() < 0.03) await reload();
    }

    expect(reloads).toBeGreaterThan(3);
    expect(await page.store.listOutbox()).toEqual([]);
    expect(endpoint.stored.size).toBe(total);
    for (let n = 0; n < total; n += 1) expect(endpoint.stored.get(complaint(n).id)).toEqual(complaint(n));
    // The failures really happened: many records needed more than one request.
    expect(endpoint.requests.length).toBeGreaterThan(total * 1.5);
    page.delivery.dispose();
    page.store.close();

    // And nothing is left behind for the next page.
    const next = await openStore({ indexedDB, logger: quietLogger() });
    expect(await next.listOutbox()).toEqual([]);
    next.close();
  }, 120_000);
});

describe('two tabs on one outbox', () => {
  it('a tab does not hand the delivery lock to another while a complaint it is sending is still unanswered', async () => {
    const indexedDB = freshIndexedDB();
    /** Web Locks as the browser gives them to the tabs of one origin. */
    const held = new Set<string>();
    const locks = {
      async request<T>(name: string, _options: { ifAvailable: true }, callback: (lock: unknown) => Promise<T>): Promise<T> {
        if (held.has(name)) return callback(null);
        held.add(name);
        try {
          return await callback({ name });
        } finally {
          held.delete(name);
        }
      },
    };
    /** Every request the endpoint saw, by record; the first tab's answers come when the test says. */
    const seen: string[] = [];
    const answer = new Map<string, () => void>();
    const heldFetch = (_input: string, init: RequestInit): Promise<Response> => {
      const id = (init.headers as Record<string, string>)['Idempotency-Key'] ?? '';
      seen.push(id);
      return new Promise((resolve) => answer.set(id, () => resolve(new Response('{}', { status: 201 }))));
    };
    const quickFetch = (_input: string, init: RequestInit): Promise<Response> => {
      seen.push((init.headers as Record<string, string>)['Idempotency-Key'] ?? '');
      return Promise.resolve(new Response('{}', { status: 201 }));
    };
    const open = async (fetch: typeof heldFetch) => {
      const store = await openStore({ indexedDB, logger: quietLogger() });
      const delivery = createDelivery({ endpoint: ENDPOINT, store, fetch, lock: createDeliveryLock({ locks }), lockRetryMs: 60 * 60_000 });
      return { store, delivery };
    };
    const first = await open(heldFetch);
    const second = await open(quickFetch);
    const until = async (check: () => boolean | Promise<boolean>) => {
      for (let tries = 0; !(await check()); tries += 1) {
        if (tries > 2000) throw new Error('never happened');
        await new Promise((done) => setTimeout(done, 5));
      }
    };

    // The visitor sends one complaint; while it is on its way a second is queued and the tab
    // comes back online, which sends that one too.
    const one = complaint(1).id;
    const two = complaint(2).id;
    await first.store.enqueue(complaint(1), ENDPOINT, Date.now());
    const sending = first.delivery.send(one);
    await until(() => answer.has(one));
    await first.store.enqueue(complaint(2), ENDPOINT, Date.now());
    const online = first.delivery.flush();
    await until(() => answer.has(two));

    // The first is answered; the second still is not, when another tab looks at the outbox.
    answer.get(one)!();
    await until(async () => !(await first.store.listOutbox()).some((item) => item.id === one));
    await second.delivery.flush();
    answer.get(two)!();
    await online;
    await sending;

    expect(seen.filter((id) => id === two)).toHaveLength(1);
    expect(await first.store.listOutbox()).toEqual([]);
    for (const tab of [first, second]) {
      tab.delivery.dispose();
      tab.store.close();
    }
  });
});
