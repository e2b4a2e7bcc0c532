import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
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
