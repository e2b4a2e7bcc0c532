/**
 * Forwarding destinations on both databases: what an admin saves is read back, a pause holds a
 * destination's jobs and a resume sends them, a removal drops its unsent jobs, and the
 * environment's destinations follow the environment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, eventJobs } from '../../../server/jobs/forwarding/events.mjs';
import { HELD_UNTIL } from '../../../server/jobs/forwarding/handler.mjs';
import type { StoredDestination } from '../../../server/jobs/forwarding/destinations.mjs';
import { bothStores } from '../../support/postgres';

const backends = bothStores();

function destination(id: string, overrides: Partial<StoredDestination> = {}): StoredDestination {
  return {
    id,
    kind: 'webhook',
    name: `Desk ${id}`,
    config: { url: 'https://desk.shop.example/heard', secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}` },
    events: ['complaint.created', 'complaint.claimed'],
    paused: false,
    pausedReason: null,
    source: 'admin',
    createdAt: '2026-03-01T09:00:00.000Z',
    ...overrides,
  };
}

describe.each(backends)('destinations on %s', (_name, open) => {
  it('reads back what was saved, secret included, oldest first', async () => {
    const store = await open();
    try {
      await store.addDestination(destination('b', { createdAt: '2026-03-02T09:00:00.000Z' }));
      await store.addDestination(destination('a', { kind: 'slack', config: { url: 'https://chat.shop.example/hooks/x', personalData: true } }));
      expect(await store.listDestinations()).toEqual([
        destination('a', { kind: 'slack', config: { url: 'https://chat.shop.example/hooks/x', personalData: true } }),
        destination('b', { createdAt: '2026-03-02T09:00:00.000Z' }),
      ]);
      expect(await store.getDestination('missing')).toBeNull();
    } finally {
      await store.close();
    }
  });

  it("holds a paused destination's jobs and makes them due on resume, in order", async () => {
    const store = await open();
    try {
      const desk = destination('desk');
      await store.addDestination(desk);
      await store.enqueueJobs([
        ...eventJobs(createEvent('complaint.created', 'c1', { at: '2026-03-01T09:00:00.000Z' }), [desk]),
        ...eventJobs(createEvent('complaint.claimed', 'c1', { at: '2026-03-01T09:01:00.000Z' }), [desk]),
      ]);
      expect(await store.setDestinationPaused('desk', true, { reason: 'Paused by an admin', at: '2026-03-01T10:00:00.000Z' })).toBe(true);
      expect(await store.setDestinationPaused('desk', true, { reason: 'again', at: '2026-03-01T10:00:00.000Z' })).toBe(false);
      expect(await store.getDestination('desk')).toMatchObject({ paused: true, pausedReason: 'Paused by an admin' });
      // The worker sets a paused destination's job aside.
      const [first] = await store.takeDueJobs({ now: '2026-03-01T10:00:00.000Z', limit: 10, leaseSeconds: 60 });
      await store.rescheduleJob(first!.id, { dueAt: HELD_UNTIL, error: 'Destination paused' });
      expect(await store.takeDueJobs({ now: '2026-03-01T10:05:00.000Z', limit: 10, leaseSeconds: 60 })).toEqual([]);

      expect(await store.setDestinationPaused('desk', false, { reason: null, at: '2026-03-01T11:00:00.000Z' })).toBe(true);
      const taken = await store.takeDueJobs({ now: '2026-03-01T11:00:00.000Z', limit: 10, leaseSeconds: 60 });
      expect(taken.map((job) => (job.payload.event as { type: string }).type)).toEqual(['complaint.created']);
      const listed = await store.listDestinationJobs('desk', { limit: 10 });
      expect(listed.map((job) => (job.payload.event as { type: string }).type)).toEqual(['complaint.claimed', 'complaint.created']);
    } finally {
      await store.close();
    }
  });

  it('drops the unsent and failed jobs of a removed destination and keeps the others', async () => {
    const store = await open();
    try {
      const [gone, kept] = [destination('gone'), destination('kept')];
      await store.addDestination(gone);
      await store.addDestination(kept);
      await store.enqueueJobs(eventJobs(createEvent('complaint.created', 'c1', { at: '2026-03-01T09:00:00.000Z' }), [gone, kept]));
      await store.enqueueJobs(eventJobs(createEvent('complaint.created', 'c2', { at: '2026-03-01T09:00:00.000Z' }), [gone]));
      const [failing] = (await store.takeDueJobs({ now: '2026-03-01T09:30:00.000Z', limit: 10, leaseSeconds: 60 })).filter((job) => job.complaintId === 'c2');
      await store.failJob(failing!.id, { error: '500 from destination', at: '2026-03-01T09:30:00.000Z' });
      expect((await store.countJobs()).failed).toBe(1);
      expect(await store.removeDestination('gone')).toBe(true);
      // Its failed job goes too: nothing is left that no destination could retry.
      expect((await store.countJobs()).failed).toBe(0);
      expect(await store.removeDestination('gone')).toBe(false);
      const due = await store.takeDueJobs({ now: '2026-03-01T10:00:00.000Z', limit: 10, leaseSeconds: 60 });
      expect(due.map((job) => job.destinationId)).toEqual(['kept']);
    } finally {
      await store.close();
    }
  });

  it("follows the environment: replaced on start, kept paused, removed when unset", async () => {
    const store = await open();
    try {
      await store.addDestination(destination('admin-added'));
      await store.replaceEnvironmentDestinations([destination('env-webhook', { source: 'environment' }), destination('env-slack', { source: 'environment' })]);
      await store.setDestinationPaused('env-webhook', true, { reason: 'Paused by an admin', at: '2026-03-01T10:00:00.000Z' });
      await store.replaceEnvironmentDestinations([destination('env-webhook', { source: 'environment', name: 'Renamed', paused: true, pausedReason: 'Paused by an admin' })]);
      const listed = await store.listDestinations();
      expect(listed.map((d) => [d.id, d.name, d.paused])).toEqual([
        ['admin-added', 'Desk admin-added', false],
        ['env-webhook', 'Renamed', true],
      ]);
    } finally {
      await store.close();
    }
  });
});
