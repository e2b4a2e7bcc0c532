// @ts-check
/**
 * The live thread's figures in real Chromium, both sides open at once: how long after an agent
 * sends a reply from the inbox it is in the visitor's open widget, and how long after the visitor
 * sends a message from the widget it is in the agent's open inbox. No reload on either side: the
 * widget hears of the reply on its complaint's stream and reads the status again; the inbox hears
 * of the message on its own stream and reads the complaint again.
 *
 * Each clock starts in the page where the send button is pressed and stops in the other page when
 * a MutationObserver sees the text in the DOM, both read as `performance.timeOrigin + now()` on
 * one machine. The Heard server runs in this process (SQLite in memory) on its own origin; the
 * shop's page, on the bench server, carries the widget, so the widget's calls and its stream are
 * cross-origin with real CORS. A complaint is first filed through the widget (not measured); its
 * thread shows on the thanks step. No CPU throttling: the figure is the path through the network,
 * the server and both pages, one message at a time.
 *
 *   node bench/live-thread.mjs          # prints the figures as JSON (needs a built widget/dist/)
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { readFlags } from './command-line.mjs';
import { fileComplaint, PASSWORD, printFigures, startHeard } from './loop.mjs';
import { median, quantile } from './stats.mjs';

/** Bounds every wait, so a side that never shows the text fails the figure instead of hanging. */
const WAIT_MS = 30_000;

/**
 * @param {import('playwright-core').Browser} browser
 * @param {{ pages: Map<string, string>, origin: string }} server the bench server: serves the built widget under `/dist/`
 * @param {{ samples?: number }} [options]
 * @returns {Promise<{ samples: number, replyToWidget: { medianMs: number, p95Ms: number }, messageToInbox: { medianMs: number, p95Ms: number } }>}
 */
export async function measureLiveThread(browser, server, { samples = 20 } = {}) {
  const { app, origin: heard, email, shopPage } = await startHeard(server);
  const visitor = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const agent = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const inbox = await agent.newPage();
    await inbox.goto(`${heard}/inbox/`);
    await inbox.locator('#email').fill(email);
    await inbox.locator('#password').fill(PASSWORD);
    await inbox.getByRole('button', { name: 'Sign in' }).click();
    await inbox.locator('body[data-live="live"]').waitFor({ timeout: WAIT_MS });

    server.pages.set('/live', shopPage);
    const shop = await visitor.newPage();
    await shop.goto(`${server.origin}/live`);
    await fileComplaint(shop);
    // The thread under the thanks, once the complaint is delivered.
    await shop.getByRole('textbox', { name: /^Write to us about/ }).waitFor({ timeout: WAIT_MS });

    // The agent opens the complaint; its visitor's stream is open once the inbox says so.
    const row = inbox.locator('#queue-rows tr[data-id]').first();
    await row.waitFor({ timeout: WAIT_MS });
    await row.getByRole('button').click();
    await inbox.getByText('The visitor is reading this complaint now.').waitFor({ timeout: WAIT_MS });

    /** @type {number[]} */
    const toWidget = [];
    /** @type {number[]} */
    const toInbox = [];
    for (let n = 0; n < samples; n += 1) {
      const reply = `Reply ${n + 1}: a replacement kettle leaves today (${randomUUID().slice(0, 8)}).`;
      toWidget.push(await timed(inbox, '#reply-input', '#reply-form button[type="submit"]', shop, '.heard-thread-text', reply));
      const message = `Message ${n + 1}: thank you, I will be home (${randomUUID().slice(0, 8)}).`;
      toInbox.push(await timed(shop, '.heard-thread textarea', '.heard-thread button[type="submit"]', inbox, '#replies .message-text', message));
    }
    return {
      samples,
      replyToWidget: { medianMs: median(toWidget), p95Ms: quantile(toWidget, 0.95) },
      messageToInbox: { medianMs: median(toInbox), p95Ms: quantile(toInbox, 0.95) },
    };
  } finally {
    await visitor.close();
    await agent.close();
    await app.close();
  }
}

/**
 * Writes `text` in `from`'s box and presses its send button, and resolves to the milliseconds until
 * `to` has an element matching `shown` with exactly that text. Selectors reach into the widget's
 * shadow root where there is one.
 * @param {import('playwright-core').Page} from
 * @param {string} box
 * @param {string} button
 * @param {import('playwright-core').Page} to
 * @param {string} shown
 * @param {string} text
 */
async function timed(from, box, button, to, shown, text) {
  await to.evaluate(
    ({ shown, text, wait }) => {
      const root = document.querySelector('heard-root')?.shadowRoot ?? document;
      const seen = () => [...root.querySelectorAll(shown)].some((node) => node.textContent === text);
      /** @type {Window & { __benchShown?: Promise<number> }} */ (window).__benchShown = new Promise((resolve, reject) => {
        const observer = new MutationObserver(() => {
          if (!seen()) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(performance.timeOrigin + performance.now());
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`"${text.slice(0, 20)}…" was not shown within ${wait} ms`));
        }, wait);
        observer.observe(root, { subtree: true, childList: true, characterData: true });
      });
    },
    { shown, text, wait: WAIT_MS },
  );
  const sent = await from.evaluate(
    ({ box, button, text }) => {
      const root = document.querySelector('heard-root')?.shadowRoot ?? document;
      const field = /** @type {HTMLTextAreaElement} */ (root.querySelector(box));
      field.value = text;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      const at = performance.timeOrigin + performance.now();
      /** @type {HTMLButtonElement} */ (root.querySelector(button)).click();
      return at;
    },
    { box, button, text },
  );
  const shownAt = await to.evaluate(() => /** @type {Window & { __benchShown?: Promise<number> }} */ (window).__benchShown);
  return /** @type {number} */ (shownAt) - sent;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  readFlags('node bench/live-thread.mjs', `Usage: node bench/live-thread.mjs [--help]\nHow long a reply takes to reach an open widget, and a visitor's message an open inbox, in Chromium; prints JSON.\n`, {});
  await printFigures(measureLiveThread);
}
