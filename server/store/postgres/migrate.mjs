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
  try {
    await migrate(connectionString);
  } catch (error) {
    // One line for the operator, naming the setting; the URL itself may hold a password.
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`the PostgreSQL database at DATABASE_URL could not be reached or migrated: ${reason}`, { cause: error });
  }
}

/** @param {string} connectionString */
async function migrate(connectionString) {
  await runner({
    databaseUrl: connectionString,
    dir: DIR,
    migrationsTable: 'heard_migrations',
    direction: 'up',
    checkOrder: true,
    singleTransaction: true,
    advisoryLockMode: 'wait',
    // Its errors reach the caller, which reports them once.
    logger: { debug() {}, info() {}, warn: (message) => console.warn(message), error() {} },
  });
}
