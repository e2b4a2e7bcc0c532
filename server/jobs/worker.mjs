// @ts-check
/**
 * The worker that runs durable jobs: one per server instance. Each pass takes the jobs that are
 * due (the store hands each job to one instance only, and a complaint's jobs for one destination
 * one at a time, in order), runs each by its kind, and records the result: done, due again later
 * by the retry schedule, or failed once the schedule is spent (kept for an admin to retry).
 * Nothing is held in memory between passes, so a restart loses nothing: a job taken by an
 * instance that died is taken again when its lease runs out.
 */
import { nextAttempt } from './forwarding/retry.mjs';

/**
 * What running a job gave.
 * - `ok`: done.
 * - not ok: try again by the schedule (`retryAfter`: at least that many seconds); with
 *   `holdUntil`, set aside until then (a paused destination); with `giveUp`, failed at once
 *   (nothing left to deliver to).
 * @typedef {{ ok: true } | { ok: false, error: string, retryAfter?: number | null, holdUntil?: string, giveUp?: boolean }} JobResult
 * @typedef {(job: import('../store/store.mjs').Job) => Promise<JobResult>} JobHandler
 * @typedef {{
 *   takeDueJobs(options: { now: string, limit: number, leaseSeconds: number }): Promise<import('../store/store.mjs').Job[]>,
 *   completeJob(id: string, at: string): Promise<void>,
 *   rescheduleJob(id: string, options: { dueAt: string, error: string }): Promise<void>,
 *   failJob(id: string, options: { error: string, at: string }): Promise<void>,
 * }} JobQueue
 * @typedef {{ info(object: object, message: string): void, warn(object: object, message: string): void, error(object: object, message: string): void }} WorkerLog
 */

/**
 * @param {{
 *   store: JobQueue,
 *   handlers: Record<string, JobHandler>,
 *   schedule: number[],
 *   clock?: { now(): number },
 *   batch?: number,
 *   leaseSeconds?: number,
 *   pollMs?: number,
 *   log?: WorkerLog,
 *   random?: () => number,
 *   onSettled?: (job: import('../store/store.mjs').Job, outcome: 'done' | 'failed') => void,
 * }} options
 *   `leaseSeconds` must outlast one job's run (a request's 15 s limit and then some); `pollMs`
 *   is how often the worker looks for due jobs when nothing woke it; `onSettled` hears of each
 *   job recorded done or failed (not of one due again).
 */
export function createWorker({
  store,
  handlers,
  schedule,
  clock = { now: () => Date.now() },
  batch = 20,
  leaseSeconds = 60,
  pollMs = 1000,
  log = silent,
  random = Math.random,
  onSettled = () => {},
}) {
  let running = false;
  /** @type {Promise<void> | null} */
  let loop = null;
  /** @type {(() => void) | null} */
  let wakeUp = null;
  let woken = false;

  /**
   * One pass: takes up to `batch` due jobs and runs them side by side. A pass never holds two
   * jobs with the same order key (the store hands out the oldest only), so order is kept.
   * @returns {Promise<number>} how many jobs it ran
   */
  async function runDue() {
    const jobs = await store.takeDueJobs({ now: new Date(clock.now()).toISOString(), limit: batch, leaseSeconds });
    await Promise.all(jobs.map(runOne));
    return jobs.length;
  }

  /** @param {import('../store/store.mjs').Job} job */
  async function runOne(job) {
    const handler = handlers[job.kind];
    /** @type {JobResult} */
    let result;
    if (!handler) {
      result = { ok: false, error: `No handler for jobs of kind ${job.kind}` };
    } else {
      try {
        result = await handler(job);
      } catch (error) {
        log.error({ jobId: job.id, kind: job.kind, err: error }, 'job failed with an internal error');
        result = { ok: false, error: 'Internal error; see the server log' };
      }
    }
    const now = clock.now();
    if (result.ok) {
      await store.completeJob(job.id, new Date(now).toISOString());
      onSettled(job, 'done');
      return;
    }
    if (result.holdUntil) {
      await store.rescheduleJob(job.id, { dueAt: result.holdUntil, error: result.error });
      return;
    }
    const next = result.giveUp ? /** @type {const} */ ({ retry: false }) : nextAttempt({ attempts: job.attempts, schedule, now, retryAfter: result.retryAfter ?? null, random });
    if (next.retry) {
      log.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, error: result.error, nextAt: next.dueAt }, 'job will be retried');
      await store.rescheduleJob(job.id, { dueAt: next.dueAt, error: result.error });
    } else {
      log.error({ jobId: job.id, kind: job.kind, attempts: job.attempts, error: result.error }, 'job failed after its last retry; kept for an admin to retry');
      await store.failJob(job.id, { error: result.error, at: new Date(now).toISOString() });
      onSettled(job, 'failed');
    }
  }

  /**
   * The loop `start()` runs: up to `batch` jobs in flight at once, more taken as others
   * finish, so a destination that is slow to answer holds only its own slot.
   */
  async function run() {
    /** @type {Set<Promise<void>>} */
    const inFlight = new Set();
    while (running) {
      let took = 0;
      // Refill by half a batch at a time: each take is a write to the database.
      if (inFlight.size <= batch / 2) {
        try {
          const jobs = await store.takeDueJobs({ now: new Date(clock.now()).toISOString(), limit: batch - inFlight.size, leaseSeconds });
          took = jobs.length;
          for (const job of jobs) {
            const task = runOne(job).catch((error) => log.error({ jobId: job.id, err: error }, 'could not record the result of a job'));
            inFlight.add(task);
            void task.finally(() => {
              inFlight.delete(task);
              wakeUp?.();
            });
          }
        } catch (error) {
          log.error({ err: error }, 'could not take due jobs; trying again shortly');
        }
      }
      if (!running) break;
      // More may be due right away: look again at once while there is room.
      if (took > 0 && inFlight.size <= batch / 2) continue;
      if (woken) {
        woken = false;
        continue;
      }
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wakeUp = () => {
          clearTimeout(timer);
          resolve(undefined);
        };
      });
      wakeUp = null;
    }
    await Promise.all(inFlight);
  }

  return {
    runDue,
    /** Starts polling. */
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    /** Looks for due jobs now (after this instance wrote some), rather than at the next poll. */
    wake() {
      woken = true;
      wakeUp?.();
    },
    /** Stops polling and waits for the job in hand to finish. */
    async stop() {
      running = false;
      wakeUp?.();
      await loop;
      loop = null;
    },
  };
}

/** @type {WorkerLog} */
const silent = { info() {}, warn() {}, error() {} };
