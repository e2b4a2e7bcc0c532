// @ts-check
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.mjs';

/**
 * @typedef {import('./store.mjs').Store} Store
 * @typedef {import('./store.mjs').Complaint} Complaint
 * @typedef {import('./store.mjs').ComplaintRecord} ComplaintRecord
 * @typedef {import('./store.mjs').RatingRecord} RatingRecord
 * @typedef {import('./store.mjs').Receipt} Receipt
 * @typedef {import('./store.mjs').WorkResult} WorkResult
 */

const URGENCY_RANK = /** @type {const} */ ({ critical: 0, high: 1, normal: 2, low: 3 });
const DAY_MS = 24 * 60 * 60 * 1000;
/** Seed 000 §2.7: follow up 24–48 h after resolution; the earliest is a day after. */
const FOLLOW_UP_AFTER_MS = DAY_MS;

/**
 * Opens (creating on first run) a SQLite database and returns the store on it.
 * WAL with `synchronous=FULL`: the widget deletes its copy once we answer 2xx, so every
 * commit must reach the disk before the answer does.
 * @param {{ path: string }} options `path` is a file, or `:memory:` for tests that need no disk.
 * @returns {Store}
 */
export function createSqliteStore({ path }) {
  if (path !== ':memory:') {
    // Complaints are personal data: the folder and the file (and so SQLite's -wal and -shm
    // files, which copy the file's mode) are the owner's alone. An existing file keeps its mode.
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    closeSync(openSync(path, 'a', 0o600));
  }
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const q = {
    receipt: db.prepare('SELECT kind, body_hash, receipt FROM receipts WHERE id = ?'),
    addReceipt: db.prepare('INSERT INTO receipts (id, kind, body_hash, receipt) VALUES (?, ?, ?, ?)'),
    addComplaint: db.prepare(`INSERT INTO complaints
      (id, reference, body, received_at, submitted_ms, category, language, urgency_rank, escalated,
       due_ms, follow_up_ms, follow_up_consent, csat)
      VALUES (@id, @reference, @body, @receivedAt, @submittedMs, @category, @language, @urgencyRank,
       @escalated, @dueMs, @followUpMs, @consent, @csat)`),
    ratingFor: db.prepare('SELECT csat FROM ratings WHERE complaint_id = ? ORDER BY at DESC LIMIT 1'),
    addRating: db.prepare('INSERT INTO ratings (id, complaint_id, csat, at) VALUES (?, ?, ?, ?)'),
    applyRating: db.prepare('UPDATE complaints SET csat = ? WHERE id = ?'),
    get: db.prepare('SELECT * FROM complaints WHERE id = ?'),
    claim: db.prepare(`UPDATE complaints SET status = 'claimed', claimed_by = ?, claimed_at = ?
      WHERE id = ? AND status <> 'resolved' AND (claimed_by IS NULL OR claimed_by = ?)`),
    resolve: db.prepare(`UPDATE complaints SET status = 'resolved', resolved_by = ?, resolved_at = ?,
      resolved_ms = ?, resolution_note = ?,
      claimed_by = COALESCE(claimed_by, ?), claimed_at = COALESCE(claimed_at, ?)
      WHERE id = ? AND status <> 'resolved'`),
    followedUp: db.prepare(`UPDATE complaints SET followed_up_at = ?
      WHERE id = ? AND status = 'resolved' AND followed_up_at IS NULL`),
    categories: db.prepare('SELECT DISTINCT category FROM complaints ORDER BY category'),
    languages: db.prepare('SELECT DISTINCT language FROM complaints ORDER BY language'),
    weekly: db.prepare('SELECT submitted_ms, category FROM complaints WHERE submitted_ms >= ?'),
    addSignal: db.prepare('INSERT INTO complaint_signals (complaint_id, submitted_ms, field, value, cue) VALUES (?, ?, ?, ?, ?)'),
    signals: db.prepare(`SELECT field, value, cue, COUNT(DISTINCT complaint_id) AS count
      FROM complaint_signals WHERE submitted_ms >= ?
      GROUP BY field, value, cue ORDER BY count DESC, field, value, cue LIMIT ?`),
  };

  /** @type {(record: ComplaintRecord, meta: { hash: string, receivedAt: string }) => Receipt} */
  const insertComplaint = (record, { hash, receivedAt }) => {
    const rating = /** @type {{ csat: number } | undefined} */ (q.ratingFor.get(record.id));
    const submittedMs = Date.parse(record.submittedAt);
    q.addComplaint.run({
      id: record.id,
      reference: record.reference,
      body: JSON.stringify(record),
      receivedAt,
      submittedMs,
      category: record.triage.category,
      language: record.triage.language,
      urgencyRank: URGENCY_RANK[record.triage.urgency] ?? 2,
      escalated: record.handoff || record.triage.urgency === 'critical' ? 1 : 0,
      dueMs: record.commitment ? Date.parse(record.commitment.dueBy) : null,
      followUpMs: record.followUpAt ? Date.parse(record.followUpAt) : null,
      consent: record.visitor.followUpConsent ? 1 : 0,
      // A rating that arrived before its complaint is applied now.
      csat: rating?.csat ?? record.csat,
    });
    for (const signal of record.triage.signals) q.addSignal.run(record.id, submittedMs, signal.field, signal.value, signal.cue);
    /** @type {Receipt} */
    const receipt = { id: record.id, reference: record.reference, receivedAt };
    q.addReceipt.run(record.id, 'complaint', hash, JSON.stringify(receipt));
    return receipt;
  };

  /** @type {(record: RatingRecord, meta: { hash: string, receivedAt: string }) => Receipt} */
  const insertRating = (record, { hash, receivedAt }) => {
    q.addRating.run(record.id, record.complaintId, record.csat, record.at);
    q.applyRating.run(record.csat, record.complaintId);
    // Whoever sends a rating learns nothing about the complaint from the answer.
    /** @type {Receipt} */
    const receipt = { id: record.id, reference: null, receivedAt };
    q.addReceipt.run(record.id, 'rating', hash, JSON.stringify(receipt));
    return receipt;
  };

  const insert = db.transaction(
    /** @type {Store['insertRecord']} */
    (record, meta) => {
      const existing = /** @type {{ body_hash: string, receipt: string } | undefined} */ (q.receipt.get(record.id));
      if (existing) {
        return {
          outcome: existing.body_hash === meta.hash ? 'replay' : 'conflict',
          receipt: JSON.parse(existing.receipt),
        };
      }
      const receipt = record.type === 'rating' ? insertRating(record, meta) : insertComplaint(record, meta);
      return { outcome: 'created', receipt };
    },
  );
  // IMMEDIATE takes the write lock up front, so the read-then-insert cannot race another writer.
  const insertRecord = /** @type {Store['insertRecord']} */ ((record, meta) => insert.immediate(record, meta));

  /** @type {(id: string, now: number) => Complaint | null} */
  const read = (id, now) => {
    const row = q.get.get(id);
    return row ? toComplaint(/** @type {Row} */ (row), now) : null;
  };

  /**
   * @param {import('better-sqlite3').Statement} statement
   * @param {unknown[]} args
   * @param {string} id
   * @param {string} verb
   * @returns {WorkResult}
   */
  const work = (statement, args, id, verb) => {
    const now = Date.now();
    const changed = statement.run(...args).changes > 0;
    const complaint = read(id, now);
    if (!complaint) return { ok: false, error: 'not-found', message: `No complaint ${id}.` };
    if (!changed) {
      return { ok: false, error: 'conflict', message: `Cannot ${verb}: the complaint is ${describe(complaint)}.`, complaint };
    }
    return { ok: true, complaint };
  };

  return {
    insertRecord,
    getRecord: (id, now = Date.now()) => read(id, now),
    listRecords: ({ status = null, category = null, language = null, limit = -1, offset = 0, now = Date.now() } = {}) => {
      const { where, params } = filtersToSql({ status, category, language });
      const sql = `SELECT * FROM complaints ${where}
        ORDER BY status = 'resolved', escalated DESC, urgency_rank, submitted_ms, id LIMIT @limit OFFSET @offset`;
      return db.prepare(sql).all({ ...params, limit, offset }).map((row) => toComplaint(/** @type {Row} */ (row), now));
    },
    countRecords: ({ status = null, category = null, language = null } = {}) => {
      const { where, params } = filtersToSql({ status, category, language });
      const sql = `SELECT COUNT(*) AS total, COALESCE(SUM(status <> 'resolved'), 0) AS open FROM complaints ${where}`;
      return /** @type {{ total: number, open: number }} */ (db.prepare(sql).get(params));
    },
    facets: () => ({
      categories: q.categories.pluck().all().map(String),
      languages: q.languages.pluck().all().map(String),
    }),
    claim: (id, agent, at) => work(q.claim, [agent, at, id, agent], id, 'claim'),
    resolve: (id, agent, note, at) =>
      work(q.resolve, [agent, at, Date.parse(at), note, agent, at, id], id, 'resolve'),
    markFollowedUp: (id, at) => work(q.followedUp, [at, id], id, 'record a follow-up'),
    trends: ({ weeks = 12, now = Date.now(), topSignals = 20 } = {}) => {
      const firstWeek = weekStart(now) - (weeks - 1) * 7 * DAY_MS;
      const weekKeys = Array.from({ length: weeks }, (_, i) => isoDate(firstWeek + i * 7 * DAY_MS));
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
      const signals = /** @type {import('./store.mjs').Trends['signals']} */ (q.signals.all(firstWeek, topSignals));
      return { weeks: weekKeys, categories, signals };
    },
    close: () => db.close(),
  };
}

/**
 * The WHERE clause and its parameters for the inbox's filters; values are bound, never spliced.
 * @param {{ status: string | null, category: string | null, language: string | null }} filters
 */
function filtersToSql(filters) {
  const where = [];
  /** @type {Record<string, string>} */
  const params = {};
  for (const [column, value] of Object.entries(filters)) {
    if (value) (where.push(`${column} = @${column}`), (params[column] = value));
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** @param {import('better-sqlite3').Database} db */
function migrate(db) {
  const version = /** @type {number} */ (db.pragma('user_version', { simple: true }));
  for (let step = version; step < MIGRATIONS.length; step++) {
    const migration = /** @type {string | ((db: import('better-sqlite3').Database) => void)} */ (MIGRATIONS[step]);
    db.transaction(() => {
      if (typeof migration === 'function') migration(db);
      else db.exec(migration);
      db.pragma(`user_version = ${step + 1}`);
    })();
  }
}

/**
 * @typedef {{
 *   id: string, reference: string, body: string, received_at: string, escalated: number,
 *   due_ms: number | null, follow_up_ms: number | null, follow_up_consent: number,
 *   status: import('./store.mjs').WorkStatus, claimed_by: string | null, claimed_at: string | null,
 *   resolved_by: string | null, resolved_at: string | null, resolved_ms: number | null,
 *   resolution_note: string | null, followed_up_at: string | null, csat: number | null,
 * }} Row
 */

/**
 * @param {Row} row
 * @param {number} now
 * @returns {Complaint}
 */
function toComplaint(row, now) {
  const resolved = row.status === 'resolved';
  // Follow up a day after resolution, or later if the widget planned a later date.
  const followUpMs =
    resolved && row.resolved_ms !== null && row.follow_up_consent
      ? Math.max(row.resolved_ms + FOLLOW_UP_AFTER_MS, row.follow_up_ms ?? 0)
      : null;
  return {
    id: row.id,
    reference: row.reference,
    receivedAt: row.received_at,
    status: row.status,
    claimedBy: row.claimed_by,
    claimedAt: row.claimed_at,
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at,
    resolutionNote: row.resolution_note,
    followedUpAt: row.followed_up_at,
    csat: row.csat,
    escalated: row.escalated === 1,
    overdue: !resolved && row.due_ms !== null && row.due_ms < now,
    followUpDueAt: followUpMs === null ? null : new Date(followUpMs).toISOString(),
    followUpDue: followUpMs !== null && row.followed_up_at === null && followUpMs <= now,
    record: JSON.parse(row.body),
  };
}

/** @param {Complaint} complaint */
function describe(complaint) {
  if (complaint.status === 'resolved') return `already resolved by ${complaint.resolvedBy}`;
  if (complaint.status === 'claimed') return `claimed by ${complaint.claimedBy}`;
  return complaint.status;
}

/** Monday 00:00 UTC of the week holding `ms`. @param {number} ms */
function weekStart(ms) {
  const day = new Date(ms);
  day.setUTCHours(0, 0, 0, 0);
  return day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS;
}

/** @param {number} ms */
function isoDate(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}
