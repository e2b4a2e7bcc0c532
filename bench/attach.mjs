// @ts-check
/**
 * A phone photo's way through the widget's attach control in real Chromium at the bench's CPU
 * throttling: a 12-megapixel JPEG (4,000 × 3,000) is picked with the control's file input, and
 * the clock runs from the input's change until its thumbnail is loaded and the next frame drawn.
 * In between, the widget fetches its attach download (the bench server sends it with `no-store`),
 * decodes the photo, draws it again at 2,048 px on its longest side, encodes it as JPEG, hashes
 * it and keeps it on the device, as it does for a visitor.
 *
 * The photo is made once in the page (gradients with some grain, so it encodes to a few
 * megabytes as a camera's does), before the clock starts. Each run is a fresh browser context:
 * an empty device and a first pick, the case every visitor with one photo meets. The widget
 * posts to the bench server's `/complaints`; nothing is sent, as the complaint is not finished.
 *
 *   node bench/attach.mjs      # prints the figures as JSON (needs a built widget/dist/)
 */
import { pathToFileURL } from 'node:url';
import { CPU_SLOWDOWN } from './browser.mjs';
import { readFlags } from './command-line.mjs';
import { printFigures } from './loop.mjs';
import { median, quantile } from './stats.mjs';

const WIDTH = 4000;
const HEIGHT = 3000;
const NAME = 'parcel.jpg';
/** Bounds every wait, so a photo never shown fails the figure instead of hanging. */
const WAIT_MS = 60_000;

/**
 * @param {import('playwright-core').Browser} browser
 * @param {{ pages: Map<string, string>, origin: string }} server the bench server: serves the built widget under `/dist/`
 * @param {{ runs?: number }} [options]
 * @returns {Promise<{ runs: number, width: number, height: number, photoBytes: number, cpuSlowdown: number, samplesMs: number[], medianMs: number, p95Ms: number }>}
 */
export async function measureAttachPhoto(browser, server, { runs = 5 } = {}) {
  server.pages.set(
    '/attach',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop</title><link rel="icon" href="data:,">
<script src="/dist/heard.js" data-endpoint="${server.origin}/complaints" data-locale="en" async></script></head>
<body><main><h1>Shop</h1><p>Kettles, toasters and teapots.</p></main></body></html>`,
  );
  /** @type {Buffer | undefined} */
  let photo;
  /** @type {number[]} */
  const samplesMs = [];
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/attach`);
      photo ??= await makePhoto(page);
      await page.getByRole('button', { name: 'Raise a complaint' }).click();
      const control = page.getByLabel('Attach a photo or PDF');
      await control.waitFor({ state: 'attached', timeout: WAIT_MS });
      await watchForThumbnail(page);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      await control.setInputFiles([{ name: NAME, mimeType: 'image/jpeg', buffer: photo }]);
      samplesMs.push(/** @type {number} */ (await page.evaluate(() => /** @type {Window & { __benchThumbnail?: Promise<number> }} */ (window).__benchThumbnail)));
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    } finally {
      await context.close();
    }
  }
  return {
    runs,
    width: WIDTH,
    height: HEIGHT,
    photoBytes: photo?.length ?? 0,
    cpuSlowdown: CPU_SLOWDOWN,
    samplesMs: samplesMs.map((value) => Number(value.toFixed(1))),
    medianMs: median(samplesMs),
    p95Ms: quantile(samplesMs, 0.95),
  };
}

/**
 * A 4,000 × 3,000 JPEG drawn and encoded by the page (canvas → toBlob), unthrottled.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<Buffer>}
 */
async function makePhoto(page) {
  const base64 = await page.evaluate(
    async ({ width, height }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const g = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
      const sky = g.createLinearGradient(0, 0, width, height);
      sky.addColorStop(0, '#8a6d4b');
      sky.addColorStop(0.5, '#c9b28f');
      sky.addColorStop(1, '#3d2f22');
      g.fillStyle = sky;
      g.fillRect(0, 0, width, height);
      for (let n = 0; n < 60; n += 1) {
        g.fillStyle = `hsl(${(n * 37) % 360} 40% ${30 + (n % 5) * 10}%)`;
        g.fillRect((n * 613) % width, (n * 421) % height, 200 + ((n * 97) % 900), 150 + ((n * 53) % 700));
      }
      // A camera's grain: what makes a photo's JPEG megabytes rather than kilobytes.
      const pixels = g.getImageData(0, 0, width, height);
      let seed = 12345;
      for (let i = 0; i < pixels.data.length; i += 4) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        const grain = (seed >>> 24) % 24 - 12;
        pixels.data[i] = /** @type {number} */ (pixels.data[i]) + grain;
        pixels.data[i + 1] = /** @type {number} */ (pixels.data[i + 1]) + grain;
        pixels.data[i + 2] = /** @type {number} */ (pixels.data[i + 2]) + grain;
      }
      g.putImageData(pixels, 0, 0);
      const blob = /** @type {Blob} */ (await new Promise((resolve) => canvas.toBlob((made) => resolve(made), 'image/jpeg', 0.92)));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(text);
    },
    { width: WIDTH, height: HEIGHT },
  );
  return Buffer.from(base64, 'base64');
}

/**
 * Starts the clock at the file input's change in the widget's shadow root, and stops it at the
 * first frame after the photo's thumbnail has loaded: `window.__benchThumbnail` resolves to the
 * milliseconds between.
 * @param {import('playwright-core').Page} page
 */
async function watchForThumbnail(page) {
  await page.evaluate(
    ({ name, wait }) => {
      const root = /** @type {ShadowRoot} */ (document.querySelector('heard-root')?.shadowRoot);
      /** @type {Window & { __benchThumbnail?: Promise<number> }} */ (window).__benchThumbnail = new Promise((resolve, reject) => {
        let picked = Number.NaN;
        root.addEventListener('change', (event) => {
          if (/** @type {HTMLInputElement} */ (event.target).type === 'file') picked = performance.now();
        }, { capture: true, once: true });
        const timer = setTimeout(() => reject(new Error(`the thumbnail of ${name} was not shown within ${wait} ms`)), wait);
        const observer = new MutationObserver(() => {
          const thumbnail = /** @type {HTMLImageElement | null} */ ([...root.querySelectorAll('.heard-files img')].find((img) => /** @type {HTMLImageElement} */ (img).alt === name) ?? null);
          if (!thumbnail) return;
          observer.disconnect();
          const shown = () =>
            requestAnimationFrame(() => {
              clearTimeout(timer);
              if (thumbnail.naturalWidth > 0) resolve(performance.now() - picked);
              else reject(new Error(`the thumbnail of ${name} did not load`));
            });
          if (thumbnail.complete) shown();
          else {
            thumbnail.addEventListener('load', shown, { once: true });
            thumbnail.addEventListener('error', shown, { once: true });
          }
        });
        observer.observe(root, { subtree: true, childList: true });
      });
    },
    { name: NAME, wait: WAIT_MS },
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  readFlags('node bench/attach.mjs', `Usage: node bench/attach.mjs [--help]\nHow long a 12-megapixel photo takes from the attach control's pick to its thumbnail in the widget, in Chromium at ${CPU_SLOWDOWN}× CPU; prints JSON.\n`, {});
  await printFigures(measureAttachPhoto);
}
