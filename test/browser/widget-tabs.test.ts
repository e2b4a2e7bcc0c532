import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { finishComplaint, sendMessages, settle, storedValues, widgetStep } from './support/widget-page';
import { hostPage, useWidgetEnvironment } from './support/widget-server';

let url: string;
const env = useWidgetEnvironment((server) => {
  url = server.page('tabs', { html: hostPage({ title: 'Two tabs' }) });
});

async function open(page: Page): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Raise a complaint' }).click();
  await page.waitForFunction(() => document.querySelector('heard-root')?.shadowRoot?.querySelector<HTMLElement>('.heard-panel')?.hidden === false);
  await settle(page);
}

const visitorLines = async (page: Page) => (await widgetStep(page)).lines.filter((l) => l.from === 'visitor').map((l) => l.text);

describe('two tabs of one site', () => {
  it('show one conversation, not two diverging ones, and deliver it once', async () => {
    const context = await env.browser.newContext();
    const first = await context.newPage();
    const second = await context.newPage();
    await open(first);
    await open(second);

    await sendMessages(first, ['The blender from order #77120 arrived with a cracked jug.']);
    // Saved 300 ms after the change and announced to the other tab, which adopts it.
    await second.waitForFunction(
      () => document.querySelector('heard-root')?.shadowRoot?.querySelector('[role="log"]')?.textContent?.includes('#77120') ?? false,
      undefined,
      { timeout: 10_000 },
    );
    expect(await visitorLines(second)).toEqual(['The blender from order #77120 arrived with a cracked jug.']);

    // The other tab carries on the same conversation, and the first follows.
    await sendMessages(second, ['The lid is missing as well.']);
    await first.waitForFunction(
      () => document.querySelector('heard-root')?.shadowRoot?.querySelector('[role="log"]')?.textContent?.includes('lid is missing') ?? false,
      undefined,
      { timeout: 10_000 },
    );
    expect(await visitorLines(first)).toEqual(['The blender from order #77120 arrived with a cracked jug.', 'The lid is missing as well.']);

    await finishComplaint(first);
    await expect.poll(() => env.server.records().length, { timeout: 15_000 }).toBe(1);
    // The second tab learns the conversation ended rather than offering to send it again.
    await second.waitForFunction(() => !!document.querySelector('heard-root')?.shadowRoot?.querySelector('.heard-thanks'), undefined, { timeout: 10_000 });
    // Delivered and out of the outbox the tabs share: neither has anything left to send.
    await expect.poll(() => storedValues(second, 'outbox'), { timeout: 10_000 }).toEqual([]);
    expect(env.server.records()).toHaveLength(1);
    expect(env.server.records()[0]!.messages.filter((m) => m.from === 'visitor').map((m) => m.text)).toEqual(
      expect.arrayContaining(['The blender from order #77120 arrived with a cracked jug.', 'The lid is missing as well.']),
    );
    await context.close();
  });
});
