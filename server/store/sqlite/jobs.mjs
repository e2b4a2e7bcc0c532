// @ts-check
import { jobNumber, shortError } from '../shared.mjs';

/**
 * @typedef {import('../store.mjs').JobSpec} JobSpec
 * @typedef {import('../store.mjs').Job} Job
 */

/** @param {string} at */
const utc = (at) => new Date(at).toISOString();

/**
 * The durable job queue on SQLite. One writer at a time (IMMEDIATE transactions), so a job is
 * handed to one caller even with several processes on one file.
 * @param {import('better-sqlite3').Database} db
 */
export function createSqliteJobs(db) {
  const q = {
    add: db.prepare(`INSERT INTO jobs (kind, payload, due_at, order_key, complaint_id, destination_id, created_at, updated_at)
      VALUES (@kind, @payload, @dueAt, @orderKey, @complaintId, @destinationId, @now, @now)`),
    due: db.prepare(`SELECT j.id FROM jobs j
      WHERE j.status = 'pending' AND j.due_at <= @now AND (j.locked_until IS NULL OR j.locked_until <= @now)
        AND (j.order_key IS NULL OR NOT EXISTS (
          SELECT 1 FROM jobs o WHERE o.order_key = j.order_key AND o.status = 'pending' AND o.id < j.id))
      ORDER BY j.due_at, j.id LIMIT @limit`),
    lease: db.prepare(`UPDATE jobs SET attempts = attempts + 1, locked_until = @lockedUntil, updated_at = @now
      WHERE id = @id RETURNING *`),
    complete: db.prepare(`UPDATE jobs SET status = 'done', locked_until = NULL, updated_at = ? WHERE id = ?`),
    reschedule: db.prepare(`UPDATE jobs SET status = 'pending', due_at = ?, last_error = ?, locked_until = NULL, updated_at = ?
      WHERE id = ?`),
    fail: db.prepare(`UPDATE jobs SET status = 'failed', last_error = ?, locked_until = NULL, updated_at = ? WHERE id = ?`),
    retry: db.prepare(`UPDATE jobs SET status = 'pending', due_at = ?, attempts = 0, locked_until = NULL, updated_at = ?
      WHERE id = ? AND status = 'failed'`),
    list: db.prepare('SELECT * FROM jobs WHERE (@status IS NULL OR status = @status) ORDER BY id DESC LIMIT @limit'),
    count: db.prepare('SELECT status, COUNT(*) AS n FROM jobs GROUP BY status'),
    waiting: db.prepare(`SELECT kind, destination_id, due_at > ? AS later, COUNT(*) AS n FROM jobs
      WHERE status = 'pending' GROUP BY kind, destination_id, later ORDER BY kind, destination_id, later`),
  };

  /** Adds jobs inside the caller's transaction. @param {JobSpec[] | undefined} jobs */
  const add = (jobs = []) => {
    const now = new Date().toISOString();
    for (const job of jobs) {
      q.add.run({
        kind: job.kind,
        payload: JSON.stringify(job.payload),
        dueAt: utc(job.dueAt),
        orderKey: job.orderKey ?? null,
        complaintId: job.complaintId ?? null,
        destinationId: job.destinationId ?? null,
        now,
      });
    }
  };

  const take = db.transaction(
    /** @param {{ now: string, limit: number, leaseSeconds: number }} options @returns {Job[]} */
    ({ now, limit, leaseSeconds }) => {
      const at = utc(now);
      const lockedUntil = new Date(Date.parse(at) + leaseSeconds * 1000).toISOString();
      const ids = /** @type {{ id: number }[]} */ (q.due.all({ now: at, limit }));
      return ids.map(({ id }) => toJob(/** @type {Row} */ (q.lease.get({ id, lockedUntil, now: at }))));
    },
  );

  /** @param {string} id @param {() => void} change */
  const ifJob = (id, change) => {
    if (jobNumber(id) !== null) change();
  };

  return {
    add,
    /** @type {import('../store.mjs').Store['enqueueJobs']} */
    enqueueJobs: async (jobs) => db.transaction(add).immediate(jobs),
    /** @type {import('../store.mjs').Store['takeDueJobs']} */
    takeDueJobs: async (options) => take.immediate(options),
    /** @type {import('../store.mjs').Store['completeJob']} */
    completeJob: async (id, at) => ifJob(id, () => q.complete.run(utc(at), id)),
    /** @type {import('../store.mjs').Store['rescheduleJob']} */
    rescheduleJob: async (id, { dueAt, error }) =>
      ifJob(id, () => q.reschedule.run(utc(dueAt), shortError(error), new Date().toISOString(), id)),
    /** @type {import('../store.mjs').Store['failJob']} */
    failJob: async (id, { error, at }) => ifJob(id, () => q.fail.run(shortError(error), utc(at), id)),
    /** @type {import('../store.mjs').Store['retryJob']} */
    retryJob: async (id, at) => jobNumber(id) !== null && q.retry.run(utc(at), utc(at), id).changes > 0,
    /** @type {import('../store.mjs').Store['listJobs']} */
    listJobs: async ({ status, limit = 100 } = {}) =>
      /** @type {Row[]} */ (q.list.all({ status: status ?? null, limit })).map(toJob),
    /** @type {import('../store.mjs').Store['countJobs']} */
    countJobs: async () => {
      const counts = { pending: 0, failed: 0, done: 0 };
      for (const { status, n } of /** @type {{ status: keyof typeof counts, n: number }[]} */ (q.count.all())) counts[status] = n;
      return counts;
    },
    /** @type {import('../store.mjs').Store['waitingJobs']} */
    waitingJobs: async (now) =>
      /** @type {{ kind: string, destination_id: string | null, later: number, n: number }[]} */ (q.waiting.all(new Date(now).toISOString())).map((row) => ({
        kind: row.kind, destinationId: row.destination_id, later: row.later === 1, count: row.n,
      })),
  };
}

/**
 * @typedef {{
 *   id: number, kind: string, payload: string, due_at: string, order_key: string | null,
 *   complaint_id: string | null, destination_id: string | null, status: Job['status'],
 *   attempts: number, last_error: string | null, created_at: string, updated_at: string,
 *   locked_until: string | null,
 * }} Row
 */

/** @param {Row} row @returns {Job} */
function toJob(row) {
  return {
    id: String(row.id),
    kind: row.kind,
    payload: JSON.parse(row.payload),
    dueAt: row.due_at,
    orderKey: row.order_key,
    complaintId: row.complaint_id,
    destinationId: row.destination_id,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lockedUntil: row.locked_until,
  };
}
