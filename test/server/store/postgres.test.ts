import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runner } from 'node-pg-migrate';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { summariseRecord } from '../../../server/receiver/summary.mjs';
import { sampleComplaint } from '../../../server/sample-records.mjs';
import { createPostgresStore } from '../../../server/store/postgres/postgres-store.mjs';
import type { Store } from '../../../server/store/store.mjs';
import { type PostgresCluster, startPostgres } from '../../support/postgres';
import { put, storeConformance } from './conformance';

let cluster: PostgresCluster;
beforeAll(async () => {
  cluster = await startPostgres();
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
});

storeConformance('PostgreSQL', {
  open: async () => createPostgresStore({ connectionString: await cluster.createDatabase() }),
  async captureQueries(run) {
    const spy = vi.spyOn(pg.Client.prototype, 'query');
    try {
      await run();
      return spy.mock.calls.map(([query]) => (typeof query === 'string' ? query : (query as { text: string }).text));
    } finally {
      spy.mockRestore();
    }
  },
});

describe('PostgreSQL store', () => {
  it('works out which commitments were kept or moved in time for complaints moved before it counted them', async () => {
    const url = await cluster.createDatabase();
    // A database as the release before left it: seven migrations, three complaints, two of them moved.
    await runner({
      databaseUrl: url, dir: join(import.meta.dirname, '../../../server/store/migrations/postgres'), migrationsTable: 'heard_migrations',
      direction: 'up', count: 7, singleTransaction: true, log: () => {},
    });
    const hour = 3600_000;
    const ago = (hours: number) => new Date(Date.now() - hours * hour).toISOString();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const add = async (promised: string, due: string, resolvedAt: string, moves: { at: string, to: string }[]) => {
      const record = sampleComplaint({ submittedAt: ago(30), commitment: { action: 'Send a new kettle.', dueBy: promised, slaHours: 24 } });
      await client.query(
        `INSERT INTO complaints (id, reference, body, received_at, submitted_at, category, language, urgency, urgency_rank, mood,
           customer_type, widget_urgency, widget_category, escalated, verified, excerpt, due_by, follow_up_consent, signals, status, resolved_at)
         VALUES ($1, $2, $3, $4, $4, 'delivery', 'en', 'normal', 2, 'calm', 'consumer', 'normal', 'delivery', false, false, '', $5, true, '[]', 'resolved', $6)`,
        [record.id, record.reference, JSON.stringify(record), record.submittedAt, due, resolvedAt],
      );
      for (const move of moves) {
        await client.query(`INSERT INTO audit_events (complaint_id, action, agent_name, at, detail) VALUES ($1, 'due-moved', 'Mia', $2, $3)`,
          [record.id, move.at, JSON.stringify({ dueBy: move.to, reason: 'The courier is late.' })]);
      }
    };
    await add(ago(10), ago(10), ago(12), []);
    await add(ago(20), ago(5), ago(6), [{ at: ago(22), to: ago(5) }]);
    await add(ago(20), ago(5), ago(6), [{ at: ago(18), to: ago(5) }]);
    await client.end();

    const store = await createPostgresStore({ connectionString: url });
    expect(await store.commitments({ weeks: 4 })).toEqual({ total: 3, kept: 1, moved: 1, missed: 1 });
    await store.close();
  });

  it('keeps no userHash of a complaint stored with one before, in the database or in what it reads back', async () => {
    const url = await cluster.createDatabase();
    await runner({
      databaseUrl: url, dir: join(import.meta.dirname, '../../../server/store/migrations/postgres'), migrationsTable: 'heard_migrations',
      direction: 'up', count: 8, singleTransaction: true, log: () => {},
    });
    const userHash = 'ab'.repeat(32);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const put = async (visitor: object) => {
      const record = sampleComplaint();
      record.visitor = { ...visitor, ...record.visitor };
      await client.query(
        `INSERT INTO complaints (id, reference, body, received_at, submitted_at, category, language, urgency, urgency_rank, mood,
           customer_type, widget_urgency, widget_category, escalated, verified, excerpt, follow_up_consent, signals)
         VALUES ($1, $2, $3, $4, $4, 'delivery', 'en', 'normal', 2, 'calm', 'consumer', 'normal', 'delivery', false, true, '', true, '[]')`,
        [record.id, record.reference, JSON.stringify(record), record.submittedAt],
      );
      return record;
    };
    const signed = await put({ userId: 'customer-42', userHash });
    // Where the member stands in the object does not matter.
    const first = await put({ userHash });
    await client.end();

    const store = await createPostgresStore({ connectionString: url });
    const read = await store.getRecord(signed.id);
    expect(read?.summary.verified).toBe(true);
    expect(read?.record.visitor).toMatchObject({ userId: 'customer-42', email: 'ana@example.com' });
    expect((await store.getRecord(first.id))?.record.visitor).toMatchObject({ name: 'Ana Novak' });
    await store.close();
    const after = new pg.Client({ connectionString: url });
    await after.connect();
    const { rows } = await after.query('SELECT body::text AS body FROM complaints');
    await after.end();
    for (const row of rows) expect(row.body).not.toContain(userHash);
  });

  it('gives complaints stored before under one reference each their own, the first keeping it, and their receipts too', async () => {
    const url = await cluster.createDatabase();
    await runner({
      databaseUrl: url, dir: join(import.meta.dirname, '../../../server/store/migrations/postgres'), migrationsTable: 'heard_migrations',
      direction: 'up', count: 9, singleTransaction: true, log: () => {},
    });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const records = [0, 1, 2].map((i) => sampleComplaint({ reference: 'HRD-C00000', submittedAt: new Date(Date.now() - (3 - i) * 60_000).toISOString() }));
    for (const record of records) {
      await client.query(
        `INSERT INTO complaints (id, reference, body, received_at, submitted_at, category, language, urgency, urgency_rank, mood,
           customer_type, widget_urgency, widget_category, escalated, verified, excerpt, follow_up_consent, signals)
         VALUES ($1, $2, $3, $4, $4, 'delivery', 'en', 'normal', 2, 'calm', 'consumer', 'normal', 'delivery', false, false, '', true, '[]')`,
        [record.id, record.reference, JSON.stringify(record), record.submittedAt],
      );
      await client.query(`INSERT INTO receipts (id, kind, body_hash, receipt) VALUES ($1, 'complaint', $2, $3)`,
        [record.id, `hash-${record.id}`, JSON.stringify({ id: record.id, reference: record.reference, receivedAt: record.submittedAt })]);
    }
    await client.end();

    const store = await createPostgresStore({ connectionString: url });
    const references = await Promise.all(records.map(async (record) => (await store.getRecord(record.id))!.reference));
    expect(references[0]).toBe('HRD-C00000');
    expect(new Set(references).size).toBe(3);
    for (const [i, record] of records.entries()) {
      const replay = await store.insertRecord(record, { hash: `hash-${record.id}`, receivedAt: new Date().toISOString(), summary: summariseRecord(record) });
      expect(replay).toMatchObject({ outcome: 'replay', receipt: { reference: references[i] } });
    }
    await store.close();
  });

  it('migrates once when several instances start on an empty database together', async () => {
    const url = await cluster.createDatabase();
    const stores: Store[] = await Promise.all(Array.from({ length: 4 }, () => createPostgresStore({ connectionString: url })));
    const record = sampleComplaint();
    await put(stores[0]!, record);
    for (const store of stores) expect((await store.getRecord(record.id))?.id).toBe(record.id);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT name FROM heard_migrations ORDER BY id');
    await client.end();
    const files = readdirSync(join(import.meta.dirname, '../../../server/store/migrations/postgres')).map((name) => name.replace(/\.sql$/, ''));
    expect(rows.map((row) => row.name)).toEqual(files.sort());
    await Promise.all(stores.map((store) => store.close()));
  });

  it('stores one record sent to two instances at once exactly once', async () => {
    const url = await cluster.createDatabase();
    const [a, b] = await Promise.all([createPostgresStore({ connectionString: url }), createPostgresStore({ connectionString: url })]);
    const records = Array.from({ length: 50 }, () => sampleComplaint());
    const results = await Promise.all(records.flatMap((record) => [put(a!, record, 'same'), put(b!, record, 'same')]));
    expect(results.filter((result) => result.outcome === 'created')).toHaveLength(50);
    expect(results.filter((result) => result.outcome === 'replay')).toHaveLength(50);
    expect((await a!.countRecords()).total).toBe(50);
    await Promise.all([a!.close(), b!.close()]);
  });

  it('hands each due job to exactly one of two instances taking at once', async () => {
    const url = await cluster.createDatabase();
    const [a, b] = await Promise.all([createPostgresStore({ connectionString: url }), createPostgresStore({ connectionString: url })]);
    const dueAt = new Date().toISOString();
    await a!.enqueueJobs(Array.from({ length: 200 }, (_, n) => ({ kind: 'forward', payload: { n }, dueAt })));
    const drain = async (store: Store) => {
      const mine: string[] = [];
      for (;;) {
        const taken = await store.takeDueJobs({ now: new Date().toISOString(), limit: 5, leaseSeconds: 300 });
        if (taken.length === 0) return mine;
        mine.push(...taken.map((job) => job.id));
      }
    };
    const [fromA, fromB] = await Promise.all([drain(a!), drain(b!), drain(a!), drain(b!)]).then(([x, y, z, w]) => [[...x, ...z], [...y, ...w]]);
    expect(fromA!.length).toBeGreaterThan(0);
    expect(fromB!.length).toBeGreaterThan(0);
    const all = [...fromA!, ...fromB!];
    expect(all).toHaveLength(200);
    expect(new Set(all).size).toBe(200);
    await Promise.all([a!.close(), b!.close()]);
  });

  it('delivers an event published on one instance to the subscribers of another', async () => {
    const url = await cluster.createDatabase();
    const [a, b] = await Promise.all([createPostgresStore({ connectionString: url }), createPostgresStore({ connectionString: url })]);
    const heard: unknown[] = [];
    b!.events.subscribe((type, data) => heard.push({ type, data }));
    await a!.events.publish('created', { id: 'from-a-12345' });
    await vi.waitFor(() => expect(heard).toEqual([{ type: 'created', data: { id: 'from-a-12345' } }]));
    await Promise.all([a!.close(), b!.close()]);
  });

  it('listens again after its connection is cut, and says events may have been missed', async () => {
    const url = await cluster.createDatabase();
    const store = await createPostgresStore({ connectionString: url, onError: () => {} });
    const heard: string[] = [];
    store.events.subscribe((type) => heard.push(type));
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN heard_events'`);
    await vi.waitFor(() => expect(heard).toContain('resync'), { timeout: 10_000 });
    await store.events.publish('created', { id: 'after-the-cut' });
    await vi.waitFor(() => expect(heard).toContain('created'));
    await admin.end();
    await store.close();
  });

  it('reads the destinations once for the records that ask together, and a destination added is in every read asked for after it', async () => {
    const store = await createPostgresStore({ connectionString: await cluster.createDatabase() });
    const spy = vi.spyOn(pg.Client.prototype, 'query');
    const reads = () => spy.mock.calls.filter(([query]) => / FROM destinations /.test(typeof query === 'string' ? query : (query as { text: string }).text)).length;
    try {
      const together = await Promise.all(Array.from({ length: 20 }, () => store.listDestinations()));
      expect(together).toEqual(Array.from({ length: 20 }, () => []));
      expect(reads()).toBe(1);
      const during = store.listDestinations();
      await store.addDestination({
        id: 'dst_desk',
        kind: 'webhook',
        name: 'Desk',
        config: { url: 'https://desk.shop.example/heard', secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}` },
        events: ['complaint.created'],
        paused: false,
        pausedReason: null,
        source: 'admin',
        createdAt: '2026-03-01T09:00:00.000Z',
      });
      const after = await Promise.all(Array.from({ length: 5 }, () => store.listDestinations()));
      expect(after.map((list) => list.map((destination) => destination.id))).toEqual(Array.from({ length: 5 }, () => ['dst_desk']));
      await during;
    } finally {
      spy.mockRestore();
      await store.close();
    }
  });

  it('announces every event of a burst, in the order published, to another instance', async () => {
    const url = await cluster.createDatabase();
    const [a, b] = await Promise.all([createPostgresStore({ connectionString: url }), createPostgresStore({ connectionString: url })]);
    const heard: unknown[] = [];
    b!.events.subscribe((_type, data) => heard.push((data as { id: string }).id));
    const ids = Array.from({ length: 300 }, (_, i) => `complaint-${String(i).padStart(3, '0')}-padding-to-fill-notifications`);
    const published = [];
    // Spread over many turns of the event loop, so some are published while others are on their way.
    for (const id of ids) {
      published.push(a!.events.publish('created', { id }));
      if (published.length % 7 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(published);
    await vi.waitFor(() => expect(heard).toEqual(ids));
    await Promise.all([a!.close(), b!.close()]);
  });
});
