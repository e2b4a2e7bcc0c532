import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { startRetentionSweep } from '../../server/retention.mjs';
import type { createWorker } from '../../server/jobs/worker.mjs';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.mjs';
import { sampleComplaint, sampleRating } from '../../server/sample-records.mjs';
import type { Store } from '../../server/store/store.mjs';
import { bothStores } from '../support/postgres';

const SHOP = 'https://shop.example';
type App = ReturnType<typeof createApp>;

const backends = bothStores();

/** A status key as the widget makes one: 128 random bits, base64url. */
const newKey = () => randomBytes(16).toString('base64url');

describe.each(backends)('widget ratings on %s', (_name, open) => {
  let store: Store;
  let app: App;

  beforeEach(async () => {
    store = await open();
    app = createApp({ store, allowedOrigins: [SHOP], rateLimit: 0, waitingRatings: { perAddress: 3, total: 5 } });
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  const post = (body: unknown, remoteAddress = '127.0.0.1') =>
    app.inject({ method: 'POST', url: '/complaints', remoteAddress, headers: { 'content-type': 'application/json', origin: SHOP }, payload: JSON.stringify(body) });
  const receive = async (key: string) => {
    const record = sampleComplaint({ visitor: { statusKey: key } as never });
    expect((await post(record)).statusCode).toBe(201);
    return record;
  };
  const csatOf = async (id: string) => (await store.getRecord(id))?.csat;

  it('refuses a rating without the complaint status key, or with another, and keeps the one with it', async () => {
    const key = newKey();
    const complaint = await receive(key);

    const bare = await post(sampleRating(complaint.id, 1));
    expect(bare.statusCode).toBe(403);
    expect(bare.body).not.toContain(complaint.reference);
    const wrong = await post(sampleRating(complaint.id, 1, newKey()));
    expect(wrong.statusCode).toBe(403);
    expect(await csatOf(complaint.id)).toBeNull();

    const right = await post(sampleRating(complaint.id, 4, key));
    expect(right.statusCode).toBe(201);
    expect(await csatOf(complaint.id)).toBe(4);
  });

  it('applies a rating that came before its complaint only when it carried the key of that complaint', async () => {
    const forged = sampleComplaint({ visitor: { statusKey: newKey() } as never });
    expect((await post(sampleRating(forged.id, 1, newKey()))).statusCode).toBe(201);
    expect((await post(forged)).statusCode).toBe(201);
    expect(await csatOf(forged.id)).toBeNull();

    const key = newKey();
    const early = sampleComplaint({ visitor: { statusKey: key } as never });
    expect((await post(sampleRating(early.id, 5, key))).statusCode).toBe(201);
    expect((await post(early)).statusCode).toBe(201);
    expect(await csatOf(early.id)).toBe(5);
  });

  it('forgets a rating that waited more than a day for its complaint', async () => {
    const key = newKey();
    const late = sampleComplaint({ visitor: { statusKey: key } as never });
    expect((await post(sampleRating(late.id, 1, key))).statusCode).toBe(201);
    const fresh = sampleComplaint({ visitor: { statusKey: key } as never });

    const retention = startRetentionSweep({ store, days: 730, now: () => Date.now() + 25 * 60 * 60 * 1000 });
    await retention.stop();
    expect((await post(sampleRating(fresh.id, 4, key))).statusCode).toBe(201);
    expect((await post(late)).statusCode).toBe(201);
    expect((await post(fresh)).statusCode).toBe(201);
    expect(await csatOf(late.id)).toBeNull();
    expect(await csatOf(fresh.id)).toBe(4);
  });

  it('keeps the last rating the visitor chose: another score updates it, the same one is a replay', async () => {
    const key = newKey();
    const complaint = await receive(key);
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    const first = { ...sampleRating(complaint.id, 1, key), at: at(0) };
    expect((await post(first)).statusCode).toBe(201);

    const changed = await post({ ...first, csat: 4, at: at(1) });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ id: first.id, reference: null });
    expect(await csatOf(complaint.id)).toBe(4);
    expect((await store.listRecords()).find((c) => c.id === complaint.id)?.csat).toBe(4);

    // A retry of the last one is its replay; the same score chosen again changes nothing.
    const retried = await post({ ...first, csat: 4, at: at(1) });
    expect([retried.statusCode, retried.headers['idempotent-replayed']]).toEqual([201, 'true']);
    const same = await post({ ...first, csat: 4, at: at(2) });
    expect([same.statusCode, same.headers['idempotent-replayed']]).toEqual([201, 'true']);
    // The first choice, arriving late after the change, does not undo it.
    expect((await post(first)).headers['idempotent-replayed']).toBe('true');
    expect(await csatOf(complaint.id)).toBe(4);

    // Only the holder of the status key changes it.
    expect((await post({ ...first, csat: 2, at: at(3), statusKey: newKey() })).statusCode).toBe(403);
    expect(await csatOf(complaint.id)).toBe(4);
  });

  it('updates a rating still waiting for its complaint only from the key it came with', async () => {
    const key = newKey();
    const complaint = sampleComplaint({ visitor: { statusKey: key } as never });
    const first = sampleRating(complaint.id, 2, key);
    expect((await post(first)).statusCode).toBe(201);
    const other = await post({ ...first, csat: 1, at: new Date(Date.now() + 60_000).toISOString(), statusKey: newKey() });
    expect(other.statusCode).toBe(409);
    expect((await post({ ...first, csat: 5, at: new Date(Date.now() + 60_000).toISOString() })).statusCode).toBe(200);
    expect((await post(complaint)).statusCode).toBe(201);
    expect(await csatOf(complaint.id)).toBe(5);
  });

  it('bounds the ratings waiting for a complaint, per address and in total', async () => {
    const waiting = (address: string) => post(sampleRating(randomUUID(), 3, newKey()), address);
    const first = sampleRating(randomUUID(), 3, newKey());
    expect((await post(first, '192.0.2.1')).statusCode).toBe(201);
    for (let i = 0; i < 2; i++) expect((await waiting('192.0.2.1')).statusCode).toBe(201);
    const fourth = await waiting('192.0.2.1');
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error).toBe('too-many-waiting-ratings');
    // A retry of one already waiting (its answer was lost) is still its replay.
    const retried = await post(first, '192.0.2.1');
    expect(retried.statusCode).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBe('true');

    // Other addresses still get theirs in, up to the total.
    expect((await waiting('192.0.2.2')).statusCode).toBe(201);
    expect((await waiting('192.0.2.3')).statusCode).toBe(201);
    expect((await waiting('192.0.2.4')).statusCode).toBe(429);

    // A rating for a complaint that did arrive is not held back by them.
    const key = newKey();
    const complaint = await receive(key);
    expect((await post(sampleRating(complaint.id, 2, key), '192.0.2.1')).statusCode).toBe(201);
  });
});

describe('forwarding a rating whose complaint never arrives', () => {
  it('stops after a day, and leaves no failed job for an admin', async () => {
    let now = Date.now();
    const store = createSqliteStore({ path: ':memory:' });
    const app = createApp({
      store,
      allowedOrigins: [SHOP],
      rateLimit: 0,
      clock: { now: () => now },
      jobs: {
        worker: false,
        allowPrivate: true,
        destinations: [{ id: 'env-webhook', kind: 'webhook', name: 'Webhook', config: { url: 'http://127.0.0.1:9/hook', secret: `whsec_${randomBytes(24).toString('base64')}` }, events: ['rating.created'] }],
      },
    });
    app.addHook('onClose', async () => store.close());
    await app.ready();
    try {
      const worker = (app as unknown as { jobWorker: ReturnType<typeof createWorker> }).jobWorker;
      const rating = sampleRating(randomUUID(), 2, newKey());
      const sent = await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json', origin: SHOP }, payload: JSON.stringify(rating) });
      expect(sent.statusCode).toBe(201);
      await worker.runDue();
      expect(await store.countJobs()).toEqual({ pending: 1, failed: 0, done: 0 });

      // A day on, it no longer waits for the complaint (the retries would go on for three days).
      now += 25 * 60 * 60 * 1000;
      await worker.runDue();
      expect(await store.countJobs()).toEqual({ pending: 0, failed: 0, done: 1 });
    } finally {
      await app.close();
    }
  });
});
