import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { finishComplaint, sendMessages, widgetStep } from './support/widget-page';
import { hostPage, useWidgetEnvironment } from './support/widget-server';

/** A page that fights every widget: resets, giant type, z-index wars, hidden divs. */
const HOSTILE_CSS = `
* { all: unset !important; }
html, body, main, section, header, footer, p, h1, h2, ul, li, aside { display: block !important; }
html { font-size: 48px !important; }
body { font-size: 3rem !important; line-height: 3 !important; font-family: "Comic Sans MS", cursive !important; }
div { display: none !important; }
button { font-size: 40px !important; padding: 1em !important; border: 5px solid red !important; }
span, a { letter-spacing: 1em !important; }
svg { width: 400px !important; height: 400px !important; }
.sticky { position: fixed !important; top: 0 !important; left: 0 !important; right: 0 !important; z-index: 2147483647 !important; background: #fff !important; }
.corner { position: fixed !important; right: 0 !important; bottom: 0 !important; width: 10px !important; height: 10px !important; z-index: 2147483647 !important; }
.war { position: relative !important; z-index: 999999 !important; }
`;

const BODY = `
<header class="sticky"><p>Sale banner that sits on top of everything</p></header>
<section class="war"><h2>Products</h2><ul><li>Kettle <button type="button">Buy</button></li><li>Pan <button type="button">Buy</button></li></ul></section>
<div class="promo"><p>Hidden promo</p></div>
<p>Some <span>spaced</span> text and <a href="#more">a link</a>.</p>
<aside class="corner" aria-hidden="true"></aside>
<footer><p>Footer</p></footer>`;

const COMPLAINT = 'The frying pan handle came loose on the second day and I burned my hand.';

const env = useWidgetEnvironment();

/** Bounding boxes of every host page element (the widget's host excluded), in document order. */
function hostBoxes(page: Page) {
  return page.evaluate(() =>
    [...document.body.querySelectorAll('*')]
      .filter((el) => el.tagName !== 'HEARD-ROOT' && el.tagName !== 'SCRIPT')
      .map((el) => {
        const r = el.getBoundingClientRect();
        return `${el.tagName.toLowerCase()} ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`;
      }),
  );
}

describe('a hostile host page', () => {
  it('the widget renders at a sane size, takes a complaint, and leaves the host layout as it was', async () => {
    const css = `<link rel="stylesheet" href="/host/hostile.css">`;
    const withWidget = env.server.page('hostile', { html: hostPage({ title: 'Hostile shop', head: css, body: BODY }) }, HOSTILE_CSS);
    const withoutWidget = env.server.page(
      'hostile-bare',
      { html: hostPage({ title: 'Hostile shop', head: css, body: BODY }).replace(/<script src="\/heard.js"[^>]*><\/script>/, '') },
      HOSTILE_CSS,
    );
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();

    await page.goto(withoutWidget);
    const bare = await hostBoxes(page);
    expect(bare.length).toBeGreaterThan(10);
    const bareScroll = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);

    await page.goto(withWidget);
    const bubble = page.getByRole('button', { name: 'Raise a complaint' });
    // Measured once the widget has taken over from the loader's identical bubble (pointing at
    // it shows interest, which loads the widget).
    await bubble.hover();
    await page.locator('heard-root div.heard-root').waitFor({ state: 'attached' });
    const bubbleBox = await bubble.boundingBox();
    expect(bubbleBox, 'the bubble is laid out').not.toBeNull();
    expect([Math.round(bubbleBox!.width), Math.round(bubbleBox!.height)]).toEqual([56, 56]);
    expect(bubbleBox!.x + bubbleBox!.width).toBeLessThanOrEqual(1280);
    // Playwright clicks only what is visible, stable and on top at its centre point.
    await bubble.click();
    await page.waitForFunction(() => document.querySelector('heard-root')?.shadowRoot?.querySelector<HTMLElement>('.heard-panel')?.hidden === false);

    const panel = await page.evaluate(() => {
      const root = document.querySelector('heard-root')!.shadowRoot!;
      const el = root.querySelector<HTMLElement>('.heard-panel')!;
      const r = el.getBoundingClientRect();
      const textarea = root.querySelector('textarea')!;
      // What is drawn at the panel's centre is the panel, not the page's z-index winners.
      const hit = root.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return {
        width: r.width,
        height: r.height,
        inside: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
        onTop: !!hit && el.contains(hit),
        fontSize: getComputedStyle(textarea).fontSize,
        buttonFont: getComputedStyle(root.querySelector('.heard-button')!).fontSize,
      };
    });
    expect(panel.width).toBeGreaterThanOrEqual(300);
    expect(panel.width).toBeLessThanOrEqual(480);
    expect(panel.height).toBeGreaterThanOrEqual(300);
    expect(panel.inside).toBe(true);
    expect(panel.onTop).toBe(true);
    expect(panel.fontSize).toBe('16px');
    expect(Number.parseFloat(panel.buttonFont)).toBeLessThan(20);

    await sendMessages(page, [COMPLAINT]);
    const before = env.server.records().length;
    await finishComplaint(page);
    await expect.poll(() => env.server.records().length, { timeout: 20_000 }).toBe(before + 1);
    expect(env.server.records().at(-1)?.messages.find((m) => m.from === 'visitor')?.text).toBe(COMPLAINT);
    expect((await widgetStep(page)).thanks).toBe(true);

    // The host page's own boxes did not move, with the panel open and after closing it.
    expect(await hostBoxes(page)).toEqual(bare);
    await page.keyboard.press('Escape');
    expect(await hostBoxes(page)).toEqual(bare);
    expect(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight])).toEqual(bareScroll);
    await context.close();
  });
});
