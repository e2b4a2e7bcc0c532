/**
 * A commitment passed unresolved alerts the team: `complaint.overdue` by webhook and email when
 * the clock passes `dueBy`, and the agent who claimed it by email at their account's address;
 * nothing when the complaint was resolved in time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../../server/jobs/forwarding/email.mjs';
import { generateWebhookSecret } from '../../../server/jobs/forwarding/webhook.mjs';
import { sampleComplaint } from '../../../server/sample-records.mjs';
import { createSqliteStore } from '../../../server/store/sqlite/sqlite-store.mjs';
import { addAgent, signIn, signedIn } from '../../support/agents.ts';
import { startMailServer, startWebhookReceiver, type HttpPeer, type MailPeer } from '../../support/forwarding-peers.ts';
import { jobApp } from '../../support/job-app.ts';

const secret = generateWebhookSecret();

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
    const { app, runDue: drain } = await jobApp(store, {
      jobs: {
        allowPrivate: true,
        publicUrl: 'https://heard.shop.example',
        destinations: [
          { id: 'env-webhook', kind: 'webhook', name: 'Webhook', config: { url: receiver.url, secret }, events: ['complaint.overdue'] },
          { id: 'env-email', kind: 'email', name: 'Email', config: { to: 'team@shop.example' }, events: ['complaint.overdue'] },
        ],
      },
      mailer: createMailer(smtp.url),
      clock: { now: () => now },
    });
    const { agent: bea, headers } = await signedIn(app, store, { name: 'Bea' });
    try {
      const late = sampleComplaint();
      const kept = sampleComplaint();
      for (const record of [late, kept]) {
        await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(record) });
      }
      await app.inject({ method: 'POST', url: `/api/complaints/${late.id}/claim`, headers });
      await app.inject({ method: 'POST', url: `/api/complaints/${kept.id}/resolve`, headers, payload: { note: 'Sent.' } });
      await drain();
      expect(receiver.accepted()).toHaveLength(0);

      now = Date.parse(late.commitment!.dueBy) + 60_000;
      await drain();
      const alerts = receiver.accepted().map((arrival) => arrival.verified as { type: string; data: { record: { id: string }; dueBy: string; agent: { name: string } } });
      expect(alerts.map((alert) => [alert.type, alert.data.record.id])).toEqual([['complaint.overdue', late.id]]);
      expect(alerts[0]?.data).toMatchObject({ dueBy: late.commitment!.dueBy, agent: { id: bea.id, name: 'Bea' } });
      // Bea, who claimed it, hears it at her own address, told that it is hers.
      const toBea = smtp.mail.filter((_mail, index) => smtp.recipients[index]?.includes(bea.email));
      expect(toBea.map((mail) => mail.subject)).toEqual([expect.stringMatching(new RegExp(`^\\[${late.reference}\\] Overdue since `))]);
      expect(toBea[0]?.text).toMatch(/^You claimed this complaint, and the date promised to the visitor has passed\./);
      // Running again sends nothing more.
      const sent = smtp.mail.length;
      now += 3600_000;
      await drain();
      expect(smtp.mail).toHaveLength(sent);
      // The team's alert (the visitor whose complaint was resolved also got their follow-up).
      const toTeam = smtp.mail.filter((_mail, index) => smtp.recipients[index]?.includes('team@shop.example'));
      const { summary } = (await store.getRecord(late.id))!;
      expect(toTeam.map((mail) => mail.subject)).toEqual([expect.stringMatching(new RegExp(`^\\[${late.reference}\\] Overdue since .+ UTC · ${summary.urgency} · ${summary.category} · `))]);
    } finally {
      await app.close();
    }
  });
  it('emails the claimant even with no destination for overdue alerts, and only the agent who still holds it', async () => {
    let now = Date.now();
    const store = createSqliteStore({ path: ':memory:' });
    const { app, runDue: drain } = await jobApp(store, {
      jobs: { publicUrl: 'https://heard.shop.example' },
      mailer: createMailer(smtp.url),
      clock: { now: () => now },
    });
    try {
      const held = sampleComplaint();
      const released = sampleComplaint();
      const unclaimed = sampleComplaint();
      for (const record of [held, released, unclaimed]) {
        await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(record) });
      }
      const cara = await addAgent(store, { name: 'Cara' });
      const dan = await addAgent(store, { name: 'Dan' });
      const asCara = await signIn(app, cara.email);
      const asDan = await signIn(app, dan.email);
      expect((await app.inject({ method: 'POST', url: `/api/complaints/${held.id}/claim`, headers: asCara })).statusCode).toBe(200);
      expect((await app.inject({ method: 'POST', url: `/api/complaints/${released.id}/claim`, headers: asDan })).statusCode).toBe(200);
      expect((await app.inject({ method: 'POST', url: `/api/complaints/${released.id}/release`, headers: asDan })).statusCode).toBe(200);
      const before = smtp.mail.length;

      now = Math.max(...[held, released, unclaimed].map((record) => Date.parse(record.commitment!.dueBy))) + 60_000;
      await drain();
      const mail = smtp.mail.slice(before);
      const to = smtp.recipients.slice(before);
      expect(to).toEqual([[cara.email]]);
      expect(mail[0]?.subject).toMatch(new RegExp(`^\\[${held.reference}\\] Overdue since `));
      expect(mail[0]?.text).toContain(`Inbox: https://heard.shop.example/inbox/#complaint=${held.id}`);
    } finally {
      await app.close();
    }
  });
  it('follows a moved due date: nothing at the old date, the alert at the new one', async () => {
    let now = Date.now();
    const store = createSqliteStore({ path: ':memory:' });
    const { app, runDue: drain } = await jobApp(store, {
      jobs: {
        allowPrivate: true,
        destinations: [{ id: 'env-webhook', kind: 'webhook', name: 'Webhook', config: { url: receiver.url, secret }, events: ['complaint.overdue'] }],
      },
      clock: { now: () => now },
    });
    try {
      const record = sampleComplaint();
      await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(record) });
      const { headers } = await signedIn(app, store, { name: 'Eva' });
      const promised = Date.parse(record.commitment!.dueBy);
      const moved = new Date(promised + 2 * 24 * 3600_000).toISOString();
      const answer = await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/due`, headers, payload: { dueBy: moved, reason: 'Waiting for the courier' } });
      expect(answer.statusCode).toBe(200);
      const before = receiver.accepted().length;

      now = promised + 60_000;
      await drain();
      expect(receiver.accepted()).toHaveLength(before);

      now = Date.parse(moved) + 60_000;
      await drain();
      const alerts = receiver.accepted().slice(before).map((arrival) => arrival.verified as { type: string; data: { record: { id: string }; dueBy: string } });
      expect(alerts.map((alert) => [alert.type, alert.data.record.id, alert.data.dueBy])).toEqual([['complaint.overdue', record.id, moved]]);
    } finally {
      await app.close();
    }
  });
});
