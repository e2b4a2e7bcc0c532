import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { EVENT_TYPES } from '../../server/jobs/forwarding/events.mjs';
import type { Store } from '../../server/store/store.mjs';
import { signedIn } from '../support/agents';
import { bothStores } from '../support/postgres';
import { readUntil, receiveWithKey } from '../support/streams';

const SHOP = 'https://shop.example';
type App = ReturnType<typeof createApp>;

const backends = bothStores();

interface Sent { to: string; subject: string; text: string }

describe.each(backends)('internal notes on %s', (_name, open, openAgain) => {
  const apps: App[] = [];
  const stores: Store[] = [];
  const controllers: AbortController[] = [];
  let sent: Sent[];
  let posted: string[];

  /** An instance on `store`, listening, with a mail server and a destination for every event. */
  const start = async (store: Store) => {
    const app = createApp({
      store,
      allowedOrigins: [SHOP],
      rateLimit: 0,
      jobs: {
        worker: false,
        destinations: [{ id: 'env-hook', kind: 'webhook', name: 'Webhook', config: { url: 'https://hooks.shop.example/heard', secret: `whsec_${randomBytes(32).toString('base64')}` }, events: [...EVENT_TYPES] }],
      },
      mailer: { sendMail: async (message) => (sent.push(message as Sent), { accepted: [message.to] }) },
      post: async (_url: string, request: { body: string }) => (posted.push(request.body), { status: 204, headers: {} }),
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    apps.push(app);
    return { app, base: `http://127.0.0.1:${(app.server.address() as { port: number }).port}` };
  };

  let a: { app: App; base: string };
  let b: { app: App; base: string };
  let store: Store;
  let mia: { agent: { id: string; name: string }; headers: { authorization: string } };

  beforeEach(async () => {
    sent = [];
    posted = [];
    store = await open();
    stores.push(store);
    a = await start(store);
    // On PostgreSQL a second instance on the same database; on SQLite both are one.
    if (openAgain) {
      const second = await openAgain();
      stores.push(second);
      b = await start(second);
    } else b = a;
    mia = await signedIn(a.app, store, { name: 'Mia', email: `mia-${randomUUID()}@shop.example` });
  });
  afterEach(async () => {
    for (const controller of controllers.splice(0)) controller.abort();
    for (const app of apps.splice(0)) await app.close();
    for (const opened of stores.splice(0)) await opened.close();
  });

  const receive = () => receiveWithKey(a.base, SHOP);
  const post = (base: string, path: string, body: unknown, headers: Record<string, string> = mia.headers) =>
    fetch(`${base}${path}`, body === undefined ? { method: 'POST', headers } : { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const note = (id: string, body: unknown, headers?: Record<string, string>) => post(a.base, `/api/complaints/${id}/notes`, body, headers);
  const detail = async (id: string) => (await (await fetch(`${a.base}/api/complaints/${id}`, { headers: mia.headers })).json()).complaint;
  const runJobs = () => (a.app as unknown as { jobWorker: { runDue(): Promise<number> } }).jobWorker.runDue();
  const listen = async (url: string, init: RequestInit = {}) => {
    const controller = new AbortController();
    controllers.push(controller);
    const response = await fetch(url, { ...init, signal: controller.signal });
    expect(response.status).toBe(200);
    return response.body!.getReader();
  };
  const inboxStream = async (base: string) => {
    const { ticket } = await (await fetch(`${base}/api/stream-ticket`, { method: 'POST', headers: mia.headers })).json();
    return listen(`${base}/api/stream?ticket=${ticket}`);
  };

  it("keeps a note with its author and time, in the complaint's detail and its history, once per id", async () => {
    const { id } = await receive();
    const noteId = randomUUID();
    const made = await note(id, { id: noteId, text: '  Customer called: wants the refund to the gift card.  ' });
    expect(made.status).toBe(201);
    const { note: kept } = await made.json();
    expect(kept).toMatchObject({ id: noteId, text: 'Customer called: wants the refund to the gift card.', agentId: mia.agent.id, agentName: 'Mia' });
    expect(Date.parse(kept.at)).not.toBeNaN();

    // Sent again (a retry after a lost answer): the same note, not a second one.
    const again = await note(id, { id: noteId, text: 'Customer called: wants the refund to the gift card.' });
    expect(again.status).toBe(200);
    expect((await again.json()).note).toEqual(kept);
    const reused = await note(id, { id: noteId, text: 'Something else' });
    expect(reused.status).toBe(409);
    expect((await reused.json()).message).toMatch(/already kept with this id/);

    const complaint = await detail(id);
    expect(complaint.notes).toEqual([kept]);
    expect(complaint.replies).toEqual([]);
    expect(complaint.audit).toEqual([expect.objectContaining({ action: 'noted', agentName: 'Mia', agentId: mia.agent.id, at: kept.at })]);
    // Any agent may add one, on a complaint claimed by someone else too.
    const ben = await signedIn(a.app, store, { name: 'Ben', email: `ben-${randomUUID()}@shop.example` });
    expect((await post(a.base, `/api/complaints/${id}/claim`, undefined, ben.headers)).status).toBe(200);
    expect((await note(id, { text: 'Ben, the gift card is in the order notes.' })).status).toBe(201);
    expect((await detail(id)).notes.map((n: { agentName: string }) => n.agentName)).toEqual(['Mia', 'Mia']);
  });

  it('refuses a note it cannot keep with a sentence, and keeps nothing', async () => {
    const { id } = await receive();
    const refusals = [
      [{}, 'text'],
      [{ text: '' }, 'text'],
      [{ text: '   \n ' }, 'text'],
      [{ text: 'x'.repeat(5001) }, 'text'],
      [{ text: 'ok', id: 'has spaces' }, 'id'],
    ] as const;
    for (const [body, field] of refusals) {
      const refused = await note(id, body);
      expect(refused.status).toBe(400);
      const answer = await refused.json();
      expect(answer.field).toBe(field);
      expect(answer.message).toMatch(/^[A-Z].*\.$/);
    }
    const notAnObject = await note(id, ['Call the customer']);
    expect(notAnObject.status).toBe(400);
    expect((await notAnObject.json()).message).toBe('A note is a JSON object with its text, and optionally its id.');
    expect((await note(randomUUID(), { text: 'Where is it?' })).status).toBe(404);
    // No session (a form posted from another site carries none): refused before anything is read.
    const anonymous = await fetch(`${a.base}/api/complaints/${id}/notes`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }, body: 'text=hi' });
    expect(anonymous.status).toBe(401);
    expect((await note(id, { text: 'x'.repeat(5000) })).status).toBe(201);
    expect((await detail(id)).notes).toHaveLength(1);
  });

  it('reaches the inboxes on every instance live', async () => {
    const { id } = await receive();
    const reader = await inboxStream(b.base);
    expect((await note(id, { text: 'Checking with the warehouse.' })).status).toBe(201);
    const frame = `event: noted\ndata: {"id":"${id}"}`;
    const text = await readUntil(reader, (got) => got.includes(frame));
    expect(text).toContain(frame);
    // The event only names the complaint; its text is read with the session.
    expect(text).not.toContain('warehouse');
  });

  it("never reaches the visitor: not their status, their live stream, their emails, nor any destination", async () => {
    const { id, key } = await receive();
    const secret = 'Internal: this customer is on the fraud watch list';
    const streamTicket = async () =>
      (await (await fetch(`${b.base}/complaints/${id}/stream-ticket`, { method: 'POST', headers: { origin: SHOP, authorization: `Bearer ${key}` } })).json()).ticket;
    const visitor = await listen(`${b.base}/complaints/${id}/stream?ticket=${await streamTicket()}`, { headers: { origin: SHOP } });
    const inbox = await inboxStream(b.base);
    await runJobs();
    const [mailsBefore, jobsBefore] = [sent.length, (await store.listJobs()).length];

    expect((await note(id, { text: secret })).status).toBe(201);
    expect(await store.listJobs()).toHaveLength(jobsBefore);
    // Then a reply, which does reach the visitor: the note went nowhere it went.
    expect((await post(a.base, `/api/complaints/${id}/replies`, { text: 'We are sending a new one.' })).status).toBe(201);

    // Once the inbox on the visitor's instance heard of the reply, the visitor's stream has been
    // told everything it will be. Three more streams of the complaint end the first, read whole.
    await readUntil(inbox, (got) => got.includes(`event: updated\ndata: {"id":"${id}"}`));
    for (let i = 0; i < 3; i += 1) await listen(`${b.base}/complaints/${id}/stream?ticket=${await streamTicket()}`, { headers: { origin: SHOP } });
    const told = await readUntil(visitor, () => false);
    expect(told.match(/event: changed/g)).toEqual(['event: changed']);
    expect(told).not.toContain('noted');
    expect(told).not.toContain('fraud');

    await runJobs();
    expect(sent.slice(mailsBefore).map((mail) => mail.to)).toEqual(['ana@example.com']);
    expect(sent.slice(mailsBefore)[0]!.text).toContain('We are sending a new one.');
    expect(posted.length).toBeGreaterThan(0);
    for (const mail of sent) expect(JSON.stringify(mail)).not.toContain('fraud');
    for (const body of posted) expect(body).not.toContain('fraud');

    const status = await fetch(`${b.base}/complaints/${id}/status`, { headers: { origin: SHOP, authorization: `Bearer ${key}` } });
    expect(status.status).toBe(200);
    const read = await status.text();
    expect(read).toContain('We are sending a new one.');
    expect(read).not.toContain('fraud');
    expect(read).not.toMatch(/note/i);
  });

  it('go with their complaint when retention deletes it', async () => {
    const { id } = await receive();
    const other = await receive();
    expect((await note(id, { text: 'Refunded in the shop system.' })).status).toBe(201);
    expect((await note(other.id, { text: 'Still open.' })).status).toBe(201);
    expect((await post(a.base, `/api/complaints/${id}/resolve`, { note: 'Refunded.', reply: 'Your refund is on its way.' })).status).toBe(200);
    expect(await store.purgeResolved({ resolvedBefore: new Date(Date.now() + 60_000).toISOString() })).toBe(1);
    expect(await store.internalNotesOf(id)).toEqual([]);
    expect(await store.internalNotesOf(other.id)).toHaveLength(1);
  });
});
