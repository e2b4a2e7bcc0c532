import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OPTIONAL_CHUNKS } from '../../bench/sizes.mjs';
import { finishComplaint, sendMessages, settle, tabTo } from './support/widget-page';
import { hostPage, useWidgetEnvironment } from './support/widget-server';

/*
 * What the widget leaves on a visitor's device, and what it fetches, before and after they ask
 * for it — as real Chromium sees it.
 */


let idlePage: string;
let interactionPage: string;
let refusingPage: string;
const env = useWidgetEnvironment((server) => {
  // An endpoint that does not exist answers 404: a refusal no retry will change.
  refusingPage = server.page('privacy-refused', { html: hostPage({ title: 'Refusing shop' }).replace('data-endpoint="/complaints"', 'data-endpoint="/nowhere"') });
  idlePage = server.page('privacy-idle', { html: hostPage({ title: 'Privacy shop' }) });
  interactionPage = server.page('privacy-interaction', { html: hostPage({ title: 'Quiet shop', attrs: 'data-preload="interaction"' }) });
});

const databases = (page: Page): Promise<string[]> =>
  page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? ''));

/** The widget has started: its own UI is rendered in the loader's shadow root. */
const widgetStarted = (page: Page) => page.waitForFunction(() => !!document.querySelector('heard-root')?.shadowRoot?.querySelector('.heard-root'));

/** Waits until the page has been idle once after its load event: the loader's idle fetch is due by then. */
const pageIdle = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const idle = () => requestIdleCallback(() => resolve());
        if (document.readyState === 'complete') idle();
        else addEventListener('load', idle, { once: true });
      }),
  );

/** The unsent text of every draft in the widget's database (none before the widget created it). */
const savedComposers = (page: Page): Promise<string[]> =>
  page.evaluate(async () => {
    // Opening the database here before the widget has created it would create it empty.
    if (!(await indexedDB.databases()).some((db) => db.name === 'heard' && db.version)) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('heard');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const drafts = await new Promise<{ composer: string }[]>((resolve, reject) => {
      const request = db.transaction('drafts').objectStore('drafts').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return drafts.map((draft) => draft.composer);
  });

async function openPanel(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Raise a complaint' }).click();
  await page.waitForFunction(() => document.querySelector('heard-root')?.shadowRoot?.querySelector<HTMLElement>('.heard-panel')?.hidden === false);
}

describe('nothing on the device before the visitor asks', () => {
  it('with the default preload, the widget starts when the page is idle and creates no database until the bubble is opened', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(idlePage);
    await widgetStarted(page);
    // Started, restored nothing, delivered nothing: and wrote nothing.
    expect(await databases(page)).not.toContain('heard');
    await page.getByRole('button', { name: 'Raise a complaint' }).hover();
    expect(await databases(page)).not.toContain('heard');

    await openPanel(page);
    await expect.poll(() => databases(page)).toContain('heard');
    await context.close();
  });

  it('once the visitor has opened the widget and typed, their words are kept across a reload', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(idlePage);
    await openPanel(page);
    await page.getByRole('textbox', { name: 'Your message' }).click();
    await page.keyboard.insertText('The blender arrived without its lid');
    await expect.poll(() => savedComposers(page)).toContain('The blender arrived without its lid');
    await page.reload();
    await openPanel(page);
    expect(await page.getByRole('textbox', { name: 'Your message' }).inputValue()).toBe('The blender arrived without its lid');
    await context.close();
  });

  it('with data-preload="interaction", nothing beyond the loader is fetched until the visitor points at the bubble', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (request: Request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(interactionPage);
    await page.waitForFunction(() => 'Heard' in window);
    await pageIdle(page);
    expect(fetched.filter((path) => path.startsWith('/heard'))).toEqual(['/heard.js']);
    expect(await databases(page)).not.toContain('heard');

    const chunk = page.waitForRequest((request) => new URL(request.url()).pathname === '/heard-widget.js');
    await page.getByRole('button', { name: 'Raise a complaint' }).hover();
    await chunk;
    await widgetStarted(page);
    expect(await databases(page)).not.toContain('heard');
    await context.close();
  });
});

describe('less personal data, and deleting it', () => {
  it('sends the page path without its query, and after thanks the visitor deletes their data by keyboard', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (request: Request) => fetched.push(new URL(request.url()).pathname.replace(/^.*\//, '')));
    // The optional downloads (bench/sizes.mjs) that are kept out of one complaint's bytes.
    const optional = () => fetched.filter((file) => OPTIONAL_CHUNKS.some((chunk) => chunk.file.test(file)));
    await page.goto(`${idlePage}?session=abc123&email=ana%40shop.example#basket`, { referer: 'https://search.example/results?q=broken+kettle' });
    await page.evaluate(() => {
      (window as unknown as { erased: number }).erased = 0;
      addEventListener('heard:erased', () => ((window as unknown as { erased: number }).erased += 1));
    });
    const names = () => optional().map((file) => OPTIONAL_CHUNKS.find((chunk) => chunk.file.test(file))?.name);
    await openPanel(page);
    await sendMessages(page, ['The kettle I ordered leaks from the base every time I boil water.']);
    expect(optional()).toEqual([]);
    await finishComplaint(page);
    await expect.poll(() => env.server.records().length).toBeGreaterThan(0);
    const record = env.server.records().at(-1)!;
    expect(record.page.url).toBe(new URL(idlePage).origin + new URL(idlePage).pathname);
    expect(record.page.referrer).toBe('https://search.example');
    // Writing and sending a complaint fetched none of them; once it is delivered, the panel
    // still open reads its status and shows its thread: those downloads, and only those.
    await page.getByRole('log', { name: `Conversation about your complaint ${record.reference}`, includeHidden: true }).waitFor({ state: 'attached' });
    expect(names()).toEqual(['status', 'thread', 'thread lines en']);

    const afterKey = async () => {};
    await settle(page);
    await tabTo(page, 'Delete my data on this device', afterKey);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('heard-root')?.shadowRoot?.activeElement?.textContent === 'Delete');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as unknown as { erased: number }).erased === 1);
    await page.waitForFunction(() => document.querySelector('heard-root')?.shadowRoot?.activeElement?.textContent === 'OK');
    // Deleting did: the view and the erasing, each once.
    expect(names().slice(3)).toEqual(['erase view', 'erase']);
    const kept = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open('heard');
        request.onsuccess = () => resolve(request.result);
      });
      const count = (store: string) =>
        new Promise<number>((resolve) => {
          const request = db.transaction(store).objectStore(store).count();
          request.onsuccess = () => resolve(request.result);
        });
      const result = { drafts: await count('drafts'), history: await count('history'), outbox: await count('outbox') };
      db.close();
      return result;
    });
    expect(kept).toEqual({ drafts: 0, history: 0, outbox: 0 });
    await context.close();
  });

  it('keeps a refused complaint once the visitor has been offered its transcript, and notes when, for data-draft-days', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(refusingPage);
    await openPanel(page);
    await sendMessages(page, ['The toaster burns every slice on the lowest setting.']);
    const before = Date.now();
    await finishComplaint(page);
    await page.getByRole('button', { name: 'Copy transcript' }).waitFor();
    const outbox = () =>
      page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const request = indexedDB.open('heard');
          request.onsuccess = () => resolve(request.result);
        });
        const items = await new Promise<{ state: string; transcriptOfferedAt: number | null }[]>((resolve) => {
          const request = db.transaction('outbox').objectStore('outbox').getAll();
          request.onsuccess = () => resolve(request.result);
        });
        db.close();
        return items.map((item) => ({ state: item.state, offered: item.transcriptOfferedAt }));
      });
    await expect.poll(async () => (await outbox())[0]?.offered ?? null).not.toBeNull();
    const [item] = await outbox();
    expect(item!.state).toBe('rejected');
    expect(item!.offered).toBeGreaterThanOrEqual(before);
    await context.close();
  });
});
