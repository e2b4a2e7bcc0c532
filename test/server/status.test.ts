import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import type { Store } from '../../server/store/store.mjs';
import { signedIn } from '../support/agents';
import { bothStores } from '../support/postgres';

const SHOP = 'https://shop.example';
type App = ReturnType<typeof createApp>;

const backends = bothStores();

/** A status key as the widget makes one: 128 random bits, base64url. */
const newKey = () => randomBytes(16).toString('base64url');

describe.each(backends)('visitor status on %s', (_name, open) => {
  let store: Store;
  let app: App;
  let agent: { authorization: string };

  beforeEach(async () => {
    store = await open();
    app = createApp({ store, allowedOrigins: [SHOP], rateLimit: 0, statusRateLimit: 5 });
    await app.ready();
    agent = (await signedIn(app, store, { name: 'Mia' })).headers;
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  /** Receives a complaint whose visitor holds `key`. */
  const receive = async (key: string | null = newKey()) => {
    const record = sampleComplaint(key ? { visitor: { statusKey: key } as never } : {});
    const response = await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json', origin: SHOP }, payload: JSON.stringify(record) });
    expect(response.statusCode).toBe(201);
    return { record, key: key ?? '' };
  };
  const status = (id: string, key: string | null, headers: Record<string, string> = {}) =>
    app.inject({ url: `/complaints/${id}/status`, headers: { origin: SHOP, ...(key === null ? {} : { authorization: `Bearer ${key}` }), ...headers } });
  const work = (id: string, action: string, payload?: object) =>
    app.inject({ method: 'POST', url: `/api/complaints/${id}/${action}`, headers: agent, ...(payload ? { payload } : {}) });

  it('keeps only a hash of the status key: neither the stored record nor the inbox holds the key', async () => {
    const { record, key } = await receive();
    const stored = await store.getRecord(record.id);
    expect(JSON.stringify(stored)).not.toContain(key);
    const detail = await app.inject({ url: `/api/complaints/${record.id}`, headers: agent });
    expect(detail.body).not.toContain(key);
    // A retry of the very record, key and all, is still the replay.
    const again = await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json', origin: SHOP }, payload: JSON.stringify(record) });
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('tells the holder of the key how the complaint is going, and nothing else', async () => {
    const { record, key } = await receive();
    const first = await status(record.id, key);
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.headers['access-control-allow-origin']).toBe(SHOP);
    expect(first.json()).toEqual({
      reference: record.reference,
      status: 'received',
      receivedAt: expect.any(String),
      resolvedAt: null,
      dueBy: new Date(record.commitment!.dueBy).toISOString(),
      dueByReason: null,
      replies: [],
      messages: [],
      answerableUntil: null,
      // Signed in, but not yet seen using the inbox.
      teamOnline: false,
    });
    expect(first.body).not.toContain(record.visitor.email!);

    await work(record.id, 'claim');
    expect((await status(record.id, key)).json().status).toBe('in-progress');

    expect((await work(record.id, 'replies', { text: 'We have sent a new kettle today.' })).statusCode).toBe(201);
    const resolved = await work(record.id, 'resolve', { note: 'Internal: courier claim 7731 opened.', reply: 'Your new kettle arrives tomorrow.' });
    expect(resolved.statusCode).toBe(200);

    const last = (await status(record.id, key)).json();
    expect(last).toMatchObject({ status: 'resolved', resolvedAt: expect.any(String) });
    expect(last.replies.map((r: { text: string }) => r.text)).toEqual(['We have sent a new kettle today.', 'Your new kettle arrives tomorrow.']);
    expect(JSON.stringify(last)).not.toContain('courier claim');
    const { complaint } = (await app.inject({ url: `/api/complaints/${record.id}`, headers: agent })).json();
    expect(complaint.audit.map((event: { action: string }) => event.action)).toEqual(['claimed', 'replied', 'replied', 'resolved']);
    expect(complaint.replies.map((r: { agentName: string }) => r.agentName)).toEqual(['Mia', 'Mia']);
  });

  it('answers a wrong key, a missing key, an unknown id and a complaint without a key alike: 404', async () => {
    const { record } = await receive();
    const keyless = await receive(null);
    const answers = [
      await status(record.id, newKey()),
      await status(record.id, null),
      await status(record.id, 'not-a-key'),
      await status('no-such-complaint', newKey()),
      await status(keyless.record.id, newKey()),
    ];
    for (const answer of answers) {
      expect(answer.statusCode).toBe(404);
      expect(answer.body).toBe(answers[0]!.body);
      expect(answer.body).not.toContain(record.reference);
    }
  });

  it('takes the key whatever the case of the Bearer scheme, as HTTP allows', async () => {
    const { record, key } = await receive();
    for (const scheme of ['bearer', 'BEARER']) {
      expect((await status(record.id, null, { authorization: `${scheme} ${key}` })).statusCode, scheme).toBe(200);
    }
    expect((await status(record.id, null, { authorization: `Basic ${key}` })).statusCode).toBe(404);
  });

  it('limits how often an address may ask, with Retry-After', async () => {
    const { record, key } = await receive();
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await status(record.id, i % 2 ? key : newKey())).statusCode);
    expect(codes.slice(0, 5)).not.toContain(429);
    const limited = await status(record.id, key);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('lets a shop page ask with its key across origins, and no other page or API', async () => {
    const preflight = (url: string, origin: string) =>
      app.inject({ method: 'OPTIONS', url, headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    const allowed = await preflight('/complaints/abc-12345678/status', SHOP);
    expect(allowed.headers['access-control-allow-origin']).toBe(SHOP);
    expect(String(allowed.headers['access-control-allow-methods'])).toContain('GET');
    expect(String(allowed.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');
    expect((await preflight('/complaints/abc-12345678/status', 'https://evil.example')).headers['access-control-allow-origin']).toBeUndefined();
    expect((await preflight('/api/complaints', SHOP)).headers['access-control-allow-origin']).toBeUndefined();
    const { record, key } = await receive();
    expect((await status(record.id, key, { origin: 'https://evil.example' })).statusCode).toBe(403);
  });

  it('moves the due date with a reason the visitor reads, and keeps it in the trail', async () => {
    const { record, key } = await receive();
    const later = new Date(Date.now() + 5 * 24 * 3600_000).toISOString();
    const moved = await work(record.id, 'due', { dueBy: later, reason: 'The replacement is out of stock until Friday.' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().complaint).toMatchObject({ dueByReason: 'The replacement is out of stock until Friday.', summary: { dueBy: later } });
    expect((await status(record.id, key)).json()).toMatchObject({ dueBy: later, dueByReason: 'The replacement is out of stock until Friday.' });
    const { complaint } = (await app.inject({ url: `/api/complaints/${record.id}`, headers: agent })).json();
    expect(complaint.audit.at(-1)).toMatchObject({ action: 'due-moved', agentName: 'Mia', detail: { dueBy: later, reason: 'The replacement is out of stock until Friday.' } });

    for (const payload of [{ dueBy: new Date(Date.now() - 3600_000).toISOString(), reason: 'Late.' }, { dueBy: later }, { dueBy: 'soon', reason: 'x' }]) {
      expect((await work(record.id, 'due', payload)).statusCode, JSON.stringify(payload)).toBe(400);
    }
    await work(record.id, 'resolve', { note: 'Done.' });
    expect((await work(record.id, 'due', { dueBy: later, reason: 'Too late now.' })).statusCode).toBe(409);
  });

  it('keeps a reply, a reason and a note holding a stray NUL or half an emoji, when each is also emailed to the visitor', async () => {
    // Agents paste from anywhere; a character no database column can hold must not turn their
    // work into a server error. The visitor's email is queued with the reply, in the same write.
    const mailing = createApp({
      store, allowedOrigins: [SHOP], rateLimit: 0,
      jobs: { worker: false, mailFrom: 'care@shop.example' },
      mailer: { sendMail: async () => ({ accepted: ['ana@example.com'] }) },
    });
    await mailing.ready();
    try {
      const mia = (await signedIn(mailing, store, { name: 'Mia' })).headers;
      const key = newKey();
      const record = sampleComplaint({ visitor: { statusKey: key, email: 'ana@example.com' } as never });
      await mailing.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(record) });
      const send = (action: string, json: string) =>
        mailing.inject({ method: 'POST', url: `/api/complaints/${record.id}/${action}`, headers: { ...mia, 'content-type': 'application/json' }, payload: json });
      const later = new Date(Date.now() + 5 * 24 * 3600_000).toISOString();
      expect((await send('replies', '{"text":"Kettle\\u0000 sent \\ud83d today."}')).statusCode).toBe(201);
      expect((await send('due', JSON.stringify({ dueBy: later, reason: 'Out of stock\u0000.' }))).statusCode).toBe(200);
      expect((await send('resolve', '{"note":"Courier \\udc00claim.","reply":"Arrives \\u0000tomorrow."}')).statusCode).toBe(200);

      const seen = (await status(record.id, key)).json();
      expect(seen.status).toBe('resolved');
      expect(seen.replies.map((reply: { text: string }) => reply.text.replace(/[\u0000\ufffd]/g, '').replace(/ {2}/g, ' '))).toEqual(['Kettle sent today.', 'Arrives tomorrow.']);
      expect(seen.dueByReason.replace(/[\u0000\ufffd]/g, '')).toBe('Out of stock.');
    } finally {
      await mailing.close();
    }
  });

  it('lets only the claimant or an admin reply to or move the date of a claimed complaint', async () => {
    const { record } = await receive();
    const tomas = (await signedIn(app, store, { name: 'Tomas' })).headers;
    await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/claim`, headers: tomas });
    expect((await work(record.id, 'replies', { text: 'Hello from Mia.' })).statusCode).toBe(403);
    expect((await work(record.id, 'due', { dueBy: new Date(Date.now() + 86_400_000).toISOString(), reason: 'x' })).statusCode).toBe(403);
    expect((await store.getRecord(record.id))!.replies).toEqual([]);
  });
});
