import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../widget/src/storage/store';
import { backoffDelay, parseRetryAfter } from '../../widget/src/transport/backoff';
import { parseReceipt } from '../../widget/src/transport/deliver';
import { createDelivery, type DeliveryEvent } from '../../widget/src/transport/flush';
import { wireLifecycle } from '../../widget/src/transport/lifecycle';
import { createDeliveryLock, type LocksLike } from '../../widget/src/storage/tabs';
import { complaint, ENDPOINT, freshIndexedDB, quietLogger, runUntil, useFakeClock } from '../storage/fixtures';
import { createFakeEndpoint } from './fake-endpoint';

afterEach(() => {
  vi.useRealTimers();
});

async function setUp(script: Parameters<typeof createFakeEndpoint>[0], siteKey?: string) {
  const indexedDB = freshIndexedDB();
  const store = await openStore({ indexedDB, logger: quietLogger() });
  const endpoint = createFakeEndpoint(script);
  const events: DeliveryEvent[] = [];
  const delivery = createDelivery({
    endpoint: ENDPOINT,
    siteKey,
    store,
    fetch: endpoint.fetch,
    onEvent: (event) => events.push(event),
  });
  return { indexedDB, store, endpoint, events, delivery };
}

describe('delivery', () => {
  it('a send right after the start-up flush gets the real answer, not "queued"', async () => {
    const store = await openStore({ indexedDB: freshIndexedDB(), logger: quietLogger() });
    const endpoint = createFakeEndpoint(() => ({ kind: 'status', status: 400 }));
    // Web Locks as browsers grant them: reserved at once, the callback called in a later task.
    const held = new Set<string>();
    const locks: LocksLike = {
      async request(name, _options, callback) {
        if (held.has(name)) return callback(null);
        held.add(name);
        await new Promise((r) => setTimeout(r, 0));
        try {
          return await callback({ name });
        } finally {
          held.delete(name);
        }
      },
    };
    const delivery = createDelivery({ endpoint: ENDPOINT, store, fetch: endpoint.fetch, lock: createDeliveryLock({ locks }) });
    await store.enqueue(complaint(7), ENDPOINT, Date.now());
    const flushing = delivery.flush();
    expect(await delivery.send(complaint(7).id)).toBe('rejected');
    await flushing;
    expect(endpoint.countById.get(complaint(7).id)).toBe(1);
    delivery.dispose();
    store.close();
  });

  it("tells of the receiver's reference and date from its 201 answer, and of none when the answer is not the contract's", async () => {
    const store = await openStore({ indexedDB: freshIndexedDB(), logger: quietLogger() });
    const events: DeliveryEvent[] = [];
    const answers = [
      { id: complaint(1).id, reference: 'HRD-SRV001', receivedAt: '2026-12-07T09:00:00.000Z', dueBy: '2026-12-07T13:00:00Z' },
      '<!doctype html><title>Proxy</title>',
    ];
    const fetch = async () => {
      const answer = answers.shift();
      return new Response(typeof answer === 'string' ? answer : JSON.stringify(answer), { status: 201 });
    };
    const delivery = createDelivery({ endpoint: ENDPOINT, store, fetch, onEvent: (event) => events.push(event) });
    await store.enqueue(complaint(1), ENDPOINT, Date.now());
    await store.enqueue(complaint(2), ENDPOINT, Date.now());
    expect(await delivery.send(complaint(1).id)).toBe('delivered');
    expect(await delivery.send(complaint(2).id)).toBe('delivered');
    expect(events).toEqual([
      { type: 'delivered', id: complaint(1).id, status: 201, receipt: { reference: 'HRD-SRV001', dueBy: '2026-12-07T13:00:00.000Z' } },
      { type: 'delivered', id: complaint(2).id, status: 201, receipt: null },
    ]);
    delivery.dispose();
    store.close();
  });

  it('takes a receipt only for the record sent, with a reference of the schema\'s form; a bad date leaves the widget\'s own', () => {
    const id = complaint(1).id;
    expect(parseReceipt({ id: complaint(2).id, reference: 'HRD-SRV001', dueBy: null }, id)).toBeNull();
    expect(parseReceipt({ id, reference: '<b>x</b>', dueBy: null }, id)).toBeNull();
    expect(parseReceipt({ id, reference: null, receivedAt: '2026-12-07T09:00:00.000Z' }, id)).toBeNull();
    expect(parseReceipt(null, id)).toBeNull();
    expect(parseReceipt({ id, reference: 'HRD-SRV001', dueBy: 'soon' }, id)).toEqual({ reference: 'HRD-SRV001', dueBy: null });
  });

  it('posts JSON with the record id as Idempotency-Key and the site key, and removes it after a 2xx', async () => {
    const { store, endpoint, events, delivery } = await setUp(undefined, 'site-123');
    await store.enqueue(complaint(1), ENDPOINT, Date.now());
    expect(await delivery.send(complaint(1).id)).toBe('delivered');
    expect(endpoint.requests[0]?.headers).toEqual({
      'Content-Type': 'application/json',
      'Idempotency-Key': complaint(1).id,
      'X-Heard-Site-Key': 'site-123',
    });
    expect(await store.listOutbox()).toEqual([]);
    expect(events).toEqual([{ type: 'delivered', id: complaint(1).id, status: 201, receipt: null }]);
    delivery.dispose();
  });

  it.each([400, 413, 422])('a %i gets exactly one request per record; the record is kept as rejected and the event fires', async (status) => {
    useFakeClock();
    const { indexedDB, store, endpoint, events, delivery } = await setUp(() => ({ kind: 'status', status }));
    for (const n of [1, 2, 3]) await store.enqueue(complaint(n), ENDPOINT, Date.now());
    const outcomes = [1, 2, 3].map((n) => delivery.send(complaint(n).id));
    await runUntil(() => endpoint.requests.length >= 3, 10_000);
    expect(await Promise.all(outcomes)).toEqual(['rejected', 'rejected', 'rejected']);
    // Time passes, the page comes back online, and the page is reloaded: no more requests.
    await delivery.flush();
    await runUntil(async () => false, 30 * 60_000, 60_000);
    delivery.dispose();
    store.close();
    const reopened = await openStore({ indexedDB, logger: quietLogger() });
    const again = createDelivery({ endpoint: ENDPOINT, store: reopened, fetch: endpoint.fetch });
    await again.flush();
    expect(await again.send(complaint(1).id)).toBe('rejected');

    expect([...endpoint.countById.values()]).toEqual([1, 1, 1]);
    const kept = await reopened.listOutbox();
    expect(kept.map((item) => [item.id, item.state, item.lastStatus])).toEqual(
      [1, 2, 3].map((n) => [complaint(n).id, 'rejected', status]),
    );
    expect(kept[0]?.body).toEqual(complaint(1));
    expect(events.filter((event) => event.type === 'rejected')).toEqual(
      [1, 2, 3].map((n) => ({ type: 'rejected', id: complaint(n).id, status })),
    );
    again.dispose();
    reopened.close();
  });

  it('honours Retry-After: no retry before it, one after', async () => {
    useFakeClock();
    let answers = 0;
    const { store, endpoint, delivery } = await setUp(() =>
      answers++ === 0 ? { kind: 'status', status: 429, retryAfter: '120' } : { kind: 'ok' },
    );
    await store.enqueue(complaint(1), ENDPOINT, Date.now());
    expect(await delivery.send(complaint(1).id)).toBe('queued');
    await runUntil(async () => false, 110_000, 1_000);
    expect(endpoint.requests).toHaveLength(1);
    await runUntil(() => endpoint.stored.size === 1, 30_000, 1_000);
    expect(endpoint.requests).toHaveLength(2);
    await runUntil(async () => (await store.listOutbox()).length === 0, 5_000);
    expect(await store.listOutbox()).toEqual([]);
    delivery.dispose();
  });

  it('a server saying Retry-After: 0 (or a date already past) is not hammered', async () => {
    useFakeClock();
    let answers = 0;
    const { store, endpoint, delivery } = await setUp(() =>
      answers++ < 5 ? { kind: 'status', status: 503, retryAfter: answers % 2 ? '0' : 'Thu, 01 Jan 1970 00:00:00 GMT' } : { kind: 'ok' },
    );
    await store.enqueue(complaint(1), ENDPOINT, Date.now());
    expect(await delivery.send(complaint(1).id)).toBe('queued');
    await runUntil(async () => false, 2_500, 100);
    // At most one more try a second, never a burst.
    expect(endpoint.requests.length).toBeLessThanOrEqual(3);
    await runUntil(() => endpoint.stored.size === 1, 30_000, 500);
    expect(endpoint.requests).toHaveLength(6);
    delivery.dispose();
  });

  it('a hanging endpoint is given up on after the timeout and the record stays queued', async () => {
    useFakeClock();
    const { store, endpoint, events, delivery } = await setUp(() => ({ kind: 'hang', stored: false }));
    await store.enqueue(complaint(1), ENDPOINT, Date.now());
    const outcome = delivery.send(complaint(1).id);
    await runUntil(() => events.length > 0, 20_000, 500);
    expect(await outcome).toBe('queued');
    expect(events[0]).toMatchObject({ type: 'queued', id: complaint(1).id, status: null, attempts: 1 });
    expect(endpoint.requests).toHaveLength(1);
    expect((await store.listOutbox())[0]).toMatchObject({ state: 'pending', attempts: 1, lastStatus: null });
    delivery.dispose();
  });

  it('on pagehide posts small records with keepalive, skips large ones, and removes only what a 2xx confirms', async () => {
    let first = true;
    const { store, endpoint, delivery } = await setUp((_, id) => {
      if (first) {
        first = false;
        return { kind: 'network' };
      }
      return id === complaint(2).id ? { kind: 'status', status: 503 } : { kind: 'ok' };
    });
    const big = complaint(3, { transcriptText: 'x'.repeat(70_000) });
    for (const record of [complaint(1), complaint(2), big]) await store.enqueue(record, ENDPOINT, Date.now());
    expect(await delivery.send(complaint(1).id)).toBe('queued');
    delivery.flushOnPagehide();
    await vi.waitFor(async () => expect((await store.listOutbox()).map((item) => item.id)).toEqual([complaint(2).id, big.id]));
    const keepalive = endpoint.requests.filter((request) => request.keepalive).map((request) => request.id);
    expect(keepalive).toEqual([complaint(1).id, complaint(2).id]);
    delivery.dispose();
  });

  it('wireLifecycle flushes at start-up, on online and when visible, and saves the draft when hidden', async () => {
    const calls: string[] = [];
    const delivery = {
      flush: async () => void calls.push('flush'),
      flushOnPagehide: () => void calls.push('keepalive'),
      send: async () => 'queued' as const,
      dispose: () => {},
    };
    const saver = { flush: async () => void calls.push('save'), schedule: () => {}, discard: async () => {}, adopt: () => {}, dispose: () => {} };
    const document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    const target = Object.assign(new EventTarget(), { document });
    const unwire = wireLifecycle(delivery, saver, target);
    expect(calls).toEqual(['flush']);
    target.dispatchEvent(new Event('online'));
    document.visibilityState = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    document.visibilityState = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    target.dispatchEvent(new Event('pagehide'));
    expect(calls).toEqual(['flush', 'flush', 'save', 'flush', 'save', 'keepalive']);
    unwire();
    target.dispatchEvent(new Event('online'));
    expect(calls).toHaveLength(6);
  });
});

describe('backoff', () => {
  it('waits a random time up to an exponentially growing, capped ceiling', () => {
    expect(backoffDelay(1, 1_000, 300_000, () => 0.999)).toBe(999);
    expect(backoffDelay(4, 1_000, 300_000, () => 0.5)).toBe(4_000);
    expect(backoffDelay(30, 1_000, 300_000, () => 0.5)).toBe(150_000);
    expect(backoffDelay(3, 1_000, 300_000, () => 0)).toBe(0);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.UTC(2025, 0, 15, 9);
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter(new Date(now + 90_000).toUTCString(), now)).toBe(90_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
