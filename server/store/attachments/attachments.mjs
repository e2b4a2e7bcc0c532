// @ts-check
/**
 * The attachments' rows on both databases: one module of Kysely queries on the store's own
 * connection (better-sqlite3 or the pg pool). A file is kept once per complaint and content hash.
 */
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';

/**
 * @typedef {{ sha256: string, type: string, size: number, width: number | null, height: number | null, createdAt: string }} Attachment
 * @typedef {{
 *   addAttachment(complaintId: string, attachment: Attachment): Promise<'created' | 'replay'>,
 *   attachmentOf(complaintId: string, sha256: string): Promise<Attachment | null>,
 *   attachmentsOf(complaintId: string): Promise<Attachment[]>,
 *   attachmentTotals(complaintId: string): Promise<{ count: number, bytes: number }>,
 *   attachmentReferenced(sha256: string): Promise<boolean>,
 *   dropUnnamedAttachments(options: { createdBefore: string }): Promise<number>,
 * }} AttachmentStore
 *   `attachmentReferenced`: whether any complaint still has the file. `dropUnnamedAttachments`:
 *   forgets the files kept before `createdBefore` that neither their complaint's record nor any
 *   of its replies or messages names (sent, then left out of what the visitor or the agent sent); how many. Their bytes go with the next
 *   sweep of unreferenced files.
 */

/** @param {import('better-sqlite3').Database} db @returns {AttachmentStore} */
export function sqliteAttachments(db) {
  return attachments(new Kysely({ dialect: new SqliteDialect({ database: db }) }), UNNAMED_SQLITE);
}

/** @param {import('pg').Pool} pool @returns {AttachmentStore} */
export function postgresAttachments(pool) {
  return attachments(new Kysely({ dialect: new PostgresDialect({ pool }) }), UNNAMED_POSTGRES);
}

/**
 * Whether the complaint's record, one of its replies or one of the visitor's messages names the
 * file, in each database's JSON functions. The record is the complaint's `body`; its
 * `attachments` list each file by `sha256`. A reply's `attachments` are the SHA-256s of the files
 * an agent sent with it, a message's those the visitor sent with it.
 * @typedef {(createdBefore: string) => import('kysely').RawBuilder<unknown>} UnnamedDelete
 */
/** @type {UnnamedDelete} */
const UNNAMED_SQLITE = (createdBefore) => sql`
  DELETE FROM attachments WHERE created_at < ${createdBefore} AND NOT EXISTS (
    SELECT 1 FROM complaints c, json_each(c.body, '$.attachments') e
    WHERE c.id = attachments.complaint_id AND json_extract(e.value, '$.sha256') = attachments.sha256)
  AND NOT EXISTS (
    SELECT 1 FROM replies r, json_each(r.attachments) e
    WHERE r.complaint_id = attachments.complaint_id AND e.value = attachments.sha256)
  AND NOT EXISTS (
    SELECT 1 FROM thread_messages m, json_each(m.attachments) e
    WHERE m.complaint_id = attachments.complaint_id AND e.value = attachments.sha256)`;
/** @type {UnnamedDelete} */
const UNNAMED_POSTGRES = (createdBefore) => sql`
  DELETE FROM attachments a WHERE a.created_at < ${createdBefore} AND NOT EXISTS (
    SELECT 1 FROM complaints c,
      json_array_elements(CASE WHEN json_typeof(c.body -> 'attachments') = 'array' THEN c.body -> 'attachments' ELSE '[]'::json END) e
    WHERE c.id = a.complaint_id AND e ->> 'sha256' = a.sha256)
  AND NOT EXISTS (SELECT 1 FROM replies r WHERE r.complaint_id = a.complaint_id AND a.sha256 = ANY (r.attachments))
  AND NOT EXISTS (SELECT 1 FROM thread_messages m WHERE m.complaint_id = a.complaint_id AND a.sha256 = ANY (m.attachments))`;

/** @param {unknown} value */
const iso = (value) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString());

/** @param {Record<string, any>} row @returns {Attachment} */
const fromRow = (row) => ({
  sha256: row.sha256,
  type: row.type,
  size: Number(row.size),
  width: row.width === null ? null : Number(row.width),
  height: row.height === null ? null : Number(row.height),
  createdAt: iso(row.created_at),
});

/**
 * Never `destroy()` this Kysely: the connection is the store's, and the store closes it.
 * @param {Kysely<any>} kysely
 * @param {UnnamedDelete} unnamed
 * @returns {AttachmentStore}
 */
function attachments(kysely, unnamed) {
  const columns = /** @type {const} */ (['sha256', 'type', 'size', 'width', 'height', 'created_at']);
  return {
    async addAttachment(complaintId, { sha256, type, size, width, height, createdAt }) {
      const inserted = await kysely
        .insertInto('attachments')
        .values({ complaint_id: complaintId, sha256, type, size, width, height, created_at: createdAt })
        .onConflict((conflict) => conflict.columns(['complaint_id', 'sha256']).doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0 ? 'replay' : 'created';
    },
    async attachmentOf(complaintId, sha256) {
      const row = await kysely.selectFrom('attachments').select(columns).where('complaint_id', '=', complaintId).where('sha256', '=', sha256).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async attachmentsOf(complaintId) {
      const rows = await kysely.selectFrom('attachments').select(columns).where('complaint_id', '=', complaintId).orderBy('created_at').orderBy('sha256').execute();
      return rows.map(fromRow);
    },
    async attachmentTotals(complaintId) {
      const row = await kysely
        .selectFrom('attachments')
        .select((eb) => [eb.fn.countAll().as('count'), eb.fn.coalesce(eb.fn.sum('size'), eb.lit(0)).as('bytes')])
        .where('complaint_id', '=', complaintId)
        .executeTakeFirstOrThrow();
      return { count: Number(row.count), bytes: Number(row.bytes) };
    },
    async attachmentReferenced(sha256) {
      const row = await kysely.selectFrom('attachments').select('sha256').where('sha256', '=', sha256).limit(1).executeTakeFirst();
      return row !== undefined;
    },
    async dropUnnamedAttachments({ createdBefore }) {
      const result = await unnamed(createdBefore).execute(kysely);
      return Number(result.numAffectedRows ?? 0);
    },
  };
}
