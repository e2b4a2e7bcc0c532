// @ts-check
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import pg from 'pg';

const DIR = fileURLToPath(new URL('../migrations/postgres/', import.meta.url));

/**
 * Brings the database up to date with the numbered files in `migrations/postgres/`. node-pg-migrate
 * holds a PostgreSQL advisory lock while it works; an instance starting meanwhile waits for it and
 * then finds nothing left to do, so instances starting together migrate once.
 * Returns the names of the migrations it applied.
 * @param {string} connectionString
 * @returns {Promise<string[]>}
 */
export async function migratePostgres(connectionString) {
  try {
    return (await migrate(connectionString)).map((migration) => `${migration.name}.sql`);
  } catch (error) {
    // One line for the operator, naming the setting; the URL itself may hold a password.
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`the PostgreSQL database at DATABASE_URL could not be reached or migrated: ${reason}`, { cause: error });
  }
}

/**
 * The migrations the database has not had yet, by file name, without applying any (nor creating
 * the table that records them). Throws when the database has had one this release does not know.
 * @param {string} connectionString
 * @returns {Promise<string[]>}
 */
export async function pendingPostgresMigrations(connectionString) {
  const files = readdirSync(DIR).filter((name) => name.endsWith('.sql')).sort();
  const client = new pg.Client({ connectionString });
  /** @type {string[]} */
  let run = [];
  try {
    await client.connect();
    const { rows } = await client.query("SELECT to_regclass('heard_migrations') IS NOT NULL AS present");
    if (rows[0].present) run = (await client.query('SELECT name FROM heard_migrations ORDER BY run_on, id')).rows.map((row) => row.name);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`the PostgreSQL database at DATABASE_URL could not be reached: ${reason}`, { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
  const known = new Set(files.map((file) => file.replace(/\.sql$/, '')));
  const unknown = run.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`the database has had migrations this release of Heard does not know (${unknown.join(', ')}): it was migrated by a newer release; run that one.`);
  }
  return files.filter((file) => !run.includes(file.replace(/\.sql$/, '')));
}

/** @param {string} connectionString */
function migrate(connectionString) {
  return runner({
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
