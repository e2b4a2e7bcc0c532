import { describe, expect, it } from 'vitest';
import { finishComplaint, sendMessages, widgetStep } from './support/widget-page';
import { hostPage, useWidgetEnvironment } from './support/widget-server';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
const COMPLAINT = 'The blender I bought last week stopped working after two uses and smells of burning.';

const env = useWidgetEnvironment();

describe('a host page with a strict Content-Security-Policy', () => {
  it('the widget loads and takes a complaint to the endpoint without a single policy violation', async () => {
    const url = env.server.page(
      'csp',
      {
        html: hostPage({ title: 'Strict shop', head: '<link rel="stylesheet" href="/host/csp.css">', attrs: 'data-brand="Strict shop"' }),
        headers: { 'Content-Security-Policy': CSP },
      },
      'main { max-width: 40rem; margin: auto; font-family: serif; }',
    );
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/favicon/.test(m.location().url)) errors.push(m.text());
    });
    const response = await page.goto(url);
    expect(response?.headers()['content-security-policy']).toBe(CSP);

    await page.getByRole('button', { name: 'Raise a complaint' }).click();
    await sendMessages(page, [COMPLAINT]);
    const before = env.server.records().length;
    await finishComplaint(page);
    await expect.poll(() => env.server.records().length, { timeout: 20_000 }).toBe(before + 1);
    expect(env.server.records().at(-1)?.messages.find((m) => m.from === 'visitor')?.text).toBe(COMPLAINT);

    // Styled, not bare: the adopted stylesheets apply under the policy.
    const panel = await page.evaluate(() => {
      const el = document.querySelector('heard-root')!.shadowRoot!.querySelector<HTMLElement>('.heard-panel')!;
      const style = getComputedStyle(el);
      return { position: style.position, width: el.getBoundingClientRect().width };
    });
    expect(panel.position).toBe('fixed');
    expect(panel.width).toBeGreaterThan(250);
    expect((await widgetStep(page)).thanks).toBe(true);
    const violations = () => page.evaluate(() => [...(window as unknown as { __violations: string[] }).__violations]);
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);

    // The listener does hear violations: an inline style, as a careless widget might add, is one.
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { color: red }';
      document.head.append(style);
    });
    await expect.poll(async () => (await violations()).length).toBe(1);
    await context.close();
  });
});
