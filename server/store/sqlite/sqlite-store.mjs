// @ts-check
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { agentRef, claimedBySame, createLocalEvents, describeWork, REPLY_MAIL_JOB, toListItem, trendWeeks, isoDate, urgencyRank, weekStart, withEmailStates, freshReference, REFERENCE_TRIES, storedRecord, VISITOR_TICKET } from '../shared.mjs';
import { sqliteDestinations } from '../destinations/sqlite.mjs';
import { sqliteFollowUps } from '../follow-ups/sqlite.mjs';
import { sqliteAttachments } from '../attachments/attachments.mjs';
import { sqliteThreadMessages } from '../messages/thread-messages.mjs';
import { sqliteInternalNotes } from '../notes/internal-notes.mjs';
import { sqliteSavedReplies } from '../saved-replies/saved-replies.mjs';
import { sqliteAccountChanges } from '../accounts/account-changes.mjs';
import { createSqliteAgents } from './agents.mjs';
import { createSqliteJobs } from './jobs.mjs';
import { migrateSqlite } from './migrate.mjs';
import { fts5Query, parseSearch, recordSearchText } from '../search/complaint-search.mjs';

/**
 * @typedef {import('../store.mjs').Store} Store
 * @typedef {import('../store.mjs').Complaint} Complaint
 * @typedef {import('../store.mjs').ComplaintRecord} ComplaintRecord
 * @typedef {import('../store.mjs').ComplaintSummary} ComplaintSummary
 * @typedef {import('../store.mjs').RatingRecord} RatingRecord
 * @typedef {import('../store.mjs').Receipt} Receipt
 * @typedef {import('../store.mjs').InsertMeta} InsertMeta
 * @typedef {import('../store.mjs').WorkResult} WorkResult
 * @typedef {import('../shared.mjs').WorkRow} WorkRow
 */

/** The visitor wrote after the last reply (or in the same millisecond): the complaint waits for the team. */
const WAITING = '(waiting_since IS NOT NULL AND (last_reply_at IS NULL OR last_reply_at <= waiting_since))';

/** Every column but the body: what the queue reads. */
const LIST_COLUMNS = `id, reference, received_at, status, claimed_by, claimed_by_id, claimed_at, resolved_by, resolved_at,
  followed_up_at, csat, category, language, urgency, mood, customer_type, widget_urgency, widget_category,
  escalated, handoff_reason, verified, visitor_name, excerpt, submitted_at, due_by, follow_up_at, follow_up_consent,
  waiting_since, ${WAITING} AS waiting`;

/** How many expired complaints one retention transaction deletes. */
const PURGE_BATCH = 500;

/**
 * Opens the database file as the store does, creating it and its folder (the owner's only) when
 * missing, without migrating it.
 * @param {string} path a file, or `:memory:`
 */
export function openSqliteDatabase(path) {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // SQLite gives its -wal and -shm files the main file's permissions.
    closeSync(openSync(path, 'a', 0o600));
  }
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * Opens (creating on first run) a SQLite database and returns the store on it.
 * WAL with `synchronous=FULL`: the widget deletes its copy once we answer 2xx, so every
 * commit must reach the disk before the answer does. The file and its folder are created
 * readable by the owner only: they hold visitors' personal data.
 * @param {{ path: string }} options `path` is a file, or `:memory:` for tests that need no disk.
 * @returns {Store}
 */
export function createSqliteStore({ path }) {
  const db = openSqliteDatabase(path);
  migrateSqlite(db);
  const events = createLocalEvents();
  const jobs = createSqliteJobs(db);
  const agents = createSqliteAgents(db);
  const thread = sqliteThreadMessages(db);
  const notes = sqliteInternalNotes(db);

  const q = {
    receipt: db.prepare('SELECT kind, body_hash, receipt FROM receipts WHERE id = ?'),
    referenceTaken: db.prepare('SELECT 1 FROM complaints WHERE reference = ?').pluck(),
    addReceipt: db.prepare('INSERT INTO receipts (id, kind, body_hash, receipt) VALUES (?, ?, ?, ?)'),
    addComplaint: db.prepare(`INSERT INTO complaints
      (id, reference, body, received_at, submitted_ms, category, language, urgency_rank, escalated,
       due_ms, follow_up_ms, follow_up_consent, csat, urgency, mood, customer_type, widget_urgency,
       widget_category, handoff_reason, verified, visitor_name, excerpt, submitted_at, due_by, follow_up_at, status_key_hash, visitor_email)
      VALUES (@id, @reference, @body, @receivedAt, @submittedMs, @category, @language, @urgencyRank,
       @escalated, @dueMs, @followUpMs, @consent, @csat, @urgency, @mood, @customerType, @widgetUrgency,
       @widgetCategory, @handoffReason, @verified, @name, @excerpt, @submittedAt, @dueBy, @followUpAt, @statusKeyHash, lower(trim(@email)))`),
    // What the inbox's search finds a complaint by (migration 021); its follow-ups and replies
    // are indexed by triggers as they are written.
    addSearchRow: db.prepare('INSERT INTO complaint_search_rows (complaint_id) VALUES (?)'),
    addSearchWords: db.prepare('INSERT INTO complaint_search (rowid, name, words) VALUES (?, ?, ?)'),
    // A widget's rating counts only for the complaint whose status key it carried.
    ratingFor: db.prepare('SELECT csat FROM ratings WHERE complaint_id = ? AND (key_hash IS NULL OR key_hash IS ?) ORDER BY at DESC LIMIT 1'),
    addRating: db.prepare(`INSERT INTO ratings (id, complaint_id, csat, at, source, key_hash, waiting_from, waiting_ms)
      VALUES (@id, @complaintId, @csat, @at, @source, @keyHash, @waitingFrom, @waitingMs)`),
    waiting: db.prepare(`SELECT COUNT(*) AS total, COALESCE(SUM(waiting_from = @from), 0) AS fromAddress,
        EXISTS (SELECT 1 FROM receipts WHERE id = @id) AS received FROM ratings r
      WHERE waiting_ms >= @since AND NOT EXISTS (SELECT 1 FROM complaints c WHERE c.id = r.complaint_id)`),
    widgetRating: db.prepare("SELECT csat, at, key_hash FROM ratings WHERE id = ? AND source = 'widget'"),
    changeRating: db.prepare('UPDATE ratings SET csat = @csat, at = @at WHERE id = @id'),
    rehash: db.prepare('UPDATE receipts SET body_hash = ? WHERE id = ?'),
    addComment: db.prepare(`UPDATE ratings SET comment = @text, comment_at = @at
      WHERE complaint_id = @id AND source = 'follow-up' AND comment IS NULL`),
    rated: db.prepare(`SELECT EXISTS (SELECT 1 FROM ratings WHERE complaint_id = @id)
      OR EXISTS (SELECT 1 FROM complaints WHERE id = @id AND csat IS NOT NULL)`),
    ratingOf: db.prepare(`SELECT source, comment, comment_at FROM ratings r WHERE complaint_id = ?
      AND (key_hash IS NULL OR key_hash IS (SELECT status_key_hash FROM complaints c WHERE c.id = r.complaint_id)) ORDER BY at DESC LIMIT 1`),
    // The definitions are in store.mjs (Commitments); a complaint's outcome, from columns only.
    commitments: db.prepare(`SELECT COUNT(*) AS total,
        COALESCE(SUM(outcome = 'kept'), 0) AS kept, COALESCE(SUM(outcome = 'moved'), 0) AS moved, COALESCE(SUM(outcome = 'missed'), 0) AS missed
      FROM (
        SELECT CASE
          WHEN status = 'resolved' AND resolved_ms <= COALESCE(first_due_ms, due_ms) THEN 'kept'
          WHEN status = 'resolved' AND resolved_ms <= due_ms AND first_due_ms IS NOT NULL AND late_move = 0 THEN 'moved'
          ELSE 'missed' END AS outcome
        FROM complaints
        WHERE submitted_ms >= @since AND due_ms IS NOT NULL AND (status = 'resolved' OR due_ms < @now)
      )`),
    applyRating: db.prepare('UPDATE complaints SET csat = @csat WHERE id = @id AND (@keyHash IS NULL OR status_key_hash = @keyHash)'),
    get: db.prepare(`SELECT ${LIST_COLUMNS}, resolution_note, due_by_reason, body FROM complaints WHERE id = ?`),
    status: db.prepare(`SELECT reference, status, received_at, resolved_at, due_by, due_by_reason, status_key_hash
      FROM complaints WHERE id = ?`),
    replies: db.prepare('SELECT agent_name, text, at, attachments FROM replies WHERE complaint_id = ? ORDER BY id'),
    // One complaint's reply emails, read with its detail only (never in the queue's list).
    replyMails: db.prepare(`SELECT json_extract(payload, '$.at') AS at, json_extract(payload, '$.text') AS text, status
      FROM jobs WHERE complaint_id = ? AND kind = '${REPLY_MAIL_JOB}'`),
    addReply: db.prepare(`INSERT INTO replies (complaint_id, agent_id, agent_name, text, at, attachments) VALUES (@id, @agentId, @name, @text, @at, @attachments)`),
    replied: db.prepare(`UPDATE complaints SET last_reply_at = @at
      WHERE id = @id AND (@guard = 0 OR claimed_by_id IS @expected)`),
    // The first promise is kept, and a move made once the date it replaces had passed is marked late.
    // The follow-up planned after the date moves with it, the same time after the new date.
    moveDue: db.prepare(`UPDATE complaints SET due_by = @dueBy, due_ms = @dueMs, due_by_reason = @reason,
      follow_up_ms = CASE WHEN follow_up_ms IS NULL OR due_ms IS NULL THEN follow_up_ms ELSE follow_up_ms + (@dueMs - due_ms) END,
      follow_up_at = CASE WHEN follow_up_ms IS NULL OR due_ms IS NULL THEN follow_up_at
        ELSE strftime('%Y-%m-%dT%H:%M:%fZ', (follow_up_ms + (@dueMs - due_ms)) / 1000.0, 'unixepoch') END,
      first_due_ms = COALESCE(first_due_ms, due_ms, @dueMs),
      late_move = CASE WHEN due_ms < @atMs THEN 1 ELSE late_move END
      WHERE id = @id AND status <> 'resolved' AND (@guard = 0 OR claimed_by_id IS @expected)`),
    claim: db.prepare(`UPDATE complaints SET status = 'claimed', claimed_by = @name, claimed_by_id = @agentId, claimed_at = @at
      WHERE id = @id AND status = 'new'`),
    assign: db.prepare(`UPDATE complaints SET status = 'claimed', claimed_by = @name, claimed_by_id = @agentId, claimed_at = @at
      WHERE id = @id AND status <> 'resolved' AND claimed_by_id IS NOT @agentId AND (@guard = 0 OR claimed_by_id IS @expected)`),
    release: db.prepare(`UPDATE complaints SET status = 'new', claimed_by = NULL, claimed_by_id = NULL, claimed_at = NULL
      WHERE id = @id AND status = 'claimed' AND (@guard = 0 OR claimed_by_id IS @expected)`),
    resolve: db.prepare(`UPDATE complaints SET status = 'resolved', resolved_by = @name, resolved_at = @at,
      resolved_ms = @ms, resolution_note = @note,
      claimed_by = COALESCE(claimed_by, @name), claimed_by_id = CASE WHEN claimed_by IS NULL THEN @agentId ELSE claimed_by_id END,
      claimed_at = COALESCE(claimed_at, @at)
      WHERE id = @id AND status <> 'resolved' AND (@guard = 0 OR claimed_by_id IS @expected)`),
    followedUp: db.prepare(`UPDATE complaints SET followed_up_at = @at
      WHERE id = @id AND status = 'resolved' AND followed_up_at IS NULL`),
    expired: db.prepare(`SELECT id FROM complaints WHERE status = 'resolved' AND resolved_ms < ? LIMIT ?`),
    purgeComplaint: db.prepare('DELETE FROM complaints WHERE id = ?'),
    purgeRatings: db.prepare('DELETE FROM ratings WHERE complaint_id = ?'),
    dropWaiting: db.prepare(`DELETE FROM ratings WHERE waiting_ms < ? AND NOT EXISTS (SELECT 1 FROM complaints c WHERE c.id = ratings.complaint_id)`),
    purgeJobs: db.prepare('DELETE FROM jobs WHERE complaint_id = ?'),
    purgeAudit: db.prepare('DELETE FROM audit_events WHERE complaint_id = ?'),
    dropExpiredTickets: db.prepare('DELETE FROM stream_tickets WHERE expires_at <= ?'),
    addTicket: db.prepare('INSERT INTO stream_tickets (hash, expires_at, session_hash) VALUES (?, ?, ?)'),
    redeemTicket: db.prepare('DELETE FROM stream_tickets WHERE hash = ? RETURNING expires_at, session_hash'),
    ticketSession: db.prepare('SELECT a.id AS agent_id FROM sessions s JOIN agents a ON a.id = s.agent_id WHERE s.token_hash = ? AND s.expires_at > ?'),
    categories: db.prepare('SELECT DISTINCT category FROM complaints ORDER BY category'),
    languages: db.prepare('SELECT DISTINCT language FROM complaints ORDER BY language'),
    weekly: db.prepare('SELECT submitted_ms, category FROM complaints WHERE submitted_ms >= ?'),
    teamRows: db.prepare(`SELECT c.submitted_ms AS submittedMs, c.received_at AS receivedAt, c.category, c.csat,
        (SELECT MIN(r.at) FROM replies r WHERE r.complaint_id = c.id) AS firstReplyAt,
        CASE WHEN c.status = 'resolved' THEN c.resolved_at END AS resolvedAt,
        COALESCE(c.first_due_ms, c.due_ms) AS firstDueMs, c.due_ms AS dueMs, c.late_move AS lateMove
      FROM complaints c WHERE c.submitted_ms >= ?`),
    addSignal: db.prepare('INSERT INTO complaint_signals (complaint_id, submitted_ms, field, value, cue) VALUES (?, ?, ?, ?, ?)'),
    signals: db.prepare(`SELECT field, value, cue, COUNT(DISTINCT complaint_id) AS count
      FROM complaint_signals WHERE submitted_ms >= ?
      GROUP BY field, value, cue ORDER BY count DESC, field, value, cue LIMIT ?`),
  };

  /** @type {(record: ComplaintRecord, meta: InsertMeta) => Receipt} */
  const insertComplaint = (record, { hash, receivedAt, summary, signals, statusKeyHash = null }) => {
    if (!summary) throw new Error('A complaint is stored with its summary.');
    const rating = /** @type {{ csat: number } | undefined} */ (q.ratingFor.get(record.id, statusKeyHash));
    const submittedMs = Date.parse(summary.submittedAt);
    // Under the write lock: nobody can take the reference between this check and the insert.
    let { reference } = record;
    for (let tries = 0; q.referenceTaken.get(reference) !== undefined; tries += 1) {
      if (tries === REFERENCE_TRIES) throw new Error(`No free reference for complaint ${record.id}.`);
      reference = freshReference();
    }
    q.addComplaint.run({
      id: record.id,
      reference,
      body: JSON.stringify(reference === record.reference ? record : { ...record, reference }),
      receivedAt,
      submittedMs,
      category: summary.category,
      language: summary.language,
      urgencyRank: urgencyRank(summary.urgency),
      escalated: summary.escalated ? 1 : 0,
      dueMs: summary.dueBy === null ? null : Date.parse(summary.dueBy),
      followUpMs: summary.followUpAt === null ? null : Date.parse(summary.followUpAt),
      consent: summary.followUpConsent ? 1 : 0,
      // A rating that arrived before its complaint is applied now.
      csat: rating?.csat ?? record.csat,
      urgency: summary.urgency,
      mood: summary.mood,
      customerType: summary.customerType,
      widgetUrgency: summary.widgetUrgency,
      widgetCategory: summary.widgetCategory,
      handoffReason: summary.handoffReason,
      verified: summary.verified ? 1 : 0,
      name: summary.name,
      excerpt: summary.excerpt,
      submittedAt: summary.submittedAt,
      dueBy: summary.dueBy,
      followUpAt: summary.followUpAt,
      statusKeyHash,
      email: typeof record.visitor?.email === 'string' ? record.visitor.email : null,
    });
    q.addSearchWords.run(q.addSearchRow.run(record.id).lastInsertRowid, summary.name, recordSearchText(record));
    for (const signal of signals ?? record.triage.signals) q.addSignal.run(record.id, submittedMs, signal.field, signal.value, signal.cue);
    /** @type {Receipt} */
    const receipt = { id: record.id, reference, receivedAt, dueBy: summary.dueBy };
    q.addReceipt.run(record.id, 'complaint', hash, JSON.stringify(receipt));
    return receipt;
  };

  /** @type {(record: RatingRecord, meta: InsertMeta) => Receipt} */
  const insertRating = (record, { hash, receivedAt, ratingSource = 'widget', ratingKeyHash = null, waitingFrom = null }) => {
    q.addRating.run({
      id: record.id, complaintId: record.complaintId, csat: record.csat, at: record.at, source: ratingSource,
      keyHash: ratingKeyHash, waitingFrom, waitingMs: waitingFrom === null ? null : Date.parse(receivedAt),
    });
    q.applyRating.run({ csat: record.csat, id: record.complaintId, keyHash: ratingKeyHash });
    // Whoever sends a rating learns nothing about the complaint from the answer.
    /** @type {Receipt} */
    const receipt = { id: record.id, reference: null, receivedAt };
    q.addReceipt.run(record.id, 'rating', hash, JSON.stringify(receipt));
    return receipt;
  };

  /**
   * The same widget rating sent again with another score: the visitor changed their mind. It is
   * taken only from the status key the first one carried, and only if chosen later than the score
   * kept; an older one arriving late changes nothing (a replay).
   * @type {(record: RatingRecord, meta: InsertMeta, receipt: Receipt) => import('../store.mjs').InsertResult}
   */
  const changeRating = (record, { hash, ratingSource = 'widget', ratingKeyHash = null, jobs: caused }, receipt) => {
    const kept = /** @type {{ csat: number, at: string, key_hash: string | null } | undefined} */ (q.widgetRating.get(record.id));
    if (!kept || ratingSource !== 'widget' || kept.key_hash !== ratingKeyHash) return { outcome: 'conflict', receipt };
    if (kept.csat === record.csat || Date.parse(record.at) < Date.parse(kept.at)) return { outcome: 'replay', receipt };
    q.changeRating.run({ id: record.id, csat: record.csat, at: record.at });
    q.applyRating.run({ csat: record.csat, id: record.complaintId, keyHash: ratingKeyHash });
    q.rehash.run(hash, record.id);
    jobs.add(caused);
    return { outcome: 'updated', receipt };
  };

  /**
   * One record, inside the caller's transaction.
   * @type {(record: import('../store.mjs').Deliverable, meta: InsertMeta) => import('../store.mjs').InsertResult}
   */
  const insertOne = (record, meta) => {
    const existing = /** @type {{ body_hash: string, receipt: string } | undefined} */ (q.receipt.get(record.id));
    if (existing) {
      const receipt = JSON.parse(existing.receipt);
      if (existing.body_hash === meta.hash) return { outcome: 'replay', receipt };
      return record.type === 'rating' ? changeRating(record, meta, receipt) : { outcome: 'conflict', receipt };
    }
    const receipt = record.type === 'rating' ? insertRating(record, meta) : insertComplaint(record, meta);
    jobs.add(meta.jobs);
    return { outcome: 'created', receipt };
  };
  const insert = db.transaction(insertOne);

  /**
   * Group commit: records that arrive while the event loop is busy are stored in one
   * transaction, and every caller hears back after that one durable commit. One disk flush then
   * covers many records, which is what lets ingest go past one record per fsync.
   *
   * The batch is written first with no savepoint between its records: a savepoint costs each
   * record a copy of every page it touches again, a third of what storing it costs. Should any
   * record fail, that whole transaction is rolled back and the batch written again with each
   * record under its own savepoint, so a record that fails takes only itself back.
   * @type {{ record: import('../store.mjs').Deliverable, meta: InsertMeta, resolve: (result: import('../store.mjs').InsertResult) => void, reject: (error: unknown) => void }[]}
   */
  let waiting = [];
  /** @typedef {{ ok: true, result: import('../store.mjs').InsertResult } | { ok: false, error: unknown }} BatchOutcome */
  const insertTogether = db.transaction(
    /** @param {typeof waiting} batch @returns {BatchOutcome[]} */
    (batch) => batch.map(({ record, meta }) => ({ ok: true, result: insertOne(record, meta) })),
  );
  const insertApart = db.transaction(
    /** @param {typeof waiting} batch @returns {BatchOutcome[]} */
    (batch) =>
      batch.map(({ record, meta }) => {
        try {
          return { ok: true, result: insert(record, meta) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
  );
  const commitWaiting = () => {
    const batch = waiting;
    waiting = [];
    /** @type {BatchOutcome[]} */
    let outcomes;
    try {
      try {
        outcomes = insertTogether.immediate(batch);
      } catch {
        outcomes = insertApart.immediate(batch);
      }
    } catch (error) {
      for (const { reject } of batch) reject(error);
      return;
    }
    outcomes.forEach((outcome, i) => {
      const { resolve, reject, meta } = /** @type {(typeof batch)[number]} */ (batch[i]);
      if (!outcome.ok) return reject(outcome.error);
      const { result } = outcome;
      if ((result.outcome === 'created' || result.outcome === 'updated') && meta.event) events.emit(meta.event.type, meta.event.data);
      resolve(result);
    });
  };

  /** The change, its audit event and the work it causes, in one transaction; true when it happened. */
  const change = db.transaction(
    /**
     * @param {import('better-sqlite3').Statement} statement
     * @param {Record<string, unknown>} args
     * @param {import('../store.mjs').JobSpec[] | undefined} caused
     * @param {import('../store.mjs').AuditEvent} audit
     * @param {import('better-sqlite3').Statement | null} [also] written with the change, from the same arguments
     */
    (statement, args, caused, audit, also = null) => {
      const changed = statement.run(args).changes > 0;
      if (changed) {
        also?.run(args);
        agents.addAudit(/** @type {string} */ (args.id), audit);
        jobs.add(caused);
      }
      return changed;
    },
  );

  /** Deletes up to `batch` expired complaints with their ratings and jobs; receipts stay. */
  const purgeBatch = db.transaction(
    /** @param {number} beforeMs @param {number} batch @returns {number} */
    (beforeMs, batch) => {
      const ids = /** @type {string[]} */ (q.expired.pluck().all(beforeMs, batch));
      for (const id of ids) {
        q.purgeRatings.run(id);
        q.purgeJobs.run(id);
        q.purgeAudit.run(id);
        q.purgeComplaint.run(id);
      }
      return ids.length;
    },
  );

  /** @type {(id: string, now: number) => Promise<Complaint | null>} */
  const read = async (id, now) => {
    const row = /** @type {Row & { resolution_note: string | null, due_by_reason: string | null, body: string } | undefined} */ (q.get.get(id));
    if (!row) return null;
    const rating = /** @type {{ source: import('../store.mjs').RatingSource, comment: string | null, comment_at: string | null } | undefined} */ (q.ratingOf.get(id));
    return {
      ...toListItem(toWorkRow(row), now),
      resolutionNote: row.resolution_note,
      dueByReason: row.due_by_reason,
      record: storedRecord(JSON.parse(row.body), row.reference),
      audit: agents.auditOf(id),
      replies: withEmailStates(repliesOf(id), /** @type {{ at: string, text: string, status: string }[]} */ (q.replyMails.all(id))),
      ratingComment: rating?.comment ? { text: rating.comment, at: /** @type {string} */ (rating.comment_at) } : null,
      ratedFrom: rating?.source ?? (row.csat === null ? null : 'widget'),
      messages: await thread.threadMessagesOf(id),
      notes: await notes.internalNotesOf(id),
    };
  };

  /** @param {string} id @returns {Omit<import('../store.mjs').Reply, 'email'>[]} */
  const repliesOf = (id) =>
    /** @type {{ agent_name: string | null, text: string, at: string, attachments: string }[]} */ (q.replies.all(id)).map((row) => ({
      at: row.at,
      text: row.text,
      agentName: row.agent_name,
      attachments: /** @type {string[]} */ (JSON.parse(row.attachments)),
    }));

  /**
   * @param {import('better-sqlite3').Statement} statement
   * @param {Record<string, unknown> & { id: string }} args
   * @param {string} verb
   * @param {import('../store.mjs').WorkOptions} options
   * @param {import('../store.mjs').AuditEvent} audit
   * @param {import('better-sqlite3').Statement | null} [also]
   * @returns {Promise<WorkResult>}
   */
  const work = async (statement, args, verb, options, audit, also = null) => {
    const { id } = args;
    const now = Date.now();
    const guarded = { ...args, guard: options.expectedClaimant === undefined ? 0 : 1, expected: options.expectedClaimant ?? null };
    const changed = change.immediate(statement, guarded, options.jobs, audit, also);
    const complaint = await read(id, now);
    if (!complaint) return { ok: false, error: 'not-found', message: `No complaint ${id}.` };
    if (!changed) {
      return { ok: false, error: 'conflict', message: `Cannot ${verb}: the complaint is ${describeWork(complaint)}.`, complaint };
    }
    return { ok: true, complaint };
  };

  return {
    kind: 'sqlite',
    // IMMEDIATE takes the write lock up front, so the read-then-insert cannot race another writer.
    insertRecord: (record, meta) =>
      new Promise((resolve, reject) => {
        waiting.push({ record, meta, resolve, reject });
        if (waiting.length === 1) setImmediate(commitWaiting);
      }),
    getRecord: async (id, now = Date.now()) => read(id, now),
    listRecords: async ({ status = null, category = null, language = null, q = null, limit = -1, offset = 0, now = Date.now() } = {}) => {
      const { where, params } = filtersToSql({ status, category, language, q });
      const sql = `SELECT ${LIST_COLUMNS} FROM complaints ${where}
        ORDER BY (status = 'resolved'), waiting DESC, escalated DESC, urgency_rank, due_ms IS NULL, due_ms, submitted_ms, id LIMIT @limit OFFSET @offset`;
      return db.prepare(sql).all({ ...params, limit, offset }).map((row) => toListItem(toWorkRow(/** @type {Row} */ (row)), now));
    },
    countRecords: async ({ status = null, category = null, language = null, q = null } = {}) => {
      const { where, params } = filtersToSql({ status, category, language, q });
      const sql = `SELECT COUNT(*) AS total, COALESCE(SUM(status <> 'resolved'), 0) AS open FROM complaints ${where}`;
      return /** @type {{ total: number, open: number }} */ (db.prepare(sql).get(params));
    },
    facets: async () => ({
      categories: q.categories.pluck().all().map(String),
      languages: q.languages.pluck().all().map(String),
    }),
    claim: async (id, agent, at, options = {}) => {
      const who = agentRef(agent);
      const result = await work(q.claim, { id, name: who.name, agentId: who.id, at }, 'claim', options, audit('claimed', who, at));
      // Claiming what one already holds is no change, and no conflict.
      return !result.ok && result.complaint && claimedBySame(result.complaint, who) ? { ok: true, complaint: result.complaint } : result;
    },
    assign: async (id, agent, to, at, options = {}) => {
      const result = await work(q.assign, { id, name: to.name, agentId: to.id, at }, 'assign', options,
        audit('assigned', agentRef(agent), at, { to: to.name, toId: to.id }));
      return !result.ok && result.complaint && claimedBySame(result.complaint, to) ? { ok: true, complaint: result.complaint } : result;
    },
    release: async (id, agent, at, options = {}) => work(q.release, { id }, 'release', options, audit('released', agentRef(agent), at)),
    resolve: async (id, agent, note, at, options = {}) => {
      const who = agentRef(agent);
      return work(q.resolve, { id, name: who.name, agentId: who.id, at, ms: Date.parse(at), note }, 'resolve', options, audit('resolved', who, at));
    },
    markFollowedUp: async (id, at, options = {}) =>
      work(q.followedUp, { id, at }, 'record a follow-up', options, audit('followed-up', options.agent === undefined ? null : agentRef(options.agent), at)),
    trends: async ({ weeks = 12, now = Date.now(), topSignals = 20 } = {}) => {
      const { firstWeek, weekKeys } = trendWeeks(weeks, now);
      /** @type {Map<string, number>} */
      const counts = new Map();
      for (const row of /** @type {{ submitted_ms: number, category: string }[]} */ (q.weekly.all(firstWeek))) {
        const key = JSON.stringify([isoDate(weekStart(row.submitted_ms)), row.category]);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const categories = [...counts].map(([key, count]) => {
        const [week, category] = JSON.parse(key);
        return { week, category, count };
      });
      categories.sort((a, b) => a.week.localeCompare(b.week) || a.category.localeCompare(b.category));
      const signals = /** @type {import('../store.mjs').Trends['signals']} */ (q.signals.all(firstWeek, topSignals));
      return { weeks: weekKeys, categories, signals };
    },
    commitments: async ({ weeks = 12, now = Date.now() } = {}) => {
      const { firstWeek } = trendWeeks(weeks, now);
      return /** @type {import('../store.mjs').Commitments} */ (q.commitments.get({ since: firstWeek, now }));
    },
    teamRows: async ({ since }) =>
      /** @type {{ submittedMs: number, receivedAt: string, category: string, csat: number | null, firstReplyAt: string | null, resolvedAt: string | null, firstDueMs: number | null, dueMs: number | null, lateMove: number }[]} */ (
        q.teamRows.all(since)
      ).map((row) => ({
        submittedMs: row.submittedMs,
        receivedMs: Date.parse(row.receivedAt),
        category: row.category,
        csat: row.csat,
        firstReplyMs: row.firstReplyAt === null ? null : Date.parse(row.firstReplyAt),
        resolvedMs: row.resolvedAt === null ? null : Date.parse(row.resolvedAt),
        firstDueMs: row.firstDueMs,
        dueMs: row.dueMs,
        lateMove: row.lateMove === 1,
      })),
    waitingRatings: async ({ id, from, since }) => {
      const row = /** @type {{ total: number, fromAddress: number, received: number }} */ (q.waiting.get({ id, from, since: Date.parse(since) }));
      return { total: row.total, fromAddress: row.fromAddress, received: row.received === 1 };
    },
    addRatingComment: async (complaintId, text, at, { jobs: caused } = {}) => {
      const added = db.transaction(() => {
        if (q.addComment.run({ id: complaintId, text, at }).changes === 0) return false;
        jobs.add(caused);
        return true;
      }).immediate();
      if (added) return 'added';
      return q.rated.pluck().get({ id: complaintId }) ? 'already' : 'not-rated';
    },
    addReply: async (id, agent, text, at, options = {}) => {
      const who = agentRef(agent);
      const attachments = JSON.stringify(options.attachments ?? []);
      return work(q.replied, { id, at, text, name: who.name, agentId: who.id, attachments }, 'reply', options, audit('replied', who, at), q.addReply);
    },
    moveDue: async (id, agent, dueBy, reason, at, options = {}) =>
      work(q.moveDue, { id, dueBy, dueMs: Date.parse(dueBy), atMs: Date.parse(at), reason }, 'move the due date', options, audit('due-moved', agentRef(agent), at, { dueBy, reason })),
    getStatus: async (id) => {
      const row = /** @type {{ reference: string, status: import('../store.mjs').WorkStatus, received_at: string, resolved_at: string | null, due_by: string | null, due_by_reason: string | null, status_key_hash: string | null } | undefined} */ (
        q.status.get(id)
      );
      if (!row) return null;
      return {
        reference: row.reference,
        status: row.status,
        receivedAt: row.received_at,
        resolvedAt: row.resolved_at,
        dueBy: row.due_by,
        dueByReason: row.due_by_reason,
        statusKeyHash: row.status_key_hash,
        replies: repliesOf(id).map(({ at, text, attachments }) => ({ at, text, attachments })),
        messages: (await thread.threadMessagesOf(id)).map(({ id: messageId, at, text, attachments }) => ({ id: messageId, at, text, attachments })),
      };
    },
    createAgent: agents.createAgent,
    createFirstAdmin: agents.createFirstAdmin,
    findAgentByEmail: agents.findAgentByEmail,
    getAgent: agents.getAgent,
    listAgents: agents.listAgents,
    removeAgent: agents.removeAgent,
    setAgentPassword: agents.setAgentPassword,
    acceptInvite: agents.acceptInvite,
    createSession: agents.createSession,
    findSession: agents.findSession,
    deleteSession: agents.deleteSession,
    countAttempt: agents.countAttempt,
    attemptCount: agents.attemptCount,
    clearAttempts: agents.clearAttempts,
    dropWaitingRatings: async ({ before }) => q.dropWaiting.run(Date.parse(before)).changes,
    purgeResolved: async ({ resolvedBefore }) => {
      const beforeMs = Date.parse(resolvedBefore);
      let purged = 0;
      // Small batches, so writers waiting on the lock are never held up for long.
      for (let batch; (batch = purgeBatch.immediate(beforeMs, PURGE_BATCH)) > 0; ) {
        purged += batch;
        if (batch < PURGE_BATCH) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      return purged;
    },
    addStreamTicket: async ({ hash, expiresAt, sessionHash }) => {
      db.transaction(() => {
        q.dropExpiredTickets.run(new Date().toISOString());
        q.addTicket.run(hash, new Date(expiresAt).toISOString(), sessionHash);
      }).immediate();
    },
    redeemStreamTicket: async (hash, now) => {
      const at = new Date(now).toISOString();
      const row = /** @type {{ expires_at: string, session_hash: string } | undefined} */ (q.redeemTicket.get(hash));
      if (row === undefined || row.expires_at <= at) return null;
      const session = /** @type {{ agent_id: string } | undefined} */ (q.ticketSession.get(row.session_hash, at));
      return session?.agent_id ?? null;
    },
    redeemVisitorTicket: async (hash, now) => {
      const row = /** @type {{ expires_at: string, session_hash: string } | undefined} */ (q.redeemTicket.get(hash));
      if (row === undefined || row.expires_at <= new Date(now).toISOString()) return null;
      return row.session_hash.startsWith(VISITOR_TICKET) ? row.session_hash.slice(VISITOR_TICKET.length) : null;
    },
    enqueueJobs: jobs.enqueueJobs,
    takeDueJobs: jobs.takeDueJobs,
    completeJob: jobs.completeJob,
    rescheduleJob: jobs.rescheduleJob,
    failJob: jobs.failJob,
    retryJob: jobs.retryJob,
    listJobs: jobs.listJobs,
    countJobs: jobs.countJobs,
    waitingJobs: jobs.waitingJobs,
    ...sqliteDestinations(db),
    ...sqliteFollowUps(db),
    ...thread,
    ...notes,
    ...sqliteSavedReplies(db),
    ...sqliteAccountChanges(db),
    ...sqliteAttachments(db),
    ping: async () => {
      db.prepare('SELECT 1').get();
    },
    events,
    close: async () => {
      if (waiting.length) commitWaiting();
      db.close();
    },
  };
}

/**
 * The WHERE clause and its parameters for the inbox's filters and search; values are bound,
 * never spliced.
 * @param {{ status: string | null, category: string | null, language: string | null, q?: string | null }} filters
 */
function filtersToSql({ q = null, ...filters }) {
  const where = [];
  /** @type {Record<string, string>} */
  const params = {};
  for (const [column, value] of Object.entries(filters)) {
    if (value) (where.push(`${column} = @${column}`), (params[column] = value));
  }
  const search = parseSearch(q);
  if (search?.kind === 'email') {
    where.push('visitor_email = lower(@email)');
    params.email = search.email;
  } else if (search) {
    params.reference = search.reference;
    // Each word in one of the complaint's rows (itself, a follow-up, a reply), not all in one.
    const words = search.words.map((word, i) => {
      params[`word${i}`] = fts5Query([word], i === search.words.length - 1);
      return `id IN (SELECT complaint_id FROM complaint_search_rows
        WHERE search_rowid IN (SELECT rowid FROM complaint_search WHERE complaint_search MATCH @word${i}))`;
    });
    where.push(words.length === 0 ? 'reference = @reference' : `(reference = @reference OR (${words.join(' AND ')}))`);
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/**
 * @typedef {{
 *   id: string, reference: string, received_at: string, status: import('../store.mjs').WorkStatus,
 *   claimed_by: string | null, claimed_by_id: string | null, claimed_at: string | null, resolved_by: string | null,
 *   resolved_at: string | null, followed_up_at: string | null, csat: number | null,
 *   category: string, language: string, urgency: import('../store.mjs').Urgency, mood: string,
 *   customer_type: string, widget_urgency: import('../store.mjs').Urgency, widget_category: string,
 *   escalated: number, handoff_reason: string | null, verified: number, visitor_name: string | null,
 *   excerpt: string, submitted_at: string, due_by: string | null, follow_up_at: string | null,
 *   follow_up_consent: number, waiting_since: string | null, waiting: number,
 * }} Row
 */

/** @param {Row} row @returns {WorkRow} */
function toWorkRow(row) {
  return {
    id: row.id,
    reference: row.reference,
    receivedAt: row.received_at,
    status: row.status,
    claimedBy: row.claimed_by,
    claimedById: row.claimed_by_id,
    claimedAt: row.claimed_at,
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at,
    followedUpAt: row.followed_up_at,
    csat: row.csat,
    waitingSince: row.waiting_since,
    waitingForUs: row.waiting === 1,
    summary: {
      urgency: row.urgency,
      category: row.category,
      language: row.language,
      mood: row.mood,
      customerType: row.customer_type,
      widgetUrgency: row.widget_urgency,
      widgetCategory: row.widget_category,
      escalated: row.escalated === 1,
      handoffReason: row.handoff_reason,
      verified: row.verified === 1,
      name: row.visitor_name,
      excerpt: row.excerpt,
      submittedAt: row.submitted_at,
      dueBy: row.due_by,
      followUpAt: row.follow_up_at,
      followUpConsent: row.follow_up_consent === 1,
    },
  };
}

/**
 * @param {import('../store.mjs').AuditAction} action
 * @param {import('../store.mjs').AgentRef | null} who
 * @param {string} at
 * @param {Record<string, unknown> | null} [detail]
 * @returns {import('../store.mjs').AuditEvent}
 */
function audit(action, who, at, detail = null) {
  return { action, agentId: who?.id ?? null, agentName: who?.name ?? null, at, detail };
}
