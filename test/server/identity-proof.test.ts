/**
 * A verified visitor's `userHash` proves who they are to the receiver once; after that it is a
 * credential (whoever holds it can post as that customer and be escalated as verified), so
 * agents and webhooks get `verified`, never the hash.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import type { createWorker } from '../../server/jobs/worker.mjs';
import { generateWebhookSecret } from '../../server/jobs/forwarding/webhook.mjs';
import { identityHash } from '../../server/receiver/identity.mjs';
import { createReceiverTriage } from '../../server/receiver/retriage.mjs';
import { summariseRecord } from '../../server/receiver/summary.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import type { Store } from '../../server/store/store.mjs';
import { signedIn } from '../support/agents';
import { startWebhookReceiver, type HttpPeer } from '../support/forwarding-peers';
import { bothStores } from '../support/postgres';

const IDENTITY_SECRET = 'site-identity-secret';
const webhookSecret = generateWebhookSecret();
const userHash = identityHash(IDENTITY_SECRET, 'customer-42');

type App = ReturnType<typeof createApp>;
type Worker = ReturnType<typeof createWorker>;

describe.each(bothStores())('a verified visitor on %s', (_name, openStore) => {
  let store: Store;
  let app: App;
  let peer: HttpPeer;
  let auth: { authorization: string };

  beforeAll(async () => {
    await createReceiverTriage();
  }, 60_000);

  async function start() {
    peer = await startWebhookReceiver(webhookSecret);
    store = await openStore();
    app = createApp({
      store,
      allowedOrigins: [],
      rateLimit: 0,
      identitySecret: IDENTITY_SECRET,
      jobs: {
        allowPrivate: true,
        worker: false,
        publicUrl: 'https://heard.shop.example',
        destinations: [{ id: 'env-webhook', kind: 'webhook', name: 'Desk', config: { url: peer.url, secret: webhookSecret }, events: ['complaint.created', 'complaint.claimed'] }],
      },
    });
    await app.ready();
    auth = (await signedIn(app, store, { role: 'admin' })).headers;
  }
  afterEach(async () => {
    await app?.close();
    await store?.close();
    await peer?.close();
  });

  const drain = async () => {
    const worker = (app as unknown as { jobWorker: Worker }).jobWorker;
    while ((await worker.runDue()) > 0) {
      // keep going
    }
  };

  it('is verified, and neither the inbox API nor a webhook gives out the userHash', async () => {
    await start();
    const record = sampleComplaint({ visitor: { userId: 'customer-42', userHash } as never });
    const sent = await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(record) });
    expect(sent.statusCode).toBe(201);
    // A retry of the same record is still a replay.
    const again = await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(record) });
    expect(again.headers['idempotent-replayed']).toBe('true');

    const detail = await app.inject({ url: `/api/complaints/${record.id}`, headers: auth });
    expect(detail.json().complaint.summary.verified).toBe(true);
    expect(detail.json().complaint.record.visitor.userId).toBe('customer-42');
    expect(detail.body).not.toContain(userHash);
    expect((await app.inject({ url: '/api/complaints', headers: auth })).body).not.toContain(userHash);

    await drain();
    const [created] = peer.accepted();
    expect((created!.verified as { data: { summary: { verified: boolean } } }).data.summary.verified).toBe(true);
    expect(created!.body).not.toContain(userHash);
  });

  it('gives out no userHash of a complaint stored with one before', async () => {
    await start();
    const record = sampleComplaint({ visitor: { userId: 'customer-42', userHash } as never });
    const triage = (await createReceiverTriage())(record, { verified: true });
    await store.insertRecord(record, { hash: 'stored-before', receivedAt: new Date().toISOString(), summary: summariseRecord(record, { triage, verified: true }), signals: triage.signals });

    const detail = await app.inject({ url: `/api/complaints/${record.id}`, headers: auth });
    expect(detail.json().complaint.summary.verified).toBe(true);
    expect(detail.body).not.toContain(userHash);

    await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/claim`, headers: auth });
    await drain();
    const [claimed] = peer.accepted();
    expect((claimed!.verified as { type: string }).type).toBe('complaint.claimed');
    expect(claimed!.body).not.toContain(userHash);
  });
});
