// @ts-check
/**
 * Figures measured in Node: triage + restatement time, the widget's CSS bytes, the outbox
 * flush rate (storage + transport against the loopback endpoint, IndexedDB from
 * `fake-indexeddb`), and the receiver's ingest rate.
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { complaintText, COMPLAINT_LOCALES } from './complaints.mjs';
import { compressedSizes } from './sizes.mjs';
import { median, quantile } from './stats.mjs';

/**
 * Median time of `triage(text)` followed by `restate([text], result, locale)` for a
 * 2,000-character complaint in each language, after a warm-up; bounded by iterations and time.
 * @param {Record<string, unknown>} triageModule exports of `widget/src/triage/triage.ts`
 * @param {Record<string, unknown> | undefined} restateModule exports of `widget/src/triage/restate.ts`
 * @param {{ iterations?: number, warmup?: number, budgetMs?: number }} [options]
 */
export function measureTriage(triageModule, restateModule, { iterations = 2000, warmup = 300, budgetMs = 4000 } = {}) {
  const triage = /** @type {(text: string, options?: object) => unknown} */ (triageModule.triage);
  const restate = /** @type {((messages: string[], result: unknown, locale: string) => string) | undefined} */ (restateModule?.restate);
  /** @type {Record<string, { medianMs: number, p95Ms: number, runs: number, restated: boolean }>} */
  const byLocale = {};
  for (const locale of COMPLAINT_LOCALES) {
    const text = complaintText(locale, 2000);
    const once = () => {
      const result = triage(text, { locale });
      if (restate) restate([text], result, locale);
    };
    for (let i = 0; i < warmup; i++) once();
    /** @type {number[]} */
    const times = [];
    const stopAt = performance.now() + budgetMs;
    for (let i = 0; i < iterations && performance.now() < stopAt; i++) {
      const start = performance.now();
      once();
      times.push(performance.now() - start);
    }
    byLocale[locale] = { medianMs: median(times), p95Ms: quantile(times, 0.95), runs: times.length, restated: Boolean(restate) };
  }
  return byLocale;
}

/**
 * The widget's CSS. Its styles are functions in `widget/src/ui/styles.ts` that build constructable
 * stylesheets; running `widgetSheets()` with a `CSSStyleSheet` that only records the text
 * it is given yields exactly the CSS the shadow root adopts, which text extraction from the
 * minified bundle could only approximate. In the shipped files this text is inside the widget
 * chunk; here it is compressed on its own.
 * @param {Record<string, unknown>} stylesModule exports of `widget/src/ui/styles.ts`
 */
export function measureCss(stylesModule) {
  /** @type {string[]} */
  const texts = [];
  const globals = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (globalThis));
  const previous = globals.CSSStyleSheet;
  globals.CSSStyleSheet = class RecordingSheet {
    /** @param {string} css */
    replaceSync(css) {
      texts.push(css);
    }
    /** @param {string} css */
    replace(css) {
      texts.push(css);
      return Promise.resolve(this);
    }
  };
  try {
    const all = stylesModule.widgetSheets;
    if (typeof all === 'function') all();
    else for (const value of Object.values(stylesModule)) if (typeof value === 'function' && value.length === 0) value();
  } finally {
    globals.CSSStyleSheet = previous;
  }
  const css = texts.join('\n');
  return { sheets: texts.length, ...compressedSizes(css) };
}

/**
 * Records per second the outbox delivers: `count` records enqueued in the real store (over
 * `fake-indexeddb`), then one `flush()` through the real delivery code to the loopback endpoint,
 * timed until the outbox is empty.
 * @param {{ store: Record<string, unknown>, flush: Record<string, unknown> }} modules
 * @param {string} endpoint
 * @param {number} count
 */
export async function measureOutboxFlush(modules, endpoint, count) {
  // idb checks values against the IndexedDB classes by their global names, as in a browser.
  await import('fake-indexeddb/auto');
  const { IDBFactory } = await import('fake-indexeddb');
  const { sampleComplaint } = await import('../server/sample-records.mjs');
  const openStore = /** @type {(o: object) => Promise<import('../widget/src/storage/store').HeardStore>} */ (modules.store.openStore);
  const createDelivery = /** @type {(o: object) => import('../widget/src/transport/flush').Delivery} */ (modules.flush.createDelivery);
  const quiet = { warn() {} };
  const store = await openStore({ name: `bench-${Date.now()}`, indexedDB: new IDBFactory(), logger: quiet });
  const now = Date.now();
  for (let i = 0; i < count; i++) await store.enqueue(/** @type {never} */ (sampleComplaint()), endpoint, now);
  const delivery = createDelivery({ endpoint, store });
  const start = performance.now();
  // One flush tries every due record; a record left behind (a hiccup) gets a bounded retry.
  for (let round = 0; round < 5; round++) {
    await delivery.flush();
    if ((await store.listOutbox()).length === 0) break;
  }
  const seconds = (performance.now() - start) / 1000;
  const left = (await store.listOutbox()).length;
  delivery.dispose();
  store.close();
  return { records: count, delivered: count - left, recordsPerSecond: Math.round((count - left) / seconds) };
}

const INGEST = fileURLToPath(new URL('./ingest-bench.mjs', import.meta.url));

/** Runs of each ingest set-up; the figure is the median run, as one run on a shared machine swings by a fifth. */
const INGEST_RUNS = 3;

/**
 * The receiver's ingest rate and p99 from `bench/ingest-bench.mjs` for each set-up it lists
 * (SQLite; PostgreSQL with one instance; with two), or `null` when that module is not there.
 * Each set-up runs INGEST_RUNS times, taking turns with the others so a busy spell of the
 * machine falls on all of them; `result` is its median run by records a second, `runs` every
 * run's rate in order, `complete` whether every run stored all it was sent. Each PostgreSQL run
 * starts and stops its own cluster.
 * @returns {Promise<null | { label: string, goal: number | null, result: import('./ingest-bench.mjs').IngestBenchResult, runs: number[], complete: boolean }[]>}
 */
export async function measureIngest() {
  if (!existsSync(INGEST)) return null;
  const { INGEST_SETUPS, runIngestBench } = await import('./ingest-bench.mjs');
  /** @type {import('./ingest-bench.mjs').IngestBenchResult[][]} */
  const runs = INGEST_SETUPS.map(() => []);
  for (let round = 0; round < INGEST_RUNS; round++) {
    for (const [i, setup] of INGEST_SETUPS.entries()) {
      runs[i]?.push(await runIngestBench({ backend: setup.backend, instances: setup.instances, records: 4000, connections: 16 }));
    }
  }
  return INGEST_SETUPS.map((setup, i) => {
    const mine = runs[i] ?? [];
    const sorted = [...mine].sort((a, b) => a.recordsPerSecond - b.recordsPerSecond);
    return {
      label: setup.label,
      goal: INGEST_GOALS[`${setup.backend}:${setup.instances}`] ?? null,
      result: /** @type {import('./ingest-bench.mjs').IngestBenchResult} */ (sorted[Math.floor(sorted.length / 2)]),
      runs: mine.map((run) => run.recordsPerSecond),
      // Every run stored every record it was sent, and answered none with an error.
      complete: mine.every((run) => run.stored === run.records && run.non2xx === 0),
    };
  });
}

/** Records per second to reach on a two-core machine (issue 12); two instances have none. */
const INGEST_GOALS = /** @type {Record<string, number>} */ ({ 'sqlite:1': 2000, 'postgres:1': 1500 });
