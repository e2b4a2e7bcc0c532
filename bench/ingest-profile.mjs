// @ts-check
/**
 * Where one record's time goes in the receiver, step by step, in one process: parsing the body,
 * validating it against the schema, hashing it, working out its summary, the whole request
 * over HTTP with a store that keeps nothing, and the durable commit alone (one record per
 * commit, and a batch of records per commit as concurrent requests share one). Run with
 * `node bench/ingest-profile.mjs`; `npm run bench` does not run it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { createApp } from '../server/app.mjs';
import { startPostgres } from './postgres-cluster.mjs';
import { canonicalHash } from '../server/receiver/canonical-hash.mjs';
import { summariseRecord } from '../server/receiver/summary.mjs';
import { createRecordValidator } from '../server/receiver/validate-record.mjs';
import { sampleComplaint } from '../server/sample-records.mjs';
import { createLocalEvents } from '../server/store/shared.mjs';
import { createPostgresStore } from '../server/store/postgres/postgres-store.mjs';
import { createSqliteStore } from '../server/store/sqlite/sqlite-store.mjs';

/** @type {(options: object) => Promise<{ start: Date, finish: Date, '2xx': number }>} */
const autocannon = createRequire(import.meta.url)('autocannon');

/**
 * Microseconds per call of `step`, the median of `rounds` rounds of `count` calls.
 * @param {number} count
 * @param {(i: number) => unknown} step
 * @param {number} [rounds]
 */
function perCall(count, step, rounds = 5) {
  /** @type {number[]} */
  const times = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (let i = 0; i < count; i++) step(i);
    times.push(((performance.now() - start) * 1000) / count);
  }
  times.sort((a, b) => a - b);
  return /** @type {number} */ (times[Math.floor(times.length / 2)]);
}

/**
 * @param {number} count
 * @param {(i: number) => Promise<unknown>} step
 * @param {number} [parallel] calls in flight at once
 */
async function perCallAsync(count, step, parallel = 1) {
  const start = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) await step(next++);
    }),
  );
  return ((performance.now() - start) * 1000) / count;
}

/**
 * What re-running the package's own `triage()` on a record would add: on the visitor's words of
 * the sample records, and on a 2,000-character complaint. The sources are built for Node as the
 * bench builds them; without the build tools (a production install) this is skipped.
 * @param {import('../server/store/store.mjs').ComplaintRecord[]} samples
 * @returns {Promise<Record<string, number>>}
 */
async function measureTriage(samples) {
  let loaded;
  try {
    const { loadSourceModules } = await import('./source-build.mjs');
    loaded = await loadSourceModules({ triage: 'widget/src/triage/triage.ts', lexicons: 'widget/src/triage/all.ts' });
  } catch {
    return {};
  }
  try {
    const triage = /** @type {(text: string) => unknown} */ (loaded.modules.triage?.triage);
    const registerAll = /** @type {() => void} */ (loaded.modules.lexicons?.registerAllLexicons);
    if (!triage || !registerAll) return {};
    registerAll();
    const { complaintText } = await import('./complaints.mjs');
    const words = samples.map((record) => record.messages.filter((m) => m.from === 'visitor').map((m) => m.text).join('\n'));
    const long = complaintText('en', 2000);
    for (let i = 0; i < 300; i++) triage(long);
    return {
      'triage() on the sample records\' visitor words': perCall(words.length, (i) => triage(/** @type {string} */ (words[i]))),
      'triage() on a 2,000-character complaint': perCall(500, () => triage(long)),
    };
  } finally {
    loaded.dispose();
  }
}

/** @param {{ records?: number }} [options] */
export async function profileIngest({ records = 2000 } = {}) {
  const samples = Array.from({ length: records }, () => sampleComplaint());
  const bodies = samples.map((record) => JSON.stringify(record));
  const validate = createRecordValidator();
  /** @type {Record<string, number>} */
  const steps = {};
  steps['parse JSON body'] = perCall(records, (i) => JSON.parse(/** @type {string} */ (bodies[i])));
  steps['validate against the schema'] = perCall(records, (i) => validate(samples[i]));
  steps['content hash (canonical JSON, SHA-256)'] = perCall(records, (i) => canonicalHash(samples[i]));
  steps['summary for the queue'] = perCall(records, (i) => summariseRecord(/** @type {import('../server/store/store.mjs').ComplaintRecord} */ (samples[i])));
  steps['serialise the body for storage'] = perCall(records, (i) => JSON.stringify(samples[i]));
  Object.assign(steps, await measureTriage(samples));

  // The whole request over loopback HTTP (routing, CORS, body parsing, validation, hashing,
  // summary, answer) with a store that keeps nothing: everything but the database. The load
  // generator shares the process, as it shares the machine in the bench.
  const nothing = /** @type {import('../server/store/store.mjs').Store} */ (
    /** @type {unknown} */ ({
      events: createLocalEvents(),
      insertRecord: async (/** @type {{ id: string }} */ record, /** @type {{ receivedAt: string }} */ meta) => ({
        outcome: 'created',
        receipt: { id: record.id, reference: null, receivedAt: meta.receivedAt },
      }),
      // No destinations: forwarding adds no jobs, and no worker runs.
      listDestinations: async () => [],
      replaceEnvironmentDestinations: async () => undefined,
      serverSecret: async () => 'profile',
    })
  );
  const app = createApp({ store: nothing, allowedOrigins: [], rateLimit: 0, jobs: { worker: false } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = /** @type {import('node:net').AddressInfo} */ (app.server.address());
  let next = 0;
  const run = await autocannon({
    url: `http://127.0.0.1:${port}/complaints`,
    connections: 10,
    amount: records,
    requests: [
      {
        method: 'POST',
        setupRequest: (/** @type {object} */ request) => ({ ...request, method: 'POST', path: '/complaints', body: bodies[next++ % records], headers: { 'content-type': 'application/json' } }),
      },
    ],
  });
  steps['whole request over HTTP, no database'] = ((run.finish.getTime() - run.start.getTime()) * 1000) / run['2xx'];
  await app.close();

  const dir = mkdtempSync(join(tmpdir(), 'heard-profile-'));
  const cluster = await startPostgres({ durable: true });
  try {
    /** @param {import('../server/store/store.mjs').Store} store @param {number} offset @param {number} parallel */
    const commits = (store, offset, parallel) =>
      perCallAsync(
        500,
        (i) => {
          const record = /** @type {import('../server/store/store.mjs').ComplaintRecord} */ (samples[offset + i]);
          return store.insertRecord(record, { hash: record.id, receivedAt: new Date().toISOString(), summary: summariseRecord(record) });
        },
        parallel,
      );
    const sqlite = createSqliteStore({ path: join(dir, 'heard.db') });
    steps['SQLite durable commit, one record at a time'] = await commits(sqlite, 0, 1);
    steps['SQLite durable commit, 10 at once (group commit)'] = await commits(sqlite, 500, 10);
    await sqlite.close();
    const postgres = await createPostgresStore({ connectionString: await cluster.createDatabase() });
    steps['PostgreSQL durable commit, one record at a time'] = await commits(postgres, 1000, 1);
    steps['PostgreSQL durable commit, 10 at once'] = await commits(postgres, 1500, 10);
    await postgres.close();
  } finally {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return steps;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const steps = await profileIngest();
  for (const [step, micros] of Object.entries(steps)) console.log(`${step.padEnd(52)} ${micros.toFixed(1).padStart(8)} µs per record`);
}
