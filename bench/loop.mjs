// @ts-check
/**
 * The loop's figure in real Chromium: how long after an agent's reply the visitor reads it in
 * the widget. The widget reads a complaint's status when the visitor opens its panel (it does not
 * poll, and reuses a read for 30 s so opening and closing spends nothing), so a reply reaches a
 * visitor on their next visit. Each run is: the reply's API call returns, the visitor loads the
 * shop's page again and opens the panel at once, and the clock stops when the reply's text is on
 * screen. The Heard server runs in this process (SQLite in memory) on its own origin; the shop's
 * page, on the bench server, carries the widget, so the status reads are cross-origin with real
 * CORS.
 *
 * A complaint is first filed through the widget (not measured) and one reply read; the runs are
 * then measured at the bench's CPU throttling. The bench server sends the widget's files with
 * `no-store`, so every load fetches them again over loopback: no help from a cache a returning
 * visitor might have.
 *
 *   node bench/loop.mjs          # prints the figure as JSON (needs a built widget/dist/)
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createApp } from '../server/app.mjs';
import { hashPassword } from '../server/agents/passwords.mjs';
import { createSqliteStore } from '../server/store/sqlite/sqlite-store.mjs';
import { CPU_SLOWDOWN, launchChromium } from './browser.mjs';
import { startBenchServer } from './server.mjs';
import { median } from './stats.mjs';
import { readFlags } from './command-line.mjs';

const COMPLAINT = 'My parcel for order ORD-5521 arrived today and the kettle inside was dented.';
/** The bench agent's password. */
export const PASSWORD = 'bench password for the inbox';
/** Bounds every wait, so a widget that never shows the reply fails the figure instead of hanging. */
const WAIT_MS = 30_000;

/**
 * @param {import('playwright-core').Browser} browser
 * @param {{ pages: Map<string, string>, origin: string }} server the bench server: serves the built widget under `/dist/`
 * @param {{ runs?: number }} [options]
 * @returns {Promise<{ runs: number, samples: { totalMs: number, openMs: number }[], medianMs: number, openMedianMs: number }>}
 */
export async function measureReplyToWidget(browser, server, { runs = 5 } = {}) {
  const { app, origin: heard, email, shopPage } = await startHeard(server);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const session = await call(heard, 'POST', '/api/session', null, { email, password: PASSWORD });
    const token = /** @type {{ token: string }} */ (session).token;

    server.pages.set('/loop', shopPage);
    const page = await context.newPage();
    await page.goto(`${server.origin}/loop`);
    await fileComplaint(page);

    // The complaint as the agent finds it, claimed; one reply read to warm the status view.
    const id = await until(async () => {
      const list = /** @type {{ complaints: { id: string }[] }} */ (await call(heard, 'GET', '/api/complaints', token));
      return list.complaints[0]?.id ?? null;
    });
    await call(heard, 'POST', `/api/complaints/${id}/claim`, token, {});
    await replyAndRead(page, heard, token, id, 'We are looking into it.');

    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    /** @type {{ totalMs: number, openMs: number }[]} */
    const samples = [];
    for (let i = 0; i < runs; i += 1) samples.push(await replyAndRead(page, heard, token, id, `Reply ${i + 1}: a replacement kettle is on its way (${randomUUID().slice(0, 8)}).`));
    return { runs, samples, medianMs: median(samples.map((s) => s.totalMs)), openMedianMs: median(samples.map((s) => s.openMs)) };
  } finally {
    await context.close();
    await app.close();
  }
}

/**
 * The Heard server the visitor's widget and the agent talk to, in this process (SQLite in memory)
 * on its own origin, open to the bench server's pages, with one agent who signs in with
 * {@link PASSWORD}; and a shop page for the bench server that carries the widget for it.
 * @param {{ origin: string }} server the bench server
 */
export async function startHeard(server) {
  const store = createSqliteStore({ path: ':memory:' });
  const app = createApp({ store, allowedOrigins: [server.origin], rateLimit: 0, statusRateLimit: 10_000, jobs: { worker: false } });
  app.addHook('onClose', async () => store.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (app.server.address()).port}`;
  const email = 'agent@shop.example';
  await store.createAgent({ id: randomUUID(), name: 'Mia', email, role: 'agent', passwordHash: await hashPassword(PASSWORD), inviteHash: null, inviteExpiresAt: null, createdAt: new Date().toISOString() });
  const shopPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop</title><link rel="icon" href="data:,">
<script src="/dist/heard.js" data-endpoint="${origin}/complaints" data-locale="en" async></script></head>
<body><main><h1>Shop</h1><p>Kettles, toasters and teapots.</p></main></body></html>`;
  return { app, origin, email, shopPage };
}

/**
 * Posts a reply as the agent; the visitor then loads the page again and opens the widget's
 * panel, and the clock stops when the reply's text is on screen. Returns the time from the
 * reply's answer to the text on screen, and from the click on the bubble to the text.
 * @param {import('playwright-core').Page} page
 * @param {string} heard
 * @param {string} token
 * @param {string} id
 * @param {string} text
 */
async function replyAndRead(page, heard, token, id, text) {
  await call(heard, 'POST', `/api/complaints/${id}/replies`, token, { text });
  const replied = performance.now();
  await page.reload();
  const bubble = page.getByRole('button', { name: 'Raise a complaint' });
  await bubble.waitFor({ timeout: WAIT_MS });
  const clicked = performance.now();
  await bubble.click();
  await page.waitForFunction(
    (wanted) => document.querySelector('heard-root')?.shadowRoot?.querySelector('.heard-status-reply')?.textContent === wanted,
    text,
    { timeout: WAIT_MS },
  );
  const shown = performance.now();
  return { totalMs: shown - replied, openMs: shown - clicked };
}

/**
 * Walks the widget from the bubble to its thanks, answering each step as a visitor would.
 * @param {import('playwright-core').Page} page
 */
export async function fileComplaint(page) {
  await page.getByRole('button', { name: 'Raise a complaint' }).click();
  const message = page.getByRole('textbox', { name: 'Your message' });
  await message.fill(COMPLAINT);
  await message.press('Enter');
  await page.getByRole('button', { name: 'That’s everything' }).click();
  const thanks = page.locator('.heard-thanks');
  const name = page.getByRole('textbox', { name: /^Name/ });
  const send = page.getByRole('button', { name: 'Send complaint' });
  const answers = [
    page.getByRole('button', { name: 'No, thanks', exact: true }),
    page.getByRole('button', { name: 'Yes, that’s right' }),
    page.getByRole('button', { name: 'Replacement', exact: true }),
    page.getByRole('button', { name: 'The product', exact: true }),
  ];
  for (let step = 0; step < 20; step += 1) {
    await [thanks, name, send, ...answers].reduce((any, next) => any.or(next)).first().waitFor({ timeout: WAIT_MS });
    if (await thanks.isVisible()) return;
    if (await send.isVisible()) {
      await send.click();
      await thanks.waitFor({ timeout: WAIT_MS });
      return;
    }
    if (await name.isVisible()) {
      await name.fill('Ana Novak');
      await page.getByRole('textbox', { name: /^Email/ }).fill('ana@example.com');
      await page.getByRole('button', { name: 'Continue' }).click();
      await name.waitFor({ state: 'detached', timeout: WAIT_MS });
      continue;
    }
    for (const answer of answers) {
      if (await answer.isVisible()) {
        await answer.click();
        await answer.waitFor({ state: 'detached', timeout: WAIT_MS });
        break;
      }
    }
  }
  throw new Error('the widget never reached its thanks step');
}

/**
 * One call to the Heard server as the agent's inbox makes it; throws unless it answers 2xx.
 * @param {string} origin
 * @param {'GET' | 'POST'} method
 * @param {string} path
 * @param {string | null} token
 * @param {object} [body]
 */
async function call(origin, method, path, token, body) {
  const response = await fetch(`${origin}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
  return /** @type {unknown} */ (await response.json());
}

/**
 * Asks `check` again as soon as it has answered, until it gives a value (at most {@link WAIT_MS}).
 * @template T
 * @param {() => Promise<T | null>} check
 * @returns {Promise<T>}
 */
async function until(check) {
  const stop = performance.now() + WAIT_MS;
  while (performance.now() < stop) {
    const value = await check();
    if (value !== null) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the complaint never reached the server');
}

/**
 * Run as a command: serves the built widget, launches Chromium, prints `measure`'s figures as
 * JSON, and closes both.
 * @param {(browser: import('playwright-core').Browser, server: import('./server.mjs').BenchServer) => Promise<unknown>} measure
 */
export async function printFigures(measure) {
  const server = await startBenchServer({ mounts: { '/dist/': join(fileURLToPath(new URL('..', import.meta.url)), 'widget', 'dist') } });
  const browser = await launchChromium();
  try {
    console.log(JSON.stringify(await measure(browser, server), null, 2));
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  readFlags('node bench/loop.mjs', `Usage: node bench/loop.mjs [--help]\nHow long an agent's reply takes to reach the visitor's open widget, in Chromium; prints JSON.\n`, {});
  await printFigures(measureReplyToWidget);
}
