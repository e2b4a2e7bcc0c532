import { type AddressInfo, createConnection, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.mjs';
import type { Store } from '../../server/store/store.mjs';
import { PASSWORD, signedIn } from '../support/agents';
import { bothStores } from '../support/postgres';

const SHOP = 'https://shop.example';
type App = ReturnType<typeof createApp>;

const backends = bothStores();

describe.each(backends)('bad input on %s', (_name, open) => {
  let store: Store;
  let app: App;
  let lines: { level: number; msg?: string }[];
  let admin: { authorization: string };

  beforeEach(async () => {
    lines = [];
    const stream = { write: (line: string) => void lines.push(JSON.parse(line)) };
    store = await open();
    app = createApp({ store, allowedOrigins: [SHOP], rateLimit: 0, logger: { level: 'info', stream } });
    await app.ready();
    admin = (await signedIn(app, store, { role: 'admin' })).headers;
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  const errorsLogged = () => lines.filter((line) => line.level >= 50);

  it('answers a NUL character in a path or a query with a 400, and one in a sign-in email with a 401, and logs no error', async () => {
    const record = sampleComplaint();
    const created = await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json', origin: SHOP }, payload: JSON.stringify(record) });
    expect(created.statusCode).toBe(201);
    const calls = [
      { method: 'GET', url: '/complaints/%00/status', headers: { authorization: 'Bearer abcdefghijklmnopqrstuv' } },
      { method: 'GET', url: '/api/complaints/a%00b', headers: admin },
      { method: 'POST', url: '/api/complaints/%00/claim', headers: admin },
      { method: 'GET', url: '/api/destinations/%00/deliveries', headers: admin },
      { method: 'DELETE', url: '/api/agents/%00', headers: admin },
      { method: 'GET', url: '/api/complaints?category=%00', headers: admin },
      { method: 'GET', url: '/api/complaints?language=en%00', headers: admin },
    ] as const;
    for (const call of calls) {
      const response = await app.inject(call);
      expect(response.statusCode, `${call.method} ${call.url}`).toBe(400);
      expect(response.json().message, `${call.method} ${call.url}`).toMatch(/NUL character/);
    }
    const signIn = await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'mia\u0000@shop.example', password: PASSWORD } });
    expect(signIn.statusCode).toBe(401);
    expect(signIn.json().error).toBe('invalid-credentials');
    expect(errorsLogged()).toEqual([]);
    // The complaint is as it was: nobody claimed it.
    const detail = await app.inject({ url: `/api/complaints/${record.id}`, headers: admin });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().complaint.status).toBe('new');
  });

  it("still takes a visitor's complaint with a NUL in its text, the character replaced", async () => {
    const record = sampleComplaint();
    record.messages[1]!.text = 'Broken \u0000 kettle';
    const response = await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json', origin: SHOP }, payload: JSON.stringify(record) });
    expect(response.statusCode).toBe(201);
    const stored = (await store.getRecord(record.id))!.record as typeof record;
    expect(stored.messages[1]!.text).toBe('Broken \ufffd kettle');
  });

  it.each(['9223372036854775807', '1e300', '1000000001', '-1', 'abc', '2.5'])(
    'answers the queue asked for offset=%s with a 400 saying what offset may be, and logs no error',
    async (offset) => {
      const response = await app.inject({ url: `/api/complaints?offset=${offset}`, headers: admin });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ error: 'bad-request', message: 'offset must be a whole number from 0 to 1000000000: how many complaints to skip.' });
      expect(errorsLogged()).toEqual([]);
    },
  );

  it.each(['0', '501', '1e300', 'abc'])('answers the queue asked for limit=%s with a 400 saying what limit may be', async (limit) => {
    const response = await app.inject({ url: `/api/complaints?limit=${limit}`, headers: admin });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: 'bad-request', message: 'limit must be a whole number from 1 to 500: how many complaints to list.' });
  });

  it('pages the queue up to the largest offset', async () => {
    const response = await app.inject({ url: '/api/complaints?offset=1000000000&limit=500', headers: admin });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ complaints: [], offset: 1000000000, limit: 500 });
  });
});

/** A raw connection to the server, as a slow or greedy client opens one. */
interface Raw {
  socket: Socket;
  /** Everything the server sent so far. */
  received(): string;
  /** Resolves once the server has sent something holding `text`; fails if it closes first. */
  receives(text: string): Promise<void>;
  /** Resolves when the connection is closed, by either side. */
  closed: Promise<void>;
}

function connect(port: number, localAddress = '127.0.0.1'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port, localAddress });
    let data = '';
    const waiting: { text: string; done: () => void }[] = [];
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      data += chunk;
      for (const wait of waiting.filter((one) => data.includes(one.text))) wait.done();
    });
    // A connection the server refuses may end in a reset: that is its close, not a failure.
    socket.on('error', () => {});
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.once('connect', () =>
      resolve({
        socket,
        received: () => data,
        receives: (text) =>
          data.includes(text)
            ? Promise.resolve()
            : new Promise<void>((done, fail) => {
                waiting.push({ text, done });
                void closed.then(() => (data.includes(text) ? done() : fail(new Error(`closed without sending ${text}; sent: ${data.slice(0, 80)}`))));
              }),
        closed,
      }),
    );
    socket.once('error', reject);
  });
}

describe('slow and greedy clients', () => {
  let store: ReturnType<typeof createSqliteStore>;
  let app: App;
  let port: number;
  const sockets: Socket[] = [];
  const timers: NodeJS.Timeout[] = [];

  /** Listens on 127.0.0.1 with at most three connections per address. */
  const start = async (timeouts?: { headersMs: number; requestMs: number; idleMs: number }) => {
    store = createSqliteStore({ path: ':memory:' });
    app = createApp({ store, allowedOrigins: [SHOP], rateLimit: 0, ...(timeouts ? { timeouts } : {}), connectionsPerAddress: 3 });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
  };
  const open = async (localAddress?: string) => {
    const raw = await connect(port, localAddress);
    sockets.push(raw.socket);
    return raw;
  };
  /** Writes one byte every 200 ms until the connection closes. */
  const trickle = (raw: Raw, text: string) => {
    let at = 0;
    const timer = setInterval(() => {
      if (raw.socket.destroyed) return clearInterval(timer);
      raw.socket.write(text[at % text.length]!);
      at += 1;
    }, 200);
    timers.push(timer);
  };

  afterEach(async () => {
    for (const timer of timers.splice(0)) clearInterval(timer);
    for (const socket of sockets.splice(0)) socket.destroy();
    await app.close();
    await store.close();
  });

  it('cuts off a body or headers sent a byte at a time with a 408, while an open inbox stream lives on and hears of a new complaint', { timeout: 15_000 }, async () => {
    // One second to send the headers or the whole request, one of silence.
    await start({ headersMs: 1000, requestMs: 1000, idleMs: 1000 });
    const { headers } = await signedIn(app, store);
    const { ticket } = (await app.inject({ method: 'POST', url: '/api/stream-ticket', headers })).json();
    const stream = await open();
    stream.socket.write(`GET /api/stream?ticket=${ticket} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    await stream.receives('retry: 2000');
    expect(stream.received()).toMatch(/^HTTP\/1\.1 200/);

    const body = await open();
    body.socket.write('POST /complaints HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{');
    trickle(body, '"a": 1, ');
    await body.closed;
    expect(body.received()).toMatch(/^HTTP\/1\.1 408/);
    // Opened once the first is cut off, so the stream has been quiet longer than every timeout.
    const head = await open();
    trickle(head, 'GET /healthz HTTP/1.1\r\nX-Slow: yes\r\nX-Slow: yes\r\n');
    await head.closed;
    expect(head.received()).toMatch(/^HTTP\/1\.1 408/);

    // The stream, opened before both and quiet since, is still open and still carries events.
    expect(stream.socket.destroyed).toBe(false);
    const record = sampleComplaint();
    const created = await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json', origin: SHOP }, payload: JSON.stringify(record) });
    expect(created.statusCode).toBe(201);
    await stream.receives(record.id);
    expect(stream.received()).toContain('event: created');
  });

  it('an address with more live streams than the cap keeps them all; a fourth silent connection closes the one that waited longest, and is served', async () => {
    await start();
    // Five agents behind one office address, each with the inbox open.
    const { headers } = await signedIn(app, store);
    const streams: Raw[] = [];
    for (let n = 0; n < 5; n += 1) {
      const { ticket } = (await app.inject({ method: 'POST', url: '/api/stream-ticket', headers })).json();
      const stream = await open();
      stream.socket.write(`GET /api/stream?ticket=${ticket} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
      await stream.receives('retry: 2000');
      streams.push(stream);
    }
    // Three connections that send nothing, then a fourth with a request.
    const silent = [await open(), await open(), await open()];
    const fourth = await open();
    fourth.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await fourth.receives('"status":"ok"');
    expect(fourth.received()).toMatch(/^HTTP\/1\.1 200/);
    await silent[0]!.closed;
    expect(silent[0]!.received()).toBe('');
    expect(silent.slice(1).map((raw) => raw.socket.destroyed)).toEqual([false, false]);

    // Every stream is still open and hears of a new complaint.
    const record = sampleComplaint();
    const created = await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json', origin: SHOP }, payload: JSON.stringify(record) });
    expect(created.statusCode).toBe(201);
    for (const stream of streams) await stream.receives(record.id);
  });

  it('a client opening connection after connection that trickle a body holds at most three, while another address is served', async () => {
    await start();
    const trickling: Raw[] = [];
    for (let n = 0; n < 8; n += 1) {
      const raw = await open();
      raw.socket.write('POST /complaints HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{');
      trickling.push(raw);
    }
    // Each new one closed the one that had waited longest: the first five are gone.
    await Promise.all(trickling.slice(0, 5).map((raw) => raw.closed));
    expect(trickling.slice(5).map((raw) => raw.socket.destroyed)).toEqual([false, false, false]);

    const other = await open('127.0.0.2');
    other.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await other.receives('"status":"ok"');
    expect(other.received()).toMatch(/^HTTP\/1\.1 200/);
  });
});

describe.each(backends)('live inbox streams on %s', (_name, openStore) => {
  let store: Store;
  let app: App;
  let port: number;
  const sockets: Socket[] = [];

  beforeEach(async () => {
    store = await openStore();
    app = createApp({ store, allowedOrigins: [SHOP], rateLimit: 0, streamsPerAgent: 2 });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await app.close();
    await store.close();
  });

  const ticket = async (headers: { authorization: string }): Promise<string> =>
    (await app.inject({ method: 'POST', url: '/api/stream-ticket', headers })).json().ticket;
  /** Opens the stream as the inbox's EventSource does; resolves once the answer has begun. */
  const stream = async (of: string): Promise<Raw> => {
    const raw = await connect(port);
    sockets.push(raw.socket);
    raw.socket.write(`GET /api/stream?ticket=${of} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    await raw.receives('\r\n\r\n');
    return raw;
  };

  it('a ticket taken before its agent signed out, or was removed, opens no stream', async () => {
    const admin = await signedIn(app, store, { role: 'admin' });
    const mia = await signedIn(app, store);
    const sam = await signedIn(app, store);
    const [miaTicket, samTicket] = [await ticket(mia.headers), await ticket(sam.headers)];
    expect((await app.inject({ method: 'DELETE', url: '/api/session', headers: mia.headers })).statusCode).toBe(204);
    expect((await app.inject({ method: 'DELETE', url: `/api/agents/${sam.agent.id}`, headers: admin.headers })).statusCode).toBe(204);
    for (const taken of [miaTicket, samTicket]) expect((await stream(taken)).received()).toMatch(/^HTTP\/1\.1 401/);
    // A ticket of a live session still opens one.
    const live = await stream(await ticket(admin.headers));
    await live.receives('retry: 2000');
    expect(live.received()).toMatch(/^HTTP\/1\.1 200/);
  });

  it('an agent opening more streams than the cap loses the oldest; the newer ones, and other agents\' streams, hear of a new complaint', async () => {
    const mia = await signedIn(app, store);
    const tomas = await signedIn(app, store);
    const first = await stream(await ticket(mia.headers));
    const second = await stream(await ticket(mia.headers));
    const theirs = await stream(await ticket(tomas.headers));
    const third = await stream(await ticket(mia.headers));
    await first.closed;
    for (const open of [second, theirs, third]) expect(open.received()).toMatch(/^HTTP\/1\.1 200/);

    const record = sampleComplaint();
    const created = await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json', origin: SHOP }, payload: JSON.stringify(record) });
    expect(created.statusCode).toBe(201);
    for (const open of [second, theirs, third]) await open.receives(record.id);
    expect(first.received()).not.toContain(record.id);
  });
});
