// @ts-check
import { createHash, timingSafeEqual } from 'node:crypto';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The server's metrics in the Prometheus text format (`GET /metrics`, or a loopback port).
 * Labels hold only what the server itself names: route patterns (never a raw URL, which can
 * hold a complaint's id or a query), status codes, record types, job kinds, a destination's kind
 * and id (never its URL), outcomes. Nothing a visitor wrote, no email, no address, no token.
 */

/**
 * @typedef {{
 *   registry: Registry,
 *   observeRequest: (method: string, route: string, status: number, seconds: number) => void,
 *   recordReceived: (type: string, outcome: string) => void,
 *   jobStarted: (kind: string) => () => void,
 *   jobSettled: (kind: string, outcome: 'done' | 'failed') => void,
 *   delivered: (destination: { kind: string, id: string }, ok: boolean) => void,
 *   emailSent: (ok: boolean) => void,
 *   watch: (sources: { liveStreams?: () => number, pool?: () => { total: number, idle: number, waiting: number } | null, queuedJobs?: () => Promise<{ pending: number, failed: number }> }) => void,
 * }} Metrics
 */

/** Buckets for request latency, in seconds: a record's commit is a few milliseconds. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** @returns {Metrics} */
export function createMetrics() {
  const registry = new Registry();
  const registers = [registry];
  const requests = new Counter({ name: 'heard_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status.', labelNames: ['method', 'route', 'status'], registers });
  const latency = new Histogram({ name: 'heard_http_request_duration_seconds', help: 'Time to answer an HTTP request, by method, route pattern and status.', labelNames: ['method', 'route', 'status'], buckets: LATENCY_BUCKETS, registers });
  const records = new Counter({ name: 'heard_records_total', help: 'Records received, by type (complaint, rating) and outcome (created: stored; replay: a retry of one stored; conflict).', labelNames: ['type', 'outcome'], registers });
  const running = new Gauge({ name: 'heard_jobs_running', help: 'Jobs this instance is running now, by kind.', labelNames: ['kind'], registers });
  const settled = new Counter({ name: 'heard_jobs_total', help: 'Jobs this instance settled, by kind and outcome (done; failed: no retry left, kept for an admin to retry).', labelNames: ['kind', 'outcome'], registers });
  const deliveries = new Counter({ name: 'heard_deliveries_total', help: 'Forwarding deliveries attempted, by destination kind and id, and outcome (ok, failed).', labelNames: ['destination_kind', 'destination_id', 'outcome'], registers });
  const emails = new Counter({ name: 'heard_emails_total', help: 'Emails handed to the mail server, by outcome (sent, failed).', labelNames: ['outcome'], registers });
  /** @type {Parameters<Metrics['watch']>[0]} */
  const sources = {};
  /** @type {Map<string, { count: { inc: () => void }, time: { observe: (value: number) => void } }>} */
  const byRequest = new Map();
  new Gauge({
    name: 'heard_live_streams',
    help: 'Inbox live-update streams open on this instance.',
    registers,
    collect() {
      this.set(sources.liveStreams?.() ?? 0);
    },
  });
  new Gauge({
    name: 'heard_jobs_queued',
    help: 'Jobs in the database, all instances together, by state (pending: waiting or due; failed: kept for an admin to retry).',
    labelNames: ['state'],
    registers,
    async collect() {
      if (!sources.queuedJobs) return;
      const counts = await sources.queuedJobs();
      this.set({ state: 'pending' }, counts.pending);
      this.set({ state: 'failed' }, counts.failed);
    },
  });
  new Gauge({
    name: 'heard_db_pool_connections',
    help: 'PostgreSQL pool connections of this instance, by state (total, idle, waiting: queries waiting for one).',
    labelNames: ['state'],
    registers,
    collect() {
      const pool = sources.pool?.();
      if (!pool) return;
      for (const state of /** @type {const} */ (['total', 'idle', 'waiting'])) this.set({ state }, pool[state]);
    },
  });

  return {
    registry,
    observeRequest(method, route, status, seconds) {
      // Each route's series are looked up once: the receiver's path stays cheap under load.
      const key = `${method} ${status} ${route}`;
      let series = byRequest.get(key);
      if (!series) {
        const labels = { method, route, status: String(status) };
        series = { count: requests.labels(labels), time: latency.labels(labels) };
        byRequest.set(key, series);
      }
      series.count.inc();
      series.time.observe(seconds);
    },
    recordReceived: (type, outcome) => records.inc({ type, outcome }),
    jobStarted(kind) {
      running.inc({ kind });
      return () => running.dec({ kind });
    },
    jobSettled: (kind, outcome) => settled.inc({ kind, outcome }),
    delivered: (destination, ok) => deliveries.inc({ destination_kind: destination.kind, destination_id: destination.id, outcome: ok ? 'ok' : 'failed' }),
    emailSent: (ok) => emails.inc({ outcome: ok ? 'sent' : 'failed' }),
    watch: (more) => Object.assign(sources, more),
  };
}

/**
 * A mailer whose sends are counted; the same mailer when metrics are off.
 * @template {{ sendMail: (message: any) => Promise<any> }} M
 * @param {M | null} mailer
 * @param {Metrics | null} metrics
 * @returns {M | null}
 */
export function countedMailer(mailer, metrics) {
  if (!mailer || !metrics) return mailer;
  return /** @type {M} */ ({
    ...mailer,
    /** @param {any} message */
    async sendMail(message) {
      try {
        const info = await mailer.sendMail(message);
        metrics.emailSent(true);
        return info;
      } catch (error) {
        metrics.emailSent(false);
        throw error;
      }
    },
    close: () => /** @type {{ close?: () => void }} */ (mailer).close?.(),
  });
}

/**
 * Whether an `Authorization` header holds the metrics token, compared in constant time.
 * @param {string | undefined} header
 * @param {string} token
 */
export function bearerMatches(header, token) {
  const match = /^Bearer (\S+)$/.exec(header ?? '');
  if (!match) return false;
  const digest = (/** @type {string} */ value) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1] ?? ''), digest(token));
}
