/**
 * An agent hands a complaint to another agent, not only claims it: on both databases.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import type { Store } from '../../server/store/store.mjs';
import { signedIn } from '../support/agents';
import { bothStores } from '../support/postgres';

type App = ReturnType<typeof createApp>;
type SignedIn = Awaited<ReturnType<typeof signedIn>>;

describe.each(bothStores())('assigning a complaint on %s', (_name, open) => {
  let store: Store;
  let app: App;
  let mia: SignedIn;
  let leo: SignedIn;
  let ada: SignedIn;

  beforeEach(async () => {
    store = await open();
    app = createApp({ store, allowedOrigins: [], rateLimit: 0 });
    await app.ready();
    mia = await signedIn(app, store, { name: 'Mia' });
    leo = await signedIn(app, store, { name: 'Leo' });
    ada = await signedIn(app, store, { name: 'Ada', role: 'admin' });
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  const receive = async () => {
    const record = sampleComplaint();
    const response = await app.inject({ method: 'POST', url: '/complaints', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(record) });
    expect(response.statusCode).toBe(201);
    return record;
  };
  const assign = (id: string, by: SignedIn, agentId: unknown) =>
    app.inject({ method: 'POST', url: `/api/complaints/${id}/assign`, headers: by.headers, payload: { agentId } });
  const detail = async (id: string, by: SignedIn) => (await app.inject({ url: `/api/complaints/${id}`, headers: by.headers })).json().complaint;

  it('hands a new complaint to another agent, who then holds it and may resolve it, and the history says who gave it to whom', async () => {
    const record = await receive();
    const given = await assign(record.id, mia, leo.agent.id);
    expect(given.statusCode).toBe(200);
    expect(given.json().complaint).toMatchObject({ status: 'claimed', claimedBy: 'Leo', claimedById: leo.agent.id });

    const { complaints } = (await app.inject({ url: '/api/complaints', headers: leo.headers })).json();
    expect(complaints.find((c: { id: string }) => c.id === record.id)).toMatchObject({ status: 'claimed', claimedBy: 'Leo' });
    const complaint = await detail(record.id, leo);
    expect(complaint.audit).toEqual([expect.objectContaining({ action: 'assigned', agentName: 'Mia', detail: { to: 'Leo', toId: leo.agent.id } })]);

    // Now Leo's: Mia may no longer work on it, Leo may.
    const refused = await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/resolve`, headers: mia.headers, payload: { note: 'Done.' } });
    expect(refused.statusCode).toBe(403);
    const resolved = await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/resolve`, headers: leo.headers, payload: { note: 'Done.' } });
    expect(resolved.statusCode).toBe(200);
  });

  it('lets the claimant or an admin hand a claimed complaint on, and nobody else', async () => {
    const record = await receive();
    expect((await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/claim`, headers: mia.headers })).statusCode).toBe(200);
    const stranger = await assign(record.id, leo, leo.agent.id);
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().message).toMatch(/Only Mia or an admin can assign/);
    expect((await assign(record.id, mia, leo.agent.id)).json().complaint.claimedBy).toBe('Leo');
    expect((await assign(record.id, ada, mia.agent.id)).json().complaint.claimedBy).toBe('Mia');
    // To its claimant again: no change, and no second entry in the history.
    expect((await assign(record.id, ada, mia.agent.id)).statusCode).toBe(200);
    const actions = (await detail(record.id, ada)).audit.map((event: { action: string, agentName: string, detail: { to?: string } | null }) => `${event.agentName} ${event.action} ${event.detail?.to ?? ''}`.trim());
    expect(actions).toEqual(['Mia claimed', 'Mia assigned Leo', 'Ada assigned Mia']);
  });

  it('refuses an unknown agent, a bad body, a resolved complaint and an unknown one with a sentence', async () => {
    const record = await receive();
    const unknown = await assign(record.id, mia, '00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toMatch(/no agent with that id/);
    expect((await assign(record.id, mia, '')).statusCode).toBe(400);
    expect((await assign('no-such-complaint', mia, leo.agent.id)).statusCode).toBe(404);
    expect((await store.getRecord(record.id))?.status).toBe('new');
    await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/resolve`, headers: mia.headers, payload: { note: 'Done.' } });
    const late = await assign(record.id, mia, leo.agent.id);
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toMatch(/Cannot assign: the complaint is already resolved by Mia/);
  });

  it('lists who a complaint can be handed to for any agent, names only', async () => {
    const { agents } = (await app.inject({ url: '/api/assignees', headers: leo.headers })).json();
    expect(agents.map((agent: { name: string }) => agent.name).sort()).toEqual(['Ada', 'Leo', 'Mia']);
    expect(Object.keys(agents[0]).sort()).toEqual(['id', 'name']);
    expect((await app.inject({ url: '/api/assignees' })).statusCode).toBe(401);
  });
});
