// @ts-check
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../migrations/sqlite/', import.meta.url));

/**
 * The numbered SQL files in `migrations/sqlite/` (`001_name.sql`, …), in order.
 * A file, once released, is never edited: a change is a new file.
 * @returns {{ version: number, name: string, sql: string }[]}
 */
export function sqliteMigrations() {
  return readdirSync(DIR)
    .filter((name) => /^\d+_[\w-]+\.sql$/.test(name))
    .sort()
    .map((name, index) => {
      const version = Number.parseInt(name, 10);
      if (version !== index + 1) throw new Error(`SQLite migrations must be numbered 1, 2, 3… without gaps; found ${name}.`);
      return { version, name, sql: readFileSync(DIR + name, 'utf8') };
    });
}

/**
 * Applies the migrations the database has not had yet, each in its own transaction;
 * `PRAGMA user_version` records how many ran. Returns the names of those it applied.
 * @param {import('better-sqlite3').Database} db
 * @returns {string[]}
 */
export function migrateSqlite(db) {
  const applied = () => /** @type {number} */ (db.pragma('user_version', { simple: true }));
  /** @type {string[]} */
  const names = [];
  for (const { version, name, sql } of sqliteMigrations()) {
    if (version <= applied()) continue;
    db.transaction(() => {
      // Read again under the write lock: another process opening the file may have just run it.
      if (version <= applied()) return;
      db.exec(sql);
      // A pragma takes no bound parameter; `version` is an integer parsed from a file name.
      db.pragma(`user_version = ${Math.trunc(version)}`);
      names.push(name);
    }).immediate();
  }
  return names;
}

/**
 * The migrations the database has not had yet, by file name, without applying any; `null` for
 * no database (every migration pending). Throws when the database is newer than this release.
 * @param {import('better-sqlite3').Database | null} db
 * @returns {string[]}
 */
export function pendingSqliteMigrations(db) {
  const migrations = sqliteMigrations();
  const version = db ? /** @type {number} */ (db.pragma('user_version', { simple: true })) : 0;
  if (version > migrations.length) {
    throw new Error(`the database has had ${version} migrations, more than the ${migrations.length} this release of Heard knows: it was opened by a newer release; run that one.`);
  }
  return migrations.filter((migration) => migration.version > version).map((migration) => migration.name);
}
