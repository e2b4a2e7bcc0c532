// @ts-check
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { startPostgres } from './postgres-cluster.mjs';
import { sampleComplaint } from '../server/sample-records.mjs';

/**
 * The part of autocannon's API used here (it ships no types).
 * @typedef {{ method?: string, path?: string, body?: string, headers?: Record<string, string> }} BenchRequest
 * @typedef {{ start: Date, finish: Date, '2xx': number, non2xx: number, errors: number, latency: { p99: number } }} BenchResult
 * @typedef {{ on: (event: 'response', listener: () => void) => void }} BenchTracker
 * @type {(options: { url: string, connections: number, amount: number, requests: { method: string, setupRequest: (request: BenchRequest) => BenchRequest }[] }, done: (error: Error | null, result: BenchResult) => void) => BenchTracker}
 */
const autocannon = createRequire(import.meta.url)('autocannon');

const SERVE = fileURLToPath(new URL('../server/serve.mjs', import.meta.url));

/**
 * @typedef {'sqlite' | 'postgres'} Backend
 * @typedef {{
 *   backend: Backend,
 *   instances: number,
 *   recordsPerSecond: number,
 *   p99Ms: number,
 *   records: number,
 *   stored: number,
 *   non2xx: number,
 *   errors: number,
 *   serverCpuUsPerRecord: number | null,
 *   loadCpuUsPerRecord: number,
 *   metrics: { on: boolean, recordsCounted: number },
 * }} IngestBenchResult
 */

/**
 * Measures receiver ingest over loopback. Each instance is `server/serve.mjs` in its own process,
 * as shipped: SQLite in a temporary file (WAL, `synchronous=FULL`), or PostgreSQL in a cluster
 * this function starts and stops (fsync and `synchronous_commit` on, its defaults), so every
 * record is durably committed before its 201. `autocannon` posts `records` distinct valid
 * complaints over `connections` connections, split evenly over the instances. Returns accepted
 * records per second (all instances together), the 99th-percentile latency (the slower
 * instance's), how many records the database holds afterwards, and the processor time one record
 * cost the receivers (all their threads, user and kernel; null where `/proc` is missing) and the
 * load generator: on a machine that runs both, the sum is what one record costs the machine.
 * The instances run with metrics on (HEARD_METRICS=1), as an operator who watches them does; after
 * the run their `/metrics` are read, and `metrics.recordsCounted` is the records they counted stored.
 * @param {{ backend?: Backend, instances?: number, records?: number, connections?: number, databaseUrl?: string }} [options]
 *   `databaseUrl`: an empty PostgreSQL database to use instead of starting a cluster.
 * @returns {Promise<IngestBenchResult>}
 */
export async function runIngestBench({ backend = 'sqlite', instances = 1, records = 2000, connections = 10, databaseUrl } = {}) {
  if (backend === 'sqlite' && instances !== 1) throw new Error('SQLite is one instance on one machine.');
  const dir = mkdtempSync(join(tmpdir(), 'heard-bench-'));
  const cluster = backend === 'postgres' && !databaseUrl ? await startPostgres({ durable: true }) : null;
  /** @type {import('node:child_process').ChildProcess[]} */
  const children = [];
  try {
    const url = backend === 'postgres' ? (databaseUrl ?? (await /** @type {NonNullable<typeof cluster>} */ (cluster).createDatabase())) : null;
    const dbPath = join(dir, 'heard.db');
    const metricsToken = randomBytes(32).toString('base64url');
    /** @type {Record<string, string>} */
    // The load comes from this one machine: no cap on connections from its address.
    const env = { HEARD_CONNECTIONS_PER_ADDRESS: '0', ...(url ? { DATABASE_URL: url } : { HEARD_DB: dbPath }), HEARD_METRICS: '1', HEARD_METRICS_TOKEN: metricsToken };
    // The first instance migrates alone; the others find the database ready.
    const origins = [await startInstance(env, children)];
    for (let i = 1; i < instances; i++) origins.push(await startInstance(env, children));

    // Bodies are built before the clock starts, so the figure is the receiver's, not ours.
    const bodies = Array.from({ length: records }, () => {
      const record = sampleComplaint();
      return { id: record.id, json: JSON.stringify(record) };
    });
    const share = Math.ceil(records / instances);
    const serverCpuBefore = children.map(cpuMicros);
    const loadCpuBefore = process.cpuUsage();
    // Timed from the first request to the last answer, not by autocannon's own start and finish:
    // it notices the end only on its once-a-second tick, which for a run of a few seconds
    // quantised the figure by up to a fifth.
    const started = performance.now();
    let lastAnswer = started;
    const results = await Promise.all(
      origins.map((origin, index) => {
        const mine = bodies.slice(index * share, (index + 1) * share);
        let next = 0;
        return new Promise((resolve, reject) => {
          const tracker = autocannon({
            url: `${origin}/complaints`,
            connections: Math.max(1, Math.round(connections / instances)),
            amount: mine.length,
            requests: [
              {
                method: 'POST',
                setupRequest: (request) => {
                  const { id, json } = /** @type {{ id: string, json: string }} */ (mine[next++ % mine.length]);
                  return { ...request, method: 'POST', path: '/complaints', body: json, headers: { 'content-type': 'application/json', 'idempotency-key': id } };
                },
              },
            ],
          }, (error, result) => (error ? reject(error) : resolve(result)));
          tracker.on('response', () => {
            lastAnswer = performance.now();
          });
        });
      }),
    );
    const finished = lastAnswer;
    const accepted = results.reduce((sum, result) => sum + result['2xx'], 0);
    const loadCpu = process.cpuUsage(loadCpuBefore);
    const serverCpu = children.map((child, i) => {
      const after = cpuMicros(child);
      const before = serverCpuBefore[i];
      return after === null || before === null || before === undefined ? null : after - before;
    });
    const counted = await Promise.all(origins.map((origin) => recordsCounted(origin, metricsToken)));
    await Promise.all(children.map((child) => stop(child)));
    return {
      backend,
      instances,
      recordsPerSecond: Math.round(accepted / ((finished - started) / 1000)),
      p99Ms: Math.max(...results.map((result) => result.latency.p99)),
      records,
      stored: url ? await countPostgres(url) : countSqlite(dbPath),
      non2xx: results.reduce((sum, result) => sum + result.non2xx, 0),
      errors: results.reduce((sum, result) => sum + result.errors, 0),
      serverCpuUsPerRecord: serverCpu.includes(null) ? null : Math.round(serverCpu.reduce((/** @type {number} */ sum, us) => sum + (us ?? 0), 0) / records),
      loadCpuUsPerRecord: Math.round((loadCpu.user + loadCpu.system) / records),
      metrics: { on: true, recordsCounted: counted.reduce((sum, n) => sum + n, 0) },
    };
  } finally {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * @param {Record<string, string>} env
 * @param {import('node:child_process').ChildProcess[]} children
 * @returns {Promise<string>}
 */
function startInstance(env, children) {
  // `HEARD_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/heard-profile"` profiles each instance.
  const child = spawn(process.execPath, [...(process.env.HEARD_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), SERVE], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', HEARD_RATE_LIMIT: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    /** @param {Buffer} chunk */
    const listening = (chunk) => {
      output += chunk;
      const match = /Heard listening on (\S+)/.exec(output);
      if (!match) return;
      // From here on its log (a line or two a request) is read and dropped, not kept: kept and
      // searched again with every line, it cost the load generator more than the requests did.
      child.stdout?.off('data', listening);
      child.stdout?.resume();
      output = '';
      resolve(/** @type {string} */ (match[1]));
    };
    child.stdout?.on('data', listening);
    child.once('exit', (code) => reject(new Error(`the receiver exited (${code}) before listening`)));
  });
}

/**
 * A process's processor time so far (user and kernel, all threads), in microseconds, from
 * Linux's `/proc/<pid>/stat`; null elsewhere.
 * @param {import('node:child_process').ChildProcess} child
 * @returns {number | null}
 */
function cpuMicros(child) {
  try {
    // Fields after the command name (which may hold spaces) start at state; utime and stime are
    // the 14th and 15th fields of the line, in clock ticks (100 a second on Linux).
    const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return null;
  }
}

/**
 * The complaints an instance's metrics counted as stored.
 * @param {string} origin
 * @param {string} token
 */
async function recordsCounted(origin, token) {
  const response = await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`the receiver's /metrics answered ${response.status}`);
  const line = (await response.text()).split('\n').find((l) => l.startsWith('heard_records_total{type="complaint",outcome="created"} '));
  return line ? Number(line.split(' ')[1]) : 0;
}

/** @param {import('node:child_process').ChildProcess} child */
async function stop(child) {
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/** @param {string} path */
function countSqlite(path) {
  const db = new Database(path, { readonly: true });
  try {
    return /** @type {{ n: number }} */ (db.prepare('SELECT COUNT(*) AS n FROM complaints').get()).n;
  } finally {
    db.close();
  }
}

/** @param {string} url */
async function countPostgres(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SELECT count(*)::int AS n FROM complaints')).rows[0].n;
  } finally {
    await client.end();
  }
}

/** The three set-ups `npm run bench` compares, side by side. */
export const INGEST_SETUPS = /** @type {const} */ ([
  { backend: 'sqlite', instances: 1, label: 'SQLite' },
  { backend: 'postgres', instances: 1, label: 'PostgreSQL, one instance' },
  { backend: 'postgres', instances: 2, label: 'PostgreSQL, two instances' },
]);

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const records = Number(process.env.RECORDS) || 4000;
  const connections = Number(process.env.CONNECTIONS) || 16;
  for (const setup of INGEST_SETUPS) {
    const result = await runIngestBench({ backend: setup.backend, instances: setup.instances, records, connections });
    console.log(
      `${setup.label.padEnd(28)} ${String(result.recordsPerSecond).padStart(6)} records/s  p99 ${String(result.p99Ms).padStart(4)} ms  ` +
        `(${result.stored}/${result.records} stored, ${result.non2xx} non-2xx, ${result.errors} errors; ` +
        `processor time a record: receiver ${result.serverCpuUsPerRecord ?? '?'} µs, load generator ${result.loadCpuUsPerRecord} µs; ` +
        `metrics on, ${result.metrics.recordsCounted} counted)`,
    );
  }
}
