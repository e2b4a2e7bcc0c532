// @ts-check
import { createSqliteStore } from './sqlite/sqlite-store.mjs';

/**
 * Opens the store the configuration asks for: PostgreSQL when `databaseUrl` is set, else the
 * embedded SQLite file at `sqlitePath`. Migrations have run when it resolves.
 * @param {{ databaseUrl?: string | null, sqlitePath: string }} options
 * @returns {Promise<import('./store.mjs').Store>}
 */
export async function createStore({ databaseUrl = null, sqlitePath }) {
  if (databaseUrl) {
    const { createPostgresStore } = await import('./postgres/postgres-store.mjs');
    return createPostgresStore({ connectionString: databaseUrl });
  }
  return createSqliteStore({ path: sqlitePath });
}
