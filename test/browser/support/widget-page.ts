import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/*
 * Helpers that look at the widget the way a visitor's browser does: through the open shadow
 * root of `<heard-root>` (or another host element), focus as the shadow root reports it.
 */

const require = createRequire(import.meta.url);
/** The one-tag widget's host, or the custom element's. */
export const WIDGET_HOSTS = 'heard-root, heard-widget';
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** What has focus, seen through shadow roots. */
export interface FocusInfo {
  /** `document.activeElement`'s tag, lower case. */
  document: string;
  /** The deepest focused element's tag, or null. */
  tag: string | null;
  /** Its accessible-ish name: aria-label, label text, or text content, trimmed. */
  name: string;
  /** Whether it lies inside a widget host's shadow root. */
  inWidget: boolean;
  className: string;
}

/** Reads focus through shadow roots. */
export function focusInfo(page: Page): Promise<FocusInfo> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    let inWidget = false;
    while (el?.shadowRoot?.activeElement) {
      inWidget = true;
      el = el.shadowRoot.activeElement;
    }
    const labelled = el as HTMLInputElement | null;
    const name =
      el?.getAttribute('aria-label') ??
      (labelled?.labels?.[0]?.textContent ?? el?.textContent ?? '');
    return {
      document: (document.activeElement?.tagName ?? 'none').toLowerCase(),
      tag: el ? el.tagName.toLowerCase() : null,
      name: name.replace(/\s+/g, ' ').trim(),
      inWidget,
      className: typeof el?.className === 'string' ? el.className : '',
    };
  });
}

/** The widget's visible step, for choosing what to do next and for naming failures. */
export interface WidgetStep {
  open: boolean;
  busy: boolean;
  /** A bot line still waiting behind the typing indicator. */
  pending: boolean;
  confirm: boolean;
  outcomes: boolean;
  contact: boolean;
  commit: boolean;
  thanks: boolean;
  composer: boolean;
  /** The log's lines as shown: `{ from, text }` with the screen-reader prefix removed. */
  lines: { from: 'bot' | 'visitor'; text: string }[];
}

/** Reads the widget's state from its DOM, in the shadow root of the host matching `host`. */
export function widgetStep(page: Page, host = WIDGET_HOSTS): Promise<WidgetStep> {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector)?.shadowRoot;
    const panel = root?.querySelector<HTMLElement>('.heard-panel');
    const q = (s: string) => !!root?.querySelector(s);
    const lines = [...(root?.querySelectorAll('[role="log"] li') ?? [])].map((li) => {
      const prefix = li.querySelector('.heard-sr')?.textContent ?? '';
      return {
        from: (li.classList.contains('heard-from-visitor') ? 'visitor' : 'bot') as 'bot' | 'visitor',
        text: (li.textContent ?? '').slice(prefix.length),
      };
    });
    return {
      open: !!panel && !panel.hidden,
      busy: panel?.getAttribute('aria-busy') === 'true',
      pending: q('.heard-pending'),
      confirm: !!root?.querySelector('.heard-quick .heard-primary[data-autofocus]'),
      outcomes: q('.heard-outcomes'),
      contact: q('.heard-contact'),
      commit: !q('.heard-thanks') && !q('.heard-contact') && !q('.heard-outcomes') && !q('.heard-composer') && !q('.heard-quick') && q('.heard-step .heard-primary'),
      thanks: q('.heard-thanks'),
      composer: q('.heard-composer'),
      lines,
    };
  }, host);
}

/** Waits until no bot line is pending behind the typing indicator and nothing is busy. */
export async function settle(page: Page, host = WIDGET_HOSTS): Promise<WidgetStep> {
  await page.waitForFunction((selector) => {
    const root = document.querySelector(selector)?.shadowRoot;
    return !!root && !root.querySelector('.heard-pending') && root.querySelector('.heard-panel')?.getAttribute('aria-busy') !== 'true';
  }, host);
  return widgetStep(page, host);
}

/**
 * Runs axe-core over the page (shadow roots included) with the WCAG 2.x A/AA tags and the
 * opt-in target-size rule; returns the violations as `rule: target…` lines.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] },
      rules: { 'target-size': { enabled: true } },
    });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
  });
}

/** Horizontal overflow of the page and of the panel, in px (0 when none). */
export function horizontalOverflow(page: Page, host = WIDGET_HOSTS): Promise<{ page: number; panel: number; panelOutside: number }> {
  return page.evaluate((selector) => {
    const panel = document.querySelector(selector)?.shadowRoot?.querySelector<HTMLElement>('.heard-panel');
    const box = panel && !panel.hidden ? panel.getBoundingClientRect() : null;
    return {
      page: Math.max(0, document.documentElement.scrollWidth - innerWidth),
      panel: panel && !panel.hidden ? Math.max(0, panel.scrollWidth - panel.clientWidth) : 0,
      panelOutside: box ? Math.max(0, box.right - innerWidth, -box.left) : 0,
    };
  }, host);
}

/**
 * Records, from page start, every text the widget adds to its `role="log"` live region, so a
 * test can tell whether a line was announced once, twice or never. Install before `goto`.
 */
export async function watchLiveRegion(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen = { initial: [] as string[], added: [] as string[] };
    (window as unknown as { __liveRegion: typeof seen }).__liveRegion = seen;
    const inLog = (node: Node | null) => {
      const el = node instanceof Element ? node : node?.parentElement;
      return !!el?.closest('[role="log"]');
    };
    const watched = new WeakSet<ShadowRoot>();
    const logs = new WeakSet<Element>();
    const watch = (root: ShadowRoot) => {
      if (watched.has(root)) return;
      watched.add(root);
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === 'characterData') {
            if (inLog(r.target)) seen.added.push((r.target as CharacterData).data);
            continue;
          }
          for (const node of r.addedNodes) {
            if (inLog(r.target)) seen.added.push(node.textContent ?? '');
            else if (node instanceof Element) {
              // The log arriving with the widget: its lines were there before any announcement.
              const log = node.matches('[role="log"]') ? node : node.querySelector('[role="log"]');
              if (log && !logs.has(log)) {
                logs.add(log);
                seen.initial.push(...[...log.querySelectorAll('li')].map((li) => li.textContent ?? ''));
              }
            }
          }
        }
      }).observe(root, { childList: true, subtree: true, characterData: true });
    };
    const scan = () => {
      for (const el of document.querySelectorAll('heard-root, heard-widget')) if (el.shadowRoot) watch(el.shadowRoot);
    };
    new MutationObserver(scan).observe(document, { childList: true, subtree: true });
    // Shadow roots attached after their host was inserted.
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      queueMicrotask(() => watch(root));
      return root;
    };
  });
}

/**
 * For each bot line now in the log, how many times its text reached the live region (present
 * when the log appeared, or added later). Returns lines whose count is not exactly their
 * number of occurrences in the log.
 */
export async function misannouncedBotLines(page: Page, host = WIDGET_HOSTS): Promise<{ text: string; times: number; shown: number }[]> {
  const seen = await page.evaluate(() => (window as unknown as { __liveRegion: { initial: string[]; added: string[] } }).__liveRegion);
  const { lines } = await widgetStep(page, host);
  const bot = lines.filter((l) => l.from === 'bot').map((l) => l.text);
  const count = (texts: string[], needle: string) => texts.filter((t) => t.includes(needle)).length;
  return [...new Set(bot)]
    .map((text) => ({ text, times: count(seen.initial, text) + count(seen.added, text), shown: count(bot, text) }))
    .filter((l) => l.times !== l.shown);
}

/**
 * Moves focus with Tab (or Shift+Tab, whichever way is shorter inside the widget) until the
 * focused control's name starts with `name`, calling `afterKey` after every key press. Only
 * keys: the test never calls `focus()`.
 */
export async function tabTo(page: Page, name: string, afterKey: () => Promise<void>, host = WIDGET_HOSTS): Promise<void> {
  const direction = await page.evaluate(
    ({ selector, wanted }) => {
      const root = document.querySelector(selector)?.shadowRoot;
      if (!root) return 'Tab';
      const nameOf = (el: Element) =>
        (el.getAttribute('aria-label') ?? ((el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '')).replace(/\s+/g, ' ').trim();
      const items = [...root.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])')].filter(
        (el) => !el.closest('[hidden]') && el.checkVisibility() && !(el as HTMLButtonElement).disabled,
      );
      const target = items.findIndex((el) => nameOf(el).startsWith(wanted));
      const at = items.indexOf(root.activeElement as HTMLElement);
      return target >= 0 && at >= 0 && target < at ? 'Shift+Tab' : 'Tab';
    },
    { selector: host, wanted: name },
  );
  const visited: string[] = [];
  for (let i = 0; i < 40; i += 1) {
    const now = await focusInfo(page);
    if (now.name.startsWith(name)) return;
    visited.push(`${now.tag}:${now.name.slice(0, 30)}`);
    await page.keyboard.press(direction);
    await afterKey();
  }
  throw new Error(`Tab never reached "${name}"; visited ${visited.join(' | ')}`);
}

/** What the visitor enters on the contact form; email is required by default. */
export interface ContactEntry {
  name?: string;
  email?: string;
  phone?: string;
  accountRef?: string;
  /** Ticks "You may contact me to follow up on this complaint". */
  followUpConsent?: boolean;
}

/**
 * Sends each text through the composer (pasted with `insertText`, or typed key by key) with
 * Enter, then waits until the log shows it. Blank texts are left to the caller: the composer
 * refuses them.
 */
export async function sendMessages(page: Page, texts: string[], { typed = false } = {}): Promise<void> {
  const count = () =>
    page.evaluate(() => document.querySelector('heard-root, heard-widget')?.shadowRoot?.querySelectorAll('[role="log"] li.heard-from-visitor').length ?? 0);
  let sent = await count();
  await page.getByRole('textbox', { name: 'Your message' }).click();
  for (const text of texts) {
    if (typed) await page.keyboard.type(text);
    else await page.keyboard.insertText(text);
    await page.keyboard.press('Enter');
    sent += 1;
    await page.waitForFunction(
      (n) => (document.querySelector('heard-root, heard-widget')?.shadowRoot?.querySelectorAll('[role="log"] li.heard-from-visitor').length ?? 0) >= n,
      sent,
    );
  }
}

/**
 * From wherever the conversation is (listening, or any later step) to the thanks step, by clicking (English labels): confirms the
 * restatement, picks the first part of the experience when asked, chooses a replacement,
 * fills the contact form and sends. Resolves once the thanks step shows.
 */
export async function finishComplaint(page: Page, contact: ContactEntry = { name: 'Ana Novak', email: 'ana@example.com' }): Promise<void> {
  const stepHtml = () => page.evaluate(() => document.querySelector('heard-root, heard-widget')?.shadowRoot?.querySelector('.heard-step')?.innerHTML ?? '');
  for (let round = 0; round < 30; round += 1) {
    const step = await settle(page);
    if (step.thanks) return;
    const was = await stepHtml();
    // A text that reads like another language brings an offer to switch: stay in English.
    const stay = page.getByRole('button', { name: 'No, thanks', exact: true });
    if (await stay.isVisible()) await stay.click();
    else if (step.confirm) await page.getByRole('button', { name: 'Yes, that’s right' }).click();
    else if (step.outcomes) await page.getByRole('button', { name: 'Replacement', exact: true }).click();
    else if (step.contact) {
      for (const [field, label] of [['name', 'Name'], ['email', 'Email'], ['phone', 'Phone'], ['accountRef', 'Order or account number']] as const) {
        const value = contact[field];
        if (value === undefined) continue;
        await page.getByRole('textbox', { name: label }).click();
        // The form keeps what was typed before (even across a reload): replace it.
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.insertText(value);
      }
      if (contact.followUpConsent) await page.getByRole('checkbox', { name: 'You may contact me to follow up on this complaint' }).check();
      await page.getByRole('button', { name: 'Continue' }).click();
    } else if (step.commit) await page.getByRole('button', { name: 'Send complaint' }).click();
    else if (await page.getByRole('button', { name: 'The product', exact: true }).isVisible()) {
      await page.getByRole('button', { name: 'The product', exact: true }).click();
    } else if (step.composer) await page.getByRole('button', { name: 'That’s everything' }).click();
    // The step re-renders after the click; wait for it rather than act on the old one.
    await page
      .waitForFunction(
        (before) => (document.querySelector('heard-root, heard-widget')?.shadowRoot?.querySelector('.heard-step')?.innerHTML ?? '') !== before,
        was,
        { timeout: 5_000 },
      )
      .catch(() => {});
  }
  throw new Error(`the widget never reached its thanks step: ${JSON.stringify(await widgetStep(page))}`);
}

/**
 * Everything in one of the widget's IndexedDB stores (`drafts`, `outbox`, `history`), as the
 * page sees it; empty before the widget has created its database.
 */
export function storedValues<T = unknown>(page: Page, store: 'drafts' | 'outbox' | 'history'): Promise<T[]> {
  return page.evaluate(async (name) => {
    // Opening a database that does not exist yet would create it, empty, under the widget.
    if (!(await indexedDB.databases()).some((info) => info.name === 'heard')) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('heard');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(name, 'readonly').objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, store);
}

/**
 * Waits until the widget's draft in IndexedDB holds what the page shows: every line of the
 * conversation, the composer's text and the contact fields as typed. The widget saves a short
 * while after the last change; a reload after this loses nothing.
 */
export async function waitForSavedDraft(page: Page, host = WIDGET_HOSTS): Promise<void> {
  type Saved = { composer: string; snapshot: { context: { messages: unknown[]; contact: Record<string, unknown> } } };
  const saved = async () => {
    const shown = await page.evaluate((selector) => {
      const root = document.querySelector(selector)?.shadowRoot;
      return {
        lines: root?.querySelectorAll('[role="log"] li').length ?? 0,
        composer: root?.querySelector<HTMLTextAreaElement>('.heard-composer textarea')?.value ?? null,
        contact: [...(root?.querySelectorAll<HTMLInputElement>('.heard-contact input.heard-input') ?? [])].map((input) => [input.id.replace(/^.*-contact-/, ''), input.value] as const),
      };
    }, host);
    const drafts = await storedValues<Saved>(page, 'drafts');
    return drafts.some(
      (draft) =>
        draft.snapshot.context.messages.length === shown.lines &&
        (shown.composer === null || draft.composer === shown.composer) &&
        shown.contact.every(([field, value]) => draft.snapshot.context.contact[field] === value),
    );
  };
  await expect.poll(saved, { timeout: 10_000, message: 'the draft in IndexedDB never caught up with the page' }).toBe(true);
}
