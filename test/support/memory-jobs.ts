/**
 * The store's durable-jobs methods (SERVER-CONTRACT.md) kept in memory, for worker tests that
 * need no database. The stores' conformance suite holds the real implementations to the same
 * rules: each due job to one caller, a lease, attempts counted on take, and a job skipped while
 * an older one with the same order key is pending.
 */
import { randomUUID } from 'node:crypto';
import type { Job, JobSpec } from '../../server/store/store.mjs';

export function createMemoryJobs() {
  const jobs: Job[] = [];
  let sequence = 0;
  const order = new Map<string, number>();
  return {
    jobs,
    async enqueueJobs(specs: JobSpec[]) {
      const at = new Date().toISOString();
      for (const spec of specs) {
        const job: Job = { orderKey: null, complaintId: null, destinationId: null, ...spec, id: randomUUID(), status: 'pending', attempts: 0, lastError: null, createdAt: at, updatedAt: at, lockedUntil: null };
        order.set(job.id, sequence++);
        jobs.push(job);
      }
    },
    async takeDueJobs({ now, limit, leaseSeconds }: { now: string; limit: number; leaseSeconds: number }) {
      const taken: Job[] = [];
      const sorted = [...jobs].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || order.get(a.id)! - order.get(b.id)!);
      for (const job of sorted) {
        if (taken.length >= limit) break;
        if (job.status !== 'pending' || job.dueAt > now || (job.lockedUntil !== null && job.lockedUntil > now)) continue;
        const blocked = job.orderKey != null && jobs.some((other) => other.orderKey === job.orderKey && other.status === 'pending' && order.get(other.id)! < order.get(job.id)!);
        if (blocked) continue;
        job.attempts += 1;
        job.lockedUntil = new Date(Date.parse(now) + leaseSeconds * 1000).toISOString();
        taken.push({ ...job });
      }
      return taken;
    },
    async completeJob(id: string, at: string) {
      Object.assign(find(id), { status: 'done', updatedAt: at, lockedUntil: null });
    },
    async rescheduleJob(id: string, { dueAt, error }: { dueAt: string; error: string }) {
      Object.assign(find(id), { status: 'pending', dueAt, lastError: error, lockedUntil: null });
    },
    async failJob(id: string, { error, at }: { error: string; at: string }) {
      Object.assign(find(id), { status: 'failed', lastError: error, updatedAt: at, lockedUntil: null });
    },
    async retryJob(id: string, at: string) {
      const job = find(id);
      if (job.status !== 'failed') return false;
      Object.assign(job, { status: 'pending', dueAt: at, updatedAt: at });
      return true;
    },
  };

  function find(id: string) {
    const job = jobs.find((candidate) => candidate.id === id);
    if (!job) throw new Error(`no job ${id}`);
    return job;
  }
}
