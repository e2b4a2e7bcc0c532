// @ts-check
/**
 * Internal notes on both databases: one module of Kysely queries on the store's own connection
 * (better-sqlite3 or the pg pool). A note is what agents write to each other about a complaint;
 * nothing that the visitor reads (their status, their stream, their emails) ever selects from
 * this table. A note is kept once per id, with its entry in the complaint's history, in one
 * transaction.
 */
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { storableCopy } from '../../receiver/storable-text.mjs';

/**
 * @typedef {{ id: string, at: string, text: string, agentId: string | null, agentName: string }} InternalNote
 * @typedef {{ complaintId: string, id: string, text: string, at: string, agent: { id: string | null, name: string } }} NewInternalNote
 * @typedef {{ outcome: 'created', note: InternalNote } | { outcome: 'replay', note: InternalNote } | { outcome: 'conflict' } | { outcome: 'not-found' }} AddNoteResult
 *   `conflict`: the id is another note's (of another complaint, or with other text).
 * @typedef {{
 *   addInternalNote(note: NewInternalNote): Promise<AddNoteResult>,
 *   internalNotesOf(complaintId: string): Promise<InternalNote[]>,
 * }} InternalNoteStore
 */

/** @param {import('better-sqlite3').Database} db @returns {InternalNoteStore} */
export function sqliteInternalNotes(db) {
  return internalNotes(new Kysely({ dialect: new SqliteDialect({ database: db }) }));
}

/** @param {import('pg').Pool} pool @returns {InternalNoteStore} */
export function postgresInternalNotes(pool) {
  return internalNotes(new Kysely({ dialect: new PostgresDialect({ pool }) }));
}

/** A time as both databases give it back (text on SQLite, a Date on PostgreSQL), as ISO text. @param {unknown} value */
const iso = (value) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString());

/** @param {Record<string, any>} row @returns {InternalNote} */
const fromRow = (row) => ({ id: row.id, at: iso(row.at), text: row.text, agentId: row.agent_id, agentName: row.agent_name });

const COLUMNS = ['id', 'complaint_id', 'at', 'text', 'agent_id', 'agent_name'];

/**
 * Never `destroy()` this Kysely: the connection is the store's, and the store closes it.
 * @param {Kysely<any>} kysely
 * @returns {InternalNoteStore}
 */
function internalNotes(kysely) {
  return {
    async addInternalNote({ complaintId, id, text, at, agent }) {
      const kept = storableCopy(text);
      return kysely.transaction().execute(async (trx) => {
        /** @param {Record<string, any> | undefined} row @returns {AddNoteResult} */
        const replay = (row) =>
          row && row.complaint_id === complaintId && row.text === kept ? { outcome: 'replay', note: fromRow(row) } : { outcome: 'conflict' };
        const before = await trx.selectFrom('internal_notes').select(COLUMNS).where('id', '=', id).executeTakeFirst();
        if (before) return replay(before);
        const complaint = await trx.selectFrom('complaints').select('id').where('id', '=', complaintId).executeTakeFirst();
        if (!complaint) return { outcome: 'not-found' };
        const row = { id, complaint_id: complaintId, text: kept, at, agent_id: agent.id, agent_name: storableCopy(agent.name) };
        const inserted = await trx
          .insertInto('internal_notes')
          .values(row)
          .onConflict((conflict) => conflict.column('id').doNothing())
          .executeTakeFirst();
        // Another instance kept the same id in between: answered as a replay of that one.
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
          return replay(await trx.selectFrom('internal_notes').select(COLUMNS).where('id', '=', id).executeTakeFirst());
        }
        // The history says who added a note and when; the text stays in the note.
        await trx
          .insertInto('audit_events')
          .values({ complaint_id: complaintId, action: 'noted', agent_id: agent.id, agent_name: row.agent_name, at, detail: JSON.stringify({ noteId: id }) })
          .execute();
        return { outcome: 'created', note: fromRow(row) };
      });
    },

    async internalNotesOf(complaintId) {
      const rows = await kysely.selectFrom('internal_notes').select(COLUMNS).where('complaint_id', '=', complaintId).orderBy('at').orderBy('id').execute();
      return rows.map(fromRow);
    },
  };
}
