// @ts-check
import { isoDate, weekStart } from '../store/shared.mjs';

/**
 * What a team is judged by, per week and per category, computed in one place from the rows both
 * databases give (`store.teamRows`), so SQLite and PostgreSQL cannot disagree. The definitions,
 * as the inbox and server/README state them:
 * - a complaint's week is the ISO week (Monday to Sunday, in UTC) in which the visitor sent it,
 *   as in the complaints-per-category table;
 * - CSAT: ratings of 4 or 5 stars out of all ratings, over the complaints that were rated (each
 *   complaint's last rating counts once);
 * - first response: the first reply an agent wrote to the visitor, minus when the complaint was
 *   received; over the complaints that have one;
 * - time to resolve: when it was resolved minus when it was received; over resolved complaints
 *   only (one reopened by the visitor is not counted until it is resolved again);
 * - the reply promise: the visitor is told "you will hear from us by" the due date, so it is
 *   kept when the first reply came at or before the date first promised, or at or before a later
 *   date an agent set before the earlier one had passed; missed when the first reply came later,
 *   or none came and the date has passed. Counted over complaints with a date whose first reply
 *   came or whose date has passed (open ones not yet due are still in play).
 * Medians and 90th percentiles interpolate between the two nearest durations, as PostgreSQL's
 * `percentile_cont` does.
 * @param {import('../store/store.mjs').TeamRow[]} rows
 * @param {{ weeks: string[], now: number }} options the weeks shown (their Mondays, oldest first)
 * @returns {TeamFigures}
 */
export function teamFigures(rows, { weeks, now }) {
  /** @type {Map<string, import('../store/store.mjs').TeamRow[]>} */
  const byWeek = new Map(weeks.map((week) => [week, []]));
  /** @type {Map<string, import('../store/store.mjs').TeamRow[]>} */
  const byCategory = new Map();
  for (const row of rows) {
    byWeek.get(isoDate(weekStart(row.submittedMs)))?.push(row);
    const category = byCategory.get(row.category) ?? [];
    category.push(row);
    byCategory.set(row.category, category);
  }
  return {
    weeks: weeks.map((week) => ({ week, ...figuresOf(byWeek.get(week) ?? [], now) })),
    categories: [...byCategory.keys()].sort().map((category) => ({ category, ...figuresOf(byCategory.get(category) ?? [], now) })),
    all: figuresOf(rows, now),
  };
}

/**
 * @param {import('../store/store.mjs').TeamRow[]} rows
 * @param {number} now
 * @returns {Figures}
 */
function figuresOf(rows, now) {
  const ratings = rows.filter((row) => row.csat !== null);
  const promised = rows.filter((row) => row.dueMs !== null && (row.firstReplyMs !== null || row.dueMs < now));
  return {
    complaints: rows.length,
    csat: { ratings: ratings.length, satisfied: ratings.filter((row) => /** @type {number} */ (row.csat) >= 4).length },
    firstResponse: spread(rows.flatMap((row) => (row.firstReplyMs === null ? [] : [row.firstReplyMs - row.receivedMs]))),
    resolution: spread(rows.flatMap((row) => (row.resolvedMs === null ? [] : [row.resolvedMs - row.receivedMs]))),
    replyPromise: { counted: promised.length, kept: promised.filter(keptReplyPromise).length },
  };
}

/** @param {import('../store/store.mjs').TeamRow} row */
function keptReplyPromise(row) {
  const { firstReplyMs, firstDueMs, dueMs, lateMove } = row;
  if (firstReplyMs === null) return false;
  return (firstDueMs !== null && firstReplyMs <= firstDueMs) || (dueMs !== null && firstReplyMs <= dueMs && !lateMove);
}

/**
 * How many durations, their median and 90th percentile (ms; null when there are none).
 * @param {number[]} durations
 */
function spread(durations) {
  const sorted = durations.map((ms) => Math.max(0, ms)).sort((a, b) => a - b);
  return { count: sorted.length, medianMs: percentile(sorted, 0.5), p90Ms: percentile(sorted, 0.9) };
}

/**
 * The `share` percentile of sorted values, interpolated linearly between the nearest two.
 * @param {number[]} sorted
 * @param {number} share from 0 to 1
 */
export function percentile(sorted, share) {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * share;
  const below = Math.floor(position);
  const low = /** @type {number} */ (sorted[below]);
  const high = /** @type {number} */ (sorted[Math.min(below + 1, sorted.length - 1)]);
  return Math.round(low + (high - low) * (position - below));
}

/**
 * @typedef {{ count: number, medianMs: number | null, p90Ms: number | null }} Spread
 * @typedef {{
 *   complaints: number,
 *   csat: { ratings: number, satisfied: number },
 *   firstResponse: Spread,
 *   resolution: Spread,
 *   replyPromise: { counted: number, kept: number },
 * }} Figures
 * @typedef {{ weeks: ({ week: string } & Figures)[], categories: ({ category: string } & Figures)[], all: Figures }} TeamFigures
 */
