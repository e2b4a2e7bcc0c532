import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { assertWidgetBuilt, WIDGET_DIST } from './support/widget-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.mjs';
import { addAgent, PASSWORD } from '../support/agents';

const COMPLAINT = 'My parcel for order ORD-5521 arrived today and the kettle inside was dented.';

let browser: Browser;
let app: ReturnType<typeof createApp>;
let store: ReturnType<typeof createSqliteStore>;
let base: string;

beforeAll(async () => {
  assertWidgetBuilt();
  store = createSqliteStore({ path: ':memory:' });
  const origins = new Set<string>();
  app = createApp({ store, allowedOrigins: origins, rateLimit: 0, distDir: WIDGET_DIST });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  origins.add(base);
  await addAgent(store, { name: 'Mia', email: 'mia@shop.example' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  store?.close();
});

/** Clicks the first of `candidates` that is visible and enabled; false when none is. */
async function clickFirst(candidates: Locator[]) {
  for (const candidate of candidates) {
    const target = candidate.first();
    if ((await target.isVisible()) && (await target.isEnabled())) {
      await target.click();
      return true;
    }
  }
  return false;
}

/** Walks the widget's script from greeting to "Send complaint", answering each step. */
async function completeComplaint(shop: Page) {
  await shop.getByRole('button', { name: 'Raise a complaint' }).click();
  const message = shop.getByLabel('Your message');
  await message.waitFor();
  await message.fill(COMPLAINT);
  await shop.getByRole('button', { name: 'Send', exact: true }).click();
  await shop.getByRole('button', { name: 'That’s everything' }).click();

  for (let step = 0; step < 20; step++) {
    if (await clickFirst([shop.getByRole('button', { name: 'Send complaint' })])) return;
    const name = shop.getByLabel('Name', { exact: false });
    if (await name.first().isVisible()) {
      await name.first().fill('Ana Novak');
      await shop.getByLabel('Email', { exact: false }).first().fill('ana@example.com');
      await shop.getByRole('button', { name: 'Continue' }).first().click();
      continue;
    }
    const answers = [
      shop.getByRole('button', { name: 'Yes, that’s right' }),
      shop.getByRole('radio', { name: 'Replacement' }),
      shop.getByRole('button', { name: 'Replacement' }),
      shop.getByRole('button', { name: 'Yes, that would help' }),
      shop.getByRole('button', { name: 'Continue' }),
    ];
    // Nothing to answer yet (the bot is still typing): wait for the next step to show.
    if (!(await clickFirst(answers))) {
      await [shop.getByRole('button', { name: 'Send complaint' }), name, ...answers].reduce((any, next) => any.or(next)).first().waitFor();
    }
  }
  throw new Error('the widget never offered "Send complaint"');
}

describe('visitor to agent, end to end', () => {
  it('a complaint made on the demo page appears live in the inbox, and an agent claims and resolves it', async () => {
    const inbox = await browser.newPage();
    await inbox.goto(`${base}/inbox/`);
    await inbox.locator('#email').fill('mia@shop.example');
    await inbox.locator('#password').fill(PASSWORD);
    await inbox.getByRole('button', { name: 'Sign in' }).click();
    await inbox.locator('body[data-live="live"]').waitFor();

    const shop = await browser.newPage();
    await shop.addInitScript(() => {
      const seen: string[] = ((window as unknown as { __violations: string[] }).__violations = []);
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const response = await shop.goto(`${base}/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await completeComplaint(shop);
    expect(await shop.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);

    const row = inbox.locator('#queue-rows tr', { hasText: 'Ana Novak' });
    await row.waitFor({ timeout: 30_000 });
    const [listed] = await store.listRecords();
    const stored = await store.getRecord(listed!.id);
    expect(stored?.record.messages.some((m: { from: string; text: string }) => m.from === 'visitor' && m.text === COMPLAINT)).toBe(true);

    await row.getByRole('button').click();
    const detail = inbox.locator('#detail-view');
    await detail.locator('ol.transcript').getByText(COMPLAINT, { exact: true }).waitFor();
    await detail.getByRole('button', { name: 'Claim' }).click();
    await detail.getByText(/^Claimed by you/).waitFor();
    await detail.getByLabel('Reply to the visitor: the outcome').fill('Your replacement kettle is on its way.');
    await detail.getByLabel('Resolution note').fill('Replacement kettle sent.');
    await detail.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => detail.locator('#resolution-note').textContent()).toBe('Replacement kettle sent.');
    expect((await store.getRecord(stored!.id))?.status).toBe('resolved');
  });
});
