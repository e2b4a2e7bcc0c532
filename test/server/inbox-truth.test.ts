import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import type { Store } from '../../server/store/store.mjs';
import { signedIn } from '../support/agents';
import { bothStores } from '../support/postgres';

const HOUR = 3600_000;
const backends = bothStores();
type App = ReturnType<typeof createApp>;

/** A normal-urgency complaint received `agoHours` ago, promised for `dueInHours` from now. */
function promised(agoHours: number, dueInHours: number, followUpAfterDueHours: number | null = null) {
  const record = sampleComplaint({ submittedAt: new Date(Date.now() - agoHours * HOUR).toISOString() });
  const dueBy = new Date(Date.now() + dueInHours * HOUR).toISOString();
  record.commitment = { ...record.commitment!, dueBy };
  record.followUpAt = followUpAfterDueHours === null ? null : new Date(Date.parse(dueBy) + followUpAfterDueHours * HOUR).toISOString();
  return record;
}

describe.each(backends)('what the queue and a complaint say on %s', (_name, open) => {
  let store: Store;
  let app: App;
  let auth: { authorization: string };

  beforeEach(async () => {
    store = await open();
    app = createApp({ store, allowedOrigins: [], rateLimit: 0 });
    await app.ready();
    auth = (await signedIn(app, store, { name: 'Mia' })).headers;
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  const receive = async (record: ReturnType<typeof sampleComplaint>) => {
    const response = await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(record) });
    expect(response.statusCode).toBe(201);
    return record;
  };

  it('lists complaints of one urgency by due date, soonest first, whatever order they came in', async () => {
    const later = await receive(promised(5, 30));
    const soonest = await receive(promised(1, 2));
    const middle = await receive(promised(3, 10));
    const undated = promised(4, 1);
    undated.commitment = null;
    await receive(undated);
    const { complaints } = (await app.inject({ url: '/api/complaints', headers: auth })).json();
    expect(complaints.map((c: { id: string }) => c.id)).toEqual([soonest.id, middle.id, later.id, undated.id]);
  });

  it('moves the planned follow-up with the due date, keeping the gap the visitor was promised', async () => {
    const record = await receive(promised(1, 24, 24));
    const newDue = new Date(Date.now() + 72 * HOUR).toISOString();
    const moved = await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/due`, headers: auth, payload: { dueBy: newDue, reason: 'The part ships on Thursday.' } });
    expect(moved.statusCode).toBe(200);
    const { complaint } = (await app.inject({ url: `/api/complaints/${record.id}`, headers: auth })).json();
    expect(complaint.summary.dueBy).toBe(newDue);
    expect(complaint.summary.followUpAt).toBe(new Date(Date.parse(newDue) + 24 * HOUR).toISOString());
  });

  it('tells an admin what waits to be sent: its kind, its destination and whether it is due yet', async () => {
    const record = await receive(promised(1, 24));
    const admin = (await signedIn(app, store, { name: 'Ada', email: 'ada@shop.example', role: 'admin' })).headers;
    const before = (await app.inject({ url: '/api/destinations', headers: admin })).json();
    expect(before.waiting).toEqual([]);
    const moved = await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/due`, headers: auth, payload: { dueBy: new Date(Date.now() + 72 * HOUR).toISOString(), reason: 'The part ships on Thursday.' } });
    expect(moved.statusCode).toBe(200);
    const after = (await app.inject({ url: '/api/destinations', headers: admin })).json();
    expect(after.waiting).toEqual([{ kind: 'commitment.overdue', destinationId: null, later: true, count: 1 }]);
  });
});
