import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.mjs';

/** The icon a page links to, as the browser reads it from the page's own markup. */
const linkedIcon = (html: string): string | null => /<link rel="icon" href="([^"]+)"/.exec(html)?.[1] ?? null;

describe('the demo shop page and the inbox have an icon', () => {
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    app = createApp({ store: createSqliteStore({ path: ':memory:' }), allowedOrigins: [], rateLimit: 0 });
    await app.ready();
  });
  afterAll(() => app.close());

  it.each([
    ['the demo shop page', '/', '/favicon.svg'],
    ['the inbox', '/inbox/', '/inbox/favicon.svg'],
  ])('%s links one that is served as an image, so a browser asks for no icon that is not there', async (_page, path, iconPath) => {
    const page = await app.inject({ url: path });
    expect(page.statusCode).toBe(200);
    const href = linkedIcon(page.body);
    expect(href).not.toBeNull();
    const icon = await app.inject({ url: new URL(href!, `http://127.0.0.1${path}`).pathname });
    expect(new URL(href!, `http://127.0.0.1${path}`).pathname).toBe(iconPath);
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(icon.headers['x-content-type-options']).toBe('nosniff');
  });
});
