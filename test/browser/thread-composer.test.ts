import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, finishComplaint, sendMessages, storedValues } from './support/widget-page';
import { hostPage, useWidgetEnvironment } from './support/widget-server';

/*
 * One place to write, in real Chromium: a visitor whose complaint has a thread (on the thanks
 * step, and when they come back) sees one text box, the thread's, with a way to write about
 * something else; and where the complaint stands is said once in the panel.
 */

let pageUrl: string;
const env = useWidgetEnvironment((server) => {
  pageUrl = server.page('thread', { html: hostPage({ title: 'Kettle shop' }) });
});

/** The panel's text boxes a visitor can see, by name. */
const visibleBoxes = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('heard-root')!.shadowRoot!;
    return [...root.querySelectorAll<HTMLTextAreaElement>('.heard-panel textarea')].filter((box) => box.checkVisibility()).map((box) => box.labels?.[0]?.textContent ?? '');
  });

/** How many times the panel, as shown, says `sentence`. */
const timesSaid = (page: Page, sentence: string) =>
  page.evaluate((text) => document.querySelector('heard-root')!.shadowRoot!.querySelector<HTMLElement>('.heard-panel')!.innerText.split(text).length - 1, sentence);

/** Whether focus is on a control inside the widget's panel. */
const focusInPanel = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('heard-root')!;
    const active = host.shadowRoot!.activeElement;
    return document.activeElement === host && !!active && !!active.closest('.heard-panel') && active.checkVisibility();
  });

describe("a complaint's thread and the new-complaint composer", () => {
  it('offers one box to write in, a way to write about something else, and says the status once', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(pageUrl);
    await page.getByRole('button', { name: 'Raise a complaint' }).click();
    await sendMessages(page, ['The kettle I ordered arrived with a dented lid and the handle wobbles when I pour.']);
    const filed = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/complaints');
    await finishComplaint(page);
    const { reference } = (await (await filed).json()) as { reference: string };
    const received = `We have received your complaint ${reference}.`;

    // The thanks step: the thread's box, and the status said once.
    // (The thread's log is empty until someone writes: the status is said in the status view.)
    const threadBox = page.getByRole('textbox', { name: `Write to us about ${reference}` });
    await threadBox.waitFor();
    await page.getByText(received).first().waitFor();
    expect(await visibleBoxes(page)).toEqual([`Write to us about ${reference}`]);
    expect(await timesSaid(page, received)).toBe(1);
    expect(await page.getByRole('button', { name: 'Write about something else' }).isVisible()).toBe(false);

    // Asking for another complaint gives it its composer, and the focus, beside the thread.
    await page.getByRole('button', { name: 'Raise another complaint' }).click();
    const composer = page.getByRole('textbox', { name: 'Your message' });
    await composer.waitFor();
    expect(await composer.evaluate((box) => box === (box.getRootNode() as ShadowRoot).activeElement)).toBe(true);

    // They come back to that new conversation (on another page of the shop, say): the
    // thread's box, not a second one for it.
    type Saved = { snapshot: { context: { reference: string } } };
    await expect.poll(async () => (await storedValues<Saved>(page, 'drafts')).some((draft) => draft.snapshot.context.reference !== reference)).toBe(true);
    await page.reload();
    await page.getByRole('button', { name: /^Raise a complaint/ }).click();
    await threadBox.waitFor();
    const other = page.getByRole('button', { name: 'Write about something else' });
    await other.waitFor();
    expect(await visibleBoxes(page)).toEqual([`Write to us about ${reference}`]);
    expect(await threadBox.evaluate((box) => box === (box.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Your message' }).count()).toBe(0);
    expect(await timesSaid(page, received)).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // On a phone the panel keeps Tab inside it, past the composer put aside.
    await page.setViewportSize({ width: 375, height: 700 });
    for (let i = 0; i < 25; i += 1) {
      await page.keyboard.press('Tab');
      expect(await focusInPanel(page), `after ${i + 1} Tab presses`).toBe(true);
    }
    await page.setViewportSize({ width: 1280, height: 800 });

    // Writing about something else brings the new-complaint composer back, focused.
    await other.click();
    await composer.waitFor();
    expect(await composer.evaluate((box) => box === (box.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(await other.isVisible()).toBe(false);
    await page.keyboard.type('The toaster is broken too.');
    expect(await composer.inputValue()).toBe('The toaster is broken too.');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
