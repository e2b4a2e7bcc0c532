import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.mjs';

describe('health checks for a load balancer', () => {
  it('says the process is up on /healthz, and ready on /readyz only while the database answers', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const app = createApp({ store, allowedOrigins: [], rateLimit: 0 });
    await app.ready();
    const health = await app.inject({ url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    expect(health.headers['cache-control']).toBe('no-store');
    expect((await app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready' });

    await store.close();
    const unready = await app.inject({ url: '/readyz' });
    expect(unready.statusCode).toBe(503);
    expect(unready.json()).toEqual({ status: 'unavailable', error: 'database-unreachable' });
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    await app.close();
  });
});
