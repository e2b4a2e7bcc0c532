import { describe, expect, it } from 'vitest';
import { sampleRating } from '../../server/sample-records.mjs';
import { apiSuite } from '../support/api-suite';
import { bothStores } from '../support/postgres';
import { DAY, HOUR, iso, MIN, monday, type Plan, seedComplaint } from '../support/trends-seed';

const backends = bothStores();

const day = (ms: number) => iso(ms).slice(0, 10);

describe.each(backends)('Trends: what a team is judged by, on %s', (_name, open) => {
  const suite = apiSuite(open);
  const complaint = (at: number, plan: Plan) => seedComplaint(suite.store, at, plan);

  it('gives CSAT, first response, time to resolve and the reply promise kept, per week and per category', async () => {
    const w1 = monday(2);
    const w2 = monday(1);
    // Two weeks ago: A, B, C (delivery) and D (billing).
    await complaint(w1, { dueAt: w1 + 24 * HOUR, replies: [30 * MIN, 10 * HOUR], resolved: 6 * HOUR, rating: 5 }); // A: kept
    await complaint(w1 + 2 * HOUR, { dueAt: w1 + 3 * HOUR, replies: [2 * HOUR], resolved: 10 * HOUR, rating: 2 }); // B: replied after the date
    await complaint(w1 + 3 * HOUR, { dueAt: w1 + 7 * HOUR }); // C: no reply, date passed
    // D: its date moved before it passed, and the reply came by the new one.
    await complaint(w1 + 4 * HOUR, { category: 'billing', dueAt: w1 + 5 * HOUR, move: { at: 30 * MIN, to: w1 + 7 * HOUR }, replies: [90 * MIN], resolved: 48 * HOUR, rating: 4 });
    // Last week: E (billing), F and G (delivery).
    await complaint(w2, { category: 'billing', dueAt: Date.now() + 30 * DAY, replies: [15 * MIN], rating: 4 }); // E: kept, open
    await complaint(w2 + HOUR, { dueAt: Date.now() + 2 * DAY }); // F: not yet due, not counted
    // G: its date moved only once it had passed: missed, though the reply came by the new date.
    await complaint(w2 + 2 * HOUR, { dueAt: w2 + 4 * HOUR, move: { at: 3 * HOUR, to: w2 + 12 * HOUR }, replies: [5 * HOUR], resolved: 8 * HOUR, rating: 5 });
    // Outside the four weeks asked for: counted nowhere.
    await complaint(monday(6), { dueAt: monday(6) + HOUR, replies: [10 * HOUR], resolved: 20 * HOUR, rating: 1 });

    const response = await suite.app.inject({ url: '/api/trends?weeks=4', headers: suite.auth });
    expect(response.statusCode).toBe(200);
    const { team } = response.json();
    const none = { count: 0, medianMs: null, p90Ms: null };
    const empty = { complaints: 0, csat: { ratings: 0, satisfied: 0 }, firstResponse: none, resolution: none, replyPromise: { counted: 0, kept: 0 } };

    expect(team.weeks).toEqual([
      { week: day(monday(3)), ...empty },
      {
        week: day(w1),
        complaints: 4,
        csat: { ratings: 3, satisfied: 2 },
        // 30, 90, 120 min: median 90; p90 at 1.8 of the way: 90 + 0.8 × 30 = 114 min.
        firstResponse: { count: 3, medianMs: 90 * MIN, p90Ms: 114 * MIN },
        // 6, 10, 48 h: median 10 h; p90: 10 + 0.8 × 38 = 40.4 h.
        resolution: { count: 3, medianMs: 10 * HOUR, p90Ms: 40.4 * HOUR },
        replyPromise: { counted: 4, kept: 2 },
      },
      {
        week: day(w2),
        complaints: 3,
        csat: { ratings: 2, satisfied: 2 },
        // 15 and 300 min: median 157.5; p90: 15 + 0.9 × 285 = 271.5 min.
        firstResponse: { count: 2, medianMs: 157.5 * MIN, p90Ms: 271.5 * MIN },
        resolution: { count: 1, medianMs: 8 * HOUR, p90Ms: 8 * HOUR },
        replyPromise: { counted: 2, kept: 1 },
      },
      { week: day(monday(0)), ...empty },
    ]);
    expect(team.categories).toEqual([
      {
        category: 'billing',
        complaints: 2,
        csat: { ratings: 2, satisfied: 2 },
        // 15 and 90 min: median 52.5; p90: 15 + 0.9 × 75 = 82.5 min.
        firstResponse: { count: 2, medianMs: 52.5 * MIN, p90Ms: 82.5 * MIN },
        resolution: { count: 1, medianMs: 48 * HOUR, p90Ms: 48 * HOUR },
        replyPromise: { counted: 2, kept: 2 },
      },
      {
        category: 'delivery',
        complaints: 5,
        csat: { ratings: 3, satisfied: 2 },
        // 30, 120, 300 min: median 120; p90: 120 + 0.8 × 180 = 264 min.
        firstResponse: { count: 3, medianMs: 120 * MIN, p90Ms: 264 * MIN },
        // 6, 8, 10 h: median 8; p90: 8 + 0.8 × 2 = 9.6 h.
        resolution: { count: 3, medianMs: 8 * HOUR, p90Ms: 9.6 * HOUR },
        replyPromise: { counted: 4, kept: 1 },
      },
    ]);
    expect(team.all).toEqual({
      complaints: 7,
      csat: { ratings: 5, satisfied: 4 },
      // 15, 30, 90, 120, 300 min: median 90; p90 at 3.6: 120 + 0.6 × 180 = 228 min.
      firstResponse: { count: 5, medianMs: 90 * MIN, p90Ms: 228 * MIN },
      // 6, 8, 10, 48 h: median 9 h; p90 at 2.7: 10 + 0.7 × 38 = 36.6 h.
      resolution: { count: 4, medianMs: 9 * HOUR, p90Ms: 36.6 * HOUR },
      replyPromise: { counted: 6, kept: 3 },
    });
  });

  it('counts a complaint reopened by the visitor in no time to resolve, and only its last rating', async () => {
    const w1 = monday(1);
    const record = await complaint(w1, { dueAt: w1 + HOUR, replies: [20 * MIN], resolved: 2 * HOUR, rating: 2 });
    const later = { ...sampleRating(record.id, 5), at: iso(Date.now() + 1000) };
    await suite.store.insertRecord(later, { hash: 'rating-again', receivedAt: iso(Date.now()) });
    const reopened = await suite.store.addThreadMessage({ id: crypto.randomUUID(), complaintId: record.id, text: 'It broke again.', at: iso(w1 + 3 * HOUR), receivedAt: iso(w1 + 3 * HOUR), windowMs: 30 * DAY });
    expect(reopened).toMatchObject({ outcome: 'created', reopened: true });
    const { team } = (await suite.app.inject({ url: '/api/trends?weeks=2', headers: suite.auth })).json();
    expect(team.all.resolution).toEqual({ count: 0, medianMs: null, p90Ms: null });
    expect(team.all.csat).toEqual({ ratings: 1, satisfied: 1 });
    expect(team.all.firstResponse).toEqual({ count: 1, medianMs: 20 * MIN, p90Ms: 20 * MIN });
  });
});
