/**
 * Sign-in limits are kept in the database, so every instance on it counts the same attempts:
 * wrong passwords sent to one instance count on the other, and the right password from another
 * address still gets in.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.mjs';
import type { Store } from '../../server/store/store.mjs';
import { addAgent, PASSWORD } from '../support/agents';
import { bothStores } from '../support/postgres';

type App = ReturnType<typeof createApp>;
const dir = mkdtempSync(join(tmpdir(), 'heard-sign-in-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const [sqlite, postgres] = bothStores();
/** Two instances' stores on one database: a SQLite file two stores open, or one PostgreSQL database. */
const twoStores: [string, () => Promise<[Store, Store]>][] = [
  ['SQLite', async () => {
    const path = join(dir, `${sqlite![0]}-${Math.random().toString(36).slice(2)}.db`);
    return [createSqliteStore({ path }), createSqliteStore({ path })];
  }],
  ['PostgreSQL', async () => {
    const first = await postgres![1]();
    return [first, await postgres![2]!()];
  }],
];

describe.each(twoStores)('sign-in limits on %s', (_name, openTwo) => {
  let stores: Store[] = [];
  let apps: App[] = [];
  afterEach(async () => {
    for (const app of apps) await app.close();
    for (const store of stores) await store.close();
    apps = [];
    stores = [];
  });

  async function start() {
    stores = await openTwo();
    apps = stores.map((store) => createApp({ store, allowedOrigins: [], rateLimit: 0, signInLimits: { perEmail: 3, perAddress: 5, windowMs: 60_000, delayMs: 1, maxDelayMs: 5 } }));
    for (const app of apps) await app.ready();
    return apps as [App, App];
  }
  const signIn = (app: App, email: string, password: string, address = '203.0.113.7') =>
    app.inject({ method: 'POST', url: '/api/session', remoteAddress: address, payload: { email, password } });

  it('counts wrong passwords sent to one instance on the other, per account and address', async () => {
    const [one, two] = await start();
    const mia = await addAgent(stores[0]!);
    expect((await signIn(one, mia.email, 'not the password')).statusCode).toBe(401);
    expect((await signIn(one, mia.email, 'not the password')).statusCode).toBe(401);
    expect((await signIn(two, mia.email, 'not the password')).statusCode).toBe(401);
    const limited = await signIn(two, mia.email, PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await signIn(one, mia.email, PASSWORD)).statusCode).toBe(429);
    // The owner, from another address, still gets in on either instance.
    expect((await signIn(two, mia.email, PASSWORD, '198.51.100.4')).statusCode).toBe(200);
  });

  it('counts an address across instances, and keeps a limit reached through a flood of other accounts and addresses', async () => {
    const [one, two] = await start();
    for (let i = 0; i < 5; i += 1) expect((await signIn(i % 2 ? one : two, `someone-${i}@shop.example`, 'not the password')).statusCode).toBe(401);
    expect((await signIn(one, 'another@shop.example', 'not the password')).statusCode).toBe(429);
    for (let i = 0; i < 200; i += 1) await signIn(i % 2 ? one : two, `flood-${i}@shop.example`, 'not the password', `192.0.2.${i % 250}`);
    expect((await signIn(two, 'another@shop.example', 'not the password')).statusCode).toBe(429);
  }, 120_000); // 205 sign-ins, each checking a password hash: slow by design on a busy machine
});
