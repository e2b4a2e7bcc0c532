/**
 * A PostgreSQL cluster of its own for a test file: `initdb` + `pg_ctl` in a temporary folder on
 * a free loopback port, as the `postgres` system user. `createDatabase()` gives a fresh,
 * empty database's URL; `stop()` stops the cluster and removes its folder.
 */
import { afterAll, beforeAll } from 'vitest';
import { startPostgres as start } from '../../bench/postgres-cluster.mjs';
import { createPostgresStore } from '../../server/store/postgres/postgres-store.mjs';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.mjs';
import type { Store } from '../../server/store/store.mjs';

export interface PostgresCluster {
  url: string;
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

export function startPostgres(): Promise<PostgresCluster> {
  return start();
}

/**
 * The two stores a test file runs its suite against: SQLite in memory, and a fresh database in
 * a PostgreSQL cluster the file starts before its tests and stops after them. Call it at the top
 * level of the file. The third item opens another instance's store on the database the last
 * `open()` made (PostgreSQL only; SQLite is one instance, and has none); the fourth gives that
 * database's URL, for a test that changes it from outside (PostgreSQL only).
 */
export function bothStores(postgres: { poolSize?: number } = {}): [string, () => Promise<Store>, (() => Promise<Store>) | null, (() => string) | null][] {
  let cluster: PostgresCluster | undefined;
  let last: string | undefined;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });
  return [
    ['SQLite', async () => createSqliteStore({ path: ':memory:' }), null, null],
    [
      'PostgreSQL',
      async () => createPostgresStore({ connectionString: (last = await cluster!.createDatabase()), ...postgres }),
      async () => createPostgresStore({ connectionString: last!, ...postgres }),
      () => last!,
    ],
  ];
}
