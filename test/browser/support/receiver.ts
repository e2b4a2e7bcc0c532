import { createApp } from '../../../server/app.mjs';
import { createSqliteStore } from '../../../server/store/sqlite/sqlite-store.mjs';
import { assertWidgetBuilt, WIDGET_DIST } from './widget-server';

/** The real server on loopback (SQLite in memory), serving the demo shop and the built widget. */
export interface RealReceiver {
  app: ReturnType<typeof createApp>;
  store: ReturnType<typeof createSqliteStore>;
  /** Its origin, allowed to post complaints. */
  base: string;
  close(): Promise<void>;
}

/** Starts the server a browser test drives end to end; `close` stops it and its store. */
export async function startRealReceiver(): Promise<RealReceiver> {
  assertWidgetBuilt();
  const store = createSqliteStore({ path: ':memory:' });
  const origins = new Set<string>();
  const app = createApp({ store, allowedOrigins: origins, rateLimit: 0, distDir: WIDGET_DIST });
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
