// @ts-check
import pg from 'pg';
import { agentRef, claimedBySame, describeWork, REPLY_MAIL_JOB, toListItem, trendWeeks, urgencyRank, withEmailStates, freshReference, REFERENCE_TRIES, storedRecord, VISITOR_TICKET } from '../shared.mjs';
import { postgresDestinations } from '../destinations/postgres.mjs';
import { postgresFollowUps } from '../follow-ups/postgres.mjs';
import { postgresAttachments } from '../attachments/attachments.mjs';
import { postgresThreadMessages } from '../messages/thread-messages.mjs';
import { postgresInternalNotes } from '../notes/internal-notes.mjs';
import { postgresSavedReplies } from '../saved-replies/saved-replies.mjs';
import { postgresAccountChanges } from '../accounts/account-changes.mjs';
import { auditParameters, createPostgresAgents, insertAuditFrom } from './agents.mjs';
import { createPostgresEvents } from './events.mjs';
import { createPostgresJobs, insertJobsFrom, jobsParameter } from './jobs.mjs';
import { migratePostgres } from './migrate.mjs';
import { parseSearch, recordSearchText, tsQuery } from '../search/complaint-search.mjs';

/**
 * @typedef {import('../store.mjs').Store} Store
 * @typedef {import('../store.mjs').Complaint} Complaint
 * @typedef {import('../store.mjs').ComplaintRecord} ComplaintRecord
 * @typedef {import('../store.mjs').RatingRecord} RatingRecord
 * @typedef {import('../store.mjs').InsertMeta} InsertMeta
 * @typedef {import('../store.mjs').InsertResult} InsertResult
 * @typedef {import('../store.mjs').WorkResult} WorkResult
 * @typedef {import('../shared.mjs').WorkRow} WorkRow
 */

/** A widget's rating counts only for the complaint whose status key it carried. */
const KEY_MATCHES = '(r.key_hash IS NULL OR r.key_hash = c.status_key_hash)';

/**
 * Every column the queue reads: the summary and the work done, never the body. A rating that
 * arrived (before or after its complaint) is read beside it, so two instances storing a
 * complaint and its rating at the same moment cannot lose the score.
 */
/** The visitor wrote after the last reply (or in the same millisecond): the complaint waits for the team. */
const WAITING = '(c.waiting_since IS NOT NULL AND (c.last_reply_at IS NULL OR c.last_reply_at <= c.waiting_since))';

const LIST_COLUMNS = `c.id, c.reference, c.received_at, c.status, c.claimed_by, c.claimed_by_id, c.claimed_at, c.resolved_by,
  c.resolved_at, c.followed_up_at, c.category, c.language, c.urgency, c.mood, c.customer_type, c.widget_urgency,
  c.widget_category, c.escalated, c.handoff_reason, c.verified, c.visitor_name, c.excerpt, c.submitted_at,
  c.due_by, c.follow_up_at, c.follow_up_consent, c.waiting_since, ${WAITING} AS waiting,
  COALESCE((SELECT r.csat FROM ratings r WHERE r.complaint_id = c.id AND ${KEY_MATCHES} ORDER BY r.at DESC LIMIT 1), c.csat) AS csat`;

// Within one urgency the soonest due comes first; complaints with no date promised come after them.
const QUEUE_ORDER = `ORDER BY (c.status = 'resolved'), ${WAITING} DESC, c.escalated DESC, c.urgency_rank, c.due_by NULLS LAST, c.submitted_at, c.id COLLATE "C"`;

const INSERT_COMPLAINT = `
  WITH receipt AS (
    INSERT INTO receipts (id, kind, body_hash, receipt) VALUES ($1, 'complaint', $2, $3)
    ON CONFLICT (id) DO NOTHING RETURNING id
  ), complaint AS (
    INSERT INTO complaints (id, reference, body, received_at, submitted_at, category, language, urgency,
      urgency_rank, mood, customer_type, widget_urgency, widget_category, escalated, handoff_reason,
      verified, visitor_name, excerpt, due_by, follow_up_at, follow_up_consent, signals, csat, status_key_hash,
      visitor_email, search_words)
    SELECT $1, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $27,
      lower(btrim($28::text)), heard_search_vector($29::text)
    FROM receipt RETURNING id
  ), work AS (
    ${insertJobsFrom(26, 'EXISTS (SELECT 1 FROM complaint)')}
  )
  SELECT (SELECT count(*) FROM complaint)::int AS created`;

/**
 * Complaints that arrive together, stored by one statement: one parse, one transaction and one
 * flush of the log for all of them. `$1` is their rows (see complaintRow), `$2` their jobs, each
 * naming the record it belongs to. Rows go in id order, so two instances storing the same ids
 * take their locks in the same order. It answers the ids it created; an id already stored is left
 * as it was, as the single statement leaves it.
 */
const INSERT_COMPLAINTS = `
  WITH input AS (
    SELECT * FROM json_to_recordset($1::json) AS i(id text, hash text, receipt json, reference text, body text,
      received_at timestamptz, submitted_at timestamptz, category text, language text, urgency text,
      urgency_rank smallint, mood text, customer_type text, widget_urgency text, widget_category text,
      escalated boolean, handoff_reason text, verified boolean, visitor_name text, excerpt text,
      due_by timestamptz, follow_up_at timestamptz, follow_up_consent boolean, signals json, csat smallint,
      status_key_hash text, visitor_email text, search_text text)
  ), receipt AS (
    INSERT INTO receipts (id, kind, body_hash, receipt)
    SELECT id, 'complaint', hash, receipt FROM input ORDER BY id COLLATE "C"
    ON CONFLICT (id) DO NOTHING RETURNING id
  ), complaint AS (
    INSERT INTO complaints (id, reference, body, received_at, submitted_at, category, language, urgency,
      urgency_rank, mood, customer_type, widget_urgency, widget_category, escalated, handoff_reason,
      verified, visitor_name, excerpt, due_by, follow_up_at, follow_up_consent, signals, csat, status_key_hash,
      visitor_email, search_words)
    SELECT i.id, i.reference, i.body::json, i.received_at, i.submitted_at, i.category, i.language, i.urgency,
      i.urgency_rank, i.mood, i.customer_type, i.widget_urgency, i.widget_category, i.escalated, i.handoff_reason,
      i.verified, i.visitor_name, i.excerpt, i.due_by, i.follow_up_at, i.follow_up_consent, i.signals, i.csat,
      i.status_key_hash, lower(btrim(i.visitor_email)), heard_search_vector(i.search_text)
    FROM input i JOIN receipt USING (id) ORDER BY i.id COLLATE "C" RETURNING id
  ), work AS (
    INSERT INTO jobs (kind, payload, due_at, order_key, complaint_id, destination_id)
    SELECT j.kind, j.payload, j.due_at, j.order_key, j.complaint_id, j.destination_id
    FROM ROWS FROM (json_to_recordset($2::json) AS (record_id text, kind text, payload json, due_at timestamptz,
      order_key text, complaint_id text, destination_id text))
      WITH ORDINALITY AS j(record_id, kind, payload, due_at, order_key, complaint_id, destination_id, ordinal)
    WHERE j.record_id IN (SELECT id FROM complaint)
    ORDER BY j.ordinal
  )
  SELECT coalesce((SELECT json_agg(id) FROM complaint), '[]'::json) AS created`;

/**
 * How many statements storing complaints together one instance has under way at once; records
 * arriving meanwhile gather for the next, so a busy instance sends fewer, fuller statements.
 */
const BATCHES_AT_ONCE = 2;

const INSERT_RATING = `
  WITH receipt AS (
    INSERT INTO receipts (id, kind, body_hash, receipt)
    VALUES ($1, 'rating', $2, json_build_object('id', $1::text, 'reference', NULL, 'receivedAt', $4::text))
    ON CONFLICT (id) DO NOTHING RETURNING receipt
  ), rating AS (
    INSERT INTO ratings (id, complaint_id, csat, at, source, key_hash, waiting_from, waiting_since)
    SELECT $1, $3, $5, $6, $8, $9, $10::text, CASE WHEN $10::text IS NULL THEN NULL ELSE $4::timestamptz END FROM receipt RETURNING id
  ), work AS (
    ${insertJobsFrom(7, 'EXISTS (SELECT 1 FROM rating)')}
  )
  SELECT (SELECT receipt FROM receipt) AS receipt, (SELECT count(*) FROM rating)::int AS created`;

/**
 * A widget's rating sent again with another score, from the key the first one carried: kept if
 * chosen later than the score stored. Row locks make two instances agree on the later one.
 */
const CHANGE_RATING = `
  WITH kept AS (
    SELECT id FROM ratings WHERE id = $1 AND source = 'widget' AND key_hash IS NOT DISTINCT FROM $6::text FOR UPDATE
  ), rating AS (
    UPDATE ratings SET csat = $3, at = $4 WHERE id IN (SELECT id FROM kept) AND csat <> $3 AND at <= $4::timestamptz RETURNING id
  ), receipt AS (
    UPDATE receipts SET body_hash = $2 WHERE id = $1 AND EXISTS (SELECT 1 FROM rating) RETURNING id
  ), work AS (
    ${insertJobsFrom(5, 'EXISTS (SELECT 1 FROM rating)')}
  )
  SELECT (SELECT count(*) FROM kept)::int AS kept, (SELECT count(*) FROM rating)::int AS changed`;

/** The unique index that keeps one complaint per reference (migration 010). */
const REFERENCE_INDEX = 'complaints_reference_unique';

/** How many expired complaints one retention statement deletes. */
const PURGE_BATCH = 500;

/** Expired complaints, their ratings and their jobs go; their receipts stay for replays. */
const PURGE = `
  WITH gone AS (
    DELETE FROM complaints WHERE id IN (
      SELECT id FROM complaints WHERE status = 'resolved' AND resolved_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)
    RETURNING id
  ), ratings_gone AS (
    DELETE FROM ratings WHERE complaint_id IN (SELECT id FROM gone)
  ), jobs_gone AS (
    DELETE FROM jobs WHERE complaint_id IN (SELECT id FROM gone)
  ), audit_gone AS (
    DELETE FROM audit_events WHERE complaint_id IN (SELECT id FROM gone)
  )
  SELECT count(*)::int AS n FROM gone`;

/**
 * Connects to PostgreSQL, runs the migrations (under node-pg-migrate's advisory lock, so
 * instances starting together migrate once) and returns the store. Every commit is durable
 * before a method resolves as long as the server keeps `synchronous_commit` on (its default).
 * @param {{ connectionString: string, poolSize?: number, onError?: (error: Error) => void }} options
 * @returns {Promise<Store>}
 */
export async function createPostgresStore({ connectionString, poolSize = 10, onError = (error) => console.error(`PostgreSQL: ${error.message}`) }) {
  await migratePostgres(connectionString);
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle connection dropped by the server is replaced on the next query; say so, do not crash.
  pool.on('error', onError);
  const events = createPostgresEvents({ connectionString, pool, onError });
  const jobs = createPostgresJobs(pool);
  const agents = createPostgresAgents(pool);
  const thread = postgresThreadMessages(pool);
  const notes = postgresInternalNotes(pool);
  await events.ready;

  /**
   * Publishes a stored record's event once it is committed. Its own notification, not part of
   * the insert: a transaction that notifies holds PostgreSQL's notification lock through its
   * commit, which would make every insert wait for the previous one's disk flush.
   * @param {InsertResult} result
   * @param {{ type: string, data: object } | undefined} event
   */
  const announce = (result, event) => {
    if (event) events.publish(event.type, event.data).catch(onError);
    return result;
  };

  /**
   * The first answer for an id already stored: a replay when the content is the same.
   * @param {string} id
   * @param {string} hash
   * @returns {Promise<InsertResult>}
   */
  const existingReceipt = async (id, hash) => {
    const { rows } = await pool.query('SELECT body_hash, receipt FROM receipts WHERE id = $1', [id]);
    const row = rows[0];
    if (!row) throw new Error(`The receipt for ${id} is missing.`);
    return { outcome: row.body_hash === hash ? 'replay' : 'conflict', receipt: row.receipt };
  };

  /**
   * A complaint's row as both insert statements take it: text that PostgreSQL refuses (a NUL)
   * made storable, the body as sent.
   * @param {ComplaintRecord} record
   * @param {InsertMeta} meta
   * @param {import('../store.mjs').ComplaintSummary} summary
   * @param {string} reference the reference to store it under
   */
  const complaintRow = (record, meta, summary, reference) => ({
    id: record.id,
    hash: meta.hash,
    receipt: { id: record.id, reference, receivedAt: meta.receivedAt, dueBy: summary.dueBy },
    reference,
    body: JSON.stringify(reference === record.reference ? record : { ...record, reference }),
    received_at: meta.receivedAt,
    submitted_at: summary.submittedAt,
    category: text(summary.category),
    language: text(summary.language),
    urgency: summary.urgency,
    urgency_rank: urgencyRank(summary.urgency),
    mood: summary.mood,
    customer_type: summary.customerType,
    widget_urgency: summary.widgetUrgency,
    widget_category: text(summary.widgetCategory),
    escalated: summary.escalated,
    handoff_reason: summary.handoffReason,
    verified: summary.verified,
    visitor_name: summary.name === null ? null : text(summary.name),
    excerpt: text(summary.excerpt),
    due_by: summary.dueBy,
    follow_up_at: summary.followUpAt,
    follow_up_consent: summary.followUpConsent,
    signals: meta.signals ?? record.triage.signals,
    csat: record.csat,
    status_key_hash: meta.statusKeyHash ?? null,
    // What the inbox's search finds it by (migration 018): the visitor's email, and words.
    visitor_email: typeof record.visitor?.email === 'string' ? text(record.visitor.email) : null,
    search_text: text([summary.name ?? '', recordSearchText(record)].join('\n')),
  });

  /**
   * Complaints waiting for the next statement that stores them together.
   * @type {{ record: ComplaintRecord, meta: InsertMeta, resolve: (result: InsertResult) => void, reject: (error: unknown) => void }[]}
   */
  let gathering = [];
  /** @type {Set<Promise<void>>} */
  const underWay = new Set();

  /** @type {(record: ComplaintRecord, meta: InsertMeta) => Promise<InsertResult>} */
  const insertComplaintSoon = (record, meta) =>
    new Promise((resolve, reject) => {
      gathering.push({ record, meta, resolve, reject });
      if (gathering.length === 1) setImmediate(sendGathered);
    });

  const sendGathered = () => {
    if (underWay.size >= BATCHES_AT_ONCE || gathering.length === 0) return;
    const batch = gathering;
    gathering = [];
    const storing = storeTogether(batch).finally(() => {
      underWay.delete(storing);
      sendGathered();
    });
    underWay.add(storing);
  };

  /**
   * Stores complaints that arrived together with one statement. Should it fail for any of them
   * (a reference another complaint took meanwhile, text PostgreSQL refuses, a lost connection),
   * nothing of it is kept, and each is stored alone, as one complaint arriving alone is: one that
   * fails then takes only itself back. The same id twice waits for the first to be stored.
   * @param {typeof gathering} batch
   */
  const storeTogether = async (batch) => {
    /** @type {Map<string, (typeof batch)[number]>} */
    const first = new Map();
    const again = [];
    for (const entry of batch) {
      if (first.has(entry.record.id)) again.push(entry);
      else first.set(entry.record.id, entry);
    }
    const together = [...first.values()];
    /** @param {(typeof batch)[number]} entry */
    const alone = ({ record, meta, resolve, reject }) => insertComplaint(record, meta).then(resolve, reject);
    if (together.length === 1) await alone(/** @type {(typeof batch)[number]} */ (together[0]));
    else {
      /** @type {Set<string> | null} */
      let created = null;
      /** @type {ReturnType<typeof complaintRow>[]} */
      const rows = [];
      try {
        const jobs = [];
        for (const { record, meta } of together) {
          if (!meta.summary) throw new Error('A complaint is stored with its summary.');
          rows.push(complaintRow(record, meta, meta.summary, record.reference));
          for (const job of JSON.parse(jobsParameter(meta.jobs))) jobs.push({ record_id: record.id, ...job });
        }
        const answer = await pool.query({ name: 'heard_insert_complaints', text: INSERT_COMPLAINTS, values: [JSON.stringify(rows), JSON.stringify(jobs)] });
        created = new Set(answer.rows[0].created);
      } catch {
        created = null;
      }
      if (created === null) await Promise.all(together.map(alone));
      else {
        const stored = created;
        await Promise.all(
          together.map(async ({ record, meta, resolve, reject }, i) => {
            try {
              if (stored.has(record.id)) resolve(announce({ outcome: 'created', receipt: /** @type {ReturnType<typeof complaintRow>} */ (rows[i]).receipt }, meta.event));
              else resolve(await existingReceipt(record.id, meta.hash));
            } catch (error) {
              reject(error);
            }
          }),
        );
      }
    }
    for (const entry of again) await alone(entry);
  };

  /**
   * @param {ComplaintRecord} record
   * @param {InsertMeta} meta
   * @returns {Promise<InsertResult>}
   */
  const insertComplaint = async (record, meta) => {
    const { summary } = meta;
    if (!summary) throw new Error('A complaint is stored with its summary.');
    // The unique index decides between instances: a reference taken meanwhile fails the whole
    // statement (its receipt too), and the record is tried again under a fresh one.
    for (let tries = 0, reference = record.reference; ; tries += 1, reference = freshReference()) {
      try {
        return await insertComplaintAs(record, meta, summary, reference);
      } catch (error) {
        const taken = /** @type {{ code?: string, constraint?: string }} */ (error).code === '23505' && /** @type {{ constraint?: string }} */ (error).constraint === REFERENCE_INDEX;
        if (!taken || tries === REFERENCE_TRIES) throw error;
      }
    }
  };

  /**
   * @param {ComplaintRecord} record
   * @param {InsertMeta} meta
   * @param {import('../store.mjs').ComplaintSummary} summary
   * @param {string} reference the reference to store it under
   * @returns {Promise<InsertResult>}
   */
  const insertComplaintAs = async (record, meta, summary, reference) => {
    const row = complaintRow(record, meta, summary, reference);
    // Named, so each connection parses and plans it once.
    const { rows } = await pool.query({ name: 'heard_insert_complaint', text: INSERT_COMPLAINT, values: [
      row.id, row.hash, JSON.stringify(row.receipt), row.reference, row.body, row.received_at, row.submitted_at,
      row.category, row.language, row.urgency, row.urgency_rank, row.mood, row.customer_type, row.widget_urgency,
      row.widget_category, row.escalated, row.handoff_reason, row.verified, row.visitor_name, row.excerpt,
      row.due_by, row.follow_up_at, row.follow_up_consent, JSON.stringify(row.signals), row.csat, jobsParameter(meta.jobs),
      row.status_key_hash, row.visitor_email, row.search_text,
    ] });
    const { receipt } = row;
    if (rows[0].created === 1) return announce({ outcome: 'created', receipt }, meta.event);
    return existingReceipt(record.id, row.hash);
  };

  /**
   * @param {RatingRecord} record
   * @param {InsertMeta} meta
   * @returns {Promise<InsertResult>}
   */
  const insertRating = async (record, { hash, receivedAt, jobs, event, ratingSource = 'widget', ratingKeyHash = null, waitingFrom = null }) => {
    const { rows } = await pool.query({ name: 'heard_insert_rating', text: INSERT_RATING, values: [
      record.id,
      hash,
      record.complaintId,
      receivedAt,
      record.csat,
      record.at,
      jobsParameter(jobs),
      ratingSource,
      ratingKeyHash,
      waitingFrom,
    ] });
    if (rows[0].created === 1) return announce({ outcome: 'created', receipt: rows[0].receipt }, event);
    const existing = await existingReceipt(record.id, hash);
    if (existing.outcome !== 'conflict' || ratingSource !== 'widget') return existing;
    const changed = await pool.query({ name: 'heard_change_rating', text: CHANGE_RATING, values: [
      record.id,
      hash,
      record.csat,
      record.at,
      jobsParameter(jobs),
      ratingKeyHash,
    ] });
    const { kept, changed: done } = changed.rows[0];
    if (done === 1) return announce({ outcome: 'updated', receipt: existing.receipt }, event);
    // The same score, or an older choice arriving late: nothing changes.
    return { outcome: kept === 1 ? 'replay' : 'conflict', receipt: existing.receipt };
  };

  /** @type {(id: string, now: number) => Promise<Complaint | null>} */
  const read = async (id, now) => {
    const { rows } = await pool.query(
      `SELECT ${LIST_COLUMNS}, c.resolution_note, c.due_by_reason, c.body,
         rc.source AS rating_source, rc.comment AS rating_comment, rc.comment_at AS rating_comment_at
       FROM complaints c
       LEFT JOIN LATERAL (SELECT r.source, r.comment, r.comment_at FROM ratings r WHERE r.complaint_id = c.id AND ${KEY_MATCHES} ORDER BY r.at DESC LIMIT 1) rc ON true
       WHERE c.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    const [audit, replies, mails, messages, internal] = await Promise.all([agents.auditOf(id), repliesOf(id), replyMailsOf(id), thread.threadMessagesOf(id), notes.internalNotesOf(id)]);
    return {
      ...toListItem(toWorkRow(row), now),
      resolutionNote: row.resolution_note,
      dueByReason: row.due_by_reason,
      record: storedRecord(row.body, row.reference),
      audit,
      replies: withEmailStates(replies, mails),
      ratingComment: row.rating_comment === null ? null : { text: row.rating_comment, at: /** @type {string} */ (iso(row.rating_comment_at)) },
      ratedFrom: row.rating_source ?? (row.csat === null ? null : 'widget'),
      messages,
      notes: internal,
    };
  };

  /** @param {string} id @returns {Promise<Omit<import('../store.mjs').Reply, 'email'>[]>} */
  const repliesOf = async (id) => {
    const { rows } = await pool.query('SELECT agent_name, text, at, attachments FROM replies WHERE complaint_id = $1 ORDER BY id', [id]);
    return rows.map((row) => ({ at: row.at.toISOString(), text: row.text, agentName: row.agent_name, attachments: row.attachments }));
  };

  /**
   * One complaint's reply emails, read with its detail only (never in the queue's list).
   * @param {string} id @returns {Promise<{ at: string, text: string, status: string }[]>}
   */
  const replyMailsOf = async (id) => {
    const { rows } = await pool.query(
      `SELECT payload->>'at' AS at, payload->>'text' AS text, status FROM jobs WHERE complaint_id = $1 AND kind = $2`,
      [id, REPLY_MAIL_JOB],
    );
    return rows;
  };

  /**
   * Runs a guarded UPDATE, with its audit event and the jobs it causes in the same statement, so
   * all commit together or not at all; tells a missing complaint from one in the wrong state.
   * `$1` is the complaint id; when `options.expectedClaimant` is given the change also needs the
   * complaint to be claimed by that account still.
   * @param {string} sql an UPDATE of `complaints` whose parameters are `params`
   * @param {unknown[]} params
   * @param {string} verb
   * @param {import('../store.mjs').WorkOptions} options
   * @param {import('../store.mjs').AuditEvent} audit
   * @param {{ sql: (n: number) => string, params: unknown[] } | null} [also] one more write with the
   *   change, from the CTE `changed`, its parameters numbered from `n`
   * @returns {Promise<WorkResult>}
   */
  const work = async (sql, params, verb, options, audit, also = null) => {
    const id = /** @type {string} */ (params[0]);
    const guard = options.expectedClaimant === undefined ? '' : ` AND claimed_by_id IS NOT DISTINCT FROM $${params.length + 1}`;
    const all = options.expectedClaimant === undefined ? [...params] : [...params, options.expectedClaimant];
    const jobsAt = all.length + 1;
    const alsoAt = jobsAt + 7;
    const { rows } = await pool.query(
      `WITH changed AS (${sql}${guard} RETURNING id),
         work AS (${insertJobsFrom(jobsAt, 'EXISTS (SELECT 1 FROM changed)')}),
         audit AS (${insertAuditFrom(jobsAt + 1)})${also ? `,
         also AS (${also.sql(alsoAt)})` : ''}
       SELECT count(*)::int AS n FROM changed`,
      [...all, jobsParameter(options.jobs), ...auditParameters(id, audit), ...(also ? also.params : [])],
    );
    const rowCount = rows[0].n;
    const complaint = await read(id, Date.now());
    if (!complaint) return { ok: false, error: 'not-found', message: `No complaint ${id}.` };
    if (!rowCount) return { ok: false, error: 'conflict', message: `Cannot ${verb}: the complaint is ${describeWork(complaint)}.`, complaint };
    return { ok: true, complaint };
  };

  return {
    kind: 'postgres',
    /** The pool's connections now, for the metrics: open, idle, and queries waiting for one. */
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    insertRecord: async (record, meta) => (record.type === 'rating' ? insertRating(record, meta) : insertComplaintSoon(record, meta)),
    getRecord: async (id, now = Date.now()) => read(id, now),
    listRecords: async ({ status = null, category = null, language = null, q = null, limit = -1, offset = 0, now = Date.now() } = {}) => {
      const { where, params } = filtersToSql({ status, category, language, q });
      const page = limit < 0 ? null : limit;
      const { rows } = await pool.query(
        `SELECT ${LIST_COLUMNS} FROM complaints c ${where} ${QUEUE_ORDER} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, page, offset],
      );
      return rows.map((row) => toListItem(toWorkRow(row), now));
    },
    countRecords: async ({ status = null, category = null, language = null, q = null } = {}) => {
      const { where, params } = filtersToSql({ status, category, language, q });
      const { rows } = await pool.query(
        `SELECT count(*)::int AS total, (count(*) FILTER (WHERE c.status <> 'resolved'))::int AS open FROM complaints c ${where}`,
        params,
      );
      return { total: rows[0].total, open: rows[0].open };
    },
    facets: async () => {
      const [categories, languages] = await Promise.all([
        pool.query('SELECT category FROM complaints GROUP BY category ORDER BY category COLLATE "C"'),
        pool.query('SELECT language FROM complaints GROUP BY language ORDER BY language COLLATE "C"'),
      ]);
      return { categories: categories.rows.map((row) => row.category), languages: languages.rows.map((row) => row.language) };
    },
    claim: async (id, agent, at, options = {}) => {
      const who = agentRef(agent);
      const result = await work(
        `UPDATE complaints SET status = 'claimed', claimed_by = $2, claimed_by_id = $3, claimed_at = $4 WHERE id = $1 AND status = 'new'`,
        [id, text(who.name), who.id, at],
        'claim',
        options,
        audit('claimed', who, at),
      );
      // Claiming what one already holds is no change, and no conflict.
      return !result.ok && result.complaint && claimedBySame(result.complaint, who) ? { ok: true, complaint: result.complaint } : result;
    },
    assign: async (id, agent, to, at, options = {}) => {
      const result = await work(
        `UPDATE complaints SET status = 'claimed', claimed_by = $2, claimed_by_id = $3, claimed_at = $4
         WHERE id = $1 AND status <> 'resolved' AND claimed_by_id IS DISTINCT FROM $3`,
        [id, text(to.name), to.id, at],
        'assign',
        options,
        audit('assigned', agentRef(agent), at, { to: to.name, toId: to.id }),
      );
      return !result.ok && result.complaint && claimedBySame(result.complaint, to) ? { ok: true, complaint: result.complaint } : result;
    },
    release: async (id, agent, at, options = {}) =>
      work(
        `UPDATE complaints SET status = 'new', claimed_by = NULL, claimed_by_id = NULL, claimed_at = NULL WHERE id = $1 AND status = 'claimed'`,
        [id],
        'release',
        options,
        audit('released', agentRef(agent), at),
      ),
    resolve: async (id, agent, note, at, options = {}) => {
      const who = agentRef(agent);
      return work(
        `UPDATE complaints SET status = 'resolved', resolved_by = $2, resolved_at = $3, resolution_note = $4,
           claimed_by_id = CASE WHEN claimed_by IS NULL THEN $5 ELSE claimed_by_id END,
           claimed_by = COALESCE(claimed_by, $2), claimed_at = COALESCE(claimed_at, $3)
         WHERE id = $1 AND status <> 'resolved'`,
        [id, text(who.name), at, text(note), who.id],
        'resolve',
        options,
        audit('resolved', who, at),
      );
    },
    markFollowedUp: async (id, at, options = {}) =>
      work(
        `UPDATE complaints SET followed_up_at = $2 WHERE id = $1 AND status = 'resolved' AND followed_up_at IS NULL`,
        [id, at],
        'record a follow-up',
        options,
        audit('followed-up', options.agent === undefined ? null : agentRef(options.agent), at),
      ),
    addReply: async (id, agent, reply, at, options = {}) => {
      const who = agentRef(agent);
      return work(`UPDATE complaints SET last_reply_at = $2 WHERE id = $1`, [id, at], 'reply', options, audit('replied', who, at), {
        sql: (n) => `INSERT INTO replies (complaint_id, agent_id, agent_name, text, at, attachments)
          SELECT id, $${n}::text, $${n + 1}::text, $${n + 2}::text, $${n + 3}::timestamptz, $${n + 4}::text[] FROM changed`,
        params: [who.id, text(who.name), text(reply), at, options.attachments ?? []],
      });
    },
    moveDue: async (id, agent, dueBy, reason, at, options = {}) =>
      work(
        // The first promise is kept, and a move made once the date it replaces had passed is marked late.
        // The follow-up planned after the date moves with it, the same time after the new date.
        `UPDATE complaints SET due_by = $2, due_by_reason = $3,
           follow_up_at = follow_up_at + ($2::timestamptz - COALESCE(due_by, $2::timestamptz)),
           first_due_by = COALESCE(first_due_by, due_by, $2::timestamptz),
           late_move = late_move OR COALESCE(due_by < $4::timestamptz, false)
         WHERE id = $1 AND status <> 'resolved'`,
        [id, dueBy, text(reason), at],
        'move the due date',
        options,
        audit('due-moved', agentRef(agent), at, { dueBy, reason }),
      ),
    getStatus: async (id) => {
      const { rows } = await pool.query(
        'SELECT reference, status, received_at, resolved_at, due_by, due_by_reason, status_key_hash FROM complaints WHERE id = $1',
        [id],
      );
      const row = rows[0];
      if (!row) return null;
      return {
        reference: row.reference,
        status: row.status,
        receivedAt: /** @type {string} */ (iso(row.received_at)),
        resolvedAt: iso(row.resolved_at),
        dueBy: iso(row.due_by),
        dueByReason: row.due_by_reason,
        statusKeyHash: row.status_key_hash,
        replies: (await repliesOf(id)).map(({ at, text, attachments }) => ({ at, text, attachments })),
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
    trends: async ({ weeks = 12, now = Date.now(), topSignals = 20 } = {}) => {
      const { firstWeek, weekKeys } = trendWeeks(weeks, now);
      const since = new Date(firstWeek).toISOString();
      const [weekly, signalRows] = await Promise.all([
        pool.query(
          `SELECT to_char(date_trunc('week', submitted_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week, category, count(*)::int AS count
           FROM complaints WHERE submitted_at >= $1 GROUP BY 1, 2`,
          [since],
        ),
        pool.query('SELECT signals FROM complaints WHERE submitted_at >= $1', [since]),
      ]);
      const categories = weekly.rows.map((row) => ({
        week: row.week,
        category: row.category,
        count: row.count,
      }));
      categories.sort((a, b) => compare(a.week, b.week) || compare(a.category, b.category));
      return { weeks: weekKeys, categories, signals: countSignals(signalRows.rows, topSignals) };
    },
    commitments: async ({ weeks = 12, now = Date.now() } = {}) => {
      const { firstWeek } = trendWeeks(weeks, now);
      // The definitions are in store.mjs (Commitments); a complaint's outcome, from columns only.
      const { rows } = await pool.query(
        `SELECT count(*)::int AS total, (count(*) FILTER (WHERE outcome = 'kept'))::int AS kept,
           (count(*) FILTER (WHERE outcome = 'moved'))::int AS moved, (count(*) FILTER (WHERE outcome = 'missed'))::int AS missed
         FROM (
           SELECT CASE
             WHEN status = 'resolved' AND resolved_at <= COALESCE(first_due_by, due_by) THEN 'kept'
             WHEN status = 'resolved' AND resolved_at <= due_by AND first_due_by IS NOT NULL AND NOT late_move THEN 'moved'
             ELSE 'missed' END AS outcome
           FROM complaints
           WHERE submitted_at >= $1 AND due_by IS NOT NULL AND (status = 'resolved' OR due_by < $2)
         ) outcomes`,
        [new Date(firstWeek).toISOString(), new Date(now).toISOString()],
      );
      const { total, kept, moved, missed } = rows[0];
      return { total, kept, moved, missed };
    },
    teamRows: async ({ since }) => {
      const { rows } = await pool.query(
        `SELECT c.submitted_at, c.received_at, c.category,
           COALESCE((SELECT r.csat FROM ratings r WHERE r.complaint_id = c.id AND ${KEY_MATCHES} ORDER BY r.at DESC LIMIT 1), c.csat) AS csat,
           (SELECT min(p.at) FROM replies p WHERE p.complaint_id = c.id) AS first_reply_at,
           CASE WHEN c.status = 'resolved' THEN c.resolved_at END AS resolved_at,
           COALESCE(c.first_due_by, c.due_by) AS first_due_by, c.due_by, c.late_move
         FROM complaints c WHERE c.submitted_at >= $1`,
        [new Date(since).toISOString()],
      );
      /** @param {Date | string | null} value */
      const ms = (value) => (value === null ? null : new Date(value).getTime());
      return rows.map((row) => ({
        submittedMs: /** @type {number} */ (ms(row.submitted_at)),
        receivedMs: /** @type {number} */ (ms(row.received_at)),
        category: row.category,
        csat: row.csat,
        firstReplyMs: ms(row.first_reply_at),
        resolvedMs: ms(row.resolved_at),
        firstDueMs: ms(row.first_due_by),
        dueMs: ms(row.due_by),
        lateMove: row.late_move,
      }));
    },
    waitingRatings: async ({ id, from, since }) => {
      const { rows } = await pool.query(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE r.waiting_from = $1)::int AS from_address,
           EXISTS (SELECT 1 FROM receipts WHERE id = $3) AS received FROM ratings r
         WHERE r.waiting_since >= $2 AND NOT EXISTS (SELECT 1 FROM complaints c WHERE c.id = r.complaint_id)`,
        [from, since, id],
      );
      return { total: rows[0].total, fromAddress: rows[0].from_address, received: rows[0].received };
    },
    addRatingComment: async (complaintId, comment, at, { jobs: caused } = {}) => {
      const { rows } = await pool.query(
        `WITH added AS (
           UPDATE ratings SET comment = $2, comment_at = $3 WHERE complaint_id = $1 AND source = 'follow-up' AND comment IS NULL RETURNING 1
         ), work AS (
           ${insertJobsFrom(4, 'EXISTS (SELECT 1 FROM added)')}
         )
         SELECT (SELECT count(*) FROM added)::int AS added,
           EXISTS (SELECT 1 FROM ratings WHERE complaint_id = $1) OR EXISTS (SELECT 1 FROM complaints WHERE id = $1 AND csat IS NOT NULL) AS rated`,
        [complaintId, text(comment), at, jobsParameter(caused)],
      );
      if (rows[0].added > 0) return 'added';
      return rows[0].rated ? 'already' : 'not-rated';
    },
    dropWaitingRatings: async ({ before }) => {
      const { rowCount } = await pool.query(
        'DELETE FROM ratings r WHERE r.waiting_since < $1 AND NOT EXISTS (SELECT 1 FROM complaints c WHERE c.id = r.complaint_id)',
        [before],
      );
      return rowCount ?? 0;
    },
    purgeResolved: async ({ resolvedBefore }) => {
      let purged = 0;
      for (;;) {
        const { rows } = await pool.query(PURGE, [resolvedBefore, PURGE_BATCH]);
        purged += rows[0].n;
        if (rows[0].n < PURGE_BATCH) return purged;
      }
    },
    addStreamTicket: async ({ hash, expiresAt, sessionHash }) => {
      await pool.query(
        `WITH expired AS (DELETE FROM stream_tickets WHERE expires_at <= now())
         INSERT INTO stream_tickets (hash, expires_at, session_hash) VALUES ($1, $2, $3)`,
        [hash, expiresAt, sessionHash],
      );
    },
    redeemStreamTicket: async (hash, now) => {
      // The ticket is used up whatever its session's state; it opens a stream only for a live one.
      const { rows } = await pool.query(
        `WITH used AS (DELETE FROM stream_tickets WHERE hash = $1 RETURNING expires_at, session_hash)
         SELECT a.id AS agent_id FROM used u JOIN sessions s ON s.token_hash = u.session_hash JOIN agents a ON a.id = s.agent_id
         WHERE u.expires_at > $2 AND s.expires_at > $2`,
        [hash, now],
      );
      return rows[0]?.agent_id ?? null;
    },
    redeemVisitorTicket: async (hash, now) => {
      const { rows } = await pool.query(
        `WITH used AS (DELETE FROM stream_tickets WHERE hash = $1 RETURNING expires_at, session_hash)
         SELECT substr(session_hash, $3) AS complaint_id FROM used WHERE expires_at > $2 AND starts_with(session_hash, $4)`,
        [hash, now, VISITOR_TICKET.length + 1, VISITOR_TICKET],
      );
      return rows[0]?.complaint_id ?? null;
    },
    ...jobs,
    ...postgresDestinations(pool),
    ...postgresFollowUps(pool),
    ...thread,
    ...notes,
    ...postgresSavedReplies(pool),
    ...postgresAccountChanges(pool),
    ...postgresAttachments(pool),
    ping: async () => {
      await pool.query('SELECT 1');
    },
    events,
    close: async () => {
      // Complaints still on their way are stored and answered first, as when they arrived.
      while (gathering.length || underWay.size) {
        sendGathered();
        await Promise.all(underWay);
      }
      await events.close();
      await pool.end();
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
  /** @type {string[]} */
  const params = [];
  for (const [column, value] of Object.entries(filters)) {
    if (value) {
      params.push(value);
      where.push(`c.${column} = $${params.length}`);
    }
  }
  const search = parseSearch(q);
  if (search?.kind === 'email') {
    params.push(text(search.email));
    where.push(`c.visitor_email = lower($${params.length})`);
  } else if (search) {
    params.push(text(search.reference));
    const reference = `c.reference = $${params.length}`;
    if (search.words.length === 0) where.push(reference);
    else {
      params.push(tsQuery(search.words));
      where.push(`(${reference} OR c.search_words @@ to_tsquery('simple', $${params.length}))`);
    }
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/**
 * PostgreSQL's text cannot hold U+0000, which the schema allows in a string: it becomes U+FFFD
 * in the columns (the stored body keeps the record exactly).
 * @param {string} value
 */
function text(value) {
  return value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value;
}

/** @param {string} a @param {string} b */
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The signals most complaints share, as the SQLite store counts them: per distinct
 * field, value and cue, how many complaints carry it.
 * @param {{ signals: { field: string, value: string, cue: string }[] }[]} rows
 * @param {number} top
 */
function countSignals(rows, top) {
  /** @type {Map<string, { field: string, value: string, cue: string, count: number }>} */
  const counts = new Map();
  for (const { signals } of rows) {
    /** @type {Set<string>} */
    const seen = new Set();
    for (const { field, value, cue } of signals) {
      const key = JSON.stringify([field, value, cue]);
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { field, value, cue, count: 1 });
    }
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || compare(a.field, b.field) || compare(a.value, b.value) || compare(a.cue, b.cue))
    .slice(0, top);
}

/** @param {Date | null} value */
function iso(value) {
  return value === null ? null : value.toISOString();
}

/** @param {Record<string, any>} row @returns {WorkRow} */
function toWorkRow(row) {
  return {
    id: row.id,
    reference: row.reference,
    receivedAt: /** @type {string} */ (iso(row.received_at)),
    status: row.status,
    claimedBy: row.claimed_by,
    claimedById: row.claimed_by_id,
    claimedAt: iso(row.claimed_at),
    resolvedBy: row.resolved_by,
    resolvedAt: iso(row.resolved_at),
    followedUpAt: iso(row.followed_up_at),
    csat: row.csat,
    waitingSince: iso(row.waiting_since),
    waitingForUs: row.waiting === true,
    summary: {
      urgency: row.urgency,
      category: row.category,
      language: row.language,
      mood: row.mood,
      customerType: row.customer_type,
      widgetUrgency: row.widget_urgency,
      widgetCategory: row.widget_category,
      escalated: row.escalated,
      handoffReason: row.handoff_reason,
      verified: row.verified,
      name: row.visitor_name,
      excerpt: row.excerpt,
      submittedAt: /** @type {string} */ (iso(row.submitted_at)),
      dueBy: iso(row.due_by),
      followUpAt: iso(row.follow_up_at),
      followUpConsent: row.follow_up_consent,
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
