// @ts-check
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describeDatabase } from '../config.mjs';
import { migratePostgres, pendingPostgresMigrations } from '../store/postgres/migrate.mjs';
import { migrateSqlite, pendingSqliteMigrations } from '../store/sqlite/migrate.mjs';
import { openSqliteDatabase } from '../store/sqlite/sqlite-store.mjs';
import { settings } from './settings.mjs';
import { EXIT, parseCommand } from './usage.mjs';

/** @type {import('./main.mjs').Command} */
export const migrateCommand = {
  name: 'migrate',
  summary: 'apply the database migrations this release brings (--check: only say which are pending)',
  help: `heard-server migrate [--check]

Applies the migrations the configured database (DATABASE_URL for PostgreSQL, else the SQLite
file at HEARD_DB) has not had yet, and prints each one it applied. The server also does this
when it starts; run it yourself to upgrade in a step of its own, before starting the new release.
Instances starting together on PostgreSQL migrate once between them.

Options:
  --check     apply nothing: list the pending migrations and exit 3 if there are any, 0 if
              the database is up to date (a missing SQLite file has every migration pending)
  -h, --help  this text

Exit codes: 0 done or up to date, 1 the database could not be reached or is newer than this
release, 2 a wrong command line, 3 (--check) migrations are pending.
`,
  async run(args, env) {
    const { values } = parseCommand(args, { check: { type: 'boolean' } });
    const config = settings(env);
    const where = config.databaseUrl ? `PostgreSQL (${describeDatabase(config.databaseUrl)})` : `SQLite at ${config.dbPath}`;
    if (values.check) {
      const pending = config.databaseUrl ? await pendingPostgresMigrations(config.databaseUrl) : sqlitePending(config.dbPath);
      if (pending.length === 0) {
        console.log(`${where} is up to date: no migration is pending.`);
        return EXIT.ok;
      }
      console.log(`${where} has ${pending.length} pending migration${pending.length === 1 ? '' : 's'} (heard-server migrate applies them):`);
      for (const name of pending) console.log(`  ${name}`);
      return EXIT.pending;
    }
    const applied = config.databaseUrl ? await postgresMigrate(config.databaseUrl) : sqliteMigrate(config.dbPath);
    if (applied.length === 0) {
      console.log(`${where} is up to date: nothing to apply.`);
    } else {
      console.log(`Applied ${applied.length} migration${applied.length === 1 ? '' : 's'} to ${where}:`);
      for (const name of applied) console.log(`  ${name}`);
    }
    return EXIT.ok;
  },
};

/** Without creating the file when there is none. @param {string} path */
function sqlitePending(path) {
  if (!existsSync(path)) return pendingSqliteMigrations(null);
  const db = new Database(path, { fileMustExist: true });
  try {
    return pendingSqliteMigrations(db);
  } finally {
    db.close();
  }
}

/** @param {string} path */
function sqliteMigrate(path) {
  const db = openSqliteDatabase(path);
  try {
    pendingSqliteMigrations(db);
    return migrateSqlite(db);
  } finally {
    db.close();
  }
}

/** Refusing, as on SQLite, a database a newer release migrated. @param {string} url */
async function postgresMigrate(url) {
  await pendingPostgresMigrations(url);
  return migratePostgres(url);
}
