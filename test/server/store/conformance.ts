/**
 * What every store does, whichever database is under it. `sqlite.test.ts` and
 * `postgres.test.ts` run this same suite against their backend.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summariseRecord } from '../../../server/receiver/summary.mjs';
import { sampleComplaint, sampleRating } from '../../../server/sample-records.mjs';
import type { ComplaintRecord, Store } from '../../../server/store/store.mjs';

export interface Backend {
  /** A store on a fresh, empty database. */
  open(): Promise<Store>;
  /** The SQL text of every statement `run` sends to the database. */
  captureQueries(run: () => Promise<unknown>): Promise<string[]>;
}

const HOUR = 3600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
const now = () => new Date().toISOString();

/** Stores a complaint as the receiver does, with its summary. */
export async function put(store: Store, record: ComplaintRecord, hash = `hash-${record.id}`, receivedAt = now()) {
  return store.insertRecord(record, { hash, receivedAt, summary: summariseRecord(record) });
}

/** Resolves when `check` holds; the suite's own tests bound how long. */
export async function until(check: () => boolean | Promise<boolean>) {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 5));
}

export function storeConformance(name: string, backend: Backend) {
  describe(`${name} store`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await backend.open();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('records', () => {
      it('stores a complaint once and gives it back exactly, with its summary and work state', async () => {
        const record = sampleComplaint({ visitor: { name: 'Zoë Ångström' } });
        const receivedAt = now();
        const result = await put(store, record, 'h1', receivedAt);
        expect(result).toEqual({ outcome: 'created', receipt: { id: record.id, reference: record.reference, receivedAt } });
        const complaint = await store.getRecord(record.id);
        expect(complaint).toMatchObject({
          id: record.id,
          reference: record.reference,
          receivedAt,
          status: 'new',
          claimedBy: null,
          resolvedBy: null,
          csat: null,
          escalated: false,
          record,
          summary: summariseRecord(record),
        });
        expect(await store.getRecord('no-such-complaint')).toBeNull();
      });

      it('answers the same id and content as a replay with the first receipt, and other content as a conflict', async () => {
        const record = sampleComplaint();
        const first = await put(store, record, 'same');
        const replay = await put(store, record, 'same', ago(-1));
        expect(replay).toEqual({ outcome: 'replay', receipt: first.receipt });
        const changed = { ...record, transcriptText: 'Something else.' };
        expect((await put(store, changed, 'other')).outcome).toBe('conflict');
        expect((await store.getRecord(record.id))?.record.transcriptText).toBe(record.transcriptText);
        expect(await store.countRecords()).toEqual({ total: 1, open: 1 });
      });

      it('stores the same record sent many times at once exactly once', async () => {
        const record = sampleComplaint();
        const results = await Promise.all(Array.from({ length: 8 }, () => put(store, record, 'same')));
        expect(results.filter((r) => r.outcome === 'created')).toHaveLength(1);
        expect(new Set(results.map((r) => JSON.stringify(r.receipt))).size).toBe(1);
        expect((await store.countRecords()).total).toBe(1);
      });

      it('keeps any text the schema accepts, NUL and emoji included, exactly as sent', async () => {
        const odd = 'A\u0000B \u{1F600} <script>alert(1)</script> \u202Eevil';
        const record = sampleComplaint({
          visitor: { name: odd },
          triage: { category: `cat${'\u0000'}x` },
          messages: [{ from: 'visitor', text: odd, at: now() }],
        });
        await put(store, record);
        const complaint = await store.getRecord(record.id);
        expect(complaint?.record).toEqual(record);
        const [listed] = await store.listRecords();
        expect(listed?.summary.name).toMatch(/^A.B /);
        expect(listed?.summary.excerpt).toContain('\u{1F600}');
      });

      it('puts a rating onto its complaint, whether it arrives after or before it', async () => {
        const complaint = sampleComplaint();
        await put(store, complaint);
        const rating = sampleRating(complaint.id, 4);
        const answered = await store.insertRecord(rating, { hash: 'r1', receivedAt: now() });
        expect(answered).toMatchObject({ outcome: 'created', receipt: { id: rating.id, reference: complaint.reference } });
        expect((await store.getRecord(complaint.id))?.csat).toBe(4);

        const later = sampleComplaint();
        const early = await store.insertRecord(sampleRating(later.id, 2), { hash: 'r2', receivedAt: now() });
        expect(early.receipt.reference).toBeNull();
        await put(store, later);
        expect((await store.getRecord(later.id))?.csat).toBe(2);
        const [listed] = (await store.listRecords()).filter((c) => c.id === later.id);
        expect(listed?.csat).toBe(2);
      });

      it('treats a repeated rating as a replay and a changed one as a conflict', async () => {
        const complaint = sampleComplaint();
        await put(store, complaint);
        const rating = sampleRating(complaint.id, 5);
        const first = await store.insertRecord(rating, { hash: 'r', receivedAt: now() });
        expect(await store.insertRecord(rating, { hash: 'r', receivedAt: now() })).toEqual({ outcome: 'replay', receipt: first.receipt });
        expect((await store.insertRecord({ ...rating, csat: 1 }, { hash: 'other', receivedAt: now() })).outcome).toBe('conflict');
        expect((await store.getRecord(complaint.id))?.csat).toBe(5);
      });
    });

    describe('the queue', () => {
      it('lists handoffs and critical first, then by urgency, then oldest first, resolved last', async () => {
        const oldLow = sampleComplaint({ submittedAt: ago(50), triage: { urgency: 'low' } });
        const newHigh = sampleComplaint({ submittedAt: ago(1), triage: { urgency: 'high' } });
        const oldHigh = sampleComplaint({ submittedAt: ago(5), triage: { urgency: 'high' } });
        const handoff = sampleComplaint({ submittedAt: ago(0.5), triage: { urgency: 'low' }, handoff: { requested: true, reason: 'visitor', at: ago(0.5) } });
        const critical = sampleComplaint({ submittedAt: ago(2), triage: { urgency: 'critical' } });
        const resolved = sampleComplaint({ submittedAt: ago(80), triage: { urgency: 'critical' } });
        for (const record of [oldLow, newHigh, oldHigh, handoff, critical, resolved]) await put(store, record);
        await store.resolve(resolved.id, 'Mia', 'Refunded.', now());

        const listed = await store.listRecords();
        expect(listed.map((c) => c.id)).toEqual([critical.id, handoff.id, oldHigh.id, newHigh.id, oldLow.id, resolved.id]);
        expect(listed[1]).toMatchObject({ escalated: true, summary: { handoffReason: 'visitor' } });
        expect(listed[0]).not.toHaveProperty('record');
      });

      it('lists a page at a time in the same order, and counts every match and the open ones', async () => {
        const received = [];
        for (let i = 0; i < 7; i++) {
          const record = sampleComplaint({ submittedAt: ago(10 - i), triage: { category: i % 2 ? 'billing' : 'delivery' } });
          await put(store, record);
          received.push(record);
        }
        await store.resolve(received[0]!.id, 'Mia', 'Refunded.', now());
        const ids = (list: { id: string }[]) => list.map((c) => c.id);
        const whole = ids(await store.listRecords());
        const pages = [
          await store.listRecords({ limit: 3 }),
          await store.listRecords({ limit: 3, offset: 3 }),
          await store.listRecords({ limit: 3, offset: 6 }),
        ];
        expect(pages.map(ids)).toEqual([whole.slice(0, 3), whole.slice(3, 6), whole.slice(6)]);
        expect(await store.countRecords()).toEqual({ total: 7, open: 6 });
        expect(await store.countRecords({ category: 'billing' })).toEqual({ total: 3, open: 3 });
        expect(await store.listRecords({ offset: 7 })).toEqual([]);
      });

      it('filters by status, category and language and offers the values present', async () => {
        const delivery = sampleComplaint({ triage: { category: 'delivery', language: 'hu' } });
        const billing = sampleComplaint({ triage: { category: 'billing', language: 'sk' } });
        await put(store, delivery);
        await put(store, billing);
        await store.claim(billing.id, 'Mia', now());
        const ids = async (filters: Parameters<Store['listRecords']>[0]) => (await store.listRecords(filters)).map((c) => c.id);
        expect(await ids({ category: 'delivery' })).toEqual([delivery.id]);
        expect(await ids({ language: 'sk' })).toEqual([billing.id]);
        expect(await ids({ status: 'claimed' })).toEqual([billing.id]);
        expect(await ids({ status: 'new', category: 'delivery', language: 'hu' })).toEqual([delivery.id]);
        expect(await ids({ status: 'resolved' })).toEqual([]);
        expect(await store.facets()).toEqual({ categories: ['billing', 'delivery'], languages: ['hu', 'sk'] });
      });

      it('lists from the summary columns without reading any stored body', async () => {
        const huge = 'x'.repeat(950_000);
        for (let i = 0; i < 12; i++) await put(store, sampleComplaint({ transcriptText: huge }));
        let listed: Awaited<ReturnType<Store['listRecords']>> = [];
        const queries = await backend.captureQueries(async () => {
          listed = await store.listRecords({ limit: 100 });
          await store.countRecords();
          await store.facets();
        });
        expect(listed).toHaveLength(12);
        expect(listed[0]?.summary.excerpt).toBe('My parcel with order ORD-1042 arrived with the kettle dented.');
        expect(queries.length).toBeGreaterThan(0);
        for (const sql of queries) {
          expect(sql).not.toMatch(/\bbody\b/);
          expect(sql).not.toMatch(/SELECT\s+\*/i);
        }
      });

      it('flags a commitment past its due date as overdue until it is resolved', async () => {
        const late = sampleComplaint({ submittedAt: ago(30), commitment: { action: 'Call back', dueBy: ago(2), slaHours: 24 } });
        const onTime = sampleComplaint();
        await put(store, late);
        await put(store, onTime);
        const overdue = async () => (await store.listRecords()).filter((c) => c.overdue).map((c) => c.id);
        expect(await overdue()).toEqual([late.id]);
        await store.resolve(late.id, 'Mia', 'Called back.', now());
        expect(await overdue()).toEqual([]);
      });

      it('makes a follow-up due a day after resolution when the visitor agreed, until it is marked done', async () => {
        const consented = sampleComplaint();
        const declined = sampleComplaint({ visitor: { followUpConsent: false } });
        const today = sampleComplaint();
        for (const record of [consented, declined, today]) await put(store, record);
        await store.resolve(consented.id, 'Mia', 'Replaced.', ago(25));
        await store.resolve(declined.id, 'Mia', 'Replaced.', ago(25));
        const resolvedToday = ago(2);
        await store.resolve(today.id, 'Mia', 'Replaced.', resolvedToday);
        const due = async () => (await store.listRecords()).filter((c) => c.followUpDue).map((c) => c.id);
        expect(await due()).toEqual([consented.id]);
        expect((await store.getRecord(today.id))?.followUpDueAt).toBe(new Date(Date.parse(resolvedToday) + 24 * HOUR).toISOString());

        expect((await store.markFollowedUp(consented.id, now())).ok).toBe(true);
        expect(await due()).toEqual([]);
        expect(await store.markFollowedUp(consented.id, now())).toMatchObject({ ok: false, error: 'conflict' });
        expect(await store.markFollowedUp('no-such-complaint', now())).toMatchObject({ ok: false, error: 'not-found' });
      });
    });

    describe('work', () => {
      it('lets one agent claim a complaint, refuses another, and resolves it once', async () => {
        const record = sampleComplaint();
        await put(store, record);
        const claimedAt = now();
        expect(await store.claim(record.id, 'Mia', claimedAt)).toMatchObject({ ok: true, complaint: { status: 'claimed', claimedBy: 'Mia', claimedAt } });
        expect((await store.claim(record.id, 'Mia', now())).ok).toBe(true);
        const taken = await store.claim(record.id, 'Tomas', now());
        expect(taken).toMatchObject({ ok: false, error: 'conflict' });
        expect(taken.ok ? '' : taken.message).toContain('Mia');

        const resolvedAt = now();
        const resolved = await store.resolve(record.id, 'Mia', 'Replacement sent.', resolvedAt);
        expect(resolved).toMatchObject({ ok: true, complaint: { status: 'resolved', resolvedBy: 'Mia', resolvedAt, resolutionNote: 'Replacement sent.' } });
        expect(await store.resolve(record.id, 'Tomas', 'Me too.', now())).toMatchObject({ ok: false, error: 'conflict' });
        expect(await store.claim(record.id, 'Tomas', now())).toMatchObject({ ok: false, error: 'conflict' });
        expect((await store.getRecord(record.id))?.resolvedBy).toBe('Mia');
        expect(await store.claim('no-such-complaint', 'Mia', now())).toMatchObject({ ok: false, error: 'not-found' });
      });

      it('records the resolver as the claimant when nobody had claimed it', async () => {
        const record = sampleComplaint();
        await put(store, record);
        const at = now();
        expect(await store.resolve(record.id, 'Mia', 'Done.', at)).toMatchObject({ ok: true, complaint: { claimedBy: 'Mia', claimedAt: at } });
      });

      it('hands one claim to exactly one of two agents claiming at once', async () => {
        const record = sampleComplaint();
        await put(store, record);
        const results = await Promise.all([store.claim(record.id, 'Mia', now()), store.claim(record.id, 'Tomas', now())]);
        expect(results.filter((result) => result.ok)).toHaveLength(1);
      });
    });

    describe('trends', () => {
      it('counts complaints per category per week and the signals many complaints share', async () => {
        const thisWeek = now();
        const lastWeek = ago(7 * 24);
        await put(store, sampleComplaint({ submittedAt: thisWeek, triage: { category: 'delivery' } }));
        await put(store, sampleComplaint({ submittedAt: thisWeek, triage: { category: 'delivery' } }));
        await put(store, sampleComplaint({ submittedAt: lastWeek, triage: { category: 'delivery' } }));
        await put(store, sampleComplaint({ submittedAt: ago(60 * 24), triage: { category: 'ancient' } }));
        await put(store, sampleComplaint({
          submittedAt: thisWeek,
          triage: { category: 'billing', signals: [{ field: 'category', value: 'billing', cue: 'charged twice' }] },
        }));
        const trends = await store.trends({ weeks: 4 });
        expect(trends.weeks).toHaveLength(4);
        const [previous, current] = trends.weeks.slice(-2);
        expect(trends.categories).toEqual([
          { week: previous, category: 'delivery', count: 1 },
          { week: current, category: 'billing', count: 1 },
          { week: current, category: 'delivery', count: 2 },
        ]);
        expect(trends.signals[0]).toEqual({ field: 'category', value: 'delivery', cue: 'parcel', count: 3 });
        expect(trends.signals).toContainEqual({ field: 'category', value: 'billing', cue: 'charged twice', count: 1 });
      });
    });

    describe('live events', () => {
      it('hands a published event to every subscriber until it unsubscribes', async () => {
        const heard: [string, object][] = [];
        const other: string[] = [];
        const stop = store.events.subscribe((type, data) => heard.push([type, data]));
        const stopOther = store.events.subscribe((type) => other.push(type));
        await store.events.publish('created', { id: 'abc-12345' });
        await until(() => heard.length === 1 && other.length === 1);
        expect(heard).toEqual([['created', { id: 'abc-12345' }]]);
        stop();
        await store.events.publish('updated', { id: 'abc-12345' });
        await until(() => other.length === 2);
        expect(heard).toHaveLength(1);
        stopOther();
      });
    });

    it('answers a ping while the database is reachable', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
