import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.mjs';
import { summariseRecord } from '../../server/receiver/summary.mjs';
import { sampleComplaint } from '../../server/sample-records.mjs';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.mjs';
import { signedIn } from '../support/agents';

let auth: { authorization: string };
const HOUR = 3600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

/** What visitors say, and what the receiver's own triage makes of it. */
const SAID = {
  low: 'Just so you know, the kettle lid is slightly loose, no rush.', // low, product
  high: 'I was charged twice for my order and I need the money back today, this is urgent!', // high, billing
  critical: 'The charger caught fire and burned my hand.', // critical, escalated for safety
  legal: 'I will take legal action and contact my lawyer.', // critical, escalated as legal
  delivery: 'My order is late. It was supposed to arrive yesterday.', // normal, delivery
  billing: 'I was charged twice for my order.', // high, billing
  hungarian: 'A csomagom sérülten érkezett meg, a vízforraló horpadt.', // normal, product, hu
  slovak: 'Môj balík prišiel poškodený, kanvica je premáčknutá.', // normal, product, sk
};

/** A complaint in which the visitor said `text`; the widget's triage is whatever `overrides` say. */
function saying(text: string, overrides: Parameters<typeof sampleComplaint>[0] = {}) {
  const record = sampleComplaint(overrides);
  record.messages = [record.messages[0]!, { from: 'visitor', text, at: record.submittedAt }];
  return record;
}

type App = ReturnType<typeof createApp>;
type Store = ReturnType<typeof createSqliteStore>;

describe('inbox API', () => {
  let store: Store;
  let app: App;

  beforeEach(async () => {
    store = createSqliteStore({ path: ':memory:' });
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
  const list = async (query = '') => (await app.inject({ url: `/api/complaints${query}`, headers: auth })).json();

  it('refuses every inbox call without a session, or with a wrong or ended one, with 401', async () => {
    const record = await receive(sampleComplaint());
    const calls = [
      { method: 'GET', url: '/api/complaints' },
      { method: 'GET', url: `/api/complaints/${record.id}` },
      { method: 'POST', url: `/api/complaints/${record.id}/claim` },
      { method: 'POST', url: `/api/complaints/${record.id}/resolve`, payload: { note: 'Done.' } },
      { method: 'GET', url: '/api/me' },
      { method: 'GET', url: '/api/agents' },
      { method: 'GET', url: '/api/trends' },
      { method: 'POST', url: '/api/stream-ticket' },
      { method: 'GET', url: '/api/stream' },
    ] as const;
    const ended = (await signedIn(app, store)).headers;
    expect((await app.inject({ method: 'DELETE', url: '/api/session', headers: ended })).statusCode).toBe(204);
    for (const headers of [{}, { authorization: 'Bearer wrong-token-wrong-token-wrong' }, { authorization: auth.authorization.slice(7) }, ended]) {
      for (const call of calls) {
        const response = await app.inject({ ...call, headers });
        expect(response.statusCode, `${call.method} ${call.url}`).toBe(401);
        expect(response.body).not.toContain(record.reference);
      }
    }
    expect((await store.getRecord(record.id))?.status).toBe('new');
  });

  it('lists handoffs and critical first, then by urgency, then oldest first, resolved last', async () => {
    const oldLow = await receive(saying(SAID.low, { submittedAt: ago(50) }));
    const newHigh = await receive(saying(SAID.high, { submittedAt: ago(1) }));
    const oldHigh = await receive(saying(SAID.high, { submittedAt: ago(5) }));
    const handoff = await receive(saying(SAID.low, { submittedAt: ago(0.5), handoff: { requested: true, reason: 'visitor', at: ago(0.5) } }));
    const critical = await receive(saying(SAID.critical, { submittedAt: ago(2) }));
    const resolved = await receive(saying(SAID.critical, { submittedAt: ago(80) }));
    await store.resolve(resolved.id, 'Mia', 'Refunded.', new Date().toISOString());

    const { complaints } = await list();
    expect(complaints.map((c: { id: string }) => c.id)).toEqual([critical.id, handoff.id, oldHigh.id, newHigh.id, oldLow.id, resolved.id]);
    expect(complaints[0]).toMatchObject({ escalated: true, handoffReason: 'safety', urgency: 'critical' });
    expect(complaints[1]).toMatchObject({ escalated: true, handoffReason: 'visitor', urgency: 'low' });
  });

  it('puts a complaint its own triage escalates with the handoffs, whatever the widget said', async () => {
    const high = await receive(saying(SAID.high, { submittedAt: ago(10) }));
    const escalated = await receive(saying(SAID.legal, { submittedAt: ago(0.2), triage: { urgency: 'low' } }));
    const { complaints } = await list();
    expect(complaints.map((c: { id: string }) => c.id)).toEqual([escalated.id, high.id]);
    expect(complaints[0]).toMatchObject({ escalated: true, handoffReason: 'legal', urgency: 'critical', widgetUrgency: 'low' });
  });

  it("orders by the receiver's triage, not the widget's, and keeps the widget's as sent", async () => {
    const genuine = await receive(saying(SAID.high, { submittedAt: ago(1) }));
    // A forged record: the widget's triage claims critical, a premium handoff and a premium customer.
    const forged = await receive(
      saying(SAID.low, {
        submittedAt: ago(30),
        triage: { urgency: 'critical', customerType: 'premium', category: 'staff' },
        handoff: { requested: false, reason: 'premium', at: ago(30) },
        visitor: { traits: { plan: 'premium' } },
      }),
    );
    const { complaints } = await list();
    expect(complaints.map((c: { id: string }) => c.id)).toEqual([genuine.id, forged.id]);
    expect(complaints[1]).toMatchObject({
      escalated: false, handoffReason: null, urgency: 'low', widgetUrgency: 'critical', customerType: 'regular', category: 'product', widgetCategory: 'staff',
    });
    const { complaint } = (await app.inject({ url: `/api/complaints/${forged.id}`, headers: auth })).json();
    expect(complaint.record.triage).toEqual(forged.triage);
    expect(complaint.record.handoff).toEqual(forged.handoff);
  });

  it('lists a page at a time, in the same order, with how many match and how many are open', async () => {
    const received = [];
    for (let i = 0; i < 7; i++) received.push(await receive(saying(i % 2 ? SAID.billing : SAID.delivery, { submittedAt: ago(10 - i) })));
    await store.resolve(received[0]!.id, 'Mia', 'Refunded.', new Date().toISOString());
    const ids = (body: { complaints: { id: string }[] }) => body.complaints.map((c) => c.id);

    const whole = await list();
    expect(whole).toMatchObject({ total: 7, open: 6, offset: 0 });
    const pages = [await list('?limit=3'), await list('?limit=3&offset=3'), await list('?limit=3&offset=6')];
    expect(pages.map(ids)).toEqual([ids(whole).slice(0, 3), ids(whole).slice(3, 6), ids(whole).slice(6)]);
    expect(pages.map((page) => page.total)).toEqual([7, 7, 7]);
    expect(await list('?category=billing&limit=1')).toMatchObject({ total: 3, open: 3, complaints: [{ category: 'billing' }] });
    expect(ids(await list('?offset=7'))).toEqual([]);

    for (const query of ['?limit=0', '?limit=501', '?limit=two', '?offset=-1']) {
      expect((await app.inject({ url: `/api/complaints${query}`, headers: auth })).statusCode, query).toBe(400);
    }
  });

  it('gives at most 100 complaints when no page size is asked for', async () => {
    for (let i = 0; i < 101; i++) {
      const record = sampleComplaint();
      await store.insertRecord(record, { hash: String(i), receivedAt: new Date().toISOString(), summary: summariseRecord(record) });
    }
    const body = await list();
    expect(body.complaints).toHaveLength(100);
    expect(body.total).toBe(101);
  });

  it('filters by status, category and language and offers the values present', async () => {
    const delivery = await receive(saying(SAID.delivery));
    const billing = await receive(saying(SAID.billing, { triage: { language: 'sk' } }));
    const slovak = await receive(saying(SAID.slovak, { triage: { language: 'en' } }));
    await store.claim(billing.id, 'Mia', new Date().toISOString());

    const ids = (body: { complaints: { id: string }[] }) => body.complaints.map((c) => c.id);
    expect(ids(await list('?category=delivery'))).toEqual([delivery.id]);
    // The language is the one the visitor wrote in, as the receiver reads it.
    expect(ids(await list('?language=sk'))).toEqual([slovak.id]);
    expect(ids(await list('?status=claimed'))).toEqual([billing.id]);
    expect(ids(await list('?status=new'))).toEqual([delivery.id, slovak.id]);
    expect((await list()).facets).toEqual({ categories: ['billing', 'delivery', 'product'], languages: ['en', 'sk'] });
    expect((await app.inject({ url: '/api/complaints?status=lost', headers: auth })).statusCode).toBe(400);
  });

  it('flags a commitment past its due date as overdue until it is resolved', async () => {
    const late = await receive(sampleComplaint({ submittedAt: ago(30), commitment: { action: 'Call back', dueBy: ago(2), slaHours: 24 } }));
    const onTime = await receive(sampleComplaint());
    const overdue = (body: { complaints: { id: string; overdue: boolean }[] }) => body.complaints.filter((c) => c.overdue).map((c) => c.id);
    expect(overdue(await list())).toEqual([late.id]);
    expect(onTime.commitment).not.toBeNull();
    await store.resolve(late.id, 'Mia', 'Called back.', new Date().toISOString());
    expect(overdue(await list())).toEqual([]);
  });

  it('shows a follow-up as due a day after resolution when the visitor agreed, until it is marked done', async () => {
    const consented = await receive(sampleComplaint());
    const declined = await receive(sampleComplaint({ visitor: { followUpConsent: false } }));
    const resolvedAt = ago(25);
    await store.resolve(consented.id, 'Mia', 'Replaced.', resolvedAt);
    await store.resolve(declined.id, 'Mia', 'Replaced.', resolvedAt);
    const due = (body: { complaints: { id: string; followUpDue: boolean }[] }) => body.complaints.filter((c) => c.followUpDue).map((c) => c.id);
    expect(due(await list())).toEqual([consented.id]);

    const done = await app.inject({ method: 'POST', url: `/api/complaints/${consented.id}/follow-up`, headers: auth });
    expect(done.statusCode).toBe(200);
    expect(due(await list())).toEqual([]);
  });

  it('does not call a follow-up due on the day of resolution', async () => {
    const record = await receive(sampleComplaint());
    const resolvedAt = ago(2);
    await store.resolve(record.id, 'Mia', 'Replaced.', resolvedAt);
    const { complaint } = (await app.inject({ url: `/api/complaints/${record.id}`, headers: auth })).json();
    expect(complaint.followUpDue).toBe(false);
    expect(Date.parse(complaint.followUpDueAt)).toBe(Date.parse(resolvedAt) + 24 * HOUR);
  });

  it('returns the whole record with its work state for the detail view', async () => {
    const record = await receive(sampleComplaint());
    const response = await app.inject({ url: `/api/complaints/${record.id}`, headers: auth });
    expect(response.statusCode).toBe(200);
    expect(response.json().complaint).toMatchObject({ id: record.id, status: 'new', claimedBy: null, record });
    expect((await app.inject({ url: '/api/complaints/nope-nope-nope', headers: auth })).statusCode).toBe(404);
  });

  it('lets an agent claim a complaint as themselves and resolve it with a note, and not twice', async () => {
    const record = await receive(sampleComplaint());
    const claim = await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/claim`, headers: auth });
    expect(claim.statusCode).toBe(200);
    expect(claim.json().complaint).toMatchObject({ status: 'claimed', claimedBy: 'Mia' });

    const tomas = (await signedIn(app, store, { name: 'Tomas' })).headers;
    const taken = await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/claim`, headers: tomas });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().message).toContain('Mia');

    const noNote = await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/resolve`, headers: auth, payload: { note: '   ' } });
    expect(noNote.statusCode).toBe(400);

    const resolve = await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/resolve`, headers: auth, payload: { note: 'Replacement sent, tracking 123.' } });
    expect(resolve.statusCode).toBe(200);
    expect(resolve.json().complaint).toMatchObject({ status: 'resolved', resolvedBy: 'Mia', resolutionNote: 'Replacement sent, tracking 123.' });

    const again = await app.inject({ method: 'POST', url: `/api/complaints/${record.id}/resolve`, headers: tomas, payload: { note: 'Me too' } });
    expect(again.statusCode).toBe(409);
    expect((await store.getRecord(record.id))?.resolvedBy).toBe('Mia');
  });

  it('counts complaints per category per week and the signals many complaints share', async () => {
    const thisWeek = new Date().toISOString();
    const lastWeek = new Date(Date.now() - 7 * 24 * HOUR).toISOString();
    await receive(saying(SAID.delivery, { submittedAt: thisWeek }));
    await receive(saying(SAID.delivery, { submittedAt: thisWeek }));
    await receive(saying(SAID.delivery, { submittedAt: lastWeek }));
    // The widget's signals are kept in the record; trends count the receiver's.
    await receive(saying(SAID.billing, { submittedAt: thisWeek, triage: { signals: [{ field: 'category', value: 'billing', cue: 'forged cue' }] } }));

    const trends = (await app.inject({ url: '/api/trends?weeks=4', headers: auth })).json();
    expect(trends.weeks).toHaveLength(4);
    const [previous, current] = trends.weeks.slice(-2);
    expect(trends.categories).toEqual(expect.arrayContaining([
      { week: current, category: 'delivery', count: 2 },
      { week: current, category: 'billing', count: 1 },
      { week: previous, category: 'delivery', count: 1 },
    ]));
    expect(trends.categories).toHaveLength(3);
    expect(trends.signals[0].count).toBe(4);
    expect(trends.signals).toContainEqual({ field: 'category', value: 'delivery', cue: 'late', count: 3 });
    expect(trends.signals).toContainEqual({ field: 'category', value: 'billing', cue: 'charged', count: 1 });
    expect(JSON.stringify(trends.signals)).not.toContain('forged cue');
  });

  it('says with the trends how many commitments were kept on time, moved with notice and missed', async () => {
    const promised = (dueBy: string) => receive(sampleComplaint({ submittedAt: ago(30), commitment: { action: 'Send a new kettle.', dueBy, slaHours: 24 } }));
    const post = (url: string, payload: object) => app.inject({ method: 'POST', url, headers: auth, payload });
    const commitments = async () => (await app.inject({ url: '/api/trends?weeks=4', headers: auth })).json().commitments;
    expect(await commitments()).toEqual({ total: 0, kept: 0, moved: 0, missed: 0 });

    // Kept: resolved before the date promised.
    const kept = await promised(ago(-24));
    expect((await post(`/api/complaints/${kept.id}/resolve`, { note: 'Sent.' })).statusCode).toBe(200);
    // Moved with notice: a new date set before the first passed, and kept (earlier, so set in the store).
    const moved = await promised(ago(20));
    await store.moveDue(moved.id, 'Mia', ago(5), 'The courier is late.', ago(22));
    await store.resolve(moved.id, 'Mia', 'Sent.', ago(6));
    // Missed: moved only once it was overdue, however soon it is then resolved.
    const lateMove = await promised(ago(2));
    expect((await post(`/api/complaints/${lateMove.id}/due`, { dueBy: ago(-48), reason: 'Out of stock.' })).statusCode).toBe(200);
    expect((await post(`/api/complaints/${lateMove.id}/resolve`, { note: 'Sent.' })).statusCode).toBe(200);
    // Missed: open past the date. Not counted: open before it.
    await promised(ago(3));
    await promised(ago(-3));

    expect(await commitments()).toEqual({ total: 4, kept: 1, moved: 1, missed: 2 });
  });

  it('streams new complaints to an open inbox through a one-use ticket', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address() as { port: number };
    const base = `http://127.0.0.1:${address.port}`;
    const { ticket } = await (await fetch(`${base}/api/stream-ticket`, { method: 'POST', headers: auth })).json();
    const controller = new AbortController();
    const stream = await fetch(`${base}/api/stream?ticket=${ticket}`, { signal: controller.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');

    const record = sampleComplaint();
    await fetch(`${base}/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) });
    const reader = stream.body!.getReader();
    let text = '';
    while (!text.includes(record.id)) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain(`event: created\ndata: {"id":"${record.id}"}`);
    controller.abort();

    const reused = await fetch(`${base}/api/stream?ticket=${ticket}`);
    expect(reused.status).toBe(401);
  });
});
