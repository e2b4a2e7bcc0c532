import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { createPostgresStore } from '../../server/store/postgres/postgres-store.mjs';
import type { Store } from '../../server/store/store.mjs';
import { addAgent } from '../support/agents';
import { type PostgresCluster, startPostgres } from '../support/postgres';
import { signInOn } from './support/inbox-page';
import { axeViolations, finishComplaint, sendMessages } from './support/widget-page';
import { assertWidgetBuilt, hostPage, launchChromium, WIDGET_DIST } from './support/widget-server';

/*
 * The conversation live on both sides, through two instances of the server on one PostgreSQL
 * database: the visitor's widget talks to instance B, the agent's inbox is on instance A. Nothing
 * is reloaded on either side after the complaint is filed: only the live streams bring the news.
 */

/** How long a wait for the other side may take on a busy machine before it counts as a hang. */
const WAIT = { timeout: 15_000 };

type App = ReturnType<typeof createApp>;
let cluster: PostgresCluster;
let browser: Browser;
const apps: App[] = [];
const stores: Store[] = [];

const start = async (url: string) => {
  const store = await createPostgresStore({ connectionString: url });
  const origins = new Set<string>();
  const app = createApp({ store, allowedOrigins: origins, rateLimit: 0, distDir: WIDGET_DIST });
  app.get('/host/shop', (_request, reply) => reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(hostPage({ title: 'Shop' })));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  origins.add(origin);
  apps.push(app);
  stores.push(store);
  return { app, store, origin };
};

beforeAll(async () => {
  assertWidgetBuilt();
  cluster = await startPostgres();
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  for (const app of apps) await app.close();
  for (const store of stores) await store.close();
  await cluster?.stop();
});

/** Files a complaint through the widget on `origin`'s shop page; resolves to the receiver's answer. */
async function fileComplaint(page: Page, origin: string, text: string): Promise<{ id: string; reference: string }> {
  await page.goto(`${origin}/host/shop`);
  await page.getByRole('button', { name: 'Raise a complaint' }).click();
  await sendMessages(page, [text]);
  const filed = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/complaints');
  await finishComplaint(page);
  return (await filed).json();
}

describe('the conversation, live on both sides, across two instances', () => {
  it("shows an agent's reply in the visitor's open thread, and the visitor's answer written offline arrives once, live in the agent's inbox", async () => {
    const url = await cluster.createDatabase();
    const a = await start(url);
    const b = await start(url);
    const mia = await addAgent(a.store, { name: 'Mia', email: 'mia@shop.example' });

    const visitor = await browser.newContext();
    const shop = await visitor.newPage();
    const { id } = await fileComplaint(shop, b.origin, 'The kettle arrived with a cracked lid and it leaks.');

    // The agent opens the complaint in the inbox on A.
    const agent = await browser.newContext();
    const inbox = await signInOn(await agent.newPage(), a.origin, mia.email);
    await inbox.locator(`tr[data-id="${id}"]`).getByRole('button').click();
    const detail = inbox.locator('#detail-view');

    // The visitor comes back to the panel: their complaint's thread, listening on B.
    await shop.keyboard.press('Escape');
    await shop.getByRole('button', { name: /^Raise a complaint/ }).click();
    const log = shop.getByRole('log', { name: /^Conversation about your complaint/ });
    // Empty until someone writes (the status is said in the status view): wait for its box.
    await shop.getByRole('textbox', { name: /^Write to us about/ }).waitFor(WAIT);
    // The widget's stream is open once the inbox says the visitor is reading.
    await detail.getByRole('status').filter({ hasText: 'The visitor is reading this complaint now.' }).waitFor(WAIT);

    await detail.getByLabel('Reply', { exact: true }).fill('Sorry about that. Is the base cracked too?');
    await detail.getByRole('button', { name: 'Send reply' }).click();
    // Nothing reads the status again but the stream: the reply comes live.
    await log.getByText('Sorry about that. Is the base cracked too?').waitFor(WAIT);
    expect(await axeViolations(shop)).toEqual([]);

    await visitor.setOffline(true);
    await shop.getByRole('textbox', { name: /^Write to us about/ }).fill('Only the lid; the base is fine.');
    await shop.getByRole('button', { name: 'Send', exact: true }).click();
    await log.getByText('This will be sent when you are back online.').waitFor(WAIT);
    expect(await a.store.threadMessagesOf(id)).toEqual([]);
    await visitor.setOffline(false);

    // The agent sees the answer appear under the reply, once, without reloading.
    await expect.poll(() => detail.locator('#replies .message-text').allTextContents(), WAIT).toEqual(['Sorry about that. Is the base cracked too?', 'Only the lid; the base is fine.']);
    await expect.poll(() => log.getByText('This will be sent when you are back online.').count(), WAIT).toBe(0);
    expect(await log.getByText('Only the lid; the base is fine.').count()).toBe(1);
    expect((await a.store.threadMessagesOf(id)).map((m: { text: string }) => m.text)).toEqual(['Only the lid; the base is fine.']);

    await agent.close();
    await visitor.close();
  });

  it("shows a just-sent complaint's thread on its thanks step, where a reply arrives while the visitor is still on the page", async () => {
    const server = await start(await cluster.createDatabase());
    const mia = await addAgent(server.store, { name: 'Mia', email: 'mia@shop.example' });
    const agent = await browser.newContext();
    const inbox = await signInOn(await agent.newPage(), server.origin, mia.email);

    const visitor = await browser.newContext();
    const shop = await visitor.newPage();
    const { id, reference } = await fileComplaint(shop, server.origin, 'The blender stopped working after two days.');

    // The panel stays open on the thanks: once delivered, the complaint's thread shows under it.
    const log = shop.getByRole('log', { name: `Conversation about your complaint ${reference}` });
    await shop.getByRole('textbox', { name: `Write to us about ${reference}` }).waitFor(WAIT);
    expect(await log.count()).toBe(1);

    await inbox.locator(`tr[data-id="${id}"]`).getByRole('button').click();
    const detail = inbox.locator('#detail-view');
    await detail.getByRole('status').filter({ hasText: 'The visitor is reading this complaint now.' }).waitFor(WAIT);
    await detail.getByLabel('Reply', { exact: true }).fill('We are sending a new blender today.');
    await detail.getByRole('button', { name: 'Send reply' }).click();
    await log.getByText('We are sending a new blender today.').waitFor(WAIT);

    await agent.close();
    await visitor.close();
  });
});
