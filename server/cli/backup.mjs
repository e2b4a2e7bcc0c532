// @ts-check
import { closeSync, existsSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { pendingSqliteMigrations, sqliteMigrations } from '../store/sqlite/migrate.mjs';
import { openSqliteDatabase } from '../store/sqlite/sqlite-store.mjs';
import { settings } from './settings.mjs';
import { CommandError, EXIT, parseCommand, UsageError } from './usage.mjs';

/**
 * SQLite's online backup API, through better-sqlite3, copying every page in one step: the copy
 * is read under one read transaction, so it is the database as it stood at one instant, while
 * the server goes on writing (WAL lets it), and a write meanwhile cannot make it start over.
 */
const ALL_PAGES = 0x7fffffff;

/** The tables only a Heard database has. */
const HEARD_TABLES = ['complaints', 'receipts', 'agents', 'jobs'];

const POSTGRES = `On PostgreSQL, back up with PostgreSQL's own tool, which takes one consistent snapshot
while the server runs, and restore with every instance stopped:
  pg_dump --format=custom --file=<file> "$DATABASE_URL"
  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" <file>`;

/** @type {import('./main.mjs').Command} */
const backup = {
  name: 'backup',
  summary: 'copy the SQLite database to a file, consistent while the server runs',
  help: `heard-server backup <file> [--force]

Copies the SQLite database at HEARD_DB to <file> with SQLite's online backup API: the copy is
the database at one instant, consistent while the server goes on taking records, and every
record answered 201 before the backup began is in it. The file is readable by its owner
only; it holds visitors' personal data. An interrupted backup leaves no file behind.

${POSTGRES}
On PostgreSQL this command prints those commands and exits 1.

Options:
  --force     replace <file> if it exists
  -h, --help  this text

Exit codes: 0 done, 1 it failed (or the database is PostgreSQL), 2 a wrong command line,
4 <file> exists and --force was not given.
`,
  async run(args, env) {
    const { force, file: target, config } = fileArguments('backup', args, env);
    if (!existsSync(config.dbPath)) throw new CommandError(`there is no database at ${config.dbPath} (HEARD_DB) to back up.`);
    if (target === config.dbPath) throw new UsageError('the backup cannot be the database itself.');
    if (existsSync(target) && !force) {
      throw new CommandError(`${target} exists already: choose another file, or add --force to replace it.`, EXIT.refused);
    }
    const partial = `${target}.partial-${process.pid}`;
    try {
      closeSync(openSync(partial, 'wx', 0o600));
      const source = new Database(config.dbPath, { fileMustExist: true });
      try {
        heardVersion(source, config.dbPath);
        await source.backup(partial, { progress: () => ALL_PAGES });
      } finally {
        source.close();
      }
      // One self-contained file: no write-ahead log beside it.
      const copy = new Database(partial, { fileMustExist: true });
      let contents;
      try {
        copy.pragma('journal_mode = DELETE');
        contents = describe(copy, partial);
      } finally {
        copy.close();
      }
      renameSync(partial, target);
      console.log(`Backed up SQLite at ${config.dbPath} to ${target}: ${contents}.`);
    } finally {
      rmSync(partial, { force: true });
    }
    return EXIT.ok;
  },
};

/** @type {import('./main.mjs').Command} */
const restore = {
  name: 'restore',
  summary: 'replace the SQLite database with a backup (the server stopped)',
  help: `heard-server restore <file> [--force]

Checks that <file> is a Heard database (a backup from heard-server backup) that is whole, then
copies it into the SQLite database at HEARD_DB. Stop the server first: restore refuses to
touch a database a running server holds. A database already at HEARD_DB is replaced only with
--force (back it up first). A backup from an older release is brought up to date by the next
start, or by heard-server migrate.

${POSTGRES}
On PostgreSQL this command prints those commands and exits 1.

Options:
  --force     replace the database at HEARD_DB
  -h, --help  this text

Exit codes: 0 done, 1 it failed (not a Heard database, damaged, newer than this release, or
the database is PostgreSQL), 2 a wrong command line, 4 a running server holds the database,
or there is one and --force was not given.
`,
  async run(args, env) {
    const { force, file, config } = fileArguments('restore', args, env);
    if (!existsSync(file)) throw new CommandError(`there is no file at ${file}.`);
    if (file === config.dbPath) throw new UsageError('the backup is the database at HEARD_DB itself.');
    const source = new Database(file, { fileMustExist: true });
    try {
      const version = heardVersion(source, file);
      const check = /** @type {string} */ (source.pragma('quick_check', { simple: true }));
      if (check !== 'ok') throw new CommandError(`${file} is damaged (${check}); restore another backup.`);
      if (existsSync(config.dbPath)) {
        if (heldByServer(config.dbPath)) {
          throw new CommandError(`a running Heard server holds ${config.dbPath}: stop every instance on it, then restore.`, EXIT.refused);
        }
        if (statSync(config.dbPath).size > 0 && !force) {
          throw new CommandError(`there is a database at ${config.dbPath} already: add --force to replace it with the backup (back it up first).`, EXIT.refused);
        }
      } else {
        // Created as the server creates it: the owner's only.
        openSqliteDatabase(config.dbPath).close();
      }
      await source.backup(config.dbPath, { progress: () => ALL_PAGES });
      const restored = new Database(config.dbPath, { fileMustExist: true });
      let contents;
      try {
        contents = describe(restored, config.dbPath);
      } finally {
        restored.close();
      }
      const known = sqliteMigrations().length;
      const upgrade = version < known ? ` It has ${version} of this release's ${known} migrations: the next start, or heard-server migrate, applies the rest.` : '';
      console.log(`Restored ${file} into SQLite at ${config.dbPath}: ${contents}.${upgrade}`);
    } finally {
      source.close();
    }
    return EXIT.ok;
  },
};

export const backupCommands = [backup, restore];

/**
 * The backup file and `--force` of `backup` or `restore`, and the settings, which must name a
 * SQLite database: on PostgreSQL the command stops with the pg_dump or pg_restore to use.
 * @param {'backup' | 'restore'} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 */
function fileArguments(command, args, env) {
  const { values, positionals } = parseCommand(args, { force: { type: 'boolean' } }, { positionals: 1 });
  const [file] = positionals;
  if (file === undefined) throw new UsageError('the backup file is missing.');
  const config = settings(env);
  if (config.databaseUrl) throw new CommandError(postgresMessage(command, file));
  return { force: values.force === true, file: resolve(file), config };
}

/**
 * The migrations a Heard database has had; throws when `db` is not one, or is newer than this release.
 * @param {import('better-sqlite3').Database} db
 * @param {string} path
 */
function heardVersion(db, path) {
  let tables;
  try {
    tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all());
  } catch {
    throw new CommandError(`${path} is not a SQLite database.`);
  }
  if (!HEARD_TABLES.every((table) => tables.has(table))) throw new CommandError(`${path} is a SQLite database, but not Heard's.`);
  try {
    pendingSqliteMigrations(db);
  } catch (error) {
    throw new CommandError(`${path}: ${error instanceof Error ? error.message : error}`);
  }
  return /** @type {number} */ (db.pragma('user_version', { simple: true }));
}

/**
 * Whether another connection has the database open, as a running server does: an exclusive
 * lock cannot be had while it does.
 * @param {string} path
 */
function heldByServer(path) {
  const probe = new Database(path, { fileMustExist: true, timeout: 0 });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.prepare('SELECT count(*) FROM sqlite_master').get();
    probe.exec('COMMIT');
    return false;
  } catch (error) {
    if (/** @type {{ code?: string }} */ (error).code?.startsWith('SQLITE_BUSY')) return true;
    throw error;
  } finally {
    probe.close();
  }
}

/** @param {import('better-sqlite3').Database} db @param {string} path */
function describe(db, path) {
  const count = (/** @type {string} */ table) => /** @type {number} */ (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
  const complaints = count('complaints');
  const agents = count('agents');
  const size = statSync(path).size;
  return `${complaints} complaint${complaints === 1 ? '' : 's'}, ${agents} account${agents === 1 ? '' : 's'}, ${(size / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * @param {'backup' | 'restore'} command
 * @param {string} file
 */
function postgresMessage(command, file) {
  const quoted = /^[\w./:@%+=,-]+$/.test(file) ? file : `'${file.replaceAll("'", "'\\''")}'`;
  const line = command === 'backup'
    ? `pg_dump --format=custom --file=${quoted} "$DATABASE_URL"`
    : `pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" ${quoted}`;
  const when = command === 'backup' ? 'while the server runs' : 'with every instance stopped';
  return `this server's database is PostgreSQL (DATABASE_URL); heard-server ${command === 'backup' ? 'backs up' : 'restores'} SQLite only. Use PostgreSQL's own tool, ${when}:\n  ${line}\n(docs/operating.md says more.)`;
}
