import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEvent, eventJobs, type Destination } from '../../../server/jobs/forwarding/events.mjs';
import { forwardingHandler, HELD_UNTIL } from '../../../server/jobs/forwarding/handler.mjs';
import { createPoster } from '../../../server/jobs/forwarding/http.mjs';
import { generateWebhookSecret } from '../../../server/jobs/forwarding/webhook.mjs';
import { createWorker } from '../../../server/jobs/worker.mjs';
import { sampleComplaint } from '../../../server/sample-records.mjs';
import { startWebhookReceiver, type HttpPeer } from '../../support/forwarding-peers.ts';
import { createMemoryJobs } from '../../support/memory-jobs.ts';

const secret = generateWebhookSecret();

function setup(receiver: HttpPeer, { paused = false } = {}) {
  const queue = createMemoryJobs();
  const records = new Map<string, ReturnType<typeof sampleComplaint>>();
  const destination: Destination = { id: 'hook', kind: 'webhook', name: 'Help desk', config: { url: receiver.url, secret }, events: ['complaint.created', 'complaint.claimed'], paused };
  let clockMs = Date.parse('2026-03-02T09:00:00Z');
  const clock = { now: () => clockMs };
  const handler = forwardingHandler({
    getDestination: async (id) => (id === destination.id ? destination : null),
    pauseDestination: async () => {
      destination.paused = true;
    },
    loadComplaint: async (id) => {
      const record = records.get(id);
      return record ? { record, summary: { reference: record.reference, urgency: 'normal', category: 'delivery', verified: false } } : null;
    },
    publicUrl: () => 'https://heard.shop.example',
    post: createPoster({ allowPrivate: true }),
    mailer: null,
    mailFrom: 'heard@shop.example',
  });
  const worker = createWorker({ store: queue, handlers: { forward: handler }, schedule: [1, 1, 1], clock, random: () => 0 });
  return {
    queue,
    worker,
    destination,
    advance: (seconds: number) => {
      clockMs += seconds * 1000;
    },
    async record(type: 'complaint.created' | 'complaint.claimed' = 'complaint.created', record = sampleComplaint()) {
      records.set(record.id, record);
      const event = createEvent(type, record.id, { at: new Date(clockMs).toISOString(), details: type === 'complaint.claimed' ? { agent: { name: 'Bea' } } : {} });
      await queue.enqueueJobs(eventJobs(event, [destination]));
      return { record, event };
    },
  };
}

describe('the forwarding worker', () => {
  let receiver: HttpPeer;
  afterEach(() => receiver.close());

  it('delivers once with one webhook-id after a destination answers 503 twice', async () => {
    receiver = await startWebhookReceiver(secret, (index) => (index < 2 ? { status: 503 } : undefined));
    const { queue, worker, advance, record } = setup(receiver);
    const { event } = await record();
    expect(await worker.runDue()).toBe(1);
    expect(await worker.runDue()).toBe(0); // not due again yet
    advance(2);
    await worker.runDue();
    advance(2);
    await worker.runDue();
    advance(2);
    expect(await worker.runDue()).toBe(0);
    expect(receiver.arrivals.map((arrival) => arrival.status)).toEqual([503, 503, 200]);
    expect(new Set(receiver.arrivals.map((arrival) => arrival.headers['webhook-id']))).toEqual(new Set([event.id]));
    expect(receiver.accepted()).toHaveLength(1);
    expect(queue.jobs[0]).toMatchObject({ status: 'done', attempts: 3 });
  });

  it('keeps a job that ran out of retries as failed, with the reason', async () => {
    receiver = await startWebhookReceiver(secret, () => ({ status: 500 }));
    const { queue, worker, advance, record } = setup(receiver);
    await record();
    for (let pass = 0; pass < 6; pass += 1) {
      await worker.runDue();
      advance(2);
    }
    expect(receiver.arrivals).toHaveLength(4); // the first attempt and three retries
    expect(queue.jobs[0]).toMatchObject({ status: 'failed', attempts: 4, lastError: '500 from destination' });
  });

  it('pauses a destination that answers 410 Gone and holds its jobs instead of spending them', async () => {
    receiver = await startWebhookReceiver(secret, () => ({ status: 410 }));
    const { queue, worker, destination, record } = setup(receiver);
    await record();
    await worker.runDue();
    expect(destination.paused).toBe(true);
    expect(queue.jobs[0]).toMatchObject({ status: 'pending', dueAt: HELD_UNTIL, lastError: '410 from destination' });
  });

  it("sends one complaint's events in the order they happened, even when the first needs retries", async () => {
    receiver = await startWebhookReceiver(secret, (index) => (index === 0 ? { status: 503 } : undefined));
    const { worker, advance, record } = setup(receiver);
    const { record: complaint } = await record('complaint.created');
    await record('complaint.claimed', complaint);
    await worker.runDue();
    advance(2);
    await worker.runDue();
    await worker.runDue();
    expect(receiver.accepted().map((arrival) => (arrival.verified as { type: string }).type)).toEqual(['complaint.created', 'complaint.claimed']);
  });

  it('runs on its own once started and wakes when told new jobs are there', async () => {
    receiver = await startWebhookReceiver(secret);
    const { worker, record } = setup(receiver);
    worker.start();
    await record();
    worker.wake();
    await receiver.waitForAccepted(1);
    await worker.stop();
  });

  it('keeps delivering to other destinations while one is slow to answer', async () => {
    receiver = await startWebhookReceiver(secret);
    // A destination that takes the request and does not answer.
    const stuck = createServer(() => {});
    await new Promise<void>((resolve) => stuck.listen(0, '127.0.0.1', resolve));
    const queue = createMemoryJobs();
    const record = sampleComplaint();
    const destinations: Destination[] = [
      { id: 'slow', kind: 'webhook', name: 'Slow', config: { url: `http://127.0.0.1:${(stuck.address() as AddressInfo).port}/`, secret }, events: ['complaint.created'], paused: false },
      { id: 'fast', kind: 'webhook', name: 'Fast', config: { url: receiver.url, secret }, events: ['complaint.created'], paused: false },
    ];
    const handler = forwardingHandler({
      getDestination: async (id) => destinations.find((destination) => destination.id === id) ?? null,
      pauseDestination: async () => {},
      loadComplaint: async () => ({ record, summary: { reference: record.reference, urgency: 'normal', category: 'delivery', verified: false } }),
      publicUrl: () => 'https://heard.shop.example',
      post: createPoster({ allowPrivate: true }),
      mailer: null,
      mailFrom: 'heard@shop.example',
    });
    const worker = createWorker({ store: queue, handlers: { forward: handler }, schedule: [1], pollMs: 20 });
    worker.start();
    try {
      await queue.enqueueJobs(eventJobs(createEvent('complaint.created', record.id, { at: new Date().toISOString() }), [destinations[0]!]));
      worker.wake();
      for (let i = 0; i < 3; i += 1) {
        await queue.enqueueJobs(eventJobs(createEvent('complaint.created', `other-${i}`, { at: new Date().toISOString() }), [destinations[1]!]));
        worker.wake();
      }
      await receiver.waitForAccepted(3);
      expect(queue.jobs.find((job) => job.destinationId === 'slow')).toMatchObject({ status: 'pending', attempts: 1 });
    } finally {
      stuck.closeAllConnections();
      stuck.close();
      await worker.stop();
    }
  });
});
