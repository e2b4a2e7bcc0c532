import type { ConsoleMessage, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { finishComplaint, sendMessages, settle, waitForSavedDraft, widgetStep } from './support/widget-page';
import { hostPage, useWidgetEnvironment } from './support/widget-server';

const STORY = 'The kettle I ordered arrived with a dented lid and the handle wobbles when I pour.';
const MORE = 'I have tried two different sockets.';

let plain: string;
const env = useWidgetEnvironment((server) => {
  plain = server.page('reload', { html: hostPage({ title: 'Reload shop' }) });
});

/** Console lines from the widget (those starting "Heard"), by type. */
function collectConsole(page: Page) {
  const lines: { type: string; text: string }[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.text().startsWith('Heard')) lines.push({ type: m.type(), text: m.text() });
  });
  return lines;
}

async function openPanel(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Raise a complaint' }).click();
  await page.waitForFunction(() => document.querySelector('heard-root, heard-widget')?.shadowRoot?.querySelector<HTMLElement>('.heard-panel')?.hidden === false);
}

/** Reloads once the draft holds what the page shows, and opens the panel again. */
async function reloadAndReopen(page: Page): Promise<void> {
  await waitForSavedDraft(page);
  await page.reload();
  await openPanel(page);
  await settle(page);
}

const composerText = (page: Page) => page.getByRole('textbox', { name: 'Your message' }).inputValue();

describe('reloading the page mid-conversation', () => {
  it('while listening: the messages and the unsent text come back', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(plain);
    await openPanel(page);
    await sendMessages(page, [STORY]);
    await page.keyboard.insertText('And the crumb tray');
    const before = await widgetStep(page);

    await reloadAndReopen(page);
    const after = await widgetStep(page);
    expect(after.lines).toEqual(before.lines);
    expect(after.composer).toBe(true);
    expect(await composerText(page)).toBe('And the crumb tray');
    await context.close();
  });

  it('at the restatement: the question and its answers come back', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(plain);
    await openPanel(page);
    await sendMessages(page, [STORY, MORE]);
    await page.getByRole('button', { name: 'That’s everything' }).click();
    await page.getByRole('button', { name: 'Yes, that’s right' }).waitFor();
    const before = await settle(page);
    expect(before.confirm).toBe(true);

    await reloadAndReopen(page);
    const after = await widgetStep(page);
    expect(after.lines).toEqual(before.lines);
    expect(after.confirm).toBe(true);
    await page.getByRole('button', { name: 'Yes, that’s right' }).click();
    expect((await settle(page)).outcomes).toBe(true);
    await context.close();
  });

  it('at the contact form: the step, the messages and the fields typed but not yet submitted come back', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(plain);
    await openPanel(page);
    await sendMessages(page, [STORY, MORE]);
    await page.getByRole('button', { name: 'That’s everything' }).click();
    await page.getByRole('button', { name: 'Yes, that’s right' }).click();
    await page.getByRole('button', { name: 'Replacement', exact: true }).click();
    await page.getByRole('textbox', { name: 'Name' }).waitFor();
    const before = await settle(page);
    expect(before.contact).toBe(true);
    await page.getByRole('textbox', { name: 'Name' }).fill('Half Typed');
    await page.getByRole('textbox', { name: 'Email' }).fill('half@exam');

    await reloadAndReopen(page);
    const after = await widgetStep(page);
    expect(after.lines).toEqual(before.lines);
    expect(after.contact).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Half Typed');
    expect(await page.getByRole('textbox', { name: 'Email' }).inputValue()).toBe('half@exam');
    const records = env.server.records().length;
    await finishComplaint(page, { name: 'Rhea Reload', email: 'rhea@example.com' });
    await expect.poll(() => env.server.records().length, { timeout: 20_000 }).toBe(records + 1);
    const record = env.server.records().at(-1)!;
    expect(record.messages.map((m) => ({ from: m.from, text: m.text }))).toEqual(expect.arrayContaining(before.lines));
    expect(record.desiredOutcome?.kind).toBe('replacement');
    expect(record.visitor.name).toBe('Rhea Reload');
    await context.close();
  });
});

describe('the one tag on unusual pages', () => {
  it('without IndexedDB the complaint is still made and delivered in that page, with one console warning', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('IndexedDB is disabled', 'InvalidStateError');
      };
    });
    const lines = collectConsole(page);
    await page.goto(plain);
    await openPanel(page);
    await sendMessages(page, [STORY]);
    const records = env.server.records().length;
    await finishComplaint(page, { name: 'No Storage', email: 'nostorage@example.com' });
    await expect.poll(() => env.server.records().length, { timeout: 20_000 }).toBe(records + 1);
    expect(env.server.records().at(-1)?.visitor.name).toBe('No Storage');
    expect(lines.filter((l) => l.type === 'warning')).toHaveLength(1);
    expect(lines.filter((l) => l.type === 'error')).toEqual([]);
    await context.close();
  });

  it('Heard.open(), identify() and on() work before the widget has loaded and after', async () => {
    const url = env.server.page('api', {
      html: hostPage({ title: 'API shop' })
        .replace(' async></script>', '></script>')
        .replace(
          '</head>',
          `<script src="/host/api.js"></script></head>`,
        ),
    });
    // Called right after the tag, long before the widget chunk has loaded.
    env.server.page('api.js', {
      html: `window.__events = [];
Heard.on('open', () => window.__events.push('open'));
Heard.on('submitted', (d) => window.__events.push('submitted ' + d.reference));
Heard.identify({ name: 'Early Bird', email: 'early@example.com' });
Heard.open();`,
      headers: { 'Content-Type': 'text/javascript' },
    });
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('heard-root')?.shadowRoot?.querySelector<HTMLElement>('.heard-panel')?.hidden === false);
    expect(await page.evaluate(() => (window as unknown as { __events: string[] }).__events)).toEqual(['open']);

    // After loading: the same API, now straight to the widget.
    await page.evaluate(() => {
      const w = window as unknown as { __events: string[]; Heard: { on(e: string, f: () => void): void; close(): void } };
      w.Heard.on('close', () => w.__events.push('close'));
      w.Heard.close();
    });
    expect((await widgetStep(page)).open).toBe(false);
    await page.evaluate(() => (window as unknown as { Heard: { open(): void } }).Heard.open());
    await sendMessages(page, [STORY]);
    const records = env.server.records().length;
    await finishComplaint(page, {});
    await expect.poll(() => env.server.records().length, { timeout: 20_000 }).toBe(records + 1);
    const record = env.server.records().at(-1)!;
    expect(record.visitor).toMatchObject({ name: 'Early Bird', email: 'early@example.com' });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __events: string[] }).__events))
      .toEqual(['open', 'close', 'open', `submitted ${record.reference}`]);
    await context.close();
  });

  it('the tag twice makes one widget', async () => {
    const url = env.server.page('twice', {
      html: hostPage({ title: 'Twice' }).replace('</head>', '<script src="/heard.js" data-endpoint="/complaints" async></script></head>'),
    });
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const lines = collectConsole(page);
    await page.goto(url);
    await openPanel(page);
    expect(await page.evaluate(() => document.querySelectorAll('heard-root').length)).toBe(1);
    expect(await page.getByRole('button', { name: 'Raise a complaint' }).count()).toBe(1);
    expect(await page.evaluate(() => document.querySelector('heard-root')!.shadowRoot!.querySelectorAll('.heard-panel').length)).toBe(1);
    expect(lines).toEqual([]);
    await context.close();
  });

  it('a widget that could not load at first (offline) loads on the next click', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const lines = collectConsole(page);
    let refused = 0;
    // The widget's chunk cannot be fetched: as on a train going through a tunnel.
    await page.route('**/heard-widget.js', (route) => (refused++, route.abort('internetdisconnected')));
    await page.goto(plain);
    await page.getByRole('button', { name: 'Raise a complaint' }).click();
    await expect.poll(() => lines.some((l) => l.type === 'error' && l.text.includes('could not load'))).toBe(true);
    expect(refused).toBeGreaterThan(0);
    await page.unroute('**/heard-widget.js');
    await page.getByRole('button', { name: 'Raise a complaint' }).click();
    await page.waitForFunction(() => document.querySelector('heard-root')?.shadowRoot?.querySelector<HTMLElement>('.heard-panel')?.hidden === false);
    expect(await page.getByRole('textbox', { name: 'Your message' }).isVisible()).toBe(true);
    await context.close();
  });

  it('before the widget loads, on() gives a working way to stop listening, and destroy() removes the bubble for good', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const lines = collectConsole(page);
    let requested = 0;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/heard-widget.js', async (route) => {
      requested++;
      await held;
      await route.continue();
    });
    await page.goto(plain);
    await page.waitForFunction(() => 'Heard' in window);
    await page.evaluate(() => {
      const w = window as unknown as { Heard: { on(e: string, f: () => void): () => void }; __seen: string[] };
      w.__seen = [];
      const off = w.Heard.on('open', () => w.__seen.push('kept'));
      const dropped = w.Heard.on('open', () => w.__seen.push('dropped'));
      if (typeof off !== 'function' || typeof dropped !== 'function') throw new Error('on() must return a function');
      dropped();
    });
    await page.getByRole('button', { name: 'Raise a complaint' }).click();
    release();
    await page.waitForFunction(() => document.querySelector('heard-root')?.shadowRoot?.querySelector<HTMLElement>('.heard-panel')?.hidden === false);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toEqual(['kept']);
    expect(requested).toBe(1);
    expect(lines).toEqual([]);

    // Another visitor (a fresh profile): destroyed while the widget was still on its way.
    const fresh = await env.browser.newContext();
    const other = await fresh.newPage();
    let releaseOther!: () => void;
    const heldOther = new Promise<void>((r) => (releaseOther = r));
    await other.route('**/heard-widget.js', async (route) => {
      await heldOther;
      await route.continue();
    });
    await other.goto(plain);
    await other.waitForFunction(() => 'Heard' in window);
    await other.getByRole('button', { name: 'Raise a complaint' }).hover();
    await other.evaluate(() => (window as unknown as { Heard: { destroy(): void } }).Heard.destroy());
    expect(await other.evaluate(() => document.querySelectorAll('heard-root').length)).toBe(0);
    expect(await other.evaluate(() => 'Heard' in window)).toBe(false);
    const laterRequests: string[] = [];
    other.on('request', (request) => laterRequests.push(new URL(request.url()).pathname));
    releaseOther();
    // Evaluate the same chunk here, then let the task the loader starts it in go by: by then a
    // widget that was going to start has asked for its language and opened its storage.
    // (A string, so the test's own bundler leaves this `import()` to the page.)
    const chunk = JSON.stringify(new URL('/heard-widget.js', plain).href);
    await other.evaluate(`(async () => {
      await import(${chunk});
      for (let i = 0; i < 2; i++) await new Promise((next) => setTimeout(next));
    })()`);
    expect(laterRequests.filter((path) => path !== '/heard-widget.js')).toEqual([]);
    // The chunk arrived after destroy(): nothing started (no storage opened), nothing came back.
    expect(await other.evaluate(() => document.querySelectorAll('heard-root, heard-widget').length)).toBe(0);
    expect(await other.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).not.toContain('heard');
    expect(await other.evaluate(() => 'Heard' in window)).toBe(false);
    await fresh.close();
    await context.close();
  });

  it('a tag without data-endpoint logs one error and shows no bubble', async () => {
    const url = env.server.page('no-endpoint', { html: hostPage({ title: 'No endpoint' }).replace('data-endpoint="/complaints" ', '') });
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const lines = collectConsole(page);
    await page.goto(url);
    await page.waitForLoadState('load');
    await expect.poll(() => lines.length).toBeGreaterThan(0);
    expect(lines.map((l) => l.type)).toEqual(['error']);
    expect(lines[0]!.text).toContain('data-endpoint');
    expect(await page.evaluate(() => document.querySelectorAll('heard-root, heard-widget').length)).toBe(0);
    expect(await page.getByRole('button').count()).toBe(0);
    await context.close();
  });

  it('<heard-widget data-endpoint> works and dispatches heard:submitted on the element', async () => {
    const url = env.server.page('element', {
      html: hostPage({ title: 'Element shop', body: '<heard-widget data-endpoint="/complaints"></heard-widget>' }).replace('data-endpoint="/complaints" ', ''),
    });
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __submitted: string[] }).__submitted = seen;
      document.addEventListener('heard:submitted', (e) => {
        seen.push(`${(e.target as Element).tagName.toLowerCase()} ${(e as CustomEvent<{ reference: string }>).detail.reference}`);
      });
    });
    const lines = collectConsole(page);
    await page.goto(url);
    await openPanel(page);
    await sendMessages(page, [STORY]);
    const records = env.server.records().length;
    await finishComplaint(page);
    await expect.poll(() => env.server.records().length, { timeout: 20_000 }).toBe(records + 1);
    const reference = env.server.records().at(-1)!.reference;
    await expect.poll(() => page.evaluate(() => (window as unknown as { __submitted: string[] }).__submitted)).toEqual([`heard-widget ${reference}`]);
    expect(lines).toEqual([]);
    await context.close();
  });
});
