import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { identityHash } from '../../server/receiver/identity.mjs';
import { createReceiverTriage } from '../../server/receiver/retriage.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.mjs';
import { signedIn } from '../support/agents';

const SECRET = 'site-identity-secret';
let auth: { authorization: string };
const PRESSING = 'I was charged twice for my order and I need the money back today, this is urgent!';

type App = ReturnType<typeof createApp>;
type Store = ReturnType<typeof createSqliteStore>;
type Visitor = Parameters<typeof sampleComplaint>[0] extends infer O ? (O extends { visitor?: infer V } ? V : never) : never;

/** A complaint from a visitor the host page identified, saying something pressing. */
function identified(visitor: Visitor & { userId?: string; userHash?: string }) {
  const record = sampleComplaint({ visitor: visitor as Visitor });
  record.messages = [record.messages[0]!, { from: 'visitor', text: PRESSING, at: record.submittedAt }];
  return record;
}

describe('verified identity at the receiver', () => {
  let store: Store;
  let app: App;

  // The first load compiles the triage sources; every app after shares it.
  beforeAll(async () => {
    await createReceiverTriage();
  }, 60_000);

  async function start(identitySecret: string | null) {
    store = createSqliteStore({ path: ':memory:' });
    app = createApp({ store, allowedOrigins: [], rateLimit: 0, identitySecret });
    await app.ready();
    auth = (await signedIn(app, store)).headers;
  }
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  async function receive(record: ReturnType<typeof sampleComplaint>) {
    const response = await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(record) });
    expect(response.statusCode).toBe(201);
    const listed = (await app.inject({ url: '/api/complaints', headers: auth })).json().complaints.find((c: { id: string }) => c.id === record.id);
    const { complaint } = (await app.inject({ url: `/api/complaints/${record.id}`, headers: auth })).json();
    return { listed, complaint };
  }

  it('verifies a visitor whose userHash is the HMAC of their user id, in the list and the detail', async () => {
    await start(SECRET);
    const { listed, complaint } = await receive(identified({ userId: 'customer-42', userHash: identityHash(SECRET, 'customer-42') }));
    expect(listed.verified).toBe(true);
    expect(complaint.summary.verified).toBe(true);
  });

  it('verifies by email when the page gave no user id', async () => {
    await start(SECRET);
    const { listed } = await receive(identified({ email: 'ana@example.com', userHash: identityHash(SECRET, 'ana@example.com') }));
    expect(listed.verified).toBe(true);
  });

  it("does not verify a hash made with another secret, for another customer, or borrowed from one", async () => {
    await start(SECRET);
    const cases = [
      { userId: 'customer-42', userHash: identityHash('a guessed secret', 'customer-42') },
      // Someone else's valid hash, presented with a different id.
      { userId: 'customer-43', userHash: identityHash(SECRET, 'customer-42') },
      // The email's hash while the user id is what is signed.
      { userId: 'customer-42', email: 'ana@example.com', userHash: identityHash(SECRET, 'ana@example.com') },
      { userId: 'customer-42' },
    ];
    for (const visitor of cases) expect((await receive(identified(visitor))).listed.verified, JSON.stringify(visitor)).toBe(false);
  });

  it('verifies nobody when no identity secret is configured', async () => {
    await start(null);
    const { listed } = await receive(identified({ userId: 'customer-42', userHash: identityHash(SECRET, 'customer-42') }));
    expect(listed.verified).toBe(false);
  });

  it("lets only a verified visitor's premium plan make them premium and escalate a pressing complaint", async () => {
    await start(SECRET);
    const traits = { plan: 'premium' };
    const claimed = await receive(identified({ userId: 'customer-7', userHash: identityHash(SECRET, 'customer-8'), traits }));
    const vouched = await receive(identified({ userId: 'customer-8', userHash: identityHash(SECRET, 'customer-8'), traits }));

    expect(claimed.listed).toMatchObject({ verified: false, customerType: 'regular', escalated: false, handoffReason: null, urgency: 'high' });
    expect(vouched.listed).toMatchObject({ verified: true, customerType: 'premium', escalated: true, handoffReason: 'premium', urgency: 'high' });
    const order = (await app.inject({ url: '/api/complaints', headers: auth })).json().complaints.map((c: { id: string }) => c.id);
    expect(order).toEqual([vouched.complaint.id, claimed.complaint.id]);
  });
});
