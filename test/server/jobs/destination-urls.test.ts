/**
 * A webhook URL's query string often carries the receiving service's API key: admins see the
 * destination by its origin and path, never the key, on both databases.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.mjs';
import { generateWebhookSecret } from '../../../server/jobs/forwarding/webhook.mjs';
import type { Store } from '../../../server/store/store.mjs';
import { signedIn } from '../../support/agents';
import { startWebhookReceiver, type HttpPeer } from '../../support/forwarding-peers';
import { bothStores } from '../../support/postgres';

const secret = generateWebhookSecret();
const API_KEY = 'key_9f8e7d6c5b4a39281706';

describe.each(bothStores())('webhook URLs on %s', (_name, openStore) => {
  let receiver: HttpPeer;
  let store: Store;
  let app: ReturnType<typeof createApp>;
  let admin: { authorization: string };
  beforeAll(async () => {
    receiver = await startWebhookReceiver(secret);
  });
  afterAll(() => receiver.close());
  afterEach(async () => {
    await app?.close();
    await store?.close();
  });

  async function start(url?: string) {
    store = await openStore();
    const destinations = url ? [{ id: 'env-desk', kind: 'webhook' as const, name: 'Desk', config: { url, secret }, events: ['complaint.created' as const] }] : [];
    app = createApp({ store, allowedOrigins: [], rateLimit: 0, jobs: { allowPrivate: true, worker: false, publicUrl: 'https://heard.shop.example', destinations } });
    await app.ready();
    admin = (await signedIn(app, store, { role: 'admin' })).headers;
  }

  it('shows an added webhook without its query string, and still delivers to the whole URL', async () => {
    await start();
    const url = `${receiver.url}/hooks/heard?api_key=${API_KEY}`;
    const added = await app.inject({ method: 'POST', url: '/api/destinations', headers: admin, payload: { kind: 'webhook', name: 'Help desk', url, secret, events: ['complaint.created'] } });
    expect(added.statusCode).toBe(201);
    expect(added.body).not.toContain(API_KEY);
    expect(added.json().destination.url).toBe(`${receiver.url}/hooks/heard?…${API_KEY.slice(-4)}`);
    const listed = await app.inject({ url: '/api/destinations', headers: admin });
    expect(listed.body).not.toContain(API_KEY);
    expect(listed.json().destinations[0].url).toBe(`${receiver.url}/hooks/heard?…${API_KEY.slice(-4)}`);
    // A URL without a query has nothing to hide and is shown whole.
    const plain = await app.inject({ method: 'POST', url: '/api/destinations', headers: admin, payload: { kind: 'webhook', name: 'Plain', url: `${receiver.url}/plain`, secret, events: ['complaint.created'] } });
    expect(plain.json().destination.url).toBe(`${receiver.url}/plain`);

    const before = receiver.accepted().length;
    const tested = await app.inject({ method: 'POST', url: `/api/destinations/${added.json().destination.id}/test`, headers: admin });
    expect(tested.json()).toEqual({ ok: true });
    expect(receiver.accepted()).toHaveLength(before + 1);
  });

  it('shows a webhook from the environment without its query string', async () => {
    await start(`${receiver.url}/in?token=${API_KEY}&team=7`);
    const listed = await app.inject({ url: '/api/destinations', headers: admin });
    expect(listed.body).not.toContain(API_KEY);
    expect(listed.json().destinations[0]).toMatchObject({ source: 'environment', url: `${receiver.url}/in?…am=7` });
  });

  it('does not give away a short key in the last four characters', async () => {
    await start(`${receiver.url}/in?k=abcd`);
    const listed = await app.inject({ url: '/api/destinations', headers: admin });
    expect(listed.json().destinations[0].url).toBe(`${receiver.url}/in?…`);
  });
});
