import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../server/config.mjs';
import { serve } from '../../server/serve.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import type { Store } from '../../server/store/store.mjs';
import { bothStores } from '../support/postgres';

const SHOP = 'https://shop.example';
const TOKEN = 'metrics-token-for-the-scraper-0123456789';
type App = ReturnType<typeof createApp>;

const backends = bothStores();

/** The value of one sample line, such as `heard_records_total{type="complaint",outcome="created"}`. */
const sample = (text: string, line: string) => {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
};

describe.each(backends)('metrics on %s', (name, open) => {
  let store: Store;
  let app: App;

  beforeEach(async () => {
    store = await open();
    app = createApp({ store, allowedOrigins: [SHOP], rateLimit: 0, metrics: { token: TOKEN } });
    await app.ready();
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  const scrape = async () => {
    const response = await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    return response.body;
  };
  const post = (record: object) =>
    app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json', origin: SHOP }, payload: JSON.stringify(record) });

  it('counts a posted record as stored, its retry as replayed, and the request by its route and status', async () => {
    const record = sampleComplaint({ visitor: { email: 'ana.visitor@mail.example', name: 'Ana Visitor' } as never });
    const text0 = record.messages[1]!.text;
    expect((await post(record)).statusCode).toBe(201);
    let text = await scrape();
    expect(sample(text, 'heard_records_total{type="complaint",outcome="created"}')).toBe(1);
    expect(sample(text, 'heard_records_total{type="complaint",outcome="replay"}') ?? 0).toBe(0);
    expect(sample(text, 'heard_http_requests_total{method="POST",route="/complaints",status="201"}')).toBe(1);
    expect(sample(text, 'heard_http_request_duration_seconds_count{method="POST",route="/complaints",status="201"}')).toBe(1);

    expect((await post(record)).statusCode).toBe(201);
    await app.inject({ url: `/complaints/${record.id}/status?email=ana.visitor@mail.example`, headers: { origin: SHOP } });
    await app.inject({ url: `/no-such-page/${record.id}?from=https://shop.example/ana.visitor@mail.example` });
    text = await scrape();
    expect(sample(text, 'heard_records_total{type="complaint",outcome="created"}')).toBe(1);
    expect(sample(text, 'heard_records_total{type="complaint",outcome="replay"}')).toBe(1);
    expect(sample(text, 'heard_http_requests_total{method="GET",route="/complaints/:id/status",status="404"}')).toBe(1);
    expect(sample(text, 'heard_live_streams')).toBe(0);
    if (name === 'PostgreSQL') expect(sample(text, 'heard_db_pool_connections{state="total"}')).toBeGreaterThan(0);

    // Labels carry route patterns and kinds only: nothing a visitor sent.
    const labels = text.split('\n').filter((l) => !l.startsWith('#')).map((l) => l.replace(/ [^ ]+$/, '')).join('\n');
    for (const leak of ['ana.visitor', '@', 'Ana Visitor', record.id, 'ORD-1042', text0, 'kettle', 'http:', 'https:', 'shop.example']) {
      expect(labels).not.toContain(leak);
    }
  });

  it('answers 401 to a scrape without the token or with a wrong one', async () => {
    expect((await app.inject({ url: '/metrics' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}x` } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/metrics', headers: { authorization: TOKEN } })).statusCode).toBe(401);
  });
});

describe('metrics settings', () => {
  it('has no /metrics unless they are turned on', async () => {
    const config = readConfig({});
    expect(config.metrics).toBeNull();
    const { createSqliteStore } = await import('../../server/store/sqlite/sqlite-store.mjs');
    const store = createSqliteStore({ path: ':memory:' });
    const app = createApp({ store, allowedOrigins: [], rateLimit: 0 });
    await app.ready();
    expect((await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(404);
    await app.close();
    await store.close();
  });

  it('refuses to start with metrics on and no token, or a short one, unless they have a loopback port', () => {
    expect(() => readConfig({ HEARD_METRICS: '1' })).toThrow(/HEARD_METRICS_TOKEN/);
    expect(() => readConfig({ HEARD_METRICS: '1', HEARD_METRICS_TOKEN: 'short' })).toThrow(/HEARD_METRICS_TOKEN must be at least 32 characters/);
    expect(() => readConfig({ HEARD_METRICS: 'yes' })).toThrow(/HEARD_METRICS must be 0 or 1/);
    expect(readConfig({ HEARD_METRICS: '1', HEARD_METRICS_TOKEN: TOKEN }).metrics).toEqual({ token: TOKEN, port: null });
    expect(readConfig({ HEARD_METRICS: '1', HEARD_METRICS_PORT: '9464' }).metrics).toEqual({ token: null, port: 9464 });
  });

  it('serves them on a loopback port of their own when HEARD_METRICS_PORT is set, and not on the public port', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'heard-metrics-'));
    const config = readConfig({ PORT: '0', HEARD_DB: join(dir, 'heard.db'), HEARD_METRICS: '1', HEARD_METRICS_PORT: '0', HEARD_RATE_LIMIT: '0' });
    const { app, origin, metricsOrigin } = await serve(config, { print: () => {}, logger: false });
    try {
      expect(metricsOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${origin}/metrics`)).status).toBe(404);
      const record = sampleComplaint();
      const posted = await fetch(`${origin}/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) });
      expect(posted.status).toBe(201);
      const scraped = await fetch(`${metricsOrigin}/metrics`);
      expect(scraped.status).toBe(200);
      expect(sample(await scraped.text(), 'heard_records_total{type="complaint",outcome="created"}')).toBe(1);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts forwarding by destination kind and id, emails sent and failed, and jobs by kind, without the webhook URL or the address', async () => {
    const { createSqliteStore } = await import('../../server/store/sqlite/sqlite-store.mjs');
    const store = createSqliteStore({ path: ':memory:' });
    let mailWorks = true;
    const mailer = { sendMail: async () => { if (!mailWorks) throw new Error('mail server down'); return { accepted: ['team@shop.example'] }; } };
    const hook = 'https://hooks.shop.example/heard?key=s3cret';
    const app = createApp({
      store,
      allowedOrigins: [SHOP],
      rateLimit: 0,
      metrics: { token: TOKEN },
      mailer,
      post: async () => ({ status: 500, headers: {} }),
      jobs: {
        worker: false,
        retrySchedule: [],
        destinations: [
          { id: 'env-webhook', kind: 'webhook', name: 'Webhook', config: { url: hook, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }, events: ['complaint.created'] },
          { id: 'env-email', kind: 'email', name: 'Email', config: { to: 'team@shop.example' }, events: ['complaint.created'] },
        ],
      },
    });
    await app.ready();
    try {
      const runDue = async () => {
        const worker = (app as unknown as { jobWorker: { runDue(): Promise<number> } }).jobWorker;
        while ((await worker.runDue()) > 0) {
          // until nothing is due
        }
      };
      const post = (record: object) => app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json', origin: SHOP }, payload: JSON.stringify(record) });
      expect((await post(sampleComplaint())).statusCode).toBe(201);
      await runDue();
      mailWorks = false;
      expect((await post(sampleComplaint())).statusCode).toBe(201);
      await runDue();
      const text = (await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).body;
      expect(sample(text, 'heard_deliveries_total{destination_kind="webhook",destination_id="env-webhook",outcome="failed"}')).toBe(2);
      expect(sample(text, 'heard_deliveries_total{destination_kind="email",destination_id="env-email",outcome="ok"}')).toBe(1);
      expect(sample(text, 'heard_deliveries_total{destination_kind="email",destination_id="env-email",outcome="failed"}')).toBe(1);
      expect(sample(text, 'heard_emails_total{outcome="sent"}')).toBe(1);
      expect(sample(text, 'heard_emails_total{outcome="failed"}')).toBe(1);
      expect(sample(text, 'heard_jobs_total{kind="forward",outcome="failed"}')).toBe(3);
      expect(sample(text, 'heard_jobs_total{kind="forward",outcome="done"}')).toBe(1);
      expect(sample(text, 'heard_jobs_queued{state="failed"}')).toBe(3);
      expect(sample(text, 'heard_jobs_running{kind="forward"}')).toBe(0);
      expect(text).not.toContain('hooks.shop.example');
      expect(text).not.toContain('team@shop.example');
    } finally {
      await app.close();
      await store.close();
    }
  });
});
