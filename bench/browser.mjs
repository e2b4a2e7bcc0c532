// @ts-check
/**
 * Page-load and interaction figures in real Chromium at 4× CPU throttling (DevTools protocol),
 * on plain host pages served from loopback. Every request to another host is aborted and
 * counted; each run gets a fresh browser context (empty storage, cold cache).
 */
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const PROBE = fileURLToPath(new URL('./probe.js', import.meta.url));
export const CPU_SLOWDOWN = 4;

/** Launches Chromium; DNS resolves nothing but loopback, as a second guard against the network. */
export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}

/**
 * A plain host page: some text, then (optionally) a widget's script tag at the end of the
 * body, preceded by a mark so "script start" is the moment the tag's turn comes.
 * The page without a widget still marks and records its first frame after the mark, and may
 * hold a plain `<textarea>` to type into, so the widget's figures have a floor to compare with.
 * @param {{ head?: string, tag?: string, launcher?: string, textarea?: boolean }} options
 */
export function hostPage({ head = '', tag = '', launcher, textarea = false }) {
  const para = '<p>Plain host page: a product list, some prices and a footer, with no framework and no other scripts, so whatever runs on the main thread is the widget.</p>';
  const watch = launcher ? `__bench.watchLauncher(${JSON.stringify(launcher)}, 15000);` : '__bench.watchFrame();';
  const field = textarea ? '<label>Note <textarea id="plain-note" rows="4" cols="60"></textarea></label>' : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop</title>${head}
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:720px;padding:24px}</style></head>
<body><main><h1>Shop</h1>${para.repeat(12)}${field}</main>
<script>performance.mark('bench:script-start');${watch}</script>${tag}
</body></html>`;
}

/**
 * @typedef {{
 *   loadMs: number,
 *   bubbleMs: number | null,
 *   firstFrameMs: number | null,
 *   longTasksDuringLoad: number,
 *   longTasks: number,
 *   longTasksAfterScript: number[],
 *   longTaskMs: number,
 *   blockingMs: number,
 *   worstTaskMs: number,
 *   heapBytes: number,
 *   blocked: number,
 *   blockedHosts: string[],
 * }} LoadFigures
 * @typedef {{
 *   clickToComposerMs: number | null,
 *   focusedOnOpen: boolean,
 *   typed: boolean,
 *   keyMedianMs: number | null,
 *   keyWorstMs: number | null,
 *   keys: number,
 *   slowEvents: number,
 *   heapAfterOpenBytes: number,
 *   draftSaveMs: number | null,
 *   longTasksAfterOpen: number,
 * }} InteractionFigures
 */

/**
 * Opens `url` in a fresh context with the probe, 4× throttling and the network guard.
 * @param {import('playwright-core').Browser} browser
 */
async function openPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const blocked = { count: 0, hosts: new Set() };
  /** @param {string} raw */
  const local = (raw) => {
    const url = new URL(raw);
    return url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (local(url)) return route.continue();
    blocked.count++;
    blocked.hosts.add(new URL(url).host);
    return route.abort('blockedbyclient');
  });
  await context.routeWebSocket(/.*/, (socket) => {
    if (local(socket.url().replace(/^ws/, 'http'))) return socket.connectToServer();
    blocked.count++;
    blocked.hosts.add(new URL(socket.url()).host);
    return socket.close();
  });
  await context.addInitScript({ path: PROBE });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await cdp.send('Performance.enable');
  return { context, page, cdp, blocked };
}

/** @param {import('playwright-core').CDPSession} cdp */
async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
}

/**
 * Waits until the page has settled: network idle (bounded), an optional resource fetched, then
 * a full second without a new long task (bounded), so idle-time work is counted.
 * @param {import('playwright-core').Page} page
 * @param {string | undefined} resource
 */
async function settle(page, resource) {
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
  if (resource) {
    await page
      .waitForFunction((name) => performance.getEntriesByType('resource').some((e) => e.name.includes(name)), resource, { timeout: 10_000 })
      .catch(() => {});
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
  }
  let count = -1;
  for (let i = 0; i < 20; i++) {
    const now = await page.evaluate(() => window.__bench.longTasks.length);
    if (now === count) break;
    count = now;
    await page.waitForTimeout(1000);
  }
}

/**
 * Loads a host page and reads the load figures: load event, bubble on screen (when `launcher`
 * is given), long tasks from navigation until settled, and the JS heap after a GC.
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').CDPSession} cdp
 * @param {{ count: number, hosts: Set<string> }} blocked
 * @param {string} url
 * @param {{ launcher?: string, resource?: string }} options
 * @returns {Promise<LoadFigures>}
 */
async function loadFigures(page, cdp, blocked, url, { launcher, resource }) {
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  if (launcher) await page.waitForFunction(() => window.__bench.bubbleAt !== null, undefined, { timeout: 15_000 }).catch(() => {});
  await settle(page, resource);
  const read = await page.evaluate(() => {
    const nav = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0]);
    const start = performance.getEntriesByName('bench:script-start')[0]?.startTime ?? null;
    const bench = window.__bench;
    return {
      loadMs: nav ? nav.loadEventEnd : Number.NaN,
      bubbleMs: start !== null && bench.bubbleAt !== null ? bench.bubbleAt - start : null,
      firstFrameMs: start !== null && bench.frameAt !== null ? bench.frameAt - start : null,
      tasks: bench.longTasks.map((t) => t.duration),
      // From the moment the widget's tag runs (or the same point on a page without it): the
      // tasks a widget can have caused, and nothing of the page's own parsing before it.
      afterScript: start === null ? [] : bench.longTasks.filter((t) => t.start >= start).map((t) => t.duration),
      duringLoad: bench.longTasks.filter((t) => !nav || t.start < nav.loadEventEnd).length,
    };
  });
  return {
    loadMs: read.loadMs,
    bubbleMs: read.bubbleMs,
    firstFrameMs: read.firstFrameMs,
    longTasksDuringLoad: read.duringLoad,
    longTasks: read.tasks.length,
    longTasksAfterScript: read.afterScript,
    longTaskMs: read.tasks.reduce((a, b) => a + b, 0),
    blockingMs: read.tasks.reduce((a, b) => a + Math.max(0, b - 50), 0),
    worstTaskMs: read.tasks.reduce((a, b) => Math.max(a, b), 0),
    heapBytes: await heapAfterGc(cdp),
    blocked: blocked.count,
    blockedHosts: [...blocked.hosts],
  };
}

/**
 * One run of any page: the load figures only.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {{ launcher?: string, resource?: string }} [options]
 */
export async function measurePageLoad(browser, url, options = {}) {
  const { context, page, cdp, blocked } = await openPage(browser);
  try {
    return await loadFigures(page, cdp, blocked, url, options);
  } finally {
    await context.close();
  }
}

const LAUNCHER = 'heard-root >>> .heard-launcher';

/**
 * One run of Heard's page: the load figures (the widget chunk loads at idle after the load
 * event, and its boot counts), then a click on the bubble until the composer is on screen,
 * enabled and focused, the heap after opening, `text` typed key by key with the delay from each
 * keydown to the frame after it, and how long after the last key the draft is in IndexedDB.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {string} text
 * @returns {Promise<LoadFigures & InteractionFigures>}
 */
export async function measureHeardRun(browser, url, text) {
  const { context, page, cdp, blocked } = await openPage(browser);
  try {
    const load = await loadFigures(page, cdp, blocked, url, { launcher: LAUNCHER, resource: 'heard-widget.js' });
    const tasksBefore = await page.evaluate(() => window.__bench.longTasks.length);
    const open = await openComposer(page);
    const heapAfterOpenBytes = await heapAfterGc(cdp);
    const area = page.locator('heard-root textarea').first();
    if (!open.focusedOnOpen) await area.focus().catch(() => {});
    await page.evaluate(() => window.__bench.watchKeys());
    // A visitor's pace, and one a throttled page must keep up with: ~25 ms between keys.
    await page.keyboard.type(text, { delay: 25 });
    const typed = (await area.inputValue().catch(() => '')) === text;
    await page.waitForFunction((n) => window.__bench.keyDelays.length >= n, text.length, { timeout: 10_000 }).catch(() => {});
    const tail = text.slice(-24);
    const draftSaveMs = await page.evaluate(async (needle) => {
      const at = await window.__bench.waitForDraft(needle, 5000);
      return at === null || window.__bench.lastInputAt === null ? null : at - window.__bench.lastInputAt;
    }, tail);
    const after = await page.evaluate(() => ({
      delays: window.__bench.keyDelays,
      slow: window.__bench.slowEvents.length,
      tasks: window.__bench.longTasks.length,
    }));
    const sorted = [...after.delays].sort((a, b) => a - b);
    return {
      ...load,
      ...open,
      typed,
      keyMedianMs: sorted.length ? /** @type {number} */ (sorted[Math.floor((sorted.length - 1) / 2)]) : null,
      keyWorstMs: sorted.length ? /** @type {number} */ (sorted[sorted.length - 1]) : null,
      keys: sorted.length,
      slowEvents: after.slow,
      heapAfterOpenBytes,
      draftSaveMs,
      longTasksAfterOpen: after.tasks - tasksBefore,
    };
  } finally {
    await context.close();
  }
}

/**
 * The floor for input delay: the same keys typed into a plain `<textarea>` on the page
 * without the widget, measured the same way.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url a page made with `hostPage({ textarea: true })`
 * @param {string} text
 */
export async function measurePlainTyping(browser, url, text) {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await settle(page, undefined);
    await page.locator('#plain-note').focus();
    await page.evaluate(() => window.__bench.watchKeys());
    await page.keyboard.type(text, { delay: 25 });
    await page.waitForFunction((n) => window.__bench.keyDelays.length >= n, text.length, { timeout: 10_000 }).catch(() => {});
    const read = await page.evaluate(() => ({ delays: window.__bench.keyDelays, slow: window.__bench.slowEvents.length }));
    const sorted = [...read.delays].sort((a, b) => a - b);
    return {
      keyMedianMs: sorted.length ? /** @type {number} */ (sorted[Math.floor((sorted.length - 1) / 2)]) : null,
      keyWorstMs: sorted.length ? /** @type {number} */ (sorted[sorted.length - 1]) : null,
      keys: sorted.length,
      slowEvents: read.slow,
    };
  } finally {
    await context.close();
  }
}

/**
 * A visitor who clicks as soon as the bubble shows, before the widget has loaded at idle:
 * click to composer ready, including fetching and starting the widget.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 */
export async function measureColdClick(browser, url) {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.waitForFunction(() => window.__bench.bubbleAt !== null, undefined, { timeout: 15_000 });
    return await openComposer(page);
  } finally {
    await context.close();
  }
}

/**
 * Clicks the bubble (the pointer moves over it first, as a visitor's does) and waits for the
 * probe to see the composer ready.
 * @param {import('playwright-core').Page} page
 */
async function openComposer(page) {
  await page.evaluate(() => window.__bench.watchComposer(8000));
  await page.locator('heard-root .heard-launcher').click({ timeout: 10_000 });
  await page.waitForFunction(() => window.__bench.composerReadyAt !== null, undefined, { timeout: 10_000 }).catch(() => {});
  const read = await page.evaluate(() => ({ at: window.__bench.composerReadyAt, click: window.__bench.clickAt, focused: window.__bench.composerFocused }));
  return {
    clickToComposerMs: read.at !== null && read.at >= 0 && read.click !== null ? read.at - read.click : null,
    focusedOnOpen: read.focused,
  };
}
