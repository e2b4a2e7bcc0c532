import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, finishComplaint, horizontalOverflow, sendMessages, settle } from './support/widget-page';
import { useWidgetEnvironment } from './support/widget-server';
import { startStatusEndpoint, type StatusEndpoint } from './support/status-endpoint';

/*
 * A returning visitor in real Chromium: they file a complaint with a site whose endpoint keeps
 * the status contract (on another origin, so CORS and the preflight for `Authorization` are
 * real), an agent resolves it with a reply, and when the visitor comes back and opens the widget
 * it tells them, reply and all, from what IndexedDB kept across the reload.
 */


const STORY = 'The kettle I ordered arrived with a dented lid and the handle wobbles when I pour.';
const REPLY = 'A new kettle left our warehouse today. <b>Sorry</b> for the trouble.\nEva, customer care';

let endpoint: StatusEndpoint;
let pageUrl: string;
const env = useWidgetEnvironment((server) => {
  pageUrl = `${server.origin}/host/status`;
});

beforeAll(async () => {
  endpoint = await startStatusEndpoint(() => [new URL(pageUrl).origin]);
  env.server.page('status', {
    html: `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kettle shop</title>
<script src="/heard.js" data-endpoint="${endpoint.endpoint}" async></script>
</head>
<body><main><h1>Kettle shop</h1></main></body>
</html>`,
  });
});
afterAll(async () => {
  await endpoint?.close();
});

const inWidget = <T>(page: Page, fn: (root: ShadowRoot) => T): Promise<T> =>
  page.evaluate((source) => {
    const root = document.querySelector('heard-root, heard-widget')!.shadowRoot!;
    return (0, eval)(source)(root);
  }, `(${fn.toString()})`);

async function openPanel(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Raise a complaint' }).click();
  await page.waitForFunction(() => document.querySelector('heard-root, heard-widget')?.shadowRoot?.querySelector<HTMLElement>('.heard-panel')?.hidden === false);
}

/** Waits until this browser's IndexedDB remembers a past complaint with its status key. */
async function historyKept(page: Page, id: string): Promise<void> {
  await page.waitForFunction(
    (wanted) =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('heard');
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('history')) return resolve((db.close(), false));
          const get = db.transaction('history').objectStore('history').get(wanted);
          get.onsuccess = () => resolve((db.close(), !!get.result?.statusKey));
          get.onerror = () => resolve((db.close(), false));
        };
      }),
    id,
    { polling: 100 },
  );
}

/** The status block's text once it shows `needle`. */
async function statusShown(page: Page, needle: string): Promise<string> {
  await page.waitForFunction((text) => document.querySelector('heard-root, heard-widget')?.shadowRoot?.querySelector('.heard-status')?.textContent?.includes(text) ?? false, needle);
  return inWidget(page, (root) => root.querySelector('.heard-status')!.textContent ?? '');
}

describe('the status of an earlier complaint', () => {
  it('a visitor files a complaint, it is resolved with a reply, and on their next visit the widget tells them', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    // A cookie the status endpoint's host would see if the widget sent credentials.
    await context.addCookies([{ name: 'session', value: 'visitor-session', domain: '127.0.0.1', path: '/' }]);
    const page = await context.newPage();
    const chunks: string[] = [];
    page.on('request', (request) => chunks.push(new URL(request.url()).pathname));

    // First visit: nothing to ask about yet, and nothing downloaded or asked for it.
    await page.goto(pageUrl);
    await openPanel(page);
    await sendMessages(page, [STORY]);
    expect(endpoint.statusRequests).toEqual([]);
    expect(chunks.filter((path) => path.includes('heard-status-'))).toEqual([]);
    await finishComplaint(page);
    await expect.poll(() => endpoint.records().length).toBe(1);
    const record = endpoint.records()[0]!;
    expect(record.visitor.statusKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(endpoint.storedKeyHash(record.id)).toMatch(/^[0-9a-f]{64}$/);
    await historyKept(page, record.id);
    // Once delivered, the still-open panel asks about it, once, for its thread.
    await expect.poll(() => endpoint.statusRequests.length).toBe(1);

    // Next visit, before any agent has looked: received, with the date we committed to.
    await page.reload();
    await openPanel(page);
    const received = await statusShown(page, record.reference);
    expect(received).toContain(`We have received your complaint ${record.reference}.`);
    expect(received).toContain('We expect to answer by');
    expect(endpoint.statusRequests).toHaveLength(2);
    expect(endpoint.statusRequests[1]).toEqual({ id: record.id, authorization: `Bearer ${record.visitor.statusKey}`, cookie: null, origin: new URL(pageUrl).origin });

    // An agent resolves it with a reply; the visitor comes back again.
    const resolvedAt = new Date().toISOString();
    endpoint.update(record.id, { status: 'resolved', resolvedAt, replies: [{ at: resolvedAt, text: REPLY }] });
    await page.reload();
    await openPanel(page);
    const resolved = await statusShown(page, 'Eva, customer care');
    expect(resolved).toContain(`Your complaint ${record.reference} was resolved on`);
    const shown = await inWidget(page, (root) => {
      const reply = root.querySelector('.heard-status-reply')!;
      const log = root.querySelector('[role="log"]')!;
      return {
        reply: (reply as HTMLElement).innerText,
        markup: !!reply.querySelector('b'),
        inLiveRegion: log.getAttribute('aria-live') === 'polite' && log.contains(reply),
        beforeGreeting: !!(reply.compareDocumentPosition(log.querySelector('li')!) & Node.DOCUMENT_POSITION_FOLLOWING),
      };
    });
    expect(shown).toEqual({ reply: REPLY, markup: false, inLiveRegion: true, beforeGreeting: true });
    // Their last conversation comes back below it, offering a new complaint.
    await expect.poll(() => page.getByRole('button', { name: 'Raise another complaint' }).isVisible()).toBe(true);
    expect(endpoint.statusRequests.every((r) => r.cookie === null)).toBe(true);

    // Readable on a phone: no sideways scrolling, the reply on screen, nothing axe objects to.
    await page.setViewportSize({ width: 320, height: 640 });
    await settle(page);
    expect(await horizontalOverflow(page)).toEqual({ page: 0, panel: 0, panelOutside: 0 });
    const box = await inWidget(page, (root) => {
      const r = root.querySelector('.heard-status-reply')!.getBoundingClientRect();
      return { left: r.left, right: r.right, width: r.width };
    });
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(320);
    expect(box.width).toBeGreaterThan(200);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('a status endpoint that fails shows nothing and leaves the widget working', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(pageUrl);
    await openPanel(page);
    await sendMessages(page, [STORY]);
    await finishComplaint(page);
    await expect.poll(() => endpoint.records().length).toBe(2);
    const record = endpoint.records()[1]!;
    await historyKept(page, record.id);
    // The endpoint goes down for status reads only.
    await context.route(`${endpoint.origin}/complaints/*/status`, (route) => route.fulfill({ status: 503, body: 'upstream down' }));
    let failed = 0;
    page.on('requestfinished', (request) => void (request.url().endsWith('/status') && (failed += 1)));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.reload();
    await openPanel(page);
    await expect.poll(() => failed).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Raise another complaint' }).click();
    await sendMessages(page, ['The lid is dented too.']);
    expect(await inWidget(page, (root) => !!root.querySelector('.heard-status'))).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});
