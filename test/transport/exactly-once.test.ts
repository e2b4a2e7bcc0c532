import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore, type HeardStore } from '../../src/storage/store';
import { createDelivery, type Delivery } from '../../src/transport/flush';
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
