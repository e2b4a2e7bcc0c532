// @ts-check
/**
 * `npm run bench`: what Heard costs a page, against its budgets and beside peer widgets.
 * Prints one table and writes it to `bench/results/latest.json` and `latest.md`.
 *
 *   npm run bench                 # 5 runs of Heard's pages, 3 of each peer's
 *   npm run bench -- --runs 3     # runs of Heard's pages (peers: --peer-runs N)
 *   npm run bench -- --loads 20   # page loads for the long-task figure (default 10)
 *   npm run bench -- --no-peers   # skip the peer widgets
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CPU_SLOWDOWN, hostPage, launchChromium, measureColdClick, measureHeardRun, measurePageLoad, measurePlainTyping } from './browser.mjs';
import { countFlag, readFlags } from './command-line.mjs';
import { complaintText } from './complaints.mjs';
import { measureCss, measureIngest, measureOutboxFlush, measureTriage } from './node-figures.mjs';
import { measureForwarding } from './forwarding.mjs';
import { measureLiveThread } from './live-thread.mjs';
import { measureReplyToWidget } from './loop.mjs';
import { measureInboundMail } from './inbound-mail.mjs';
import { measureUploads } from './uploads.mjs';
import { measureAttachPhoto } from './attach.mjs';
import { measureReplyMail } from './reply-mail.mjs';
import { buildPeers, ensurePeersInstalled, PEERS_DIR } from './peers.mjs';
import { kb, markdownTable, mb, ms, ratio, textTable } from './report.mjs';
import { startBenchServer } from './server.mjs';
import { BENCH_LOCALES, BYTE_BUDGETS, LOADER_FILE, measureBundle, WIDGET_FILE } from './sizes.mjs';
import { loadSourceModules } from './source-build.mjs';
import { median } from './stats.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WIDGET = join(ROOT, 'widget');
const DIST = join(WIDGET, 'dist');
const RESULTS = join(ROOT, 'bench', 'results');
const USAGE = `Usage: npm run bench -- [options]
What Heard costs a page, against its budgets and beside peer widgets; writes bench/results/latest.json and latest.md.

  --runs N        runs of Heard's pages, 1 to 20 (default 5)
  --peer-runs N   runs of each peer widget's page, 1 to 20 (default 3)
  --loads N       page loads for the long-task figure, 1 to 20 (default 10)
  --no-peers      skip the peer widgets
  -h, --help      show this and exit
`;
const flags = readFlags('npm run bench', USAGE, {
  runs: { type: 'string' },
  'peer-runs': { type: 'string' },
  loads: { type: 'string' },
  'no-peers': { type: 'boolean' },
});
const RUNS = countFlag('npm run bench', USAGE, 'runs', flags.runs, 5);
const PEER_RUNS = countFlag('npm run bench', USAGE, 'peer-runs', flags['peer-runs'], 3);
/** Loads of each page for the long-task figure: a task that happens in one load of ten counts. */
const LOADS = countFlag('npm run bench', USAGE, 'loads', flags.loads, 10);
const WITH_PEERS = !flags['no-peers'];
const OUTBOX_RECORDS = 300;
/** Messages each way for the live thread's figures. */
const LIVE_SAMPLES = 20;
/** @param {string} line */
const log = (line) => process.stderr.write(`${line}\n`);

/** @type {import('./report.mjs').Row[]} */
const rows = [];
/** @type {Record<string, unknown>} */
const results = { date: new Date().toISOString(), node: process.version, runs: RUNS, loads: LOADS, peerRuns: PEER_RUNS, cpuSlowdown: CPU_SLOWDOWN };
/** @param {import('./report.mjs').Row} row */
const row = (row) => rows.push(row);

// A hard stop, so a hung browser or server can never keep the bench running.
const deadline = setTimeout(() => {
  log('bench: stopped after 15 minutes');
  process.exit(2);
}, 15 * 60_000);
deadline.unref();

const server = await startBenchServer({ mounts: { '/dist/': DIST, '/peers/': join(PEERS_DIR, 'dist') } });
try {
  const build = buildIfStale();
  results.build = build;
  const sizes = measureSizes(build);
  await measureInNode();
  const peers = WITH_PEERS ? await preparePeers() : [];
  await measureInChromium(sizes, peers);
} finally {
  await server.close();
}

const generated = `${RUNS} runs of Heard's pages and ${PEER_RUNS} of each peer's, medians; Chromium at ${CPU_SLOWDOWN}× CPU throttling; ${new Date().toISOString().slice(0, 10)}.`;
results.rows = rows;
mkdirSync(RESULTS, { recursive: true });
writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(RESULTS, 'latest.md'), `${markdownTable(rows)}\n\n${generated}\n`);
console.log(`Heard bench: ${generated}`);
console.log(textTable(rows));
console.log(`\nWritten: bench/results/latest.json, bench/results/latest.md`);
const failed = rows.filter((r) => r.pass === false).length;
console.log(failed ? `${failed} figure(s) over budget.` : 'All budgets met.');
clearTimeout(deadline);

// ---------------------------------------------------------------------------------------------

/** Builds when `widget/dist/` is missing or older than any source, build script or config. */
function buildIfStale() {
  const built = [LOADER_FILE, WIDGET_FILE].map((f) => join(DIST, f));
  const builtAt = built.every((f) => existsSync(f)) ? Math.min(...built.map((f) => statSync(f).mtimeMs)) : 0;
  const inputs = [join(WIDGET, 'src'), join(WIDGET, 'scripts', 'build.mjs'), join(WIDGET, 'vite.config.ts'), join(WIDGET, 'package.json')];
  if (builtAt > newest(inputs)) return { ran: false, ok: true, note: 'dist/ up to date' };
  log('Building (dist/ is missing or older than the sources)…');
  const started = Date.now();
  try {
    execFileSync(process.execPath, [join(WIDGET, 'scripts', 'build.mjs'), '--quiet'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 });
    return { ran: true, ok: true, note: 'built' };
  } catch {
    // The bundles may have been written before a later step (type declarations) failed.
    const fresh = built.every((f) => existsSync(f) && statSync(f).mtimeMs >= started - 1000);
    return { ran: true, ok: fresh, note: fresh ? 'build reported an error after writing the bundles' : 'build failed; measuring whatever dist/ holds' };
  }
}

/** @param {string[]} paths @returns {number} */
function newest(paths) {
  let latest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isDirectory()) latest = Math.max(latest, newest(readdirSync(path).map((name) => join(path, name))));
    else latest = Math.max(latest, stat.mtimeMs);
  }
  return latest;
}

/** @param {{ note: string }} build */
function measureSizes(build) {
  /** @type {import('./sizes.mjs').BundleSizes | null} */
  let sizes = null;
  try {
    sizes = measureBundle(DIST);
  } catch (error) {
    row({ section: 'Bytes (gzip -9 / brotli)', figure: 'built files', value: 'not measured', budget: '', pass: null, note: String(error instanceof Error ? error.message : error) });
    return null;
  }
  results.sizes = sizes;
  const section = 'Bytes (gzip -9 / brotli)';
  const note = build.note === 'dist/ up to date' || build.note === 'built' ? undefined : build.note;
  row({ section, figure: 'Loader (heard.js)', value: `${kb(sizes.loader.gzip)} / ${kb(sizes.loader.brotli)}`, budget: '≤ 2.5 KB gzip', pass: sizes.loader.gzip <= BYTE_BUDGETS.loaderGzip, note });
  for (const locale of BENCH_LOCALES) {
    const c = sizes.complaint[locale];
    if (!c) {
      row({ section, figure: `One complaint, ${locale}`, value: 'no locale chunk found', budget: '≤ 62 KB gzip', pass: false });
      continue;
    }
    row({
      section,
      figure: `One complaint, ${locale}`,
      value: `${kb(c.gzip)} / ${kb(c.brotli)}`,
      budget: '≤ 62 KB gzip (aim 55)',
      pass: c.gzip <= BYTE_BUDGETS.complaintGzip,
      note: `${c.files.length} files: ${c.files.join(' + ')}`,
    });
  }
  row({ section, figure: 'Widget chunk alone', value: `${kb(sizes.widget.gzip)} / ${kb(sizes.widget.brotli)}`, budget: '', pass: null, note: sizes.locales.en ? 'triage included; every catalog is its own chunk' : 'English catalog and triage included' });
  for (const [locale, pack] of Object.entries(sizes.locales)) {
    row({ section, figure: `Locale pack ${locale}`, value: `${kb(pack.gzip)} / ${kb(pack.brotli)}`, budget: '', pass: null, note: pack.file });
  }
  // Optional downloads (bench/sizes.mjs, OPTIONAL_CHUNKS): not part of one complaint.
  for (const [name, chunk] of Object.entries(sizes.optional)) {
    row({ section, figure: `Optional: ${name}`, value: `${kb(chunk.gzip)} / ${kb(chunk.brotli)}`, budget: `≤ ${kb(chunk.gzipBudget)} gzip`, pass: chunk.gzip <= chunk.gzipBudget, note: `only when ${chunk.when}; ${chunk.files.join(' + ')}` });
  }
  return sizes;
}

async function measureInNode() {
  const logic = 'Logic';
  const { modules, missing, dispose } = await loadSourceModules({
    // The package's functions: every language's vocabulary, as a site bundling Heard reads.
    triage: 'widget/src/triage/public.ts',
    restate: 'widget/src/triage/public.ts',
    styles: 'widget/src/ui/styles.ts',
    store: 'widget/src/storage/store.ts',
    flush: 'widget/src/transport/flush.ts',
  }).catch((error) => {
    log(`Could not build sources for Node: ${error instanceof Error ? error.message : error}`);
    return { modules: /** @type {Record<string, Record<string, unknown>>} */ ({}), missing: ['(build failed)'], dispose: () => {} };
  });
  try {
    if (modules.styles) {
      const css = measureCss(modules.styles);
      results.css = css;
      row({ section: 'Bytes (gzip -9 / brotli)', figure: 'CSS (widget stylesheets)', value: `${kb(css.gzip)} / ${kb(css.brotli)}`, budget: '', pass: null, note: `${css.sheets} sheets from widget/src/ui/styles.ts widgetSheets(), run in Node with a recording CSSStyleSheet; ships inside the widget chunk` });
    } else {
      row({ section: 'Bytes (gzip -9 / brotli)', figure: 'CSS (widget stylesheets)', value: 'not measured', budget: '', pass: null, note: 'widget/src/ui/styles.ts missing' });
    }

    if (modules.triage) {
      const triage = measureTriage(modules.triage, modules.restate);
      results.triage = triage;
      for (const [locale, t] of Object.entries(triage)) {
        row({ section: logic, figure: `Triage + restatement, 2,000 chars, ${locale}`, value: `${ms(t.medianMs, 3)} (p95 ${ms(t.p95Ms, 2)})`, budget: '≤ 1 ms median', pass: t.medianMs <= 1, note: `${t.runs} runs after warm-up, Node${t.restated ? '' : '; restate() missing, triage only'}` });
      }
    } else {
      row({ section: logic, figure: 'Triage + restatement', value: 'not measured', budget: '≤ 1 ms median', pass: null, note: missing.join(', ') });
    }

    if (modules.store && modules.flush) {
      const outbox = await measureOutboxFlush({ store: modules.store, flush: modules.flush }, `${server.origin}/complaints`, OUTBOX_RECORDS);
      results.outbox = outbox;
      row({ section: logic, figure: 'Outbox flush rate', value: `${outbox.recordsPerSecond} records/s`, budget: '', pass: null, note: `${outbox.delivered}/${outbox.records} delivered to a loopback 201; widget/src/storage + widget/src/transport in Node over fake-indexeddb` });
    }
  } finally {
    dispose();
  }

  try {
    const ingest = await measureIngest();
    results.ingest = ingest;
    if (!ingest) row({ section: logic, figure: 'Receiver ingest', value: 'not measured', budget: '', pass: null, note: 'bench/ingest-bench.mjs not found' });
    for (const { label, goal, result, runs, complete } of ingest ?? []) {
      row({
        section: logic,
        figure: `Receiver ingest, ${label}`,
        value: `${result.recordsPerSecond} records/s, p99 ${ms(result.p99Ms)}`,
        budget: goal ? `≥ ${goal} records/s` : '',
        pass: goal && complete ? result.recordsPerSecond >= goal : complete ? null : false,
        note:
          `median of ${runs.length} runs (${runs.join(', ')} records/s); ` +
          `${result.stored}/${result.records} stored, ${result.non2xx} non-2xx; durable commits; metrics on (${result.metrics?.recordsCounted ?? '?'} counted); ` +
          `processor time a record: receiver ${result.serverCpuUsPerRecord === null ? 'not measured' : `${result.serverCpuUsPerRecord} µs`}, ` +
          `load generator ${result.loadCpuUsPerRecord} µs${result.backend === 'postgres' ? ' (PostgreSQL\'s own not counted)' : ''}; bench/ingest-bench.mjs`,
      });
    }
  } catch (error) {
    row({ section: logic, figure: 'Receiver ingest', value: 'not measured', budget: '', pass: null, note: String(error instanceof Error ? error.message : error).split('\n')[0] });
  }

  try {
    const forwarding = await measureForwarding();
    results.forwarding = forwarding;
    row({ section: logic, figure: 'Forwarding throughput', value: `${forwarding.eventsPerSecond} events/s`, budget: '', pass: null, note: `${forwarding.events} queued complaint.created events to a loopback webhook that verifies each signature; one worker, SQLite on disk; bench/forwarding.mjs` });
    row({ section: logic, figure: 'Record 201 → webhook arrival', value: `${ms(forwarding.medianMs, 1)} median (p95 ${ms(forwarding.p95Ms, 1)})`, budget: '', pass: null, note: `${forwarding.latencySamples} records one at a time, the worker woken by the write` });
  } catch (error) {
    row({ section: logic, figure: 'Forwarding', value: 'not measured', budget: '', pass: null, note: String(error instanceof Error ? error.message : error).split('\n')[0] });
  }

  try {
    const loop = await measureReplyMail();
    results.replyMail = loop;
    row({
      section: logic,
      figure: 'Agent reply → email at the visitor\'s mail server',
      value: `${ms(loop.medianMs, 1)} median (p95 ${ms(loop.p95Ms, 1)})`,
      budget: '',
      pass: null,
      note: `${loop.samples} replies one at a time, from the API's 201 to a loopback SMTP server's acceptance; 100 ms of it is that server's greeting pause. Reply call ${ms(loop.callMedianMs, 1)}, handed to the mail transport ${ms(loop.handedOverMedianMs, 1)} after the agent sent it (medians); bench/reply-mail.mjs`,
    });
  } catch (error) {
    row({ section: logic, figure: 'Agent reply → visitor email', value: 'not measured', budget: '', pass: null, note: String(error instanceof Error ? error.message : error).split('\n')[0] });
  }

  try {
    const inbound = await measureInboundMail();
    results.inboundMail = inbound;
    row({
      section: logic,
      figure: 'Inbound email → threaded',
      value: `${ms(inbound.medianMs, 1)} median (p95 ${ms(inbound.p95Ms, 1)})`,
      budget: '',
      pass: null,
      note: `${inbound.samples} answers one at a time through Heard's SMTP listener on 127.0.0.1, from the connection until the new text is in the visitor's status; about 100 ms of it is the listener's greeting pause. Accepted (250) after ${ms(inbound.acceptedMedianMs, 1)} (median); bench/inbound-mail.mjs`,
    });
  } catch (error) {
    row({ section: logic, figure: 'Inbound email → threaded', value: 'not measured', budget: '', pass: null, note: String(error instanceof Error ? error.message : error).split('\n')[0] });
  }

  try {
    const uploads = await measureUploads();
    results.uploads = uploads;
    row({
      section: logic,
      figure: 'Upload throughput to the receiver',
      value: `${uploads.mbPerSecond} MB/s, ${uploads.filesPerSecond} files/s`,
      budget: '',
      pass: uploads.kept === uploads.files ? null : false,
      note: `${uploads.kept}/${uploads.files} photos of ${mb(uploads.bytes / uploads.files)} kept, ${uploads.concurrency} at a time over HTTP on 127.0.0.1: hashed, typed from their bytes, on disk beside SQLite; bench/uploads.mjs`,
    });
  } catch (error) {
    row({ section: logic, figure: 'Upload throughput to the receiver', value: 'not measured', budget: '', pass: null, note: String(error instanceof Error ? error.message : error).split('\n')[0] });
  }
}

async function preparePeers() {
  try {
    ensurePeersInstalled(log);
    log('Bundling peer widgets…');
    return await buildPeers();
  } catch (error) {
    log(`Peer widgets unavailable: ${error instanceof Error ? error.message : error}`);
    return [];
  }
}

/**
 * @param {import('./sizes.mjs').BundleSizes | null} sizes
 * @param {import('./peers.mjs').PeerBuild[]} peers
 */
async function measureInChromium(sizes, peers) {
  const section = `Chromium, ${CPU_SLOWDOWN}× CPU (medians of ${RUNS})`;
  if (!sizes) {
    row({ section, figure: 'Page figures', value: 'not measured', budget: '', pass: null, note: 'no built widget' });
    return;
  }
  const text = complaintText('en', 200);
  server.pages.set('/plain', hostPage({ textarea: true }));
  server.pages.set('/heard', hostPage({ tag: `<script src="/dist/heard.js" data-endpoint="${server.origin}/complaints" data-locale="en"></script>`, launcher: 'heard-root >>> .heard-launcher' }));
  server.pages.set('/heard-interaction', hostPage({ tag: `<script src="/dist/heard.js" data-endpoint="${server.origin}/complaints" data-locale="en" data-preload="interaction"></script>`, launcher: 'heard-root >>> .heard-launcher' }));
  const browser = await launchChromium();
  try {
    results.chromium = browser.version();
    /** @type {Awaited<ReturnType<typeof measurePageLoad>>[]} */
    const plain = [];
    /** @type {Awaited<ReturnType<typeof measureHeardRun>>[]} */
    const heard = [];
    /** @type {Awaited<ReturnType<typeof measureColdClick>>[]} */
    const cold = [];
    /** @type {Awaited<ReturnType<typeof measureColdClick>>[]} */
    const interaction = [];
    /** @type {Awaited<ReturnType<typeof measurePlainTyping>>[]} */
    const plainTyping = [];
    for (let i = 0; i < RUNS; i++) {
      log(`Chromium run ${i + 1}/${RUNS}…`);
      // Interleaved, so drift on a shared machine touches both pages alike.
      plain.push(await measurePageLoad(browser, `${server.origin}/plain`));
      heard.push(await measureHeardRun(browser, `${server.origin}/heard`, text));
      cold.push(await measureColdClick(browser, `${server.origin}/heard`));
      interaction.push(await measureColdClick(browser, `${server.origin}/heard-interaction`));
      plainTyping.push(await measurePlainTyping(browser, `${server.origin}/plain`, text));
    }
    /** @type {Awaited<ReturnType<typeof measurePageLoad>>[]} */
    const plainLoads = [];
    /** @type {Awaited<ReturnType<typeof measurePageLoad>>[]} */
    const heardLoads = [];
    for (let i = 0; i < LOADS; i++) {
      log(`Chromium load ${i + 1}/${LOADS} (long tasks)…`);
      plainLoads.push(await measurePageLoad(browser, `${server.origin}/plain`));
      heardLoads.push(await measurePageLoad(browser, `${server.origin}/heard`, { launcher: 'heard-root >>> .heard-launcher', resource: 'heard-widget.js' }));
    }
    results.browser = { plain, heard, cold, interaction, plainTyping, plainLoads, heardLoads };

    /** @template T @param {T[]} runs @param {(r: T) => number | null} pick */
    const med = (runs, pick) => median(runs.map(pick).filter((v) => v !== null).map(Number));
    const p = {
      load: med(plain, (r) => r.loadMs),
      frame: med(plain, (r) => r.firstFrameMs),
      tasks: med(plain, (r) => r.longTasks),
      taskMs: med(plain, (r) => r.longTaskMs),
      heap: med(plain, (r) => r.heapBytes),
      key: med(plainTyping, (r) => r.keyMedianMs),
      keyWorst: med(plainTyping, (r) => r.keyWorstMs),
    };
    const h = {
      load: med(heard, (r) => r.loadMs),
      bubble: med(heard, (r) => r.bubbleMs),
      tasks: med(heard, (r) => r.longTasks),
      tasksDuringLoad: med(heard, (r) => r.longTasksDuringLoad),
      taskMs: med(heard, (r) => r.longTaskMs),
      worstTask: med(heard, (r) => r.worstTaskMs),
      heap: med(heard, (r) => r.heapBytes),
      warm: med(heard, (r) => r.clickToComposerMs),
      cold: med(cold, (r) => r.clickToComposerMs),
      interaction: med(interaction, (r) => r.clickToComposerMs),
      key: med(heard, (r) => r.keyMedianMs),
      keyWorst: med(heard, (r) => r.keyWorstMs),
      heapOpen: med(heard, (r) => r.heapAfterOpenBytes),
      draft: med(heard, (r) => r.draftSaveMs),
      tasksTyping: med(heard, (r) => r.longTasksAfterOpen),
    };
    const notTyped = heard.filter((r) => !r.typed).length;
    const notFocused = heard.filter((r) => !r.focusedOnOpen).length;
    results.medians = { plain: p, heard: h };

    row({ section, figure: 'Load event, page without / with widget', value: `${ms(p.load)} / ${ms(h.load)}`, budget: '', pass: null, note: `widget's share ${ms(h.load - p.load)}` });
    row({ section, figure: 'Script start → bubble on screen', value: ms(h.bubble), budget: '≤ 100 ms', pass: h.bubble <= 100, note: `the page's own first frame after the same point: ${ms(p.frame)}` });
    const widgetTasks = heardLoads.map((r) => r.longTasksAfterScript);
    const plainTasks = plainLoads.map((r) => r.longTasksAfterScript);
    const withTasks = widgetTasks.filter((t) => t.length > 0).length;
    const worst = Math.max(0, ...widgetTasks.flat());
    results.longTasks = { loads: LOADS, heard: widgetTasks, plain: plainTasks };
    row({
      section,
      figure: `Long tasks from the widget's tag on, ${LOADS} loads (widget loaded at idle)`,
      value: `${withTasks} of ${LOADS} loads${withTasks ? ` (${widgetTasks.flat().length} tasks, worst ${ms(worst)})` : ''}`,
      budget: `0 of ${LOADS}`,
      pass: withTasks === 0,
      note: `the same point on the page without the widget: ${plainTasks.filter((t) => t.length > 0).length} of ${LOADS} loads; whole load until idle, medians of ${RUNS}: ${h.tasks} with, ${p.tasks} without`,
    });
    row({ section, figure: 'Click → composer focused (widget loaded at idle)', value: ms(h.warm), budget: '≤ 150 ms', pass: h.warm <= 150, note: notFocused ? `${notFocused} run(s) not focused on open` : 'composer on screen, enabled and focused' });
    row({ section, figure: 'Click → composer focused (clicked before idle load)', value: ms(h.cold), budget: '≤ 150 ms', pass: h.cold <= 150, note: 'includes fetching and starting the widget' });
    row({ section, figure: 'Click → composer focused (data-preload="interaction")', value: ms(h.interaction), budget: '', pass: null, note: 'nothing but the loader fetched before the visitor points at the bubble' });
    row({ section, figure: 'Input delay per key, 200 chars: median', value: `${ms(h.key, 1)} (${(h.key / p.key).toFixed(2)}× plain)`, budget: '≤ 1.2× a plain <textarea>', pass: h.key <= 1.2 * p.key, note: `keydown → next frame; plain <textarea> on the same page, same runs: ${ms(p.key, 1)}${notTyped ? `; ${notTyped} run(s) lost keys` : ''}` });
    row({ section, figure: 'Input delay per key, 200 chars: worst', value: ms(h.keyWorst, 1), budget: '', pass: null, note: `plain <textarea>: ${ms(p.keyWorst, 1)}; long tasks while typing: ${h.tasksTyping}` });
    row({ section, figure: 'JS heap after load (after GC)', value: mb(h.heap), budget: '', pass: null, note: `without widget ${mb(p.heap)}; widget's share ${mb(h.heap - p.heap)}` });
    row({ section, figure: 'JS heap after open (after GC)', value: mb(h.heapOpen), budget: '', pass: null, note: `widget's share ${mb(h.heapOpen - p.heap)}` });
    row({ section, figure: 'Draft save: last key → draft in IndexedDB', value: ms(h.draft), budget: '', pass: null, note: 'includes the saver\'s deliberate 300 ms quiet period' });

    await measureLoop(browser, section);
    await measureLive(browser, section);
    await measureAttach(browser, section, sizes);
    await measurePeers(browser, sizes, peers, { bubble: h.bubble, tasks: h.tasks, taskMs: h.taskMs, heap: h.heap - p.heap, plainHeap: p.heap });
  } finally {
    await browser.close();
  }
}

/**
 * An agent's reply, as the visitor reads it in the widget (bench/loop.mjs).
 * @param {import('playwright-core').Browser} browser
 * @param {string} section
 */
async function measureLoop(browser, section) {
  const figure = 'Agent reply → reply on screen in the widget (next page load, panel opened at once)';
  try {
    log('Chromium: agent reply to the visitor\'s widget…');
    const loop = await measureReplyToWidget(browser, server, { runs: RUNS });
    results.loop = loop;
    row({ section, figure, value: ms(loop.medianMs), budget: '', pass: null, note: `from the reply's API answer; the widget reads status when its panel opens (no polling), so the visitor reloads and opens it; of which click → reply shown: ${ms(loop.openMedianMs)}; Heard server in-process, cross-origin` });
  } catch (error) {
    row({ section, figure, value: 'not measured', budget: '', pass: null, note: String(error instanceof Error ? error.message : error).split('\n')[0] });
  }
}

/**
 * A 12-megapixel photo through the widget's attach control, from the pick to its thumbnail
 * (bench/attach.mjs).
 * @param {import('playwright-core').Browser} browser
 * @param {string} section
 * @param {import('./sizes.mjs').BundleSizes} sizes
 */
async function measureAttach(browser, section, sizes) {
  const figure = 'A 12-megapixel photo: pick → thumbnail shown';
  try {
    log('Chromium: a 12-megapixel photo through the attach control…');
    const attach = await measureAttachPhoto(browser, server, { runs: RUNS });
    results.attachPhoto = attach;
    const chunk = sizes.optional.attach;
    row({
      section,
      figure,
      value: `${ms(attach.medianMs)} median (p95 ${ms(attach.p95Ms)})`,
      budget: '',
      pass: null,
      note: `${attach.runs} picks of a ${attach.width} × ${attach.height} JPEG of ${mb(attach.photoBytes)}, each in a fresh context: the attach download fetched${chunk ? ` (${kb(chunk.gzip)} gzip)` : ''}, the photo decoded, drawn again at 2,048 px, encoded as JPEG, hashed and kept on the device, until its thumbnail is loaded; bench/attach.mjs`,
    });
  } catch (error) {
    row({ section, figure, value: 'not measured', budget: '', pass: null, note: String(error instanceof Error ? error.message : error).split('\n')[0] });
  }
}

/**
 * The thread live on both sides: an agent's reply in an open widget, a visitor's message in an
 * open inbox (bench/live-thread.mjs).
 * @param {import('playwright-core').Browser} browser
 * @param {string} section
 */
async function measureLive(browser, section) {
  const figures = ['Agent reply → shown in an open widget', 'Visitor message → shown in an open inbox'];
  try {
    log('Chromium: the live thread, widget and inbox both open…');
    const live = await measureLiveThread(browser, server, { samples: LIVE_SAMPLES });
    results.liveThread = live;
    const note = `${live.samples} messages each way one at a time, from the send button in one page to the text in the other's DOM; both streams open, no reload, no CPU throttling; Heard server in-process (SQLite), widget cross-origin; bench/live-thread.mjs`;
    row({ section, figure: figures[0], value: `${ms(live.replyToWidget.medianMs)} median (p95 ${ms(live.replyToWidget.p95Ms)})`, budget: '', pass: null, note });
    row({ section, figure: figures[1], value: `${ms(live.messageToInbox.medianMs)} median (p95 ${ms(live.messageToInbox.p95Ms)})`, budget: '', pass: null, note });
  } catch (error) {
    for (const figure of figures) row({ section, figure, value: 'not measured', budget: '', pass: null, note: String(error instanceof Error ? error.message : error).split('\n')[0] });
  }
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {import('./sizes.mjs').BundleSizes} sizes
 * @param {import('./peers.mjs').PeerBuild[]} peers
 * @param {{ bubble: number, tasks: number, taskMs: number, heap: number, plainHeap: number }} ours
 */
async function measurePeers(browser, sizes, peers, ours) {
  if (!peers.length) return;
  const section = `Peer widgets (same page, ${CPU_SLOWDOWN}× CPU, medians of ${PEER_RUNS}; ratio = peer ÷ Heard)`;
  const ourBytes = /** @type {import('./sizes.mjs').Download} */ (sizes.complaint.en).gzip;
  row({ section, figure: 'Heard (everything for one complaint, en)', value: `${kb(ourBytes)} gzip`, budget: '', pass: null, note: `bubble ${ms(ours.bubble)}; long tasks ${ours.tasks} (${ms(ours.taskMs)}); heap +${mb(ours.heap)}` });
  /** @type {Record<string, unknown>} */
  const peerResults = {};
  for (const build of peers) {
    const { peer } = build;
    if (build.error || !build.file) {
      row({ section, figure: peer.label, value: 'not measured', budget: '', pass: null, note: `bundling failed: ${build.error}` });
      continue;
    }
    const path = `/peer-${peer.name}`;
    server.pages.set(
      path,
      hostPage({
        head: `<script>window.BENCH_ORIGIN=${JSON.stringify(server.origin)};window.BENCH_DSN=${JSON.stringify(`http://bench@127.0.0.1:${new URL(server.origin).port}/1`)};</script>`,
        tag: `<script src="/peers/${build.file}"></script>`,
        launcher: peer.launcher,
      }),
    );
    log(`Peer ${peer.name}…`);
    /** @type {Awaited<ReturnType<typeof measurePageLoad>>[]} */
    const runs = [];
    for (let i = 0; i < PEER_RUNS; i++) runs.push(await measurePageLoad(browser, `${server.origin}${path}`, { launcher: peer.launcher }));
    peerResults[peer.name] = { bytes: build, runs };
    const seen = runs.filter((r) => r.bubbleMs !== null).length;
    const bubble = median(runs.map((r) => r.bubbleMs).filter((v) => v !== null).map(Number));
    const tasks = median(runs.map((r) => r.longTasks));
    const taskMs = median(runs.map((r) => r.longTaskMs));
    const heap = median(runs.map((r) => r.heapBytes)) - ours.plainHeap;
    const blocked = median(runs.map((r) => r.blocked));
    const hosts = [...new Set(runs.flatMap((r) => r.blockedHosts))];
    const launcher = seen ? `launcher ${ms(bubble)} (${ratio(bubble / ours.bubble)})` : 'launcher not seen';
    row({
      section,
      figure: peer.label,
      value: `${kb(build.gzip)} gzip (${ratio(build.gzip / ourBytes)})`,
      budget: '',
      pass: null,
      note: [
        launcher,
        `long tasks ${tasks} (${ms(taskMs)}${ours.taskMs > 0 ? `, ${ratio(taskMs / ours.taskMs)}` : ''})`,
        `heap +${mb(heap)} (${ratio(heap / ours.heap)})`,
        blocked ? `${blocked} remote requests blocked (${hosts.join(', ')})` : 'no remote requests',
        peer.offline ? '' : 'needs a remote service: measured for what runs offline',
      ]
        .filter(Boolean)
        .join('; '),
    });
  }
  results.peers = peerResults;
}
