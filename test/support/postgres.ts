/**
 * A PostgreSQL cluster of its own for a test file: `initdb` + `pg_ctl` in a temporary folder on
 * a free loopback port, as the `postgres` system user. `createDatabase()` gives a fresh,
 * empty database's URL; `stop()` stops the cluster and removes its folder.
 */
import { startPostgres as start } from '../../server/postgres-cluster.mjs';

export interface PostgresCluster {
  url: string;
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

export function startPostgres(): Promise<PostgresCluster> {
  return start();
}
