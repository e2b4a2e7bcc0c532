// @ts-check
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { sampleComplaint } from './sample-records.mjs';

/**
 * The part of autocannon's API used here (it ships no types).
 * @typedef {{ method?: string, path?: string, body?: string, headers?: Record<string, string> }} BenchRequest
 * @type {(options: { url: string, connections: number, amount: number, requests: { method: string, setupRequest: (request: BenchRequest) => BenchRequest }[] }) => Promise<{ start: Date, finish: Date, '2xx': number, non2xx: number, errors: number, latency: { p99: number } }>}
 */
const autocannon = createRequire(import.meta.url)('autocannon');

const SERVE = fileURLToPath(new URL('./serve.mjs', import.meta.url));

/**
 * @typedef {{
 *   recordsPerSecond: number,
 *   p99Ms: number,
 *   records: number,
 *   stored: number,
 *   non2xx: number,
 *   errors: number,
 * }} IngestBenchResult
 */

/**
 * Measures receiver ingest over loopback: the server runs in its own process on a temp
 * on-disk database (WAL, `synchronous=FULL`, as shipped), and `autocannon` posts `records`
 * distinct valid complaints over `connections` connections. Returns accepted records per
 * second and the 99th-percentile latency, plus how many records the database holds after.
 * @param {{ records?: number, connections?: number }} [options]
 * @returns {Promise<IngestBenchResult>}
 */
export async function runIngestBench({ records = 2000, connections = 10 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'heard-bench-'));
  const dbPath = join(dir, 'heard.db');
  const child = spawn(process.execPath, [SERVE], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', HEARD_DB: dbPath, HEARD_AGENT_TOKEN: 'bench', HEARD_RATE_LIMIT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const origin = await listeningOrigin(child);
    // Bodies are built before the clock starts, so the figure is the receiver's, not ours.
    const samples = Array.from({ length: records }, () => sampleComplaint());
    const bodies = samples.map((record) => ({ id: record.id, json: JSON.stringify(record) }));
    let next = 0;
    const result = await autocannon({
      url: `${origin}/complaints`,
      connections,
      amount: records,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            const { id, json } = /** @type {{ id: string, json: string }} */ (bodies[next++ % records]);
            return { ...request, method: 'POST', path: '/complaints', body: json, headers: { 'content-type': 'application/json', 'idempotency-key': id } };
          },
        },
      ],
    });
    const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;
    const accepted = result['2xx'];
    child.kill('SIGTERM');
    await once(child, 'exit');
    const db = new Database(dbPath, { readonly: true });
    const stored = /** @type {{ n: number }} */ (db.prepare('SELECT COUNT(*) AS n FROM complaints').get()).n;
    db.close();
    return {
      recordsPerSecond: Math.round(accepted / seconds),
      p99Ms: result.latency.p99,
      records,
      stored,
      non2xx: result.non2xx,
      errors: result.errors,
    };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

/** @param {import('node:child_process').ChildProcess} child @returns {Promise<string>} */
function listeningOrigin(child) {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const match = /Heard listening on (\S+)/.exec(output);
      if (match) resolve(/** @type {string} */ (match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the receiver exited (${code}) before listening`)));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runIngestBench({ records: Number(process.env.RECORDS) || 2000, connections: Number(process.env.CONNECTIONS) || 10 });
  console.log(`receiver ingest: ${result.recordsPerSecond} records/s, p99 ${result.p99Ms} ms (${result.stored}/${result.records} stored, ${result.non2xx} non-2xx)`);
}
