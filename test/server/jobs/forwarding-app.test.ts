/**
 * Forwarding through the whole server: records and changes write their jobs with them, the
 * worker delivers to real local peers, and admins manage destinations over the API.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.mjs';
import type { EnvironmentDestination } from '../../../server/jobs/forwarding/config.mjs';
import { createMailer } from '../../../server/jobs/forwarding/email.mjs';
import { generateWebhookSecret } from '../../../server/jobs/forwarding/webhook.mjs';
import type { createWorker } from '../../../server/jobs/worker.mjs';
import { sampleComplaint, sampleRating, sampleStatusKey } from '../../../server/sample-records.mjs';
import { createSqliteStore } from '../../../server/store/sqlite/sqlite-store.mjs';
import { addAgent, signIn } from '../../support/agents.ts';
import { startChatEndpoint, startMailServer, startWebhookReceiver, type HttpPeer, type MailPeer } from '../../support/forwarding-peers.ts';

const SHOP = 'https://shop.example';
const secret = generateWebhookSecret();

type App = ReturnType<typeof createApp>;
type Worker = ReturnType<typeof createWorker>;
type Headers = { authorization: string };

function worker(app: App): Worker {
  return (app as unknown as { jobWorker: Worker }).jobWorker;
}

function webhookDestination(url: string, events: EnvironmentDestination['events'] = ['complaint.created', 'complaint.escalated', 'complaint.claimed', 'complaint.resolved', 'rating.created']): EnvironmentDestination {
  return { id: 'env-webhook', kind: 'webhook', name: 'Webhook', config: { url, secret }, events };
}

async function startApp(options: { destinations?: EnvironmentDestination[]; clock?: { now(): number }; smtp?: MailPeer; runWorker?: boolean; path?: string } = {}) {
  const store = createSqliteStore({ path: options.path ?? ':memory:' });
  const app = createApp({
    store,
    allowedOrigins: [SHOP],
    rateLimit: 0,
    jobs: { retrySchedule: [1, 1, 1], allowPrivate: true, publicUrl: 'https://heard.shop.example', destinations: options.destinations ?? [], worker: options.runWorker ?? false, pollMs: 50 },
    mailer: options.smtp ? createMailer(options.smtp.url) : null,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  app.addHook('onClose', async () => store.close());
  await app.ready();
  return { app, store, admin: await signInAs(app, store, 'admin') };
}

/** An account named Bea with the role, signed in: the headers its calls carry. */
async function signInAs(app: App, store: Parameters<typeof addAgent>[0], role: 'admin' | 'agent') {
  const account = await addAgent(store, { name: 'Bea', role });
  return signIn(app, account.email);
}

function postRecord(app: App, record: object) {
  return app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json', origin: SHOP }, payload: JSON.stringify(record) });
}

/** Runs due jobs until none are left due now. */
async function drain(app: App) {
  while ((await worker(app).runDue()) > 0) {
    // keep going
  }
}

describe('forwarding from the server', () => {
  let receiver: HttpPeer;
  let app: App;
  let admin: Headers;
  afterEach(async () => {
    await app?.close();
    await receiver?.close();
  });

  it('forwards a new complaint, its claim and its resolution, signed, in order, once each', async () => {
    receiver = await startWebhookReceiver(secret);
    let store;
    ({ app, admin, store } = await startApp({ destinations: [webhookDestination(receiver.url)] }));
    const record = sampleComplaint();
    expect((await postRecord(app, record)).statusCode).toBe(201);
    // A replay of the same record writes no second job.
    expect((await postRecord(app, record)).statusCode).toBe(201);
    await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/claim`, headers: admin });
    // A second click on Claim changes nothing, and sends nothing.
    await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/claim`, headers: admin });
    await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/resolve`, headers: admin, payload: { note: 'Replacement sent.' } });
    await drain(app);
    const events = receiver.accepted().map((arrival) => arrival.verified as { type: string; data: Record<string, unknown> });
    expect(events.map((event) => event.type)).toEqual(['complaint.created', 'complaint.claimed', 'complaint.resolved']);
    // The summary is the server's own triage, as the inbox shows it, not the widget's.
    const { summary } = (await store.getRecord(record.id))!;
    expect(events[0]?.data).toMatchObject({
      summary: { reference: record.reference, urgency: summary.urgency, category: summary.category, verified: false },
      inboxUrl: `https://heard.shop.example/inbox/#complaint=${record.id}`,
      record,
    });
    // The claimant is the signed-in agent, by account id and name.
    expect(events[1]?.data).toMatchObject({ agent: { id: expect.any(String), name: 'Bea' } });
    expect(events[2]?.data).toMatchObject({ agent: { name: 'Bea' }, note: 'Replacement sent.' });
    expect(new Set(receiver.accepted().map((arrival) => arrival.headers['webhook-id'])).size).toBe(3);
  });

  it('sends an escalation after the new complaint when it was handed off, and a rating', async () => {
    receiver = await startWebhookReceiver(secret);
    ({ app, admin } = await startApp({ destinations: [webhookDestination(receiver.url)] }));
    const key = sampleStatusKey();
    const record = sampleComplaint({ handoff: { requested: true, reason: 'legal', at: new Date().toISOString() }, visitor: { statusKey: key } });
    await postRecord(app, record);
    await postRecord(app, sampleRating(record.id, 4, key));
    await drain(app);
    const events = receiver.accepted().map((arrival) => arrival.verified as { type: string; data: Record<string, unknown> });
    expect(events.map((event) => event.type)).toEqual(['complaint.created', 'complaint.escalated', 'rating.created']);
    // The visitor asked for a person.
    expect(events[1]?.data).toMatchObject({ reason: 'visitor' });
    expect(events[2]?.data).toMatchObject({ csat: 4 });
  });

  it('sends a changed rating as another rating event with the new score, and nothing for the same score again', async () => {
    receiver = await startWebhookReceiver(secret);
    ({ app, admin } = await startApp({ destinations: [webhookDestination(receiver.url)] }));
    const key = sampleStatusKey();
    const record = sampleComplaint({ visitor: { statusKey: key } });
    await postRecord(app, record);
    const first = sampleRating(record.id, 1, key);
    await postRecord(app, first);
    const changed = { ...first, csat: 4, at: new Date(Date.parse(first.at) + 1000).toISOString() };
    expect((await postRecord(app, changed)).statusCode).toBe(200);
    await postRecord(app, { ...changed, at: new Date(Date.parse(first.at) + 2000).toISOString() });
    await drain(app);
    const events = receiver.accepted().map((arrival) => arrival.verified as { type: string; data: Record<string, unknown> });
    expect(events.map((event) => [event.type, event.data.csat])).toEqual([['complaint.created', undefined], ['rating.created', 1], ['rating.created', 4]]);
  });

  it('sends only the event types a destination chose', async () => {
    receiver = await startWebhookReceiver(secret);
    ({ app, admin } = await startApp({ destinations: [webhookDestination(receiver.url, ['complaint.resolved'])] }));
    const record = sampleComplaint();
    await postRecord(app, record);
    await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/resolve`, headers: admin, payload: { note: 'Done.' } });
    await drain(app);
    expect(receiver.accepted().map((arrival) => (arrival.verified as { type: string }).type)).toEqual(['complaint.resolved']);
  });

  it('delivers everything after a destination was down for a simulated day, in order per complaint', async () => {
    receiver = await startWebhookReceiver(secret, () => ({ status: 503 }));
    let now = Date.now();
    const clock = { now: () => now };
    const store = createSqliteStore({ path: ':memory:' });
    app = createApp({
      store,
      allowedOrigins: [SHOP],
      rateLimit: 0,
      // The default three-day schedule, on a clock the test moves.
      jobs: { allowPrivate: true, destinations: [webhookDestination(receiver.url)], worker: false },
      clock,
    });
    app.addHook('onClose', async () => store.close());
    await app.ready();
    admin = await signInAs(app, store, 'admin');
    const records = [sampleComplaint(), sampleComplaint(), sampleComplaint()];
    for (const record of records) {
      await postRecord(app, record);
      await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/claim`, headers: admin });
    }
    for (const end = now + 24 * 3600_000; now < end; now += 10 * 60_000) await drain(app);
    expect(receiver.accepted()).toHaveLength(0);
    expect(receiver.arrivals.length).toBeGreaterThan(3);
    receiver.setAnswers(() => undefined);
    for (const end = now + 11 * 3600_000; now < end; now += 10 * 60_000) await drain(app);
    const delivered = receiver.accepted().map((arrival) => arrival.verified as { type: string; data: { record: { id: string } } });
    expect(delivered).toHaveLength(6);
    for (const record of records) {
      expect(delivered.filter((event) => event.data.record.id === record.id).map((event) => event.type)).toEqual(['complaint.created', 'complaint.claimed']);
    }
  });

  it('runs on its own: a new complaint reaches the webhook without anyone driving the worker', async () => {
    receiver = await startWebhookReceiver(secret);
    ({ app, admin } = await startApp({ destinations: [webhookDestination(receiver.url)], runWorker: true }));
    await postRecord(app, sampleComplaint());
    const [arrival] = await receiver.waitForAccepted(1);
    expect((arrival?.verified as { type: string }).type).toBe('complaint.created');
  });
});

describe('email and chat destinations from the environment', () => {
  let smtp: MailPeer;
  let chat: HttpPeer;
  let app: App;
  beforeAll(async () => {
    smtp = await startMailServer();
    chat = await startChatEndpoint();
  });
  afterAll(async () => {
    await smtp.close();
    await chat.close();
  });
  afterEach(() => app?.close());

  it('mails the team and posts to the channel for a new complaint', async () => {
    let store;
    ({ app, store } = await startApp({
      smtp,
      destinations: [
        { id: 'env-email', kind: 'email', name: 'Email', config: { to: 'team@shop.example' }, events: ['complaint.created'] },
        { id: 'env-slack', kind: 'slack', name: 'Chat', config: { url: chat.url, personalData: false }, events: ['complaint.created'] },
      ],
    }));
    const record = sampleComplaint();
    await postRecord(app, record);
    await drain(app);
    const [mail] = await smtp.waitForMail(1);
    const { summary } = (await store.getRecord(record.id))!;
    expect(mail?.subject).toBe(`[${record.reference}] ${summary.urgency} · ${summary.category} · My parcel with order ORD-1042 arrived with the kettle…`);
    expect(mail?.replyTo?.text).toBe('ana@example.com');
    const { text } = JSON.parse(chat.arrivals[0]!.body);
    expect(text).toContain(record.reference);
    expect(text).not.toContain('ORD-1042');
  });
});

describe('Settings → Destinations', () => {
  let receiver: HttpPeer;
  let app: App;
  let admin: Headers;
  beforeAll(async () => {
    receiver = await startWebhookReceiver(secret);
  });
  afterAll(() => receiver.close());
  afterEach(() => app?.close());

  async function addWebhook(body: Record<string, unknown> = {}) {
    return app.inject({ method: 'POST', url: '/api/destinations', headers: admin, payload: { kind: 'webhook', name: 'Help desk', url: receiver.url, secret, events: ['complaint.created', 'complaint.claimed'], ...body } });
  }

  it('needs a signed-in admin: no session is a 401, a plain agent a 403 that changes nothing', async () => {
    let store;
    ({ app, admin, store } = await startApp());
    expect((await app.inject({ method: 'GET', url: '/api/destinations' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/destinations', payload: { kind: 'webhook', name: 'x', url: receiver.url } })).statusCode).toBe(401);
    const agent = await signInAs(app, store, 'agent');
    const listed = await app.inject({ method: 'GET', url: '/api/destinations', headers: agent });
    expect(listed.statusCode).toBe(403);
    expect(listed.json()).toMatchObject({ error: 'forbidden' });
    const added = await app.inject({ method: 'POST', url: '/api/destinations', headers: agent, payload: { kind: 'webhook', name: 'Sneaky', url: receiver.url, events: ['complaint.created'] } });
    expect(added.statusCode).toBe(403);
    expect((await store.listDestinations())).toEqual([]);
    // Retrying is refused before the job is even looked up; an admin hears it is not a failed job.
    expect((await app.inject({ method: 'POST', url: '/api/jobs/any-job/retry', headers: agent })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/jobs/any-job/retry', headers: admin })).statusCode).toBe(409);
  });

  it('adds a webhook and never shows its secret again', async () => {
    ({ app, admin } = await startApp());
    const added = await addWebhook();
    expect(added.statusCode).toBe(201);
    expect(added.json().secret).toBeUndefined();
    expect(added.json().destination.secret).toBe(`whsec_…${secret.slice(-4)}`);
    const listed = await app.inject({ method: 'GET', url: '/api/destinations', headers: admin });
    expect(listed.body).not.toContain(secret);
    expect(listed.json().destinations[0]).toMatchObject({ name: 'Help desk', kind: 'webhook', url: receiver.url, paused: false, source: 'admin' });

    const made = await addWebhook({ secret: undefined, name: 'Made secret' });
    expect(made.json().secret).toMatch(/^whsec_/);
    expect((await app.inject({ method: 'GET', url: '/api/destinations', headers: admin })).body).not.toContain(made.json().secret);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    ({ app, admin } = await startApp());
    expect((await addWebhook({ url: 'ftp://x.example' })).json()).toMatchObject({ error: 'invalid-destination', field: 'url' });
    expect((await addWebhook({ secret: 'hunter2' })).json()).toMatchObject({ error: 'invalid-destination', field: 'secret' });
    expect((await addWebhook({ kind: 'email', to: 'team@shop.example' })).json()).toMatchObject({ field: 'to', message: expect.stringContaining('HEARD_SMTP_URL') });
    expect((await addWebhook({ events: ['complaint.deleted'] })).statusCode).toBe(400);
  });

  it('sends a test the receiver verifies', async () => {
    ({ app, admin } = await startApp());
    const { destination } = (await addWebhook()).json();
    const before = receiver.accepted().length;
    const tested = await app.inject({ method: 'POST', url: `/api/destinations/${destination.id}/test`, headers: admin });
    expect(tested.json()).toEqual({ ok: true });
    expect(receiver.accepted()).toHaveLength(before + 1);
  });

  it('holds events while paused and sends them, in order, on resume', async () => {
    ({ app, admin } = await startApp());
    const { destination } = (await addWebhook()).json();
    await app.inject({ method: 'POST', url: `/api/destinations/${destination.id}/pause`, headers: admin });
    const record = sampleComplaint();
    await postRecord(app, record);
    await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/claim`, headers: admin });
    const before = receiver.accepted().length;
    await drain(app);
    expect(receiver.accepted()).toHaveLength(before);
    const held = await app.inject({ method: 'GET', url: `/api/destinations/${destination.id}/deliveries`, headers: admin });
    expect(held.json().deliveries.map((delivery: { status: string }) => delivery.status)).toEqual(['held', 'held']);
    const resumed = await app.inject({ method: 'POST', url: `/api/destinations/${destination.id}/resume`, headers: admin });
    expect(resumed.json().destination.paused).toBe(false);
    await drain(app);
    expect(receiver.accepted().slice(before).map((arrival) => (arrival.verified as { type: string }).type)).toEqual(['complaint.created', 'complaint.claimed']);
  });

  it('shows a failed job and its reason, counts it, and retries it for the admin', async () => {
    const failing = await startWebhookReceiver(secret, () => ({ status: 500 }));
    try {
      let now = Date.now();
      ({ app, admin } = await startApp({ clock: { now: () => now } }));
      const { destination } = (await addWebhook({ url: failing.url })).json();
      await postRecord(app, sampleComplaint());
      // The first attempt and the test schedule's three retries.
      for (let pass = 0; pass < 5; pass += 1) {
        await drain(app);
        now += 2000;
      }
      const listed = (await app.inject({ method: 'GET', url: '/api/destinations', headers: admin })).json();
      expect(listed.jobs.failed).toBe(1);
      const [delivery] = (await app.inject({ method: 'GET', url: `/api/destinations/${destination.id}/deliveries`, headers: admin })).json().deliveries;
      expect(delivery).toMatchObject({ type: 'complaint.created', status: 'failed', attempts: 4, lastError: '500 from destination' });
      failing.setAnswers(() => undefined);
      expect((await app.inject({ method: 'POST', url: `/api/jobs/${delivery.jobId}/retry`, headers: admin })).json()).toEqual({ ok: true });
      await drain(app);
      expect(failing.accepted()).toHaveLength(1);
      expect((await app.inject({ method: 'POST', url: `/api/jobs/${delivery.jobId}/retry`, headers: admin })).statusCode).toBe(409);
    } finally {
      await failing.close();
    }
  });

  it('removes a destination, but not one from the environment', async () => {
    ({ app, admin } = await startApp({ destinations: [webhookDestination(receiver.url)] }));
    const { destination } = (await addWebhook()).json();
    expect((await app.inject({ method: 'DELETE', url: `/api/destinations/${destination.id}`, headers: admin })).statusCode).toBe(204);
    expect((await app.inject({ method: 'DELETE', url: '/api/destinations/env-webhook', headers: admin })).statusCode).toBe(409);
    const listed = (await app.inject({ method: 'GET', url: '/api/destinations', headers: admin })).json();
    expect(listed.destinations.map((d: { id: string }) => d.id)).toEqual(['env-webhook']);
  });
});
