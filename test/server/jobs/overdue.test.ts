/**
 * A commitment passed unresolved alerts the team: `complaint.overdue` by webhook and email when
 * the clock passes `dueBy`; nothing when the complaint was resolved in time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.mjs';
import { createMailer } from '../../../server/jobs/forwarding/email.mjs';
import { generateWebhookSecret } from '../../../server/jobs/forwarding/webhook.mjs';
import type { createWorker } from '../../../server/jobs/worker.mjs';
import { sampleComplaint } from '../../../server/sample-records.mjs';
import { createSqliteStore } from '../../../server/store/sqlite/sqlite-store.mjs';
import { startMailServer, startWebhookReceiver, type HttpPeer, type MailPeer } from '../../support/forwarding-peers.ts';

const TOKEN = 'overdue-token';
const secret = generateWebhookSecret();
type Worker = ReturnType<typeof createWorker>;

describe('overdue commitments', () => {
  let receiver: HttpPeer;
  let smtp: MailPeer;
  beforeAll(async () => {
    receiver = await startWebhookReceiver(secret);
    smtp = await startMailServer();
  });
  afterAll(async () => {
    await receiver.close();
    await smtp.close();
  });

  it('alerts the team by webhook and email once the clock passes dueBy unresolved, and not for one resolved in time', async () => {
    let now = Date.now();
    const store = createSqliteStore({ path: ':memory:' });
    const app = createApp({
      store,
      allowedOrigins: [],
      agentToken: TOKEN,
      rateLimit: 0,
      jobs: {
        allowPrivate: true,
        worker: false,
        publicUrl: 'https://heard.shop.example',
        destinations: [
          { id: 'env-webhook', kind: 'webhook', name: 'Webhook', config: { url: receiver.url, secret }, events: ['complaint.overdue'] },
          { id: 'env-email', kind: 'email', name: 'Email', config: { to: 'team@shop.example' }, events: ['complaint.overdue'] },
        ],
      },
      mailer: createMailer(smtp.url),
      clock: { now: () => now },
    });
    app.addHook('onClose', async () => store.close());
    await app.ready();
    const worker = (app as unknown as { jobWorker: Worker }).jobWorker;
    const drain = async () => {
      while ((await worker.runDue()) > 0) {
        // until nothing is due
      }
    };
    try {
      const late = sampleComplaint();
      const kept = sampleComplaint();
      for (const record of [late, kept]) {
        await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(record) });
      }
      await app.inject({ method: 'POST', url: `/api/complaints/${late.id}/claim`, headers: { authorization: `Bearer ${TOKEN}` }, payload: { agent: 'Bea' } });
      await app.inject({ method: 'POST', url: `/api/complaints/${kept.id}/resolve`, headers: { authorization: `Bearer ${TOKEN}` }, payload: { agent: 'Bea', note: 'Sent.' } });
      await drain();
      expect(receiver.accepted()).toHaveLength(0);

      now = Date.parse(late.commitment!.dueBy) + 60_000;
      await drain();
      const alerts = receiver.accepted().map((arrival) => arrival.verified as { type: string; data: { record: { id: string }; dueBy: string; agent: { name: string } } });
      expect(alerts.map((alert) => [alert.type, alert.data.record.id])).toEqual([['complaint.overdue', late.id]]);
      expect(alerts[0]?.data).toMatchObject({ dueBy: late.commitment!.dueBy, agent: { name: 'Bea' } });
      // The team's alert (the visitor whose complaint was resolved also got their follow-up).
      const toTeam = smtp.mail.filter((_mail, index) => smtp.recipients[index]?.includes('team@shop.example'));
      expect(toTeam.map((mail) => mail.subject)).toEqual([expect.stringMatching(new RegExp(`^\\[${late.reference}\\] Overdue since .+ UTC · normal · delivery · `))]);
    } finally {
      await app.close();
    }
  });
});
