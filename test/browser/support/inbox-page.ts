import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { createApp } from '../../../server/app.mjs';
import type { sampleComplaint } from '../../../server/sample-records.mjs';
import { createSqliteStore } from '../../../server/store/sqlite/sqlite-store.mjs';
import { PASSWORD } from '../../support/agents';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * A server with the inbox on a loopback port and an in-memory SQLite store, which closes with
 * it. Resolves to the app, its store and its origin.
 */
export async function startInbox() {
  const store = createSqliteStore({ path: ':memory:' });
  const app = createApp({ store, allowedOrigins: [], rateLimit: 0 });
  app.addHook('onClose', async () => store.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, store, base: `http://127.0.0.1:${(app.server.address() as { port: number }).port}` };
}

/** Posts a complaint to the receiver at `base` as a widget would; it must be stored (201). */
export async function postComplaint<T extends ReturnType<typeof sampleComplaint>>(base: string, record: T): Promise<T> {
  const response = await fetch(`${base}/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) });
  expect(response.status).toBe(201);
  return record;
}

/** Signs in on `page` at `base + path` and waits until the inbox is live. */
export async function signInOn(page: Page, base: string, email: string, path = '/inbox/'): Promise<Page> {
  await page.goto(`${base}${path}`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('body[data-live="live"]').waitFor();
  return page;
}

/** axe-core's default rules over the page, as `rule (count)` lines. */
export async function inboxAxeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
    return (await axe.run(document)).violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
  });
}
