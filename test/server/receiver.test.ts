import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { sampleComplaint, sampleRating, sampleStatusKey } from '../../server/sample-records.mjs';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.mjs';

const SHOP = 'https://shop.example';

type App = ReturnType<typeof createApp>;
type Store = ReturnType<typeof createSqliteStore>;

function post(app: App, body: unknown, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/complaints',
    headers: { 'content-type': 'application/json', origin: SHOP, ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('POST /complaints', () => {
  let store: Store;
  let app: App;

  beforeEach(async () => {
    store = createSqliteStore({ path: ':memory:' });
    app = createApp({ store, allowedOrigins: [SHOP], bodyLimit: 64 * 1024, rateLimit: 1000 });
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  it('stores a valid complaint and answers 201 with its id, reference and receipt time', async () => {
    const record = sampleComplaint();
    const response = await post(app, record, { 'idempotency-key': record.id });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toEqual({ id: record.id, reference: record.reference, receivedAt: expect.any(String), dueBy: record.commitment!.dueBy });
    expect(Number.isNaN(Date.parse(body.receivedAt))).toBe(false);
    expect((await store.getRecord(record.id))?.record).toEqual(record);
  });

  it('rejects a record that breaks the schema with 400 and says which field', async () => {
    const record = sampleComplaint({ triage: { urgency: 'whenever' as never } });
    const response = await post(app, record);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error).toBe('invalid-record');
    expect(body.errors[0].path).toBe('/triage/urgency');
    expect(await store.getRecord(record.id)).toBeNull();
  });

  it('rejects malformed JSON with 400', async () => {
    const response = await post(app, '{"type": "complaint",');
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe('invalid-json');
  });

  it('rejects a body over the limit with 413 and stores nothing', async () => {
    const record = sampleComplaint({ transcriptText: 'x'.repeat(70 * 1024) });
    const response = await post(app, record);
    expect(response.statusCode).toBe(413);
    expect(await store.getRecord(record.id)).toBeNull();
  });

  it('rejects anything but JSON with 415', async () => {
    const record = sampleComplaint();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await post(app, JSON.stringify(record), { 'content-type': type });
      expect(response.statusCode, type).toBe(415);
    }
    expect(await store.getRecord(record.id)).toBeNull();
  });

  it('answers a replay with the original answer and keeps one copy', async () => {
    const record = sampleComplaint();
    const first = await post(app, record, { 'idempotency-key': record.id });
    // A retry may re-serialise the record with its keys in another order.
    const reordered = Object.fromEntries(Object.entries(record).reverse());
    const second = await post(app, reordered, { 'idempotency-key': record.id });
    expect(second.statusCode).toBe(first.statusCode);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await store.listRecords()).toHaveLength(1);
  });

  it('refuses a different record under an id already received with 409 and keeps the first', async () => {
    const record = sampleComplaint();
    await post(app, record);
    const changed = { ...record, transcriptText: 'Something else entirely.' };
    const response = await post(app, changed);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toBe('conflict');
    expect((await store.getRecord(record.id))?.record.transcriptText).toBe(record.transcriptText);
  });

  it('refuses an Idempotency-Key that is not the record id with 400', async () => {
    const record = sampleComplaint();
    const response = await post(app, record, { 'idempotency-key': 'another-key-123' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toBe('idempotency-key-mismatch');
    expect(await store.getRecord(record.id)).toBeNull();
  });

  it('answers a CORS preflight from an allowed origin with the widget headers', async () => {
    const response = await app.inject({
      method: 'OPTIONS',
      url: '/complaints',
      headers: {
        origin: SHOP,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,idempotency-key,x-heard-site-key',
      },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(SHOP);
    expect(String(response.headers['access-control-allow-methods'])).toContain('POST');
    const allowed = String(response.headers['access-control-allow-headers']).toLowerCase();
    for (const header of ['content-type', 'idempotency-key', 'x-heard-site-key']) expect(allowed).toContain(header);
  });

  it('gives a disallowed origin no CORS headers and a 403 on POST, storing nothing', async () => {
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/complaints',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const record = sampleComplaint();
    const response = await post(app, record, { origin: 'https://evil.example' });
    expect(response.statusCode).toBe(403);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(await store.getRecord(record.id)).toBeNull();
  });

  it('accepts a record sent without an Origin header (a server forwarding it)', async () => {
    const record = sampleComplaint();
    const response = await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(record) });
    expect(response.statusCode).toBe(201);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once a client sends more than the limit in a minute', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const app = createApp({ store, allowedOrigins: [SHOP], rateLimit: 3 });
    await app.ready();
    const statuses = [];
    let limited;
    for (let i = 0; i < 5; i++) {
      const response = await post(app, sampleComplaint());
      statuses.push(response.statusCode);
      if (response.statusCode === 429) limited = response;
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    expect(Number(limited!.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited!.json().error).toBe('rate-limited');
    expect(await store.listRecords()).toHaveLength(3);
    await app.close();
    await store.close();
  });
});

describe('rate limit behind a load balancer', () => {
  it('counts each visitor apart when the balancer is trusted, and the balancer as one client when it is not', async () => {
    // Fastify's inject comes from 127.0.0.1: here that is the balancer, forwarding two visitors.
    const visitors = async (trustProxy: false | string[]) => {
      const store = createSqliteStore({ path: ':memory:' });
      const app = createApp({ store, allowedOrigins: [SHOP], rateLimit: 2, trustProxy });
      await app.ready();
      const statuses: number[] = [];
      for (const visitor of ['198.51.100.1', '198.51.100.1', '203.0.113.9', '203.0.113.9']) {
        statuses.push((await post(app, sampleComplaint(), { 'x-forwarded-for': visitor })).statusCode);
      }
      await app.close();
      await store.close();
      return statuses;
    };
    expect(await visitors(['127.0.0.1'])).toEqual([201, 201, 201, 201]);
    expect(await visitors(false)).toEqual([201, 201, 429, 429]);
  });

  it('does not let a client that is not a trusted balancer name its own address', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const app = createApp({ store, allowedOrigins: [SHOP], rateLimit: 2, trustProxy: ['10.0.0.0/8'] });
    await app.ready();
    const statuses: number[] = [];
    for (const claimed of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      statuses.push((await post(app, sampleComplaint(), { 'x-forwarded-for': claimed })).statusCode);
    }
    expect(statuses).toEqual([201, 201, 429]);
    await app.close();
    await store.close();
  });
});

describe('ratings', () => {
  let store: Store;
  let app: App;

  beforeEach(async () => {
    store = createSqliteStore({ path: ':memory:' });
    app = createApp({ store, allowedOrigins: [SHOP], rateLimit: 0 });
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  it('puts a rating onto its complaint', async () => {
    const key = sampleStatusKey();
    const complaint = sampleComplaint({ visitor: { statusKey: key } });
    await post(app, complaint);
    const rating = sampleRating(complaint.id, 4, key);
    const response = await post(app, rating, { 'idempotency-key': rating.id });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ id: rating.id, reference: null });
    expect((await store.getRecord(complaint.id))?.csat).toBe(4);
  });

  it('treats a repeated rating as a replay and a changed one as the rating that stands', async () => {
    const key = sampleStatusKey();
    const complaint = sampleComplaint({ visitor: { statusKey: key } });
    await post(app, complaint);
    const rating = sampleRating(complaint.id, 5, key);
    const first = await post(app, rating);
    const again = await post(app, rating);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    const changed = await post(app, { ...rating, csat: 1 });
    expect(changed.statusCode).toBe(200);
    expect((await store.getRecord(complaint.id))?.csat).toBe(1);
  });

  it('keeps a rating that arrives before its complaint and applies it when the complaint comes', async () => {
    const key = sampleStatusKey();
    const complaint = sampleComplaint({ visitor: { statusKey: key } });
    const rating = sampleRating(complaint.id, 2, key);
    const early = await post(app, rating);
    expect(early.statusCode).toBe(201);
    expect(early.json().reference).toBeNull();
    await post(app, complaint);
    expect((await store.getRecord(complaint.id))?.csat).toBe(2);
  });

  it('rejects a rating outside 1–5', async () => {
    const complaint = sampleComplaint();
    const response = await post(app, { ...sampleRating(complaint.id, 3), csat: 9 });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('/csat');
  });
});
