/**
 * Forwarding under faults: a server killed with jobs pending delivers them after it restarts,
 * and two instances on one PostgreSQL deliver each job once.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.mjs';
import { generateWebhookSecret } from '../../../server/jobs/forwarding/webhook.mjs';
import { sampleComplaint } from '../../../server/sample-records.mjs';
import { createPostgresStore } from '../../../server/store/postgres/postgres-store.mjs';
import { signedIn } from '../../support/agents.ts';
import { startWebhookReceiver } from '../../support/forwarding-peers.ts';
import { startPostgres } from '../../support/postgres.ts';
import { startReceiverProcess } from '../../support/receiver-process.ts';

const secret = generateWebhookSecret();
const dir = mkdtempSync(join(tmpdir(), 'heard-forwarding-'));
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});


describe('a server killed with forwarding jobs pending', () => {
  it('delivers them after it restarts, each once', async () => {
    // The destination is down while the first server runs.
    const receiver = await startWebhookReceiver(secret, () => ({ status: 503 }));
    const env = {
      HEARD_DB: join(dir, 'restart.db'),
      HEARD_WEBHOOK_URL: receiver.url,
      HEARD_WEBHOOK_SECRET: secret,
      HEARD_ALLOW_PRIVATE_DESTINATIONS: '1',
      HEARD_FORWARD_RETRY_SECONDS: '1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1',
    };
    try {
      const first = await startReceiverProcess(env, children);
      const records = Array.from({ length: 5 }, () => sampleComplaint());
      for (const record of records) {
        const response = await fetch(`${first.origin}/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) });
        expect(response.status).toBe(201);
      }
      // Every job was tried and refused at least once: they are pending in the database.
      await new Promise<void>((resolve) => {
        const check = setInterval(() => {
          const tried = new Set(receiver.arrivals.map((arrival) => arrival.headers['webhook-id']));
          if (tried.size >= records.length) {
            clearInterval(check);
            resolve();
          }
        }, 20);
      });
      first.child.kill('SIGKILL');
      await new Promise((resolve) => first.child.once('exit', resolve));

      receiver.setAnswers(() => undefined);
      const second = await startReceiverProcess(env, children);
      const accepted = await receiver.waitForAccepted(records.length);
      const ids = accepted.map((arrival) => (arrival.verified as { data: { record: { id: string } } }).data.record.id);
      expect(ids.sort()).toEqual(records.map((record) => record.id).sort());
      second.child.kill('SIGTERM');
      await new Promise((resolve) => second.child.once('exit', resolve));
      expect(receiver.accepted()).toHaveLength(records.length);
    } finally {
      await receiver.close();
    }
    // A job the killed server had in hand waits for its lease (60 s) to run out before the new
    // one takes it: that is what keeps two instances from sending it twice.
  }, 150_000);
});

describe('two instances on one PostgreSQL', () => {
  it('deliver each job once', async () => {
    const cluster = await startPostgres();
    const receiver = await startWebhookReceiver(secret);
    try {
      const url = await cluster.createDatabase();
      const destinations = [{ id: 'env-webhook', kind: 'webhook' as const, name: 'Webhook', config: { url: receiver.url, secret }, events: ['complaint.created' as const, 'complaint.claimed' as const] }];
      const started = await Promise.all([0, 1].map(async () => {
        const store = await createPostgresStore({ connectionString: url, poolSize: 4 });
        const app = createApp({ store, allowedOrigins: [], rateLimit: 0, jobs: { allowPrivate: true, retrySchedule: [1], destinations, pollMs: 20 } });
        app.addHook('onClose', async () => store.close());
        await app.ready();
        return { app, store };
      }));
      const apps = started.map(({ app }) => app);
      // One session, good on both instances: it lives in the database.
      const { headers } = await signedIn(apps[0]!, started[0]!.store, { name: 'Bea' });
      const records = Array.from({ length: 40 }, () => sampleComplaint());
      await Promise.all(records.map(async (record, index) => {
        const app = apps[index % 2]!;
        const response = await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(record) });
        expect(response.statusCode).toBe(201);
        // The claim goes through the other instance.
        await apps[(index + 1) % 2]!.inject({ method: 'POST', url: `/api/complaints/${record.id}/claim`, headers });
      }));
      const accepted = await receiver.waitForAccepted(records.length * 2);
      await Promise.all(apps.map((app) => app.close()));
      const ids = accepted.map((arrival) => arrival.headers['webhook-id']);
      expect(new Set(ids).size).toBe(ids.length);
      expect(receiver.arrivals).toHaveLength(records.length * 2);
      for (const record of records) {
        const types = accepted
          .map((arrival) => arrival.verified as { type: string; data: { record: { id: string } } })
          .filter((event) => event.data.record.id === record.id)
          .map((event) => event.type);
        expect(types).toEqual(['complaint.created', 'complaint.claimed']);
      }
    } finally {
      await receiver.close();
      await cluster.stop();
    }
  }, 120_000);
});
