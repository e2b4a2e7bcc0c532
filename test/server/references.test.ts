/**
 * A complaint's reference is what the visitor quotes: the receiver makes sure it names one
 * complaint, answers with the one it stored, and with the commitment the queue shows.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { createReceiverTriage } from '../../server/receiver/retriage.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import type { Store } from '../../server/store/store.mjs';
import { signedIn } from '../support/agents';
import { bothStores } from '../support/postgres';

type App = ReturnType<typeof createApp>;
const SAME = 'HRD-C00000';
const FORMAT = /^HRD-[0-9A-HJKMNP-TV-Z]{6}$/;

describe.each(bothStores())('complaint references on %s', (_name, openStore, openAnother) => {
  const opened: { app: App; store: Store }[] = [];
  beforeAll(async () => {
    await createReceiverTriage();
  }, 60_000);
  afterEach(async () => {
    for (const { app, store } of opened.splice(0)) {
      await app.close();
      await store.close();
    }
  });

  async function start(store?: Store) {
    const own = store ?? (await openStore());
    const app = createApp({ store: own, allowedOrigins: [], rateLimit: 0 });
    await app.ready();
    opened.push({ app, store: own });
    return { app, store: own, auth: (await signedIn(app, own)).headers };
  }
  const post = (app: App, record: object) =>
    app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(record) });

  it('gives each complaint its own reference, the first keeping the one it sent, and every read says the stored one', async () => {
    const { app, auth } = await start();
    const keys = [0, 1, 2].map(() => randomBytes(16).toString('base64url'));
    const records = keys.map((statusKey) => sampleComplaint({ reference: SAME, visitor: { statusKey } as never }));
    const receipts = [];
    for (const record of records) {
      const answer = await post(app, record);
      expect(answer.statusCode).toBe(201);
      receipts.push(answer.json());
    }
    const references = receipts.map((receipt) => receipt.reference);
    expect(references[0]).toBe(SAME);
    expect(new Set(references).size).toBe(3);
    for (const reference of references.slice(1)) expect(reference).toMatch(FORMAT);

    // A retry answers the same receipt.
    const replay = await post(app, records[1]!);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(receipts[1]);

    const listed = (await app.inject({ url: '/api/complaints', headers: auth })).json().complaints;
    records.forEach((record, i) => {
      expect(listed.find((item: { id: string }) => item.id === record.id).reference).toBe(references[i]);
    });
    for (const [i, record] of records.entries()) {
      const { complaint } = (await app.inject({ url: `/api/complaints/${record.id}`, headers: auth })).json();
      expect(complaint.reference).toBe(references[i]);
      expect(complaint.record.reference).toBe(references[i]);
      const status = await app.inject({ url: `/complaints/${record.id}/status`, headers: { authorization: `Bearer ${keys[i]}` } });
      expect(status.json().reference).toBe(references[i]);
    }
  });

  it('gives complaints that arrive together under one reference each their own, as one commit stores them', async () => {
    const { app, store } = await start();
    const records = Array.from({ length: 6 }, () => sampleComplaint({ reference: SAME }));
    const answers = await Promise.all(records.map((record) => post(app, record)));
    expect(answers.map((answer) => answer.statusCode)).toEqual(records.map(() => 201));
    const references = answers.map((answer) => answer.json().reference);
    expect(new Set(references).size).toBe(records.length);
    expect(references.filter((reference) => reference === SAME)).toHaveLength(1);
    for (const [i, record] of records.entries()) {
      expect(references[i]).toMatch(FORMAT);
      expect((await store.getRecord(record.id))?.record.reference).toBe(references[i]);
    }
  });

  it('answers with the due date the queue shows', async () => {
    const { app, auth } = await start();
    const record = sampleComplaint();
    const receipt = (await post(app, record)).json();
    const { complaint } = (await app.inject({ url: `/api/complaints/${record.id}`, headers: auth })).json();
    expect(complaint.summary.dueBy).toEqual(expect.any(String));
    expect(receipt).toEqual({ id: record.id, reference: record.reference, receivedAt: complaint.receivedAt, dueBy: complaint.summary.dueBy });
  });

  it("answers and queues its own date when its triage reads the complaint as more urgent than the widget did, and keeps the widget's when they agree", async () => {
    const { app, auth } = await start();
    // Monday 09:00 UTC: the default hours give a critical complaint four business hours.
    const submittedAt = '2030-03-04T09:00:00.000Z';
    const widgetDue = '2030-03-05T09:00:00.000Z';
    const followUpAt = '2030-03-07T09:00:00.000Z';
    const fire = sampleComplaint({
      submittedAt,
      messages: [{ from: 'visitor', text: 'The heater you sold me caught fire last night and burned my hand.', at: submittedAt }],
      triage: { urgency: 'normal' },
      commitment: { action: 'A member of our team will reply.', dueBy: widgetDue, slaHours: 24 },
      followUpAt,
    });
    const receipt = (await post(app, fire)).json();
    expect(receipt.dueBy).toBe('2030-03-04T13:00:00.000Z');
    const { complaint } = (await app.inject({ url: `/api/complaints/${fire.id}`, headers: auth })).json();
    expect(complaint.summary.dueBy).toBe(receipt.dueBy);
    // The follow-up keeps its distance from the date.
    expect(complaint.summary.followUpAt).toBe('2030-03-06T13:00:00.000Z');

    const agreed = sampleComplaint({ submittedAt, triage: { urgency: 'normal' }, commitment: { action: 'We will check.', dueBy: widgetDue, slaHours: 24 } });
    expect((await post(app, agreed)).json().dueBy).toBe(widgetDue);
  });

  it('keeps references unique when many complaints with one reference arrive at once', async () => {
    const apps = [(await start()).app];
    // PostgreSQL: a second instance on the same database takes half of them.
    if (openAnother) apps.push((await start(await openAnother())).app);
    const records = Array.from({ length: 12 }, () => sampleComplaint({ reference: SAME }));
    const answers = await Promise.all(records.map((record, i) => post(apps[i % apps.length]!, record)));
    for (const answer of answers) expect(answer.statusCode).toBe(201);
    const references = answers.map((answer) => answer.json().reference);
    expect(new Set(references).size).toBe(records.length);
    expect(references.filter((reference) => reference === SAME)).toHaveLength(1);
  });
});
