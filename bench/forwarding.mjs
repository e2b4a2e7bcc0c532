// @ts-check
/**
 * Forwarding figures: how many events per second the worker delivers to a loopback webhook
 * receiver that verifies every signature, and how long after a record's 201 its webhook
 * arrives. The server runs in this process on a temporary SQLite file, as `npm start` would.
 *
 *   node bench/forwarding.mjs            # prints the figures as JSON
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Webhook } from 'standardwebhooks';
import { createApp } from '../server/app.mjs';
import { generateWebhookSecret } from '../server/jobs/forwarding/webhook.mjs';
import { sampleComplaint } from '../server/sample-records.mjs';
import { createSqliteStore } from '../server/store/sqlite/sqlite-store.mjs';
import { median, quantile } from './stats.mjs';
import { readFlags } from './command-line.mjs';

/**
 * @param {{ events?: number, latencySamples?: number }} [options]
 * @returns {Promise<{ events: number, eventsPerSecond: number, latencySamples: number, medianMs: number, p95Ms: number, rejected: number }>}
 */
export async function measureForwarding({ events = 500, latencySamples = 50 } = {}) {
  const secret = generateWebhookSecret();
  const webhook = new Webhook(secret);
  /** @type {Map<string, number>} record id → arrival time */
  const arrivals = new Map();
  let rejected = 0;
  /** @type {(() => void) | null} */
  let onArrival = null;
  const receiver = createServer((request, response) => {
    const chunks = /** @type {Buffer[]} */ ([]);
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      try {
        const event = /** @type {{ data: { record: { id: string } } }} */ (webhook.verify(Buffer.concat(chunks).toString('utf8'), /** @type {Record<string, string>} */ (request.headers)));
        arrivals.set(event.data.record.id, performance.now());
        response.writeHead(204).end();
      } catch {
        rejected += 1;
        response.writeHead(401).end();
      }
      onArrival?.();
    });
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (receiver.address());
  const dir = mkdtempSync(join(tmpdir(), 'heard-forwarding-bench-'));
  const store = createSqliteStore({ path: join(dir, 'heard.db') });
  const app = createApp({
    store,
    allowedOrigins: [],
    rateLimit: 0,
    jobs: {
      allowPrivate: true,
      worker: false,
      destinations: [{ id: 'env-webhook', kind: 'webhook', name: 'Bench', config: { url: `http://127.0.0.1:${address.port}/hook`, secret }, events: ['complaint.created'] }],
    },
  });
  app.addHook('onClose', async () => store.close());
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (app.server.address()).port}`;
    const worker = /** @type {{ jobWorker: ReturnType<typeof import('../server/jobs/worker.mjs').createWorker> }} */ (/** @type {unknown} */ (app)).jobWorker;
    /** @param {object} record */
    const post = async (record) => {
      const response = await fetch(`${origin}/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) });
      if (response.status !== 201) throw new Error(`The receiver answered ${response.status}`);
    };
    /** @param {() => boolean} done */
    const arrived = (done) => new Promise((resolve) => {
      onArrival = () => {
        if (done()) resolve(undefined);
      };
      onArrival();
    });

    // Throughput: the events are queued first, then the worker sends them all.
    for (let i = 0; i < events; i += 1) await post(sampleComplaint());
    const started = performance.now();
    worker.start();
    await arrived(() => arrivals.size >= events);
    const eventsPerSecond = Math.round(events / ((performance.now() - started) / 1000));

    // Latency: one record at a time, from its 201 to its webhook's arrival.
    /** @type {number[]} */
    const latencies = [];
    for (let i = 0; i < latencySamples; i += 1) {
      const record = sampleComplaint();
      await post(record);
      const answeredAt = performance.now();
      await arrived(() => arrivals.has(record.id));
      latencies.push(/** @type {number} */ (arrivals.get(record.id)) - answeredAt);
    }
    await worker.stop();
    return { events, eventsPerSecond, latencySamples, medianMs: median(latencies), p95Ms: quantile(latencies, 0.95), rejected };
  } finally {
    await app.close();
    await new Promise((resolve) => receiver.close(() => resolve(undefined)));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  readFlags('node bench/forwarding.mjs', `Usage: node bench/forwarding.mjs [--help]\nHow many events a second the forwarding worker delivers to a loopback webhook receiver, and how long after a record's 201 its webhook arrives; prints JSON.\n`, {});
  console.log(JSON.stringify(await measureForwarding(), null, 2));
}
