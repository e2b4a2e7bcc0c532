/**
 * The thanks step and the contact step as a visitor meets them in Chromium: after sending, focus
 * is on the thanks, so a second Enter rates nothing; the stars are one radio group where arrows
 * move and only a deliberate choice rates, which the visitor may change and the receiver keeps;
 * and the contact form's Continue stays in view however short the panel is.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '../../widget/src/i18n/catalogs/en';
import { axeViolations, focusInfo, sendMessages, settle, tabTo, widgetStep } from './support/widget-page';
import { hostPage, useWidgetEnvironment } from './support/widget-server';

const STORY = 'My order 4411-A arrived with a dented lid and the kettle leaks when I boil water.';

let plain: string;
const env = useWidgetEnvironment((server) => {
  plain = server.page('rating', { html: hostPage({ title: 'Rating shop' }) });
});

const root = 'heard-root';
const noKey = async () => {};

/**
 * A visitor at 1280×800 who opened the panel and told `story`; each test tells its own, so the
 * receiver's records tell them apart.
 */
async function openWithStory(story: string) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(plain);
  await page.getByRole('button', { name: 'Raise a complaint' }).click();
  await sendMessages(page, [story]);
  await page.getByRole('button', { name: 'That’s everything' }).click();
  return { context, page };
}

/** Clicks on through the conversation until the step that `done` recognises shows. */
async function until(page: Page, done: (step: Awaited<ReturnType<typeof widgetStep>>) => boolean): Promise<void> {
  for (let round = 0; round < 20; round += 1) {
    const step = await settle(page);
    if (done(step)) return;
    const stay = page.getByRole('button', { name: 'No, thanks', exact: true });
    if (await stay.isVisible()) await stay.click();
    else if (step.confirm) await page.getByRole('button', { name: 'Yes, that’s right' }).click();
    else if (step.outcomes) await page.getByRole('button', { name: 'Replacement', exact: true }).click();
    else if (step.contact) {
      await page.getByRole('textbox', { name: 'Name' }).fill('Ana Novak');
      await page.getByRole('textbox', { name: 'Email' }).fill('ana@example.com');
      await page.getByRole('button', { name: 'Continue' }).click();
    } else if (step.commit) await page.getByRole('button', { name: 'Send complaint' }).click();
    else if (await page.getByRole('button', { name: 'The product', exact: true }).isVisible()) {
      await page.getByRole('button', { name: 'The product', exact: true }).click();
    }
    await page.waitForFunction((r) => !document.querySelector(r)?.shadowRoot?.querySelector('.heard-pending'), root);
  }
  throw new Error(`the step never came: ${JSON.stringify(await widgetStep(page))}`);
}

/** The stars as the accessibility tree gives them: name and whether checked. */
function stars(page: Page) {
  return page.evaluate((r) =>
    [...(document.querySelector(r)?.shadowRoot?.querySelectorAll('[role="radiogroup"] [role="radio"]') ?? [])].map(
      (star) => `${star.getAttribute('aria-label')}${star.getAttribute('aria-checked') === 'true' ? ' (checked)' : ''}`,
    ), root);
}

/** Presses the keys one after another. */
async function press(page: Page, ...keys: string[]): Promise<void> {
  for (const key of keys) await page.keyboard.press(key);
}

const receivedWith = (story: string) => env.server.records().find((r) => r.messages.some((m) => m.text === story));

const ratingThanks = (page: Page) => widgetStep(page).then((step) => step.lines.filter((l) => l.text === 'Thank you for your rating.').length);

describe('after sending a complaint', () => {
  it('puts focus on the thanks, so a second Enter rates nothing', async () => {
    const story = `${STORY} It was a gift.`;
    const { context, page } = await openWithStory(story);
    await until(page, (step) => step.commit);
    await tabTo(page, 'Send complaint', noKey);
    await page.keyboard.press('Enter');
    await page.waitForFunction((r) => !!document.querySelector(r)?.shadowRoot?.querySelector('.heard-thanks'), root);
    const focus = await focusInfo(page);
    expect(focus.tag).toBe('li');
    expect(en['thank.sent'].some((thanks) => focus.name.endsWith(thanks)), `focus on "${focus.name}"`).toBe(true);
    // The double press: the second Enter lands on the thanks message, not on a star.
    await page.keyboard.press('Enter');
    await settle(page);
    expect(await stars(page)).not.toContainEqual(expect.stringContaining('(checked)'));
    expect(await ratingThanks(page)).toBe(0);
    await expect.poll(() => !!receivedWith(story)).toBe(true);
    const record = receivedWith(story)!;
    expect(await env.server.csat(record.id)).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('the stars', () => {
  it('are one radio group: arrows move and rate nothing, Space, Enter or a click rates, and the receiver keeps the last', async () => {
    const story = `${STORY} I use it every day.`;
    const { context, page } = await openWithStory(story);
    await until(page, (step) => step.thanks);
    await expect.poll(() => !!receivedWith(story)).toBe(true);
    const { id } = receivedWith(story)!;

    // One tab stop for the group, on the first star while none is chosen.
    await tabTo(page, '1 star out of 5', noKey);
    await press(page, 'ArrowRight', 'ArrowRight', 'ArrowRight');
    expect((await focusInfo(page)).name).toBe('4 stars out of 5');
    expect(await stars(page)).not.toContainEqual(expect.stringContaining('(checked)'));
    expect(await ratingThanks(page)).toBe(0);

    await page.keyboard.press('Space');
    expect(await stars(page)).toContain('4 stars out of 5 (checked)');
    await expect.poll(() => env.server.csat(id)).toBe(4);

    // A change of mind: back two, Enter; then a click on another.
    await press(page, 'ArrowLeft', 'ArrowLeft');
    expect((await focusInfo(page)).name).toBe('2 stars out of 5');
    expect(await stars(page)).toContain('4 stars out of 5 (checked)');
    await page.keyboard.press('Enter');
    expect(await stars(page)).toContain('2 stars out of 5 (checked)');
    await expect.poll(() => env.server.csat(id)).toBe(2);
    // Wrapping round from the first star to the last.
    await press(page, 'ArrowLeft', 'ArrowLeft');
    expect((await focusInfo(page)).name).toBe('5 stars out of 5');
    await page.getByRole('radio', { name: '3 stars out of 5' }).click();
    await expect.poll(() => env.server.csat(id)).toBe(3);
    expect((await stars(page)).filter((star) => star.endsWith('(checked)'))).toEqual(['3 stars out of 5 (checked)']);

    // Tab leaves the group in one press, and Shift+Tab comes back to the chosen star.
    await page.keyboard.press('Tab');
    expect((await focusInfo(page)).name).not.toMatch(/stars? out of 5/);
    await page.keyboard.press('Shift+Tab');
    expect((await focusInfo(page)).name).toBe('3 stars out of 5');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('the contact step', () => {
  it('starts the order field with the reference the visitor wrote, for them to change', async () => {
    const story = `${STORY} It was not cheap.`;
    const { context, page } = await openWithStory(story);
    await until(page, (step) => step.contact);
    const order = page.getByRole('textbox', { name: 'Order or account number' });
    expect(await order.inputValue()).toBe('4411-A');
    await order.fill('4411-B');
    await page.getByRole('textbox', { name: 'Name' }).fill('Ana Novak');
    await page.getByRole('textbox', { name: 'Email' }).fill('ana@example.com');
    await page.getByRole('button', { name: 'Continue' }).click();
    await until(page, (step) => step.thanks);
    await expect.poll(() => receivedWith(story)?.visitor.accountRef).toBe('4411-B');
    await context.close();
  });

  it('keeps Continue in view at every panel height from 480 px up', async () => {
    const story = `${STORY} Please help.`;
    const { context, page } = await openWithStory(story);
    await until(page, (step) => step.contact);

    // Floating panels 480 and 600 px tall and the tallest (640 px, at 1280×800); full-screen ones below 480 px wide.
    for (const [width, height] of [[1280, 588], [1280, 708], [1280, 800], [400, 480], [400, 600], [400, 800]] as const) {
      await page.setViewportSize({ width, height });
      await settle(page);
      const seen = await page.evaluate((r) => {
        const shadow = document.querySelector(r)!.shadowRoot!;
        const panel = shadow.querySelector('.heard-panel')!.getBoundingClientRect();
        const step = shadow.querySelector('.heard-step')!;
        const button = [...shadow.querySelectorAll('button')].find((b) => b.textContent === 'Continue')!;
        const box = button.getBoundingClientRect();
        const view = step.getBoundingClientRect();
        const hit = shadow.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return {
          panelHeight: Math.round(panel.height),
          // The step scrolls: its content is taller than it.
          scrolls: step.scrollHeight > step.clientHeight,
          inStep: box.top >= view.top && box.bottom <= view.bottom + 0.5,
          inViewport: box.top >= 0 && box.bottom <= innerHeight,
          onTop: hit === button || button.contains(hit),
        };
      }, root);
      expect(seen.panelHeight, `${width}×${height}`).toBeGreaterThanOrEqual(480);
      expect({ inStep: seen.inStep, inViewport: seen.inViewport, onTop: seen.onTop }, `${width}×${height} (panel ${seen.panelHeight} px, scrolls: ${seen.scrolls})`).toEqual({ inStep: true, inViewport: true, onTop: true });
      expect(await axeViolations(page), `${width}×${height}`).toEqual([]);
    }
    await context.close();
  });
});
