/**
 * What every store does, whichever database is under it. `sqlite.test.ts` and
 * `postgres.test.ts` run this same suite against their backend.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summariseRecord } from '../../../server/receiver/summary.mjs';
import { sampleComplaint, sampleRating } from '../../../server/sample-records.mjs';
import type { ComplaintRecord, JobSpec, NewAgent, Store } from '../../../server/store/store.mjs';

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
        expect(result).toEqual({ outcome: 'created', receipt: { id: record.id, reference: record.reference, receivedAt, dueBy: record.commitment!.dueBy } });
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

      it('stores the records of one group commit apart: one that fails takes no other with it', async () => {
        const good = sampleComplaint();
        const bad = sampleComplaint();
        const results = await Promise.allSettled([
          put(store, good),
          store.insertRecord(bad, { hash: 'no-summary', receivedAt: now() }),
        ]);
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
        // The caller hears why, as the receiver's error log will say it.
        expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ message: 'A complaint is stored with its summary.' });
        expect((await store.getRecord(good.id))?.record).toEqual(good);
        expect(await store.getRecord(bad.id)).toBeNull();
        expect((await put(store, bad)).outcome).toBe('created');
      });

      it('stores the records of one group commit apart: one that fails part-way leaves nothing of itself', async () => {
        const [before, bad, after] = [sampleComplaint(), sampleComplaint(), sampleComplaint()];
        // Its complaint row is written before its job is refused.
        const refusedJob = { kind: null, payload: {}, dueAt: now() } as unknown as JobSpec;
        const results = await Promise.allSettled([
          put(store, before),
          store.insertRecord(bad, { hash: 'bad-job', receivedAt: now(), summary: summariseRecord(bad), jobs: [refusedJob] }),
          put(store, after),
        ]);
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        expect(await store.getRecord(bad.id)).toBeNull();
        expect((await store.listRecords()).map((listed) => listed.id).sort()).toEqual([before.id, after.id].sort());
        expect(await store.countJobs()).toEqual({ pending: 0, failed: 0, done: 0 });
        expect((await put(store, bad)).outcome).toBe('created');
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
        // The answer to a rating tells its sender nothing about the complaint.
        expect(answered).toMatchObject({ outcome: 'created', receipt: { id: rating.id, reference: null } });
        expect((await store.getRecord(complaint.id))?.csat).toBe(4);

        const later = sampleComplaint();
        const early = await store.insertRecord(sampleRating(later.id, 2), { hash: 'r2', receivedAt: now() });
        expect(early.receipt.reference).toBeNull();
        await put(store, later);
        expect((await store.getRecord(later.id))?.csat).toBe(2);
        const [listed] = (await store.listRecords()).filter((c) => c.id === later.id);
        expect(listed?.csat).toBe(2);
      });

      it('treats a repeated rating as a replay and a widget rating changed later as the one kept', async () => {
        const complaint = sampleComplaint();
        await put(store, complaint);
        const rating = sampleRating(complaint.id, 5);
        const first = await store.insertRecord(rating, { hash: 'r', receivedAt: now() });
        expect(await store.insertRecord(rating, { hash: 'r', receivedAt: now() })).toEqual({ outcome: 'replay', receipt: first.receipt });
        const later = { ...rating, csat: 1 as const, at: new Date(Date.parse(rating.at) + 1000).toISOString() };
        expect(await store.insertRecord(later, { hash: 'later', receivedAt: now() })).toEqual({ outcome: 'updated', receipt: first.receipt });
        expect((await store.getRecord(complaint.id))?.csat).toBe(1);
        // An older choice arriving late is answered as a replay and changes nothing.
        expect((await store.insertRecord({ ...rating, csat: 3 }, { hash: 'older', receivedAt: now() })).outcome).toBe('replay');
        // A follow-up link's rating never replaces one, nor is replaced.
        expect((await store.insertRecord({ ...later, csat: 2 }, { hash: 'link', receivedAt: now(), ratingSource: 'follow-up' })).outcome).toBe('conflict');
        expect((await store.getRecord(complaint.id))?.csat).toBe(1);
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


    describe('durable jobs', () => {
      const T0 = '2030-01-01T00:00:00.000Z';
      const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();
      const job = (overrides: Partial<JobSpec> = {}): JobSpec => ({ kind: 'forward', payload: { n: 1 }, dueAt: T0, ...overrides });

      it('hands out due jobs, leases them, counts attempts and keeps jobs not yet due', async () => {
        await store.enqueueJobs([job({ payload: { n: 1, text: 'Zoë \u{1F600}' } }), job({ dueAt: at(60), payload: { n: 2 } })]);
        const [first, ...rest] = await store.takeDueJobs({ now: at(1), limit: 10, leaseSeconds: 30 });
        expect(rest).toEqual([]);
        expect(first).toMatchObject({ kind: 'forward', payload: { n: 1, text: 'Zoë \u{1F600}' }, status: 'pending', attempts: 1, lastError: null, lockedUntil: at(31), orderKey: null });
        // Leased: nobody else gets it until the lease runs out.
        expect(await store.takeDueJobs({ now: at(2), limit: 10, leaseSeconds: 30 })).toEqual([]);
        const again = await store.takeDueJobs({ now: at(32), limit: 10, leaseSeconds: 30 });
        expect(again.map((j) => [j.id, j.attempts])).toEqual([[first!.id, 2]]);
        const later = await store.takeDueJobs({ now: at(100), limit: 10, leaseSeconds: 30 });
        expect(later.map((j) => j.payload)).toEqual([{ n: 1, text: 'Zoë \u{1F600}' }, { n: 2 }]);
      });

      it('takes at most the limit, earliest due first', async () => {
        await store.enqueueJobs([job({ dueAt: at(3), payload: { n: 3 } }), job({ dueAt: at(1), payload: { n: 1 } }), job({ dueAt: at(2), payload: { n: 2 } })]);
        const taken = await store.takeDueJobs({ now: at(10), limit: 2, leaseSeconds: 30 });
        expect(taken.map((j) => j.payload.n)).toEqual([1, 2]);
      });

      it('holds a job back while an older pending job has the same order key; done and failed ones do not', async () => {
        await store.enqueueJobs([
          job({ orderKey: 'dest-1:c-1', payload: { n: 1 } }),
          job({ orderKey: 'dest-1:c-1', payload: { n: 2 } }),
          job({ orderKey: 'dest-1:c-1', payload: { n: 3 } }),
          job({ orderKey: 'dest-2:c-1', payload: { n: 4 } }),
          job({ payload: { n: 5 } }),
        ]);
        const take = () => store.takeDueJobs({ now: at(1), limit: 10, leaseSeconds: 30 });
        const first = await take();
        expect(first.map((j) => j.payload.n)).toEqual([1, 4, 5]);
        await store.completeJob(first[1]!.id, at(1));
        await store.completeJob(first[2]!.id, at(1));
        // Rescheduled, the first is still pending and still holds the others back.
        await store.rescheduleJob(first[0]!.id, { dueAt: at(0), error: '503 from destination' });
        expect((await take()).map((j) => j.payload.n)).toEqual([1]);
        const firstJob = (await store.listJobs()).find((j) => j.payload.n === 1)!;
        expect(firstJob).toMatchObject({ lastError: '503 from destination', attempts: 2 });
        await store.completeJob(firstJob.id, at(2));
        const second = await store.takeDueJobs({ now: at(40), limit: 10, leaseSeconds: 30 });
        expect(second.map((j) => j.payload.n)).toEqual([2]);
        await store.failJob(second[0]!.id, { error: 'timeout', at: at(41) });
        expect((await store.takeDueJobs({ now: at(42), limit: 10, leaseSeconds: 30 })).map((j) => j.payload.n)).toEqual([3]);
      });

      it('keeps a failed job for an admin to see, counts jobs by state, and retries a failed one', async () => {
        await store.enqueueJobs([job({ payload: { n: 1 } }), job({ payload: { n: 2 } }), job({ payload: { n: 3 } })]);
        const [a, b] = await store.takeDueJobs({ now: at(1), limit: 2, leaseSeconds: 30 });
        await store.completeJob(a!.id, at(2));
        await store.failJob(b!.id, { error: 'HTTP 410 from destination', at: at(3) });
        expect(await store.countJobs()).toEqual({ pending: 1, failed: 1, done: 1 });
        const [failed, ...none] = await store.listJobs({ status: 'failed' });
        expect(none).toEqual([]);
        expect(failed).toMatchObject({ id: b!.id, status: 'failed', lastError: 'HTTP 410 from destination', lockedUntil: null, updatedAt: at(3) });
        expect(await store.retryJob(a!.id, at(4))).toBe(false);
        expect(await store.retryJob('not-a-job', at(4))).toBe(false);
        expect(await store.retryJob(b!.id, at(4))).toBe(true);
        expect(await store.countJobs()).toEqual({ pending: 2, failed: 0, done: 1 });
        const retried = await store.takeDueJobs({ now: at(5), limit: 10, leaseSeconds: 30 });
        expect(retried.map((j) => j.id)).toContain(b!.id);
        expect((await store.listJobs({ limit: 2 })).length).toBe(2);
      });

      it('writes the jobs a record causes with it, and none for a replay or a conflict', async () => {
        const record = sampleComplaint();
        const jobs = [job({ kind: 'complaint.created', complaintId: record.id, destinationId: 'd1', orderKey: `d1:${record.id}` })];
        const meta = { hash: 'h', receivedAt: now(), summary: summariseRecord(record), jobs };
        await store.insertRecord(record, meta);
        await store.insertRecord(record, meta);
        await store.insertRecord(record, { ...meta, hash: 'other' });
        const rating = sampleRating(record.id, 5);
        await store.insertRecord(rating, { hash: 'r', receivedAt: now(), jobs: [job({ kind: 'rating.created', complaintId: record.id })] });
        await store.insertRecord(rating, { hash: 'r', receivedAt: now(), jobs: [job({ kind: 'rating.created', complaintId: record.id })] });
        const stored = await store.listJobs();
        expect(stored.map((j) => j.kind).sort()).toEqual(['complaint.created', 'rating.created']);
        expect(stored.find((j) => j.kind === 'complaint.created')).toMatchObject({ complaintId: record.id, destinationId: 'd1', orderKey: `d1:${record.id}` });
      });

      it('writes the jobs of a claim, reply, moved date, resolve or follow-up only when it happened', async () => {
        const record = sampleComplaint();
        await put(store, record);
        const caused = (kind: string) => ({ jobs: [job({ kind, complaintId: record.id })] });
        await store.claim(record.id, 'Mia', now(), caused('claimed'));
        await store.claim(record.id, 'Tomas', now(), caused('claimed-by-tomas'));
        await store.markFollowedUp(record.id, now(), caused('followed-up-too-early'));
        // Refused: the complaint is not held by the account the permission was checked against.
        await store.addReply(record.id, 'Tomas', 'Hello.', now(), { ...caused('replied-by-tomas'), expectedClaimant: 'tomas-account' });
        await store.addReply(record.id, 'Mia', 'On its way.', now(), caused('replied'));
        await store.moveDue(record.id, 'Mia', at(3600), 'Courier late.', now(), caused('due-moved'));
        await store.resolve(record.id, 'Mia', 'Done.', now(), caused('resolved'));
        await store.resolve(record.id, 'Mia', 'Again.', now(), caused('resolved-twice'));
        await store.moveDue(record.id, 'Mia', at(7200), 'Too late.', now(), caused('due-moved-after-resolving'));
        await store.markFollowedUp(record.id, now(), caused('followed-up'));
        await store.claim('no-such-complaint', 'Mia', now(), caused('ghost'));
        await store.addReply('no-such-complaint', 'Mia', 'Hello?', now(), caused('ghost-reply'));
        expect((await store.listJobs()).map((j) => j.kind).sort()).toEqual(['claimed', 'due-moved', 'followed-up', 'replied', 'resolved']);
      });

      it("tells each reply's email state from the email job written with it, and reads no job to list the queue", async () => {
        const record = sampleComplaint();
        const other = sampleComplaint();
        await put(store, record);
        await put(store, other);
        const mailed = (complaintId: string, when: string, text: string) => ({
          jobs: [job({ kind: 'visitor.reply-email', payload: { at: when, text }, dueAt: when, complaintId, orderKey: `visitor-mail:${complaintId}` })],
        });
        await store.addReply(record.id, 'Mia', 'We are on it.', at(1), mailed(record.id, at(1), 'We are on it.'));
        await store.addReply(record.id, 'Mia', 'It ships today.', at(2), mailed(record.id, at(2), 'It ships today.'));
        // Written when the visitor had no usable email, or no mail server was set up: no job.
        await store.addReply(record.id, 'Mia', 'Only in the widget.', at(3));
        await store.addReply(record.id, 'Mia', 'Refunded.', at(4), mailed(record.id, at(4), 'Refunded.'));
        // Another complaint's reply at the same moment, and a moved date's email, are not these replies'.
        await store.addReply(other.id, 'Tomas', 'We are on it.', at(1), mailed(other.id, at(1), 'We are on it.'));
        await store.enqueueJobs([job({ kind: 'visitor.due-moved-email', payload: { dueBy: at(9000), reason: 'Late.' }, complaintId: record.id })]);
        const states = async (id = record.id) => (await store.getRecord(id))!.replies.map((reply) => `${reply.text} ${reply.email}`);
        expect(await states()).toEqual(['We are on it. pending', 'It ships today. pending', 'Only in the widget. none', 'Refunded. pending']);

        const jobOf = async (complaintId: string, text: string) =>
          (await store.listJobs()).find((j) => j.kind === 'visitor.reply-email' && j.complaintId === complaintId && j.payload.text === text)!;
        await store.completeJob((await jobOf(other.id, 'We are on it.')).id, at(5));
        expect(await states()).toEqual(['We are on it. pending', 'It ships today. pending', 'Only in the widget. none', 'Refunded. pending']);
        expect(await states(other.id)).toEqual(['We are on it. sent']);
        await store.completeJob((await jobOf(record.id, 'We are on it.')).id, at(6));
        await store.failJob((await jobOf(record.id, 'It ships today.')).id, { error: 'SMTP 550', at: at(7) });
        await store.rescheduleJob((await jobOf(record.id, 'Refunded.')).id, { dueAt: at(60), error: 'SMTP 421' });
        expect(await states()).toEqual(['We are on it. sent', 'It ships today. failed', 'Only in the widget. none', 'Refunded. pending']);
        // An admin retries the failed one: waiting again.
        await store.retryJob((await jobOf(record.id, 'It ships today.')).id, at(8));
        expect(await states()).toEqual(['We are on it. sent', 'It ships today. pending', 'Only in the widget. none', 'Refunded. pending']);

        const queries = await backend.captureQueries(() => store.listRecords({ limit: 10 }));
        expect(queries.length).toBeGreaterThan(0);
        for (const sql of queries) expect(sql).not.toMatch(/\bjobs\b|payload/);
      });

      it('never hands one job to two takers at once', async () => {
        await store.enqueueJobs(Array.from({ length: 60 }, (_, n) => job({ payload: { n } })));
        const takers = await Promise.all(
          Array.from({ length: 6 }, async () => {
            const mine: string[] = [];
            for (;;) {
              const taken = await store.takeDueJobs({ now: at(1), limit: 4, leaseSeconds: 60 });
              if (taken.length === 0) return mine;
              mine.push(...taken.map((j) => j.id));
            }
          }),
        );
        const all = takers.flat();
        expect(all).toHaveLength(60);
        expect(new Set(all).size).toBe(60);
      });
    });

    describe('retention', () => {
      it('deletes complaints resolved before the date with their ratings and jobs, and still answers their retries as replays', async () => {
        const old = sampleComplaint({ submittedAt: ago(900 * 24) });
        const recent = sampleComplaint({ submittedAt: ago(900 * 24) });
        const open = sampleComplaint({ submittedAt: ago(900 * 24) });
        const first = await put(store, old, 'old-hash');
        await put(store, recent);
        await put(store, open);
        await store.insertRecord(sampleRating(old.id, 3), { hash: 'rating', receivedAt: now() });
        await store.resolve(old.id, 'Mia', 'Refunded.', ago(800 * 24), { jobs: [{ kind: 'complaint.resolved', payload: { email: old.visitor.email }, dueAt: now(), complaintId: old.id }] });
        await store.resolve(recent.id, 'Mia', 'Refunded.', ago(10 * 24));

        expect(await store.purgeResolved({ resolvedBefore: ago(730 * 24) })).toBe(1);
        expect(await store.getRecord(old.id)).toBeNull();
        expect((await store.listRecords()).map((c) => c.id).sort()).toEqual([recent.id, open.id].sort());
        expect(await store.listJobs()).toEqual([]);
        expect(await put(store, old, 'old-hash')).toEqual({ outcome: 'replay', receipt: first.receipt });
        expect((await put(store, old, 'changed')).outcome).toBe('conflict');
        expect(await store.getRecord(old.id)).toBeNull();
        expect(await store.purgeResolved({ resolvedBefore: ago(730 * 24) })).toBe(0);
      });

      it('deletes any number of expired complaints in one sweep', async () => {
        const records = Array.from({ length: 520 }, () => sampleComplaint());
        for (let i = 0; i < records.length; i += 20) {
          await Promise.all(records.slice(i, i + 20).map(async (record) => {
            await put(store, record);
            await store.resolve(record.id, 'Mia', 'Done.', ago(800 * 24));
          }));
        }
        expect(await store.purgeResolved({ resolvedBefore: ago(730 * 24) })).toBe(520);
        expect(await store.countRecords()).toEqual({ total: 0, open: 0 });
      }, 30_000);
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

      it("counts the receiver's signals when it gives them, not the ones in the record", async () => {
        const record = sampleComplaint({ triage: { signals: [{ field: 'category', value: 'staff', cue: 'forged cue' }] } });
        await store.insertRecord(record, {
          hash: 'h',
          receivedAt: now(),
          summary: summariseRecord(record),
          signals: [{ field: 'category', value: 'product', cue: 'kettle' }],
        });
        const { signals } = await store.trends({ weeks: 1 });
        expect(signals).toEqual([{ field: 'category', value: 'product', cue: 'kettle', count: 1 }]);
      });

      it('keeps every query working with a stored body nested 1,500 deep', async () => {
        let traits: Record<string, unknown> = { leaf: true };
        for (let i = 0; i < 1500; i++) traits = { a: traits };
        const deep = sampleComplaint({ visitor: { traits } });
        await put(store, deep);
        await put(store, sampleComplaint());
        expect((await store.trends()).signals).toContainEqual({ field: 'category', value: 'delivery', cue: 'parcel', count: 2 });
        expect(await store.listRecords()).toHaveLength(2);
        expect((await store.getRecord(deep.id))?.record.visitor.traits).toEqual(traits);
        expect((await store.claim(deep.id, 'Mia', now())).ok).toBe(true);
      });
    });

    describe('comments after a follow-up rating', () => {
      const rateByLink = (complaintId: string, csat: 1 | 2 | 3 | 4 | 5) =>
        store.insertRecord(sampleRating(complaintId, csat), { hash: `link-${complaintId}`, receivedAt: now(), ratingSource: 'follow-up' });

      it('keeps one comment with a follow-up rating, exactly as written, and never overwrites it', async () => {
        const record = sampleComplaint();
        await put(store, record);
        expect((await store.getRecord(record.id))?.ratingComment).toBeNull();
        expect((await store.getRecord(record.id))?.ratedFrom).toBeNull();
        expect(await store.addRatingComment(record.id, 'Before any rating.', now())).toBe('not-rated');
        await rateByLink(record.id, 2);
        expect((await store.getRecord(record.id))?.ratedFrom).toBe('follow-up');
        const at = now();
        const text = 'The kettle came, but <b>dented</b> again 🙁\nLine two.';
        expect(await store.addRatingComment(record.id, text, at)).toBe('added');
        expect(await store.addRatingComment(record.id, 'A second try.', now())).toBe('already');
        const complaint = await store.getRecord(record.id);
        expect(complaint?.csat).toBe(2);
        expect(complaint?.ratingComment).toEqual({ text, at });
        expect(await store.addRatingComment('no-such-complaint', 'Hello', now())).toBe('not-rated');
      });

      it('takes no comment for a complaint rated in the widget, before or after it was sent', async () => {
        const ratedAfter = sampleComplaint();
        await put(store, ratedAfter);
        await store.insertRecord(sampleRating(ratedAfter.id, 5), { hash: 'widget', receivedAt: now() });
        const ratedInRecord = sampleComplaint({ csat: 4 });
        await put(store, ratedInRecord);
        for (const id of [ratedAfter.id, ratedInRecord.id]) {
          expect(await store.addRatingComment(id, 'Sneaky.', now())).toBe('already');
          expect((await store.getRecord(id))?.ratingComment).toBeNull();
          expect((await store.getRecord(id))?.ratedFrom).toBe('widget');
        }
      });

      it('writes the jobs a comment causes with it, and none for a comment refused', async () => {
        const record = sampleComplaint();
        await put(store, record);
        const caused = (kind: string) => ({ jobs: [{ kind, payload: { comment: 'Zoë 🙂' }, dueAt: now(), complaintId: record.id }] });
        await store.addRatingComment(record.id, 'Too early.', now(), caused('before-rating'));
        await rateByLink(record.id, 5);
        await store.addRatingComment(record.id, 'Great.', now(), caused('commented'));
        await store.addRatingComment(record.id, 'Again.', now(), caused('commented-twice'));
        const jobs = await store.listJobs();
        expect(jobs.map((j) => [j.kind, j.payload])).toEqual([['commented', { comment: 'Zoë 🙂' }]]);
      });

      it('takes exactly one of two comments sent at once', async () => {
        const record = sampleComplaint();
        await put(store, record);
        await rateByLink(record.id, 4);
        const results = await Promise.all([store.addRatingComment(record.id, 'First.', now()), store.addRatingComment(record.id, 'Second.', now())]);
        expect(results.sort()).toEqual(['added', 'already']);
      });
    });

    describe('commitments kept on time', () => {
      /** A complaint submitted 30 hours ago with a date promised (or none), moved and resolved as asked. */
      const promised = async (
        dueBy: string | null,
        { moves = [], resolvedAt = null, submittedAt = ago(30) }: { moves?: { at: string, to: string }[], resolvedAt?: string | null, submittedAt?: string } = {},
      ) => {
        const record = sampleComplaint({ submittedAt, commitment: dueBy === null ? null : { action: 'Send a new kettle.', dueBy, slaHours: 24 } });
        await put(store, record);
        for (const move of moves) expect((await store.moveDue(record.id, 'Mia', move.to, 'The courier is late.', move.at)).ok).toBe(true);
        if (resolvedAt) expect((await store.resolve(record.id, 'Mia', 'Sent.', resolvedAt)).ok).toBe(true);
        return record.id;
      };

      it('counts kept, moved in time and missed promises, leaving out those still in play', async () => {
        expect(await store.commitments({ weeks: 4 })).toEqual({ total: 0, kept: 0, moved: 0, missed: 0 });
        // Kept: resolved by the first promise, whether it has passed or not.
        await promised(ago(10), { resolvedAt: ago(12) });
        await promised(ago(-24), { resolvedAt: now() });
        // Kept too: no promise in the record, and resolved by the date an agent then set.
        await promised(null, { moves: [{ at: ago(6), to: ago(2) }], resolvedAt: ago(3) });
        // Moved with notice: the new date was set before the old one passed, and was kept.
        await promised(ago(20), { moves: [{ at: ago(22), to: ago(5) }], resolvedAt: ago(6) });
        // Missed: moved only after the date had passed.
        await promised(ago(20), { moves: [{ at: ago(18), to: ago(5) }], resolvedAt: ago(6) });
        // Missed: moved in time, then the new date was missed too.
        await promised(ago(20), { moves: [{ at: ago(22), to: ago(8) }], resolvedAt: ago(3) });
        // Missed: resolved late, and open past the date.
        await promised(ago(20), { resolvedAt: ago(10) });
        await promised(ago(2));
        // Still in play, not counted: open before the date, open before a date moved in time.
        await promised(ago(-5));
        await promised(ago(20), { moves: [{ at: ago(22), to: ago(-10) }] });
        // Not counted: no date ever promised, or submitted before the weeks asked for.
        await promised(null, { resolvedAt: ago(1) });
        await promised(ago(60 * 24 - 24), { resolvedAt: ago(60 * 24 - 30), submittedAt: ago(60 * 24) });
        expect(await store.commitments({ weeks: 4 })).toEqual({ total: 8, kept: 3, moved: 1, missed: 4 });
      });

      it('counts a second move made after the first moved date had passed as missed', async () => {
        await promised(ago(20), { moves: [{ at: ago(22), to: ago(10) }, { at: ago(8), to: ago(2) }], resolvedAt: ago(3) });
        expect(await store.commitments({ weeks: 4 })).toEqual({ total: 1, kept: 0, moved: 0, missed: 1 });
      });

      it('counts from columns, without reading any stored body', async () => {
        await promised(ago(10), { resolvedAt: ago(12) });
        const sql = await backend.captureQueries(() => store.commitments({ weeks: 4 }));
        expect(sql.length).toBeGreaterThan(0);
        for (const statement of sql) expect(statement).not.toMatch(/\bbody\b/);
      });
    });

    describe('agents, sessions and the audit trail', () => {
      const HOURS = (n: number) => new Date(Date.now() + n * HOUR).toISOString();
      const newAgent = (overrides: Partial<NewAgent> = {}): NewAgent => ({
        id: `agent-${Math.random().toString(36).slice(2)}`,
        name: 'Mia Horváth',
        email: `mia-${Math.random().toString(36).slice(2)}@shop.example`,
        role: 'agent',
        passwordHash: 'scrypt$hash',
        inviteHash: null,
        inviteExpiresAt: null,
        createdAt: now(),
        ...overrides,
      });

      it('keeps accounts by email, once each', async () => {
        const mia = newAgent();
        const created = await store.createAgent(mia);
        expect(created).toMatchObject({ ok: true, agent: { id: mia.id, name: mia.name, email: mia.email, role: 'agent', passwordHash: 'scrypt$hash', invitePending: false } });
        expect(await store.createAgent(newAgent({ email: mia.email }))).toEqual({ ok: false, error: 'email-taken' });
        expect((await store.findAgentByEmail(mia.email))?.id).toBe(mia.id);
        expect(await store.findAgentByEmail('nobody@shop.example')).toBeNull();
        expect((await store.listAgents()).map((agent) => agent.id)).toEqual([mia.id]);
        expect(await store.removeAgent(mia.id)).toBe(true);
        expect(await store.getAgent(mia.id)).toBeNull();
        expect(await store.removeAgent(mia.id)).toBe(false);
      });

      it('creates the first admin only while there is none, even when asked twice at once', async () => {
        const [a, b] = await Promise.all([
          store.createFirstAdmin(newAgent({ role: 'admin', email: 'admin@shop.example' })),
          store.createFirstAdmin(newAgent({ role: 'admin', email: 'other@shop.example' })),
        ]);
        expect([a, b].filter(Boolean)).toHaveLength(1);
        expect((await store.listAgents()).filter((agent) => agent.role === 'admin')).toHaveLength(1);
      });

      it('finds a session by its hash until it expires, is removed, or its agent is', async () => {
        const mia = newAgent();
        await store.createAgent(mia);
        await store.createSession({ tokenHash: 'h-live', agentId: mia.id, createdAt: now(), expiresAt: HOURS(12) });
        await store.createSession({ tokenHash: 'h-old', agentId: mia.id, createdAt: now(), expiresAt: HOURS(-1) });
        expect(await store.findSession('h-live', now())).toEqual({ id: mia.id, name: mia.name, email: mia.email, role: 'agent' });
        expect(await store.findSession('h-old', now())).toBeNull();
        expect(await store.findSession('h-live', HOURS(13))).toBeNull();
        await store.deleteSession('h-live');
        expect(await store.findSession('h-live', now())).toBeNull();

        await store.createSession({ tokenHash: 'h-again', agentId: mia.id, createdAt: now(), expiresAt: HOURS(12) });
        await store.removeAgent(mia.id);
        expect(await store.findSession('h-again', now())).toBeNull();
      });

      it('opens a stream with a ticket only while the session it was taken under lives: not after sign-out, expiry or the agent\'s removal', async () => {
        const mia = newAgent();
        const sam = newAgent();
        await store.createAgent(mia);
        await store.createAgent(sam);
        const later = HOURS(1);
        for (const [session, agent, expiresAt] of [['s-live', mia, HOURS(12)], ['s-out', mia, HOURS(12)], ['s-old', mia, HOURS(-1)], ['s-sam', sam, HOURS(12)]] as const) {
          await store.createSession({ tokenHash: session, agentId: agent.id, createdAt: now(), expiresAt });
          await store.addStreamTicket({ hash: `t-${session}`, expiresAt: later, sessionHash: session });
        }
        await store.deleteSession('s-out');
        await store.removeAgent(sam.id);
        expect(await store.redeemStreamTicket('t-s-live', now())).toBe(mia.id);
        expect(await store.redeemStreamTicket('t-s-live', now())).toBeNull();
        expect(await store.redeemStreamTicket('t-s-out', now())).toBeNull();
        expect(await store.redeemStreamTicket('t-s-old', now())).toBeNull();
        expect(await store.redeemStreamTicket('t-s-sam', now())).toBeNull();
      });

      it('accepts an invite once, before it expires', async () => {
        const invited = newAgent({ passwordHash: null, inviteHash: 'invite-1', inviteExpiresAt: HOURS(24) });
        const expired = newAgent({ passwordHash: null, inviteHash: 'invite-2', inviteExpiresAt: HOURS(-1) });
        await store.createAgent(invited);
        await store.createAgent(expired);
        expect((await store.getAgent(invited.id))?.invitePending).toBe(true);
        expect(await store.acceptInvite('invite-1', 'scrypt$chosen', now())).toMatchObject({ id: invited.id });
        expect(await store.getAgent(invited.id)).toMatchObject({ passwordHash: 'scrypt$chosen', invitePending: false });
        expect(await store.acceptInvite('invite-1', 'scrypt$again', now())).toBeNull();
        expect(await store.acceptInvite('invite-2', 'scrypt$late', now())).toBeNull();
        expect((await store.getAgent(expired.id))?.passwordHash).toBeNull();
      });

      it('keeps who claimed, released, resolved and followed up, and when, only for changes that happened', async () => {
        const complaint = sampleComplaint({ submittedAt: ago(30) });
        await put(store, complaint);
        const mia = { id: 'agent-mia', name: 'Mia' };
        const tomas = { id: 'agent-tomas', name: 'Tomas' };
        const claimedAt = ago(5);
        expect((await store.claim(complaint.id, mia, claimedAt)).ok).toBe(true);
        // The same agent again: no change, no second entry. Another agent: a conflict, no entry.
        expect((await store.claim(complaint.id, mia, ago(4.5))).ok).toBe(true);
        expect((await store.claim(complaint.id, tomas, ago(4.4))).ok).toBe(false);
        expect((await store.release(complaint.id, mia, ago(4))).ok).toBe(true);
        expect((await store.claim(complaint.id, tomas, ago(3))).complaint).toMatchObject({ claimedBy: 'Tomas', claimedById: 'agent-tomas' });
        // A permission checked against Mia holding it is out of date: nothing changes.
        expect((await store.resolve(complaint.id, mia, 'Done.', ago(2.5), { expectedClaimant: 'agent-mia' })).ok).toBe(false);
        expect((await store.resolve(complaint.id, tomas, 'Refunded.', ago(2), { expectedClaimant: 'agent-tomas' })).ok).toBe(true);
        expect((await store.resolve(complaint.id, tomas, 'Again.', ago(1.5))).ok).toBe(false);
        await store.markFollowedUp(complaint.id, ago(0), { agent: tomas });

        const audit = (await store.getRecord(complaint.id))!.audit;
        expect(audit.map((event) => [event.action, event.agentId, event.agentName])).toEqual([
          ['claimed', 'agent-mia', 'Mia'],
          ['released', 'agent-mia', 'Mia'],
          ['claimed', 'agent-tomas', 'Tomas'],
          ['resolved', 'agent-tomas', 'Tomas'],
          ['followed-up', 'agent-tomas', 'Tomas'],
        ]);
        expect(Date.parse(audit[0]!.at)).toBe(Date.parse(claimedAt));
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

    describe('stream tickets', () => {
      it('opens a stream once per ticket, only before it expires', async () => {
        const later = new Date(Date.now() + 60_000).toISOString();
        const agent = { id: 'agent-tickets', name: 'Ana', email: 'ana-tickets@shop.example', role: 'agent' as const, passwordHash: 'scrypt$hash', inviteHash: null, inviteExpiresAt: null, createdAt: now() };
        await store.createAgent(agent);
        await store.createSession({ tokenHash: 'session-hash', agentId: agent.id, createdAt: now(), expiresAt: later });
        await store.addStreamTicket({ hash: 'ticket-hash-1', expiresAt: later, sessionHash: 'session-hash' });
        await store.addStreamTicket({ hash: 'ticket-hash-2', expiresAt: ago(0.01), sessionHash: 'session-hash' });
        expect(await store.redeemStreamTicket('ticket-hash-1', now())).toBe(agent.id);
        expect(await store.redeemStreamTicket('ticket-hash-1', now())).toBeNull();
        expect(await store.redeemStreamTicket('ticket-hash-2', now())).toBeNull();
        expect(await store.redeemStreamTicket('never-issued', now())).toBeNull();
      });
    });

    it('announces a stored record with its commit, and a replay or a conflict not at all', async () => {
      const heard: [string, object][] = [];
      store.events.subscribe((type, data) => heard.push([type, data]));
      const record = sampleComplaint();
      const meta = { hash: 'h', receivedAt: now(), summary: summariseRecord(record), event: { type: 'created', data: { id: record.id } } };
      await store.insertRecord(record, meta);
      await store.insertRecord(record, meta);
      await store.insertRecord(record, { ...meta, hash: 'other' });
      const rating = sampleRating(record.id, 4);
      await store.insertRecord(rating, { hash: 'r', receivedAt: now(), event: { type: 'updated', data: { id: record.id } } });
      await until(() => heard.length >= 2);
      // One more event through the same channel, so anything sent before it has arrived too.
      await store.events.publish('marker', {});
      await until(() => heard.some(([type]) => type === 'marker'));
      expect(heard).toEqual([['created', { id: record.id }], ['updated', { id: record.id }], ['marker', {}]]);
    });

    it('answers a ping while the database is reachable', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
