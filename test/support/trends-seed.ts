/**
 * Complaints put straight into a store with the times Trends measures (received, replied,
 * moved, resolved, rated), so a test can work out the expected figures by hand.
 */
import { expect } from 'vitest';
import { summariseRecord } from '../../server/receiver/summary.mjs';
import { sampleComplaint, sampleRating } from '../../server/sample-records.mjs';
import type { Store } from '../../server/store/store.mjs';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** Monday 00:00 UTC of the week `back` weeks before this one, worked out here by hand. */
export function monday(back: number) {
  const today = new Date();
  today.setUTCHours(0, 0, 0, 0);
  const sinceMonday = (today.getUTCDay() + 6) % 7;
  return today.getTime() - sinceMonday * DAY - back * 7 * DAY;
}

export const iso = (ms: number) => new Date(ms).toISOString();

export interface Plan {
  category?: string;
  /** When the reply is promised (ms since the epoch); none: no date promised. */
  dueAt?: number;
  /** Each reply's time, in ms after the complaint was received. */
  replies?: number[];
  rating?: 1 | 2 | 3 | 4 | 5;
  /** A due date moved `at` ms after receipt `to` a time (ms since the epoch). */
  move?: { at: number; to: number };
  /** Resolved this many ms after receipt. */
  resolved?: number;
}

/** A complaint sent and received at `at`, then worked on as `plan` says, in time order. */
export async function seedComplaint(store: Store, at: number, plan: Plan) {
  const record = sampleComplaint({
    submittedAt: iso(at),
    triage: { category: plan.category ?? 'delivery' },
    commitment: plan.dueAt === undefined ? null : { action: 'Reply to you.', dueBy: iso(plan.dueAt), slaHours: 24 },
  });
  await store.insertRecord(record, { hash: `hash-${record.id}`, receivedAt: iso(at), summary: summariseRecord(record) });
  const steps: [number, () => Promise<unknown>][] = [];
  for (const reply of plan.replies ?? []) steps.push([reply, () => store.addReply(record.id, 'Mia', 'We are on it.', iso(at + reply))]);
  if (plan.move) {
    const { at: movedAt, to } = plan.move;
    steps.push([movedAt, () => store.moveDue(record.id, 'Mia', iso(to), 'The courier is late.', iso(at + movedAt))]);
  }
  const { resolved } = plan;
  if (resolved !== undefined) steps.push([resolved, () => store.resolve(record.id, 'Mia', 'Sorted.', iso(at + resolved))]);
  for (const [, step] of steps.sort((a, b) => a[0] - b[0])) expect(await step()).toMatchObject({ ok: true });
  if (plan.rating) await store.insertRecord(sampleRating(record.id, plan.rating), { hash: `rating-${record.id}`, receivedAt: iso(at + DAY) });
  return record;
}
