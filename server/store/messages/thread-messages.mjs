// @ts-check
/**
 * The visitor's follow-up messages to a complaint, and the agents' presence, on both databases:
 * one module of Kysely queries on the store's own connection (better-sqlite3 or the pg pool).
 * A message is stored once per id; it marks its complaint as waiting for the team, reopens it
 * when it was resolved within the reply window, and writes the jobs it causes, all in one
 * transaction.
 */
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { storableCopy } from '../../receiver/storable-text.mjs';

/**
 * @typedef {{ senderDiffers: boolean, subject: string, text: string }} EmailOrigin
 *   An email answer's origin: whether its sender was not the visitor's address, and the whole
 *   email (subject and full text) for the agent to open.
 * @typedef {{ id: string, at: string, text: string, receivedAt: string, via: 'widget' | 'email', email: EmailOrigin | null, attachments: string[] }} ThreadMessage
 *   `at`: when the visitor wrote it (their device's clock); `receivedAt`: when the server kept it;
 *   `text`: the new text only; `email` for an answer that came `via` email; `attachments`: the
 *   SHA-256s of the files sent with it (each a file of the complaint), in the order given.
 * @typedef {{ id: string, receivedAt: string, status: import('../store.mjs').WorkStatus }} MessageReceipt
 *   `status`: the complaint's status once the message was kept.
 * @typedef {{
 *   complaintId: string, id: string, text: string, at: string, receivedAt: string,
 *   windowMs: number, jobs?: import('../store.mjs').JobSpec[], email?: EmailOrigin | null, attachments?: string[],
 * }} NewThreadMessage
 *   `windowMs`: how long after its resolution a complaint may still be answered (and reopened).
 * @typedef {{ outcome: 'created' | 'replay', receipt: MessageReceipt, reopened: boolean }
 *   | { outcome: 'conflict' | 'not-found' }
 *   | { outcome: 'window-closed', reference: string }} AddMessageResult
 * @typedef {{
 *   addThreadMessage(message: NewThreadMessage): Promise<AddMessageResult>,
 *   threadMessagesOf(complaintId: string): Promise<ThreadMessage[]>,
 *   markAgentSeen(agentId: string, at: string): Promise<void>,
 *   agentOnline(options: { now: string, since: string }): Promise<boolean>,
 * }} ThreadStore
 *   `agentOnline`: whether an agent with a live session was seen at or after `since`.
 */

/** @param {import('better-sqlite3').Database} db @returns {ThreadStore} */
export function sqliteThreadMessages(db) {
  return threadMessages(new Kysely({ dialect: new SqliteDialect({ database: db }) }), 'sqlite');
}

/** @param {import('pg').Pool} pool @returns {ThreadStore} */
export function postgresThreadMessages(pool) {
  return threadMessages(new Kysely({ dialect: new PostgresDialect({ pool }) }), 'postgres');
}

/** A message's files as both databases give them back (JSON text on SQLite, a text[] on PostgreSQL). @param {unknown} value @returns {string[]} */
const hashes = (value) => (typeof value === 'string' ? JSON.parse(value) : Array.isArray(value) ? value : []);

/** A time as both databases give it back (text on SQLite, a Date on PostgreSQL), as ISO text. @param {unknown} value */
const iso = (value) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString());

/**
 * Never `destroy()` this Kysely: the connection is the store's, and the store closes it.
 * On SQLite every query runs synchronously on the one connection, so nothing else runs between
 * the statements of a transaction here (the transaction awaits only its own queries).
 * @param {Kysely<any>} kysely
 * @param {'sqlite' | 'postgres'} kind
 * @returns {ThreadStore}
 */
function threadMessages(kysely, kind) {
  /** @param {Kysely<any>} trx @param {string} id */
  const existing = (trx, id) => trx.selectFrom('thread_messages').select(['complaint_id', 'text', 'attachments', 'received_at', 'status_after']).where('id', '=', id).executeTakeFirst();

  return {
    async addThreadMessage({ complaintId, id, text, at, receivedAt, windowMs, jobs = [], email = null, attachments = [] }) {
      const kept = storableCopy(text);
      const files = kind === 'sqlite' ? JSON.stringify(attachments) : attachments;
      const origin = email
        ? { via: 'email', sender_differs: kind === 'sqlite' ? Number(email.senderDiffers) : email.senderDiffers, email_subject: storableCopy(email.subject), email_text: storableCopy(email.text) }
        : {};
      return kysely.transaction().execute(async (trx) => {
        /** @param {NonNullable<Awaited<ReturnType<typeof existing>>>} row @returns {Promise<AddMessageResult>} */
        const replay = async (row) => {
          // The same id with other files is another message, as with other text.
          if (row.complaint_id !== complaintId || row.text !== kept || hashes(row.attachments).join() !== attachments.join()) return { outcome: 'conflict' };
          return { outcome: 'replay', receipt: { id, receivedAt: iso(row.received_at), status: row.status_after }, reopened: false };
        };
        const before = await existing(trx, id);
        if (before) return replay(before);
        // Locked on PostgreSQL, so a resolution cannot slip in between this read and the reopening.
        const complaint = await trx
          .selectFrom('complaints')
          .select(['status', 'resolved_at', 'claimed_by', 'reference'])
          .where('id', '=', complaintId)
          .$if(kind === 'postgres', (query) => query.forUpdate())
          .executeTakeFirst();
        if (!complaint) return { outcome: 'not-found' };
        const resolved = complaint.status === 'resolved';
        if (resolved && complaint.resolved_at !== null && Date.parse(iso(complaint.resolved_at)) + windowMs < Date.parse(receivedAt)) {
          return { outcome: 'window-closed', reference: complaint.reference };
        }
        // A message to a resolved complaint reopens it, back with whoever had it.
        const status = resolved ? (complaint.claimed_by === null ? 'new' : 'claimed') : complaint.status;
        const inserted = await trx
          .insertInto('thread_messages')
          .values({ id, complaint_id: complaintId, text: kept, at, received_at: receivedAt, status_after: status, attachments: files, ...origin })
          .onConflict((conflict) => conflict.column('id').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
          const other = await existing(trx, id);
          return other ? replay(other) : { outcome: 'conflict' };
        }
        await trx
          .updateTable('complaints')
          .set({
            waiting_since: receivedAt,
            ...(resolved ? { status, resolved_at: null, resolved_by: null, ...(kind === 'sqlite' ? { resolved_ms: null } : {}) } : {}),
          })
          .where('id', '=', complaintId)
          .execute();
        // The history says why a resolved complaint is open again.
        if (resolved) {
          await trx
            .insertInto('audit_events')
            .values({ complaint_id: complaintId, action: 'reopened', agent_id: null, agent_name: null, at: receivedAt, detail: JSON.stringify({ messageId: id }) })
            .execute();
        }
        if (jobs.length > 0) {
          await trx
            .insertInto('jobs')
            .values(
              jobs.map((job) => ({
                kind: job.kind,
                payload: JSON.stringify(storableCopy(job.payload)),
                due_at: new Date(job.dueAt).toISOString(),
                order_key: job.orderKey ?? null,
                complaint_id: job.complaintId ?? null,
                destination_id: job.destinationId ?? null,
                created_at: receivedAt,
                updated_at: receivedAt,
              })),
            )
            .execute();
        }
        return { outcome: 'created', receipt: { id, receivedAt, status }, reopened: resolved };
      });
    },

    async threadMessagesOf(complaintId) {
      const rows = await kysely
        .selectFrom('thread_messages')
        .select(['id', 'at', 'text', 'received_at', 'via', 'sender_differs', 'email_subject', 'email_text', 'attachments'])
        .where('complaint_id', '=', complaintId)
        .orderBy('received_at')
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        at: iso(row.at),
        text: row.text,
        receivedAt: iso(row.received_at),
        via: row.via === 'email' ? 'email' : 'widget',
        email: row.via === 'email' ? { senderDiffers: Boolean(row.sender_differs), subject: row.email_subject ?? '', text: row.email_text ?? '' } : null,
        attachments: hashes(row.attachments),
      }));
    },

    async markAgentSeen(agentId, at) {
      await kysely
        .insertInto('agent_presence')
        .values({ agent_id: agentId, seen_at: at })
        .onConflict((conflict) => conflict.column('agent_id').doUpdateSet({ seen_at: (/** @type {import('kysely').ExpressionBuilder<any, any>} */ eb) => eb.ref('excluded.seen_at') }))
        .execute();
    },

    async agentOnline({ now, since }) {
      const row = await kysely
        .selectFrom('agent_presence as p')
        .innerJoin('sessions as s', 's.agent_id', 'p.agent_id')
        .select('p.agent_id')
        .where('p.seen_at', '>=', since)
        .where('s.expires_at', '>', now)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}
