import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../../server/app.mjs';
import { diskStorage } from '../../../server/attachments/storage.mjs';
import { createSqliteStore } from '../../../server/store/sqlite/sqlite-store.mjs';
import { assertWidgetBuilt, launchChromium, WIDGET_DIST } from './widget-server';

/** The real server on loopback (SQLite in memory), serving the demo shop and the built widget. */
export interface RealReceiver {
  app: ReturnType<typeof createApp>;
  store: ReturnType<typeof createSqliteStore>;
  /** Its origin, allowed to post complaints. */
  base: string;
  close(): Promise<void>;
}

/**
 * Starts the server a browser test drives end to end; `close` stops it and its store.
 * @param options more of the server's options (where it keeps files, its jobs)
 */
export async function startRealReceiver(options: Omit<Parameters<typeof createApp>[0], 'store' | 'allowedOrigins'> = {}): Promise<RealReceiver> {
  assertWidgetBuilt();
  const store = createSqliteStore({ path: ':memory:' });
  const origins = new Set<string>();
  const app = createApp({ rateLimit: 0, distDir: WIDGET_DIST, ...options, store, allowedOrigins: origins });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  origins.add(base);
  return {
    app,
    store,
    base,
    async close() {
      await app.close();
      store.close();
    },
  };
}

/** The real server keeping files on disk in a folder of its own, and Chromium, for a file's tests. */
export interface FilesReceiver extends Omit<RealReceiver, 'close'> {
  browser: Browser;
  files: ReturnType<typeof diskStorage>;
}

/**
 * Starts, before the file's tests, the real server keeping files on disk and Chromium; stops
 * both and deletes the files after them. Read the fields inside the tests.
 * @param options more of the server's options
 */
export function useFilesReceiver(options: Omit<Parameters<typeof createApp>[0], 'store' | 'allowedOrigins' | 'attachments'> = {}): FilesReceiver {
  const env = {} as FilesReceiver;
  let real: RealReceiver | undefined;
  let folder: string | undefined;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'heard-files-'));
    env.files = diskStorage(folder);
    real = await startRealReceiver({ ...options, attachments: env.files });
    Object.assign(env, { app: real.app, store: real.store, base: real.base });
    env.browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await env.browser?.close();
    await real?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });
  return env;
}
