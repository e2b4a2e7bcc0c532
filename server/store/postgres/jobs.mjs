// @ts-check
import { jobNumber, shortError } from '../shared.mjs';
import { storableCopy } from '../../receiver/storable-text.mjs';

/**
 * @typedef {import('../store.mjs').JobSpec} JobSpec
 * @typedef {import('../store.mjs').Job} Job
 */

/**
 * Jobs from one JSON parameter, so any number of them go in with one statement and no SQL is
 * built from their count; they are numbered in the order given. `$n` is where the caller puts
 * `jobsParameter(jobs)`; `when` is a fixed condition of the caller's statement (e.g. that the
 * change happened).
 * @param {number} n
 * @param {string} [when]
 */
export const insertJobsFrom = (n, when = 'TRUE') => `INSERT INTO jobs (kind, payload, due_at, order_key, complaint_id, destination_id)
  SELECT j.kind, j.payload, j.due_at, j.order_key, j.complaint_id, j.destination_id
  FROM ROWS FROM (json_to_recordset($${n}::json) AS (kind text, payload json, due_at timestamptz, order_key text,
    complaint_id text, destination_id text)) WITH ORDINALITY AS j(kind, payload, due_at, order_key, complaint_id, destination_id, ordinal)
  WHERE ${when}
  ORDER BY j.ordinal`;

/**
 * Payloads carry text people typed (an agent's reply, a reason, a visitor's comment), which may
 * hold a NUL or half of an emoji; \`jsonb\` refuses both, so they become U+FFFD rather than fail
 * the change that wrote the job.
 * @param {JobSpec[] | undefined} jobs
 */
export function jobsParameter(jobs = []) {
  return JSON.stringify(
    jobs.map((job) => ({
      kind: text(job.kind),
      payload: storableCopy(job.payload),
      due_at: job.dueAt,
      order_key: job.orderKey == null ? null : text(job.orderKey),
      complaint_id: job.complaintId ?? null,
      destination_id: job.destinationId ?? null,
    })),
  );
}

/** @param {string} value */
function text(value) {
  return value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value;
}

const TAKE = `
  WITH due AS (
    SELECT j.id FROM jobs j
    WHERE j.status = 'pending' AND j.due_at <= $1 AND (j.locked_until IS NULL OR j.locked_until <= $1)
      AND (j.order_key IS NULL OR NOT EXISTS (
        SELECT 1 FROM jobs o WHERE o.order_key = j.order_key AND o.status = 'pending' AND o.id < j.id))
    ORDER BY j.due_at, j.id
    LIMIT $2
    FOR UPDATE SKIP LOCKED
  )
  UPDATE jobs SET attempts = jobs.attempts + 1, locked_until = $3, updated_at = $1
  FROM due WHERE jobs.id = due.id
  RETURNING jobs.*`;

/**
 * The durable job queue on PostgreSQL: each due job is handed to one caller across any number
 * of instances (`FOR UPDATE SKIP LOCKED`).
 * @param {import('pg').Pool} pool
 */
export function createPostgresJobs(pool) {
  /**
   * @param {string} id
   * @param {string} sql
   * @param {unknown[]} params
   */
  const change = async (id, sql, params) => {
    const number = jobNumber(id);
    if (number === null) return 0;
    return (await pool.query(sql, [number, ...params])).rowCount ?? 0;
  };

  return {
    /** @type {import('../store.mjs').Store['enqueueJobs']} */
    enqueueJobs: async (jobs) => {
      if (jobs.length) await pool.query(insertJobsFrom(1), [jobsParameter(jobs)]);
    },
    /** @type {import('../store.mjs').Store['takeDueJobs']} */
    takeDueJobs: async ({ now, limit, leaseSeconds }) => {
      const lockedUntil = new Date(Date.parse(now) + leaseSeconds * 1000).toISOString();
      const { rows } = await pool.query(TAKE, [now, limit, lockedUntil]);
      return rows.map(toJob).sort((a, b) => compareDue(a, b));
    },
    /** @type {import('../store.mjs').Store['completeJob']} */
    completeJob: async (id, at) => {
      await change(id, `UPDATE jobs SET status = 'done', locked_until = NULL, updated_at = $2 WHERE id = $1`, [at]);
    },
    /** @type {import('../store.mjs').Store['rescheduleJob']} */
    rescheduleJob: async (id, { dueAt, error }) => {
      await change(
        id,
        `UPDATE jobs SET status = 'pending', due_at = $2, last_error = $3, locked_until = NULL, updated_at = now() WHERE id = $1`,
        [dueAt, text(shortError(error))],
      );
    },
    /** @type {import('../store.mjs').Store['failJob']} */
    failJob: async (id, { error, at }) => {
      await change(id, `UPDATE jobs SET status = 'failed', last_error = $2, locked_until = NULL, updated_at = $3 WHERE id = $1`, [
        text(shortError(error)),
        at,
      ]);
    },
    /** @type {import('../store.mjs').Store['retryJob']} */
    retryJob: async (id, at) =>
      (await change(
        id,
        `UPDATE jobs SET status = 'pending', due_at = $2, attempts = 0, locked_until = NULL, updated_at = $2
         WHERE id = $1 AND status = 'failed'`,
        [at],
      )) > 0,
    /** @type {import('../store.mjs').Store['listJobs']} */
    listJobs: async ({ status, limit = 100 } = {}) => {
      const { rows } = await pool.query('SELECT * FROM jobs WHERE ($1::text IS NULL OR status = $1) ORDER BY id DESC LIMIT $2', [
        status ?? null,
        limit,
      ]);
      return rows.map(toJob);
    },
    /** @type {import('../store.mjs').Store['countJobs']} */
    countJobs: async () => {
      const counts = { pending: 0, failed: 0, done: 0 };
      const { rows } = await pool.query('SELECT status, count(*)::int AS n FROM jobs GROUP BY status');
      for (const { status, n } of rows) counts[/** @type {keyof typeof counts} */ (status)] = n;
      return counts;
    },
    /** @type {import('../store.mjs').Store['waitingJobs']} */
    waitingJobs: async (now) => {
      const { rows } = await pool.query(
        `SELECT kind, destination_id, due_at > $1 AS later, count(*)::int AS n FROM jobs
         WHERE status = 'pending' GROUP BY kind, destination_id, later ORDER BY kind, destination_id COLLATE "C", later`,
        [new Date(now).toISOString()],
      );
      return rows.map((row) => ({ kind: row.kind, destinationId: row.destination_id, later: row.later, count: row.n }));
    },
  };
}

/** @param {Job} a @param {Job} b */
function compareDue(a, b) {
  return Date.parse(a.dueAt) - Date.parse(b.dueAt) || Number(a.id) - Number(b.id);
}

/** @param {Date | null} value */
function iso(value) {
  return value === null ? null : value.toISOString();
}

/** @param {Record<string, any>} row @returns {Job} */
function toJob(row) {
  return {
    id: String(row.id),
    kind: row.kind,
    payload: row.payload,
    dueAt: /** @type {string} */ (iso(row.due_at)),
    orderKey: row.order_key,
    complaintId: row.complaint_id,
    destinationId: row.destination_id,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: /** @type {string} */ (iso(row.created_at)),
    updatedAt: /** @type {string} */ (iso(row.updated_at)),
    lockedUntil: iso(row.locked_until),
  };
}
