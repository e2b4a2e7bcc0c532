// @ts-check
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';

const DIR = fileURLToPath(new URL('../migrations/postgres/', import.meta.url));

/**
 * Brings the database up to date with the numbered files in `migrations/postgres/`. node-pg-migrate
 * holds a PostgreSQL advisory lock while it works; an instance starting meanwhile waits for it and
 * then finds nothing left to do, so instances starting together migrate once.
 * @param {string} connectionString
 */
export async function migratePostgres(connectionString) {
  await runner({
    databaseUrl: connectionString,
    dir: DIR,
    migrationsTable: 'heard_migrations',
    direction: 'up',
    checkOrder: true,
    singleTransaction: true,
    advisoryLockMode: 'wait',
    logger: { debug() {}, info() {}, warn: (message) => console.warn(message), error: (message) => console.error(message) },
  });
}
