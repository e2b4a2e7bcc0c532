// @ts-check
import { createSqliteStore } from './sqlite/sqlite-store.mjs';

/**
 * Opens the store the configuration asks for: PostgreSQL when `databaseUrl` is set, else the
 * embedded SQLite file at `sqlitePath`. Migrations have run when it resolves.
 * @param {{ databaseUrl?: string | null, sqlitePath: string }} options
 * @returns {Promise<import('./store.mjs').Store>}
 */
export async function createStore({ databaseUrl = null, sqlitePath }) {
  if (databaseUrl) throw new Error('PostgreSQL is not available in this build; unset DATABASE_URL to use SQLite.');
  return createSqliteStore({ path: sqlitePath });
}
