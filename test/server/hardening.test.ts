import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { sampleComplaint, sampleRating, sampleStatusKey } from '../../server/sample-records.mjs';
import { signRatingToken } from '../../server/jobs/commitments/rating-link.mjs';
import { takeStatusKey } from '../../server/receiver/status-key.mjs';
import { summariseRecord } from '../../server/receiver/summary.mjs';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.mjs';
import { signedIn } from '../support/agents';

const SHOP = 'https://shop.example';
let auth: { authorization: string };

type App = ReturnType<typeof createApp>;
type Store = ReturnType<typeof createSqliteStore>;
type Complaint = ReturnType<typeof sampleComplaint>;

function post(app: App, body: unknown) {
  return app.inject({
    method: 'POST',
    url: '/complaints',
    headers: { 'content-type': 'application/json', origin: SHOP },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** `{ a: { a: { … } } }`, `depth` levels deep. */
function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('receiver hardening', () => {
  let store: Store;
  let app: App;

  beforeEach(async () => {
    store = createSqliteStore({ path: ':memory:' });
    app = createApp({ store, allowedOrigins: [SHOP], rateLimit: 0 });
    await app.ready();
    auth = (await signedIn(app, store)).headers;
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  describe('visitor traits', () => {
    it('refuses traits nested, with too many keys or with long values, and stores nothing', async () => {
      const bad = [
        { deep: nested(1500) },
        { list: ['premium'] as unknown as string },
        Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`key${i}`, i])),
        { plan: 'p'.repeat(501) },
        { ['k'.repeat(101)]: 'x' },
      ];
      for (const traits of bad) {
        const record = sampleComplaint({ visitor: { traits } });
        const response = await post(app, record);
        expect(response.statusCode).toBe(400);
        expect(response.json().error).toBe('invalid-record');
        expect(response.json().errors[0].path).toMatch(/^\/visitor\/traits/);
        expect(await store.getRecord(record.id)).toBeNull();
      }
    });

    it('accepts flat traits of strings, numbers, booleans and null', async () => {
      const traits = { plan: 'premium', orders: 12, vip: false, region: null, ...Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${i}`, 'v'])) };
      const record = sampleComplaint({ visitor: { traits } });
      expect((await post(app, record)).statusCode).toBe(201);
      expect((await store.getRecord(record.id))?.record.visitor.traits).toEqual(traits);
    });

    it('keeps the queue, the detail view and trends working with a deeply nested body already stored', async () => {
      // A body stored before traits were bounded: the store must not choke on it in any query.
      const old = sampleComplaint({ visitor: { traits: nested(1500) } });
      await store.insertRecord(old, { hash: 'old', receivedAt: new Date().toISOString(), summary: summariseRecord(old) });
      await post(app, sampleComplaint());

      for (const url of ['/api/trends', '/api/complaints', `/api/complaints/${old.id}`]) {
        const response = await app.inject({ url, headers: auth });
        expect(response.statusCode, url).toBe(200);
      }
      const trends = (await app.inject({ url: '/api/trends', headers: auth })).json();
      // The old body's signals as its widget sent them; the new one's as the receiver found them.
      expect(trends.signals).toContainEqual({ field: 'category', value: 'delivery', cue: 'parcel', count: 1 });
      expect(trends.signals).toContainEqual({ field: 'category', value: 'product', cue: 'kettle', count: 1 });
    });
  });

  describe('ratings', () => {
    it('refuses a rating whose id is not its complaint id followed by :csat, leaving the score alone', async () => {
      const key = sampleStatusKey();
      const victim = sampleComplaint({ visitor: { statusKey: key } });
      await post(app, victim);
      await post(app, sampleRating(victim.id, 5, key));
      const forged = { ...sampleRating(victim.id, 1, key), id: 'attacker-0001:csat' };
      const response = await post(app, forged);
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].path).toBe('/id');
      expect(response.body).not.toContain(victim.reference);
      expect((await store.getRecord(victim.id))?.csat).toBe(5);
    });

    it('answers a rating without the complaint reference', async () => {
      const key = sampleStatusKey();
      const complaint = sampleComplaint({ visitor: { statusKey: key } });
      await post(app, complaint);
      const response = await post(app, sampleRating(complaint.id, 4, key));
      expect(response.statusCode).toBe(201);
      expect(response.json().reference).toBeNull();
      expect(response.body).not.toContain(complaint.reference);
      expect((await store.getRecord(complaint.id))?.csat).toBe(4);
    });
  });

  describe('timestamps', () => {
    const invalid = [
      '2026-06-30T23:59:60Z', // a leap second: valid RFC 3339, no instant in JavaScript or PostgreSQL
      '2026-02-29T10:00:00Z', // no such day
      '0000-01-01T00:00:00Z', // year zero
      '2026-01-01t10:00:00z',
      '2026-01-01 10:00:00Z',
      '2026-01-01T10:00:00+0100',
      '2026-01-01T24:00:00Z',
    ];

    it.each(invalid)('answers %s with 400 wherever a time goes, and a valid record still goes in after', async (time) => {
      const records: unknown[] = [
        { ...sampleComplaint(), submittedAt: time, createdAt: time },
        { ...sampleComplaint(), followUpAt: time },
        { ...sampleComplaint(), commitment: { action: 'Call back', dueBy: time, slaHours: 24 } },
        { ...sampleComplaint(), handoff: { requested: true, reason: 'visitor', at: time } },
        (() => {
          const record = sampleComplaint();
          record.messages[0]!.at = time;
          return record;
        })(),
        { ...sampleRating('complaint-0001', 3), at: time },
      ];
      for (const record of records) {
        const first = await post(app, record);
        expect(first.statusCode).toBe(400);
        // The same body again gets the same answer, not a 500 left behind by the first try.
        expect((await post(app, record)).statusCode).toBe(400);
      }
      expect((await post(app, sampleComplaint())).statusCode).toBe(201);
    });

    it('accepts the times the widget writes, with offsets and fractions', async () => {
      for (const time of ['2026-03-01T09:30:00.000Z', '2026-03-01T09:30:00+01:00', '2026-03-01T09:30:00.123456Z', '2028-02-29T23:59:59Z']) {
        const record = sampleComplaint({ submittedAt: time, createdAt: time });
        expect((await post(app, record)).statusCode, time).toBe(201);
      }
    });
  });

  it('stores a complaint with a NUL or half an emoji in its text, with the character replaced', async () => {
    const record = sampleComplaint();
    record.messages[1]!.text = 'Broken \u0000 kettle \ud83d';
    record.visitor.name = 'Ana\udc00';
    const response = await post(app, record);
    expect(response.statusCode).toBe(201);
    const stored = (await store.getRecord(record.id))!.record as Complaint;
    expect(stored.messages[1]!.text).toBe('Broken \ufffd kettle \ufffd');
    expect(stored.visitor.name).toBe('Ana\ufffd');
    // A retry of the very same body is the replay, not a conflict.
    const again = await post(app, record);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('sends Cache-Control: no-store with every answer that holds personal data', async () => {
    const record = sampleComplaint();
    const created = await post(app, record);
    expect(created.headers['cache-control']).toBe('no-store');
    for (const url of ['/api/complaints', `/api/complaints/${record.id}`, '/api/trends', '/api/me']) {
      const response = await app.inject({ url, headers: auth });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
    const claimed = await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/claim`, headers: auth });
    expect(claimed.headers['cache-control']).toBe('no-store');
  });
});

describe('server errors and logs', () => {
  let lines: Record<string, unknown>[];
  let raw: string;
  let store: Store;
  let app: App;

  beforeEach(async () => {
    lines = [];
    raw = '';
    const stream = {
      write(line: string) {
        raw += line;
        lines.push(JSON.parse(line));
      },
    };
    store = createSqliteStore({ path: ':memory:' });
    const failing = {
      ...store,
      insertRecord: async () => {
        throw new Error('disk I/O error');
      },
    };
    app = createApp({ store: failing, allowedOrigins: [SHOP], rateLimit: 0, logger: { level: 'info', stream } });
    await app.ready();
    auth = (await signedIn(app, store)).headers;
    raw = '';
    lines.length = 0;
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  it('logs a 5xx with its request id, which the answer carries, and no personal data or secret', async () => {
    const record = sampleComplaint({ visitor: { name: 'Zsófia Kertész', email: 'zsofia@example.com', phone: '+36 1 555 0100' } });
    const response = await post(app, record);
    expect(response.statusCode).toBe(500);
    const id = response.headers['x-request-id'];
    expect(id).toEqual(expect.any(String));
    expect(response.json()).toMatchObject({ error: 'server-error', requestId: id });

    const failures = lines.filter((line) => line.level === 50);
    expect(failures.length).toBeGreaterThan(0);
    for (const line of failures) expect(line.requestId).toBe(id);
    expect(failures.some((line) => (line.err as { message?: string } | undefined)?.message === 'disk I/O error')).toBe(true);
    expect(failures.some((line) => (line.res as { statusCode?: number } | undefined)?.statusCode === 500)).toBe(true);

    // A signed-in call with a query string: neither the token nor the query reaches the log.
    await app.inject({ url: '/api/complaints?category=delivery', headers: auth });
    await app.inject({ url: '/api/stream?ticket=secret-ticket-value' });

    await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'someone@shop.example', password: 'a wrong password' } });
    for (const secret of ['Zsófia', 'zsofia@example.com', '555 0100', 'kettle dented', auth.authorization.slice(7), 'secret-ticket-value', 'category=delivery', '127.0.0.1', 'someone@shop.example', 'a wrong password']) {
      expect(raw).not.toContain(secret);
    }
    expect(lines.some((line) => (line.req as { path?: string } | undefined)?.path === '/api/complaints')).toBe(true);
  });

  it("writes no visitor's status key, follow-up link token or comment to the log, even when the request fails", async () => {
    const key = randomBytes(16).toString('base64url');
    const { record, statusKeyHash } = takeStatusKey(sampleComplaint({ visitor: { statusKey: key } as never }));
    await store.insertRecord(record, { hash: 'h', receivedAt: new Date().toISOString(), summary: summariseRecord(record), statusKeyHash });
    const secret = await store.serverSecret('link-signing', () => 'unused');
    const rating = signRatingToken({ complaintId: record.id, expiresAt: Date.now() + 3600_000, secret });
    const unsubscribe = signRatingToken({ complaintId: record.id, expiresAt: Date.now() + 3600_000, secret, purpose: 'unsubscribe' });
    const form = { 'content-type': 'application/x-www-form-urlencoded' };

    expect((await app.inject({ url: `/complaints/${record.id}/status`, headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(200);
    expect((await app.inject({ url: `/complaints/${record.id}/status`, headers: { authorization: `Bearer ${randomBytes(16).toString('base64url')}` } })).statusCode).toBe(404);
    // Storing the rating fails here (the store's insert throws): a 500, logged without the link.
    expect((await app.inject({ url: `/rate?token=${rating}&score=4` })).statusCode).toBe(500);
    await app.inject({ method: 'POST', url: `/rate?token=${rating}`, headers: form, payload: 'comment=Call+me+on+0700+900+123' });
    await app.inject({ url: `/follow-up/unsubscribe?token=${unsubscribe}` });
    await app.inject({ method: 'POST', url: `/follow-up/unsubscribe?token=${unsubscribe}`, headers: form, payload: 'List-Unsubscribe=One-Click' });

    expect(lines.some((line) => line.level === 50 && (line.req as { path?: string } | undefined)?.path === '/rate')).toBe(true);
    for (const secretPart of [key, ...rating.split('.'), ...unsubscribe.split('.'), '0700 900 123', '0700+900+123']) {
      expect(raw).not.toContain(secretPart);
    }
  });
});

describe('SQLite file', () => {
  it('creates the database file and its folder readable by the owner only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'heard-mode-'));
    try {
      const path = join(dir, 'data', 'heard.db');
      const store = createSqliteStore({ path });
      const record = sampleComplaint();
      await store.insertRecord(record, { hash: 'a', receivedAt: new Date().toISOString(), summary: summariseRecord(record) });
      for (const file of [join(dir, 'data'), path, `${path}-wal`]) expect(statSync(file).mode & 0o077, file).toBe(0);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite upgrade', () => {
  it('upgrades a database of the first release holding a deeply nested body, and trends still count the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'heard-upgrade-'));
    try {
      const path = join(dir, 'heard.db');
      // The first release's layout, with one ordinary complaint and one nested 1,500 deep.
      const db = new Database(path);
      db.exec(readFileSync(new URL('../../server/store/migrations/sqlite/001_complaints.sql', import.meta.url), 'utf8'));
      db.pragma('user_version = 1');
      const insert = db.prepare(`INSERT INTO complaints (id, reference, body, received_at, submitted_ms, category, language,
        urgency_rank, escalated, due_ms, follow_up_ms, follow_up_consent) VALUES (?, ?, ?, ?, ?, 'delivery', 'en', 2, 0, NULL, NULL, 1)`);
      const plain = sampleComplaint();
      const deep = sampleComplaint({ visitor: { traits: nested(1500) } });
      for (const record of [plain, deep]) insert.run(record.id, record.reference, JSON.stringify(record), record.submittedAt, Date.parse(record.submittedAt));
      db.close();

      const store = createSqliteStore({ path });
      try {
        expect((await store.trends()).signals).toContainEqual({ field: 'category', value: 'delivery', cue: 'parcel', count: 1 });
        const listed = await store.listRecords();
        expect(listed.map((item) => item.id).sort()).toEqual([plain.id, deep.id].sort());
        expect(listed.find((item) => item.id === plain.id)?.summary.excerpt).toContain('kettle dented');
        expect(Date.parse(listed.find((item) => item.id === deep.id)!.summary.submittedAt)).toBe(Date.parse(deep.submittedAt));
        expect((await store.getRecord(deep.id))?.record.visitor.traits).toEqual(deep.visitor.traits);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
