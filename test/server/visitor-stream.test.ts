import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import type { Store } from '../../server/store/store.mjs';
import { signedIn } from '../support/agents';
import { bothStores } from '../support/postgres';
import { newKey, readUntil, receiveWithKey } from '../support/streams';

const SHOP = 'https://shop.example';
type App = ReturnType<typeof createApp>;

const backends = bothStores();

describe.each(backends)("the visitor's live thread on %s", (_name, open, openAgain) => {
  const apps: App[] = [];
  const stores: Store[] = [];
  const controllers: AbortController[] = [];

  const start = async (store: Store) => {
    const app = createApp({ store, allowedOrigins: [SHOP], rateLimit: 0, jobs: { worker: false } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    apps.push(app);
    return { app, base: `http://127.0.0.1:${(app.server.address() as { port: number }).port}` };
  };

  let a: { app: App; base: string };
  let b: { app: App; base: string };

  beforeEach(async () => {
    const first = await open();
    stores.push(first);
    a = await start(first);
    // On PostgreSQL the visitor's stream is on a second instance; on SQLite both are one.
    if (openAgain) {
      const second = await openAgain();
      stores.push(second);
      b = await start(second);
    } else b = a;
  });
  afterEach(async () => {
    for (const controller of controllers.splice(0)) controller.abort();
    for (const app of apps.splice(0)) await app.close();
    for (const store of stores.splice(0)) await store.close();
  });

  const receive = () => receiveWithKey(a.base, SHOP);
  const ticketFor = (base: string, id: string, key: string) =>
    fetch(`${base}/complaints/${id}/stream-ticket`, { method: 'POST', headers: { origin: SHOP, authorization: `Bearer ${key}` } });
  const openStream = async (base: string, id: string, ticket: string) => {
    const controller = new AbortController();
    controllers.push(controller);
    return fetch(`${base}/complaints/${id}/stream?ticket=${ticket}`, { headers: { origin: SHOP }, signal: controller.signal });
  };

  it("tells an open thread on another instance of an agent's reply, through a one-use ticket", async () => {
    const { id, key } = await receive();
    const issued = await ticketFor(b.base, id, key);
    expect(issued.status).toBe(201);
    expect(issued.headers.get('access-control-allow-origin')).toBe(SHOP);
    const { ticket } = await issued.json();
    const stream = await openStream(b.base, id, ticket);
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    expect(stream.headers.get('access-control-allow-origin')).toBe(SHOP);

    const mia = await signedIn(a.app, stores[0]!, { name: 'Mia', email: `mia-${randomUUID()}@shop.example` });
    const replied = await fetch(`${a.base}/api/complaints/${id}/replies`, { method: 'POST', headers: { ...mia.headers, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'We are sending a new one.' }) });
    expect(replied.status).toBe(201);
    const text = await readUntil(stream.body!.getReader(), (got) => got.includes('event: changed'));
    expect(text).toContain('event: changed');
    // The event says only that something changed: the reply's text is read from the status, with the key.
    expect(text).not.toContain('new one');

    expect((await openStream(b.base, id, ticket)).status).toBe(404);
  });

  it('gives no ticket for a wrong key or an unknown complaint, alike, and a ticket opens only its own complaint', async () => {
    const { id, key } = await receive();
    const other = await receive();
    const wrong = await ticketFor(b.base, id, newKey());
    const unknown = await ticketFor(b.base, randomUUID(), key);
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await wrong.json()).toEqual(await unknown.json());
    const { ticket } = await (await ticketFor(b.base, id, key)).json();
    expect((await openStream(b.base, other.id, ticket)).status).toBe(404);
    expect((await openStream(b.base, id, 'made-up-ticket')).status).toBe(404);
  });

  it("shows the inbox on the other instance that the visitor is reading now, and when they stop", async () => {
    const { id, key } = await receive();
    const mia = await signedIn(a.app, stores[0]!, { name: 'Mia', email: `mia-${randomUUID()}@shop.example` });
    const { ticket: inboxTicket } = await (await fetch(`${a.base}/api/stream-ticket`, { method: 'POST', headers: mia.headers })).json();
    const controller = new AbortController();
    controllers.push(controller);
    const inboxStream = await fetch(`${a.base}/api/stream?ticket=${inboxTicket}`, { signal: controller.signal });
    const reader = inboxStream.body!.getReader();

    const visitor = new AbortController();
    const { ticket } = await (await ticketFor(b.base, id, key)).json();
    const stream = await fetch(`${b.base}/complaints/${id}/stream?ticket=${ticket}`, { headers: { origin: SHOP }, signal: visitor.signal });
    expect(stream.status).toBe(200);
    const reading = `event: reading\ndata: {"id":"${id}","reading":true}`;
    expect(await readUntil(reader, (got) => got.includes(reading))).toContain(reading);
    visitor.abort();
    const gone = `event: reading\ndata: {"id":"${id}","reading":false}`;
    expect(await readUntil(reader, (got) => got.includes(gone))).toContain(gone);
  });

  it('keeps at most three open streams per complaint: one more ends the oldest', async () => {
    const { id, key } = await receive();
    const streams = [];
    for (let i = 0; i < 4; i += 1) {
      const { ticket } = await (await ticketFor(b.base, id, key)).json();
      streams.push(await openStream(b.base, id, ticket));
    }
    const oldest = await readUntil(streams[0]!.body!.getReader(), () => false);
    expect(oldest).toContain('retry: 2000');
  });

  it('keeps the reference of the earlier complaint a new one continues, for the inbox', async () => {
    const record = sampleComplaint({ visitor: { statusKey: newKey() } as never, previousReference: 'HRD-OLD123' } as never);
    expect((await fetch(`${a.base}/complaints`, { method: 'POST', headers: { 'content-type': 'application/json', origin: SHOP }, body: JSON.stringify(record) })).status).toBe(201);
    const mia = await signedIn(a.app, stores[0]!, { name: 'Mia', email: `mia-${randomUUID()}@shop.example` });
    const { complaint } = await (await fetch(`${b.base}/api/complaints/${record.id}`, { headers: mia.headers })).json();
    expect(complaint.record.previousReference).toBe('HRD-OLD123');
  });
});
