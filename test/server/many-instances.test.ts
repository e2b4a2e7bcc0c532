import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import { createPostgresStore } from '../../server/store/postgres/postgres-store.mjs';
import { addAgent, signIn } from '../support/agents';
import { type PostgresCluster, startPostgres } from '../support/postgres';
import { startReceiverProcess } from '../support/receiver-process';


let cluster: PostgresCluster;
const children = new Set<ChildProcess>();
beforeAll(async () => {
  cluster = await startPostgres();
}, 60_000);
afterAll(async () => {
  // Only if a test failed part-way: never leave a receiver running.
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await cluster?.stop();
});

/** Two apps, each with its own pool, on one database, listening on loopback. */
async function twoInstances() {
  const url = await cluster.createDatabase();
  const instances = await Promise.all(
    [0, 1].map(async () => {
      const store = await createPostgresStore({ connectionString: url });
      const app = createApp({ store, allowedOrigins: [], rateLimit: 0 });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const origin = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
      return { store, app, origin };
    }),
  );
  const close = async () => {
    for (const { app, store } of instances) {
      await app.close();
      await store.close();
    }
  };
  return { url, instances, close };
}

async function count(url: string, sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows[0].n;
  } finally {
    await client.end();
  }
}

const post = (origin: string, record: ReturnType<typeof sampleComplaint>) =>
  fetch(`${origin}/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': record.id },
    body: JSON.stringify(record),
  });

describe('several instances on one PostgreSQL', () => {
  it('stores 1,000 records posted alternately, plus 200 repeats sent to the other instance at once, as exactly 1,000 rows', async () => {
    const { url, instances, close } = await twoInstances();
    try {
      const records = Array.from({ length: 1000 }, () => sampleComplaint());
      const statuses: number[] = [];
      const replayed: string[] = [];
      let next = 0;
      // Eight connections' worth of clients; each of the first 200 records also goes to the other instance at the same moment.
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < records.length) {
            const index = next++;
            const record = records[index]!;
            const here = instances[index % 2]!.origin;
            const there = instances[(index + 1) % 2]!.origin;
            const responses = await Promise.all(index < 200 ? [post(here, record), post(there, record)] : [post(here, record)]);
            for (const response of responses) {
              statuses.push(response.status);
              if (response.headers.get('idempotent-replayed') === 'true') replayed.push(record.id);
              await response.arrayBuffer();
            }
          }
        }),
      );
      expect(statuses.filter((status) => status !== 201)).toEqual([]);
      expect(statuses).toHaveLength(1200);
      expect(replayed).toHaveLength(200);
      expect(await count(url, 'SELECT count(*)::int AS n FROM complaints')).toBe(1000);
      expect(await count(url, 'SELECT count(DISTINCT id)::int AS n FROM complaints')).toBe(1000);
      expect(await count(url, 'SELECT count(*)::int AS n FROM receipts')).toBe(1000);
    } finally {
      await close();
    }
  }, 120_000);

  it('shows a record posted to one instance in the live stream of an inbox connected to the other', async () => {
    const { instances, close } = await twoInstances();
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const controller = new AbortController();
    try {
      // The session is made on one instance and good on the other.
      const mia = await addAgent(a.store, { name: 'Mia' });
      const auth = await signIn(b.app, mia.email);
      expect((await (await fetch(`${a.origin}/api/me`, { headers: auth })).json()).agent).toMatchObject({ id: mia.id, name: 'Mia' });
      // The ticket comes from one instance and opens the stream on the other.
      const { ticket } = await (await fetch(`${a.origin}/api/stream-ticket`, { method: 'POST', headers: auth })).json();
      const stream = await fetch(`${b.origin}/api/stream?ticket=${ticket}`, { signal: controller.signal });
      expect(stream.status).toBe(200);
      const reader = stream.body!.getReader();
      let text = '';
      while (!text.includes('retry:')) text += new TextDecoder().decode((await reader.read()).value);

      const record = sampleComplaint();
      expect((await post(a.origin, record)).status).toBe(201);
      while (!text.includes(record.id)) text += new TextDecoder().decode((await reader.read()).value);
      expect(text).toContain(`event: created\ndata: {"id":"${record.id}"}`);

      const claimed = await fetch(`${a.origin}/api/complaints/${record.id}/claim`, {
        method: 'POST',
        headers: auth,
      });
      expect(claimed.status).toBe(200);
      while (!text.includes('event: updated')) text += new TextDecoder().decode((await reader.read()).value);
      expect(text).toContain(`event: updated\ndata: {"id":"${record.id}"}`);

      // A ticket is good once, on any instance; a session ended on one is ended on all.
      expect((await fetch(`${a.origin}/api/stream?ticket=${ticket}`)).status).toBe(401);
      expect((await fetch(`${b.origin}/api/session`, { method: 'DELETE', headers: auth })).status).toBe(204);
      expect((await fetch(`${a.origin}/api/me`, { headers: auth })).status).toBe(401);
    } finally {
      controller.abort();
      await close();
    }
  }, 60_000);

  it('loses no record answered 201 when one instance is killed with SIGKILL under load', async () => {
    const url = await cluster.createDatabase();
    const env = { DATABASE_URL: url };
    const RECORDS = 300;
    const KILLS = 4;
    const started = Date.now();
    let live = await Promise.all([startReceiverProcess(env, children), startReceiverProcess(env, children)]);
    const records = Array.from({ length: RECORDS }, () => sampleComplaint());
    // The reference each record's receipt gave: another record may already hold the one it came
    // with (six characters), and then the server stores it under a fresh one and says so.
    const acknowledged = new Map<string, string>();
    let next = 0;
    let kills = 0;
    let failures = 0;
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    // Each client posts its share to the two instances in turn and retries, as the widget's outbox does, until a 2xx.
    const client = async () => {
      while (next < RECORDS) {
        const index = next++;
        const record = records[index]!;
        while (kills < Math.floor((index * KILLS) / RECORDS)) await pause(5);
        for (let attempt = 0; ; attempt++) {
          if (Date.now() - started > 90_000) throw new Error('records were not all accepted in time');
          try {
            const response = await fetch(`${live[(index + attempt) % 2]!.origin}/complaints`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'idempotency-key': record.id },
              body: JSON.stringify(record),
              signal: AbortSignal.timeout(5000),
            });
            if (response.status === 201) {
              acknowledged.set(record.id, ((await response.json()) as { reference: string }).reference);
              break;
            }
            expect(response.status, await response.text()).toBeGreaterThanOrEqual(500);
          } catch (error) {
            if ((error as Error).name === 'AssertionError') throw error;
          }
          failures++;
          await pause(10);
        }
      }
    };
    const killer = async () => {
      while (kills < KILLS) {
        await pause(30 + Math.random() * 80);
        const victim = kills % 2;
        live[victim]!.child.kill('SIGKILL');
        await once(live[victim]!.child, 'exit');
        kills++;
        const replacement = await startReceiverProcess(env, children);
        live = victim === 0 ? [replacement, live[1]!] : [live[0]!, replacement];
      }
    };
    await Promise.all([...Array.from({ length: 8 }, client), killer()]);
    for (const { child } of live) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }

    expect(kills).toBe(KILLS);
    expect(failures).toBeGreaterThan(0);
    expect(acknowledged.size).toBe(RECORDS);
    expect(await count(url, 'SELECT count(*)::int AS n FROM complaints')).toBe(RECORDS);
    const store = await createPostgresStore({ connectionString: url });
    for (const record of records) {
      expect((await store.getRecord(record.id))?.record).toEqual({ ...record, reference: acknowledged.get(record.id) });
    }
    await store.close();
  }, 150_000);
});

describe('an instance told to stop (SIGTERM)', () => {
  it('finishes the record it is receiving, refuses new connections, closes its database and exits cleanly', async () => {
    const url = await cluster.createDatabase();
    const { child, origin } = await startReceiverProcess({ DATABASE_URL: url }, children);
    const { port } = new URL(origin);
    const record = sampleComplaint();
    const body = Buffer.from(JSON.stringify(record));

    // Half the body is on the wire when the signal arrives; the rest follows after.
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/complaints', headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.write(body.subarray(0, body.length >> 1));
      setTimeout(() => {
        child.kill('SIGTERM');
        // Once the listening socket is closed, a new connection is refused.
        const refuse = async () => {
          for (;;) {
            try {
              await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(1000) });
            } catch {
              req.end(body.subarray(body.length >> 1));
              return;
            }
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
        };
        void refuse();
      }, 100);
    });
    const exited = once(child, 'exit');
    const { status, text } = await answer;
    expect(status, text).toBe(201);
    const [code] = await exited;
    expect(code).toBe(0);
    // The server ends a backend a moment after its client has gone.
    await vi.waitFor(
      async () => expect(await count(url, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)).toBe(0),
      { timeout: 10_000 },
    );
    const store = await createPostgresStore({ connectionString: url });
    expect((await store.getRecord(record.id))?.record).toEqual(record);
    await store.close();
  }, 60_000);
});
