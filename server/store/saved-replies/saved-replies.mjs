// @ts-check
/**
 * Saved replies on both databases: one module of Kysely queries on the store's own connection
 * (better-sqlite3 or the pg pool). An admin keeps them per language; agents read them.
 */
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { storableCopy } from '../../receiver/storable-text.mjs';

/**
 * @typedef {{ id: string, language: string, title: string, text: string, createdAt: string, updatedAt: string }} SavedReply
 * @typedef {{
 *   listSavedReplies(): Promise<SavedReply[]>,
 *   addSavedReply(reply: { id: string, language: string, title: string, text: string, at: string }): Promise<SavedReply>,
 *   updateSavedReply(id: string, change: { language: string, title: string, text: string, at: string }): Promise<SavedReply | null>,
 *   deleteSavedReply(id: string): Promise<boolean>,
 * }} SavedReplyStore
 */

/** @param {import('better-sqlite3').Database} db @returns {SavedReplyStore} */
export function sqliteSavedReplies(db) {
  return savedReplies(new Kysely({ dialect: new SqliteDialect({ database: db }) }));
}

/** @param {import('pg').Pool} pool @returns {SavedReplyStore} */
export function postgresSavedReplies(pool) {
  return savedReplies(new Kysely({ dialect: new PostgresDialect({ pool }) }));
}

/** A time as both databases give it back (text on SQLite, a Date on PostgreSQL), as ISO text. @param {unknown} value */
const iso = (value) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString());

/** @param {any} row @returns {SavedReply} */
const fromRow = (row) => ({ id: row.id, language: row.language, title: row.title, text: row.text, createdAt: iso(row.created_at), updatedAt: iso(row.updated_at) });

/**
 * Never `destroy()` this Kysely: the connection is the store's, and the store closes it.
 * @param {Kysely<any>} kysely
 * @returns {SavedReplyStore}
 */
function savedReplies(kysely) {
  const columns = ['id', 'language', 'title', 'text', 'created_at', 'updated_at'];
  return {
    async listSavedReplies() {
      const rows = await kysely.selectFrom('saved_replies').select(columns).orderBy('language').orderBy('title').orderBy('id').execute();
      return rows.map(fromRow);
    },

    async addSavedReply({ id, language, title, text, at }) {
      const row = { id, language, title: storableCopy(title), text: storableCopy(text), created_at: at, updated_at: at };
      await kysely.insertInto('saved_replies').values(row).execute();
      return fromRow(row);
    },

    async updateSavedReply(id, { language, title, text, at }) {
      const done = await kysely
        .updateTable('saved_replies')
        .set({ language, title: storableCopy(title), text: storableCopy(text), updated_at: at })
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) === 0) return null;
      const row = await kysely.selectFrom('saved_replies').select(columns).where('id', '=', id).executeTakeFirst();
      return row ? fromRow(row) : null;
    },

    async deleteSavedReply(id) {
      const done = await kysely.deleteFrom('saved_replies').where('id', '=', id).executeTakeFirst();
      return Number(done.numDeletedRows) > 0;
    },
  };
}
