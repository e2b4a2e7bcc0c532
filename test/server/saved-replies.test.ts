import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDue } from 'heard/commitment';
import { createApp } from '../../server/app.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import type { Store } from '../../server/store/store.mjs';
import { signedIn } from '../support/agents';
import { bothStores } from '../support/postgres';

const SHOP = 'https://shop.example';
const backends = bothStores();

describe.each(backends)('saved replies on %s', (_name, open) => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  let admin: { authorization: string };
  let agent: { authorization: string };

  beforeEach(async () => {
    store = await open();
    app = createApp({ store, allowedOrigins: [SHOP], rateLimit: 0, jobs: { worker: false } });
    await app.ready();
    admin = (await signedIn(app, store, { name: 'Ada', email: `ada-${randomUUID()}@shop.example`, role: 'admin' })).headers;
    agent = (await signedIn(app, store, { name: 'Mia', email: `mia-${randomUUID()}@shop.example` })).headers;
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  const call = (method: string, url: string, headers: Record<string, string>, payload?: unknown) =>
    app.inject({ method: method as 'GET', url, headers: { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}) }, ...(payload ? { payload: JSON.stringify(payload) } : {}) });

  it('an admin keeps, edits and deletes replies per language; every agent reads them', async () => {
    const made = await call('POST', '/api/saved-replies', admin, { language: 'hu', title: 'Késés', text: 'Kedves {name}, a(z) {reference} ügyén dolgozunk.' });
    expect(made.statusCode).toBe(201);
    const id = made.json().reply.id;
    await call('POST', '/api/saved-replies', admin, { language: 'en', title: 'Delay', text: 'Hello {name}' });

    const listed = await call('GET', '/api/saved-replies', agent);
    expect(listed.json().replies.map((r: { language: string; title: string }) => `${r.language} ${r.title}`)).toEqual(['en Delay', 'hu Késés']);

    const edited = await call('PUT', `/api/saved-replies/${id}`, admin, { language: 'hu', title: 'Késés (új)', text: 'Szia {name}!' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().reply).toMatchObject({ title: 'Késés (új)', text: 'Szia {name}!' });

    expect((await call('DELETE', `/api/saved-replies/${id}`, admin)).statusCode).toBe(204);
    expect((await call('GET', '/api/saved-replies', agent)).json().replies.map((r: { title: string }) => r.title)).toEqual(['Delay']);
    expect((await call('DELETE', `/api/saved-replies/${id}`, admin)).statusCode).toBe(404);
  });

  it('an agent who is not an admin cannot change them', async () => {
    const refused = await call('POST', '/api/saved-replies', agent, { language: 'en', title: 'Mine', text: 'x' });
    expect(refused.statusCode).toBe(403);
    expect((await call('GET', '/api/saved-replies', agent)).json().replies).toEqual([]);
  });

  it('a reply the server cannot keep is refused with a sentence naming the field', async () => {
    const noLanguage = await call('POST', '/api/saved-replies', admin, { language: 'de', title: 'T', text: 'x' });
    expect(noLanguage.statusCode).toBe(400);
    expect(noLanguage.json()).toMatchObject({ field: 'language', message: 'Choose the reply\'s language: one of en, ms, hu, sk.' });
    const blank = await call('POST', '/api/saved-replies', admin, { language: 'en', title: '   ', text: 'x' });
    expect(blank.json()).toMatchObject({ field: 'title' });
    const noText = await call('POST', '/api/saved-replies', admin, { language: 'en', title: 'T' });
    expect(noText.json()).toMatchObject({ field: 'text' });
  });

  it("for a complaint, the visitor's name, reference and date are filled in, the date in the reply's language", async () => {
    const record = sampleComplaint({ locale: 'hu', visitor: { name: 'Kovács Anna' } as never });
    expect((await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json', origin: SHOP }, payload: JSON.stringify(record) })).statusCode).toBe(201);
    await call('POST', '/api/saved-replies', admin, { language: 'hu', title: 'Határidő', text: 'Kedves {name}! {reference}: {dueBy} előtt válaszolunk. {unknown}' });
    const { complaint } = (await call('GET', `/api/complaints/${record.id}`, agent)).json();

    const offered = await call('GET', `/api/complaints/${record.id}/saved-replies`, agent);
    expect(offered.json().language).toBe('hu');
    const [filled] = offered.json().replies;
    expect(filled.text).toBe(`Kedves Kovács Anna! ${complaint.reference}: ${formatDue('hu', complaint.summary.dueBy, Date.now(), 'UTC')} előtt válaszolunk. {unknown}`);
    expect(filled.text).not.toMatch(/\{(name|reference|dueBy)\}/);
    expect((await call('GET', `/api/complaints/${randomUUID()}/saved-replies`, agent)).statusCode).toBe(404);
  });
});
