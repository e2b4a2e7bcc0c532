import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import type { Store } from '../../server/store/store.mjs';
import { signedIn } from '../support/agents';
import { bothStores } from '../support/postgres';

const SHOP = 'https://shop.example';
const DAY = 24 * 60 * 60 * 1000;
type App = ReturnType<typeof createApp>;

const backends = bothStores();

/** A status key as the widget makes one: 128 random bits, base64url. */
const newKey = () => randomBytes(16).toString('base64url');

/** Resolves once the wall clock is past `ms`, so what happens next happened after it. */
const laterThan = async (ms: number) => {
  while (Date.now() <= ms) await new Promise((resolve) => setTimeout(resolve, 1));
};

interface Sent { to: string; subject: string; text: string }

describe.each(backends)('the visitor writes back on %s', (_name, open, openAgain) => {
  let store: Store;
  let app: App;
  let agent: { authorization: string };
  let agentId: string;
  let now: number;
  let sent: Sent[];
  let logs: string[];

  /** An app on `on` whose jobs wait for the test, on its clock, with a webhook and a mail server. */
  const start = async (on: Store) => {
    const started = createApp({
      store: on,
      allowedOrigins: [SHOP],
      rateLimit: 0,
      clock: { now: () => now },
      logger: { level: 'info', stream: { write: (line: string) => void logs.push(line) } },
      jobs: {
        worker: false,
        destinations: [{ id: 'env-hook', kind: 'webhook', name: 'Webhook', config: { url: 'https://hooks.shop.example/heard', secret: `whsec_${randomBytes(32).toString('base64')}` }, events: ['message.created'] }],
      },
      mailer: { sendMail: async (message) => (sent.push(message as Sent), { accepted: [message.to] }) },
      post: async () => ({ status: 204, headers: {} }),
    });
    await started.ready();
    // Wrapped: a Fastify instance is itself awaitable.
    return { instance: started };
  };

  beforeEach(async () => {
    now = Date.now();
    sent = [];
    logs = [];
    store = await open();
    ({ instance: app } = await start(store));
    const mia = await signedIn(app, store, { name: 'Mia', email: `mia-${randomUUID()}@shop.example` });
    agent = mia.headers;
    agentId = mia.agent.id;
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  const receive = async (record = sampleComplaint({ visitor: { statusKey: newKey() } as never })) => {
    const response = await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json', origin: SHOP }, payload: JSON.stringify(record) });
    expect(response.statusCode).toBe(201);
    return { record, key: (record.visitor as { statusKey: string }).statusKey };
  };
  const write = (id: string, key: string | null, body: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: `/complaints/${id}/messages`,
      headers: {
        'content-type': 'application/json',
        origin: SHOP,
        ...(key === null ? {} : { authorization: `Bearer ${key}` }),
        ...(body && typeof body === 'object' && 'id' in body ? { 'idempotency-key': String(body.id) } : {}),
        ...headers,
      },
      payload: JSON.stringify(body),
    });
  const message = (text = 'The order number is 4417, and the box was open.') => ({ id: randomUUID(), text, at: new Date(now).toISOString() });
  const status = (id: string, key: string) => app.inject({ url: `/complaints/${id}/status`, headers: { origin: SHOP, authorization: `Bearer ${key}` } });
  const work = (id: string, action: string, payload?: object) =>
    app.inject({ method: 'POST', url: `/api/complaints/${id}/${action}`, headers: agent, ...(payload ? { payload } : {}) });

  it('keeps a message once: the same id again is answered as the first time, other text under it is a 409', async () => {
    const { record, key } = await receive();
    const sentMessage = message('  The order number is 4417.  ');
    const first = await write(record.id, key, sentMessage);
    expect(first.statusCode).toBe(201);
    expect(first.headers['access-control-allow-origin']).toBe(SHOP);
    expect(first.json()).toEqual({ id: sentMessage.id, receivedAt: new Date(now).toISOString(), status: 'received' });

    // The complaint moves on; the retry of the lost answer still gets the first one.
    expect((await work(record.id, 'claim')).statusCode).toBe(200);
    const again = await write(record.id, key, sentMessage);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const other = await write(record.id, key, { ...sentMessage, text: 'Something else entirely.' });
    expect(other.statusCode).toBe(409);

    const read = (await status(record.id, key)).json();
    expect(read.messages).toEqual([{ id: sentMessage.id, at: sentMessage.at, text: 'The order number is 4417.', attachments: [] }]);
  });

  it('keeps a message sent several times at once exactly once', async () => {
    const { record, key } = await receive();
    const sentMessage = message('Sent from two tabs.');
    const answers = await Promise.all([1, 2, 3].map(() => write(record.id, key, sentMessage)));
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
    expect((await store.threadMessagesOf(record.id)).map((m) => m.text)).toEqual(['Sent from two tabs.']);
  });

  it('answers a wrong key, no key and an unknown complaint alike: 404, as the status does', async () => {
    const { record } = await receive();
    const answers = [
      await write(record.id, newKey(), message()),
      await write(record.id, null, message()),
      await write('no-such-complaint', newKey(), message()),
    ];
    const statusAnswer = await app.inject({ url: `/complaints/${record.id}/status`, headers: { origin: SHOP, authorization: `Bearer ${newKey()}` } });
    for (const answer of answers) {
      expect(answer.statusCode).toBe(404);
      expect(answer.body).toBe(statusAnswer.body);
    }
    expect((await store.getRecord(record.id))?.messages).toEqual([]);
  });

  it('refuses a bad message with a sentence saying what is wrong', async () => {
    const { record, key } = await receive();
    const cases: [unknown, RegExp][] = [
      [{ ...message(), id: 'short' }, /^id must be/],
      [{ ...message(), text: '   ' }, /^text must not be empty/],
      [{ ...message(), text: 'x'.repeat(5001) }, /^text must be at most 5000 characters/],
      [{ ...message(), at: 'yesterday' }, /^at must be an ISO 8601 time/],
      [{ id: randomUUID(), at: new Date().toISOString() }, /^text must be a string/],
    ];
    for (const [body, expected] of cases) {
      const answer = await write(record.id, key, body);
      expect(answer.statusCode, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(answer.json().message).toMatch(expected);
    }
    const mismatch = await write(record.id, key, message(), { 'idempotency-key': randomUUID() });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().message).toBe('Idempotency-Key must equal the message id.');
    expect((await status(record.id, key)).json().messages).toEqual([]);
  });

  it('reopens a resolved complaint within the reply window, back with whoever resolved it', async () => {
    const { record, key } = await receive();
    expect((await work(record.id, 'resolve', { note: 'Refunded.' })).statusCode).toBe(200);
    const resolved = (await status(record.id, key)).json();
    expect(resolved.status).toBe('resolved');
    expect(resolved.answerableUntil).toBe(new Date(Date.parse(resolved.resolvedAt) + 14 * DAY).toISOString());

    now += 13 * DAY;
    const answer = await write(record.id, key, message('The refund has not arrived.'));
    expect(answer.statusCode).toBe(201);
    expect(answer.json().status).toBe('in-progress');
    const after = (await status(record.id, key)).json();
    expect(after).toMatchObject({ status: 'in-progress', resolvedAt: null, answerableUntil: null });
    const { complaint } = (await app.inject({ url: `/api/complaints/${record.id}`, headers: agent })).json();
    expect(complaint).toMatchObject({ status: 'claimed', claimedBy: 'Mia', waitingForUs: true });
    expect(complaint.audit.map((event: { action: string }) => event.action)).toEqual(['resolved', 'reopened']);
  });

  it('past the reply window answers 410 with the reference, for a new complaint to carry', async () => {
    const { record, key } = await receive();
    expect((await work(record.id, 'resolve', { note: 'Refunded.' })).statusCode).toBe(200);
    now += 15 * DAY;
    const answer = await write(record.id, key, message('Still no refund.'));
    expect(answer.statusCode).toBe(410);
    expect(answer.json()).toMatchObject({ error: 'window-closed', reference: record.reference });
    expect((await status(record.id, key)).json()).toMatchObject({ status: 'resolved', messages: [] });
  });

  it('says the team is online only while a signed-in agent is using the inbox', async () => {
    const { record, key } = await receive();
    expect((await status(record.id, key)).json().teamOnline).toBe(false);
    expect((await app.inject({ url: '/api/complaints', headers: agent })).statusCode).toBe(200);
    expect((await status(record.id, key)).json().teamOnline).toBe(true);
    // Five minutes and more without a sign of the agent: nobody is promised.
    expect(await store.agentOnline({ now: new Date(now + 6 * 60_000).toISOString(), since: new Date(now + 60_000).toISOString() })).toBe(false);
    expect((await app.inject({ method: 'DELETE', url: '/api/session', headers: agent })).statusCode).toBe(204);
    expect((await status(record.id, key)).json().teamOnline).toBe(false);
  });

  it('shows the message in the inbox, in time order with the replies, waiting for us and first in the queue', async () => {
    const older = await receive(sampleComplaint({ visitor: { statusKey: newKey() } as never, triage: { ...sampleComplaint().triage, urgency: 'critical' } }));
    const { record, key } = await receive(sampleComplaint({ visitor: { statusKey: newKey() } as never, triage: { ...sampleComplaint().triage, urgency: 'low' } }));
    const queue = async () => (await app.inject({ url: '/api/complaints', headers: agent })).json().complaints.map((c: { id: string }) => c.id);
    expect(await queue()).toEqual([older.record.id, record.id]);

    expect((await work(record.id, 'replies', { text: 'Could you send the order number?' })).statusCode).toBe(201);
    // Replies are written at the wall clock's time; the message comes after this one.
    now = Date.now();
    expect((await write(record.id, key, message('It is 4417.'))).statusCode).toBe(201);
    expect(await queue()).toEqual([record.id, older.record.id]);
    const listed = (await app.inject({ url: '/api/complaints', headers: agent })).json().complaints[0];
    expect(listed).toMatchObject({ id: record.id, waitingForUs: true });

    const { complaint } = (await app.inject({ url: `/api/complaints/${record.id}`, headers: agent })).json();
    expect(complaint.messages.map((m: { text: string }) => m.text)).toEqual(['It is 4417.']);
    expect(Date.parse(complaint.messages[0].receivedAt)).toBeGreaterThanOrEqual(Date.parse(complaint.replies[0].at));

    // An answer after it: no longer waiting, and back in its place.
    await laterThan(now);
    expect((await work(record.id, 'replies', { text: 'Thank you, a new one is on its way.' })).statusCode).toBe(201);
    expect((await app.inject({ url: `/api/complaints/${record.id}`, headers: agent })).json().complaint.waitingForUs).toBe(false);
    expect(await queue()).toEqual([older.record.id, record.id]);
  });

  it('queues message.created for the destinations and emails the claimant, the text nowhere in the log', async () => {
    const { record, key } = await receive();
    expect((await work(record.id, 'claim')).statusCode).toBe(200);
    const text = 'My neighbour signed for it, flat 3.';
    expect((await write(record.id, key, message(text))).statusCode).toBe(201);
    const jobs = await store.listJobs({ status: 'pending' });
    const forwarded = jobs.find((job) => job.kind === 'forward' && (job.payload.event as { type: string }).type === 'message.created');
    expect(forwarded).toMatchObject({ destinationId: 'env-hook', complaintId: record.id });
    const claimantMail = jobs.find((job) => job.kind === 'message.claimant');
    expect(claimantMail?.payload).toMatchObject({ agentId });

    const worker = (app as unknown as { jobWorker: { runDue(): Promise<number> } }).jobWorker;
    while ((await worker.runDue()) > 0) {
      // until nothing is due
    }
    const toMia = sent.filter((mail) => mail.to.startsWith('mia-'));
    expect(toMia).toHaveLength(1);
    expect(toMia[0]!.text).toContain('the visitor has written again');
    expect(toMia[0]!.text).toContain(text);
    // The operator's log says a message came, and never what it said.
    expect(logs.join('')).toContain('visitor message received');
    expect(logs.join('')).not.toContain('flat 3');
  });

  it('lets the shop page send across origins, and no other page', async () => {
    const preflight = (origin: string) =>
      app.inject({
        method: 'OPTIONS',
        url: '/complaints/some-complaint-id/messages',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' },
      });
    const allowed = await preflight(SHOP);
    expect(allowed.headers['access-control-allow-origin']).toBe(SHOP);
    expect(String(allowed.headers['access-control-allow-headers'])).toMatch(/Idempotency-Key/);
    expect((await preflight('https://elsewhere.example')).headers['access-control-allow-origin']).toBeUndefined();
    const { record, key } = await receive();
    expect((await write(record.id, key, message(), { origin: 'https://elsewhere.example' })).statusCode).toBe(403);
  });

  it('takes the visitor messages away with their complaint when retention deletes it', async () => {
    const { record, key } = await receive();
    expect((await write(record.id, key, message())).statusCode).toBe(201);
    expect((await work(record.id, 'resolve', { note: 'Refunded.' })).statusCode).toBe(200);
    expect(await store.purgeResolved({ resolvedBefore: new Date(Date.now() + DAY).toISOString() })).toBe(1);
    expect(await store.threadMessagesOf(record.id)).toEqual([]);
  });

  it(`shows the message live in an open inbox${openAgain ? ' on another instance' : ''}`, async () => {
    // On PostgreSQL the inbox is open on a second instance, so the message crosses over.
    const other = openAgain ? await openAgain() : null;
    const b = other ? (await start(other)).instance : app;
    await b.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    try {
      const { record, key } = await receive();
      const { ticket } = (await app.inject({ method: 'POST', url: '/api/stream-ticket', headers: agent })).json();
      const origin = `http://127.0.0.1:${(b.server.address() as { port: number }).port}`;
      const stream = await fetch(`${origin}/api/stream?ticket=${ticket}`, { signal: controller.signal });
      expect(stream.status).toBe(200);
      const reader = stream.body!.getReader();
      let text = '';
      while (!text.includes('retry:')) text += new TextDecoder().decode((await reader.read()).value);
      expect((await write(record.id, key, message())).statusCode).toBe(201);
      // The complaint's own `created` may come first, over PostgreSQL's notifications. The
      // update says it is the visitor's, for the notification of the agent who holds it.
      const updated = `event: updated\ndata: {"id":"${record.id}","visitorMessage":true}`;
      while (!text.includes(updated)) text += new TextDecoder().decode((await reader.read()).value);
      expect(text).toContain(updated);
    } finally {
      controller.abort();
      if (other) {
        await b.close();
        await other.close();
      }
    }
  });
});

describe('how often a visitor may write back', () => {
  it('limits one address to the widget rate, with Retry-After', async () => {
    const { createSqliteStore } = await import('../../server/store/sqlite/sqlite-store.mjs');
    const store = createSqliteStore({ path: ':memory:' });
    const app = createApp({ store, allowedOrigins: [SHOP], rateLimit: 2 });
    try {
      await app.ready();
      const codes = [];
      for (let i = 0; i < 3; i++) {
        codes.push((await app.inject({ method: 'POST', url: '/complaints/no-such-complaint/messages', headers: { 'content-type': 'application/json', origin: SHOP }, payload: '{}' })).statusCode);
      }
      expect(codes).toEqual([404, 404, 429]);
    } finally {
      await app.close();
      await store.close();
    }
  });
});
