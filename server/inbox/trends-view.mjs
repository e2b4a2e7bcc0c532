// @ts-check
import { h } from './dom.mjs';

/**
 * @typedef {{
 *   weeks: string[],
 *   categories: { week: string, category: string, count: number }[],
 *   signals: { field: string, value: string, cue: string, count: number }[],
 *   commitments?: import('../store/store.mjs').Commitments,
 *   team?: import('../api/team-figures.mjs').TeamFigures,
 * }} Trends
 */

/**
 * Complaints per category per week, and the cues many complaints share (seeds 000 §2.8 and
 * 001 §5: find the issue many customers have).
 * @param {HTMLElement} container
 * @param {Trends} trends
 */
export function renderTrends(container, trends) {
  const categories = [...new Set(trends.categories.map((row) => row.category))].sort();
  /** @type {Map<string, number>} */
  const counts = new Map(trends.categories.map((row) => [`${row.week}\u0000${row.category}`, row.count]));
  const top = Math.max(1, ...trends.signals.map((signal) => signal.count));

  container.replaceChildren(
    ...(trends.team ? teamSection(trends.team) : []),
    ...(trends.commitments ? commitmentsSection(trends.commitments, trends.weeks.length) : []),
    h('h3', {}, 'Complaints per category per week'),
    categories.length === 0
      ? h('p', {}, 'No complaints in these weeks.')
      : h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { id: 'trends-categories' },
            h('caption', {}, `Weeks starting on Monday, last ${trends.weeks.length} weeks`),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Category'), trends.weeks.map((week) => h('th', { scope: 'col' }, weekLabel(week))), h('th', { scope: 'col' }, 'Total'))),
            h(
              'tbody',
              {},
              categories.map((category) => {
                const row = trends.weeks.map((week) => counts.get(`${week}\u0000${category}`) ?? 0);
                return h('tr', {}, h('th', { scope: 'row' }, category), row.map((count) => h('td', {}, count || '·')), h('td', {}, row.reduce((a, b) => a + b, 0)));
              }),
            ),
          ),
        ),
    h('h3', {}, 'Most frequent signals'),
    trends.signals.length === 0
      ? h('p', {}, 'No signals yet.')
      : h(
          'table',
          { id: 'trends-signals', class: 'bars' },
          h('caption', {}, 'The words and traits behind triage decisions, by how many complaints share them'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Decision'), h('th', { scope: 'col' }, 'Cue'), h('th', { scope: 'col' }, 'Complaints'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Share')))),
          h(
            'tbody',
            {},
            trends.signals.map((signal) =>
              h(
                'tr',
                {},
                h('td', {}, decisionText(signal.field, signal.value)),
                h('td', {}, cueText(signal.cue)),
                h('td', {}, signal.count),
                h('td', { class: 'bar-cell', 'aria-hidden': 'true' }, bar(signal.count / top)),
              ),
            ),
          ),
        ),
  );
}

/** Fewer ratings than this and a share says more than they can: the count is shown instead. */
export const FEW_RATINGS = 5;

/**
 * What the team is judged by, per week and per category (server/api/team-figures.mjs computes
 * it and defines each figure; the hint below says the same to the agent).
 * @param {import('../api/team-figures.mjs').TeamFigures} team
 */
export function teamSection(team) {
  const columns = ['Complaints', 'CSAT (4–5 stars)', 'First response, median', 'First response, 90th percentile', 'Time to resolve, median', 'Time to resolve, 90th percentile', 'Reply promise kept'];
  /** @param {import('../api/team-figures.mjs').Figures} figures */
  const cells = (figures) => [
    h('td', {}, count(figures.complaints)),
    h('td', {}, csatText(figures.csat)),
    h('td', {}, duration(figures.firstResponse.medianMs)),
    h('td', {}, duration(figures.firstResponse.p90Ms)),
    h('td', {}, duration(figures.resolution.medianMs)),
    h('td', {}, duration(figures.resolution.p90Ms)),
    h('td', {}, promiseText(figures.replyPromise)),
  ];
  /** @param {string} id @param {string} caption @param {string} first @param {[string, import('../api/team-figures.mjs').Figures][]} rows */
  const table = (id, caption, first, rows) =>
    h('div', { class: 'table-wrap' },
      h('table', { id },
        h('caption', {}, caption),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, first), columns.map((column) => h('th', { scope: 'col' }, column)))),
        h('tbody', {}, rows.map(([label, figures]) => h('tr', {}, h('th', { scope: 'row' }, label), cells(figures)))),
        h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, 'All'), cells(team.all))),
      ));
  return [
    h('h3', {}, 'How the team is doing'),
    h('p', { id: 'trends-team-all' }, `In the last ${team.weeks.length} weeks: CSAT ${csatText(team.all.csat)}; first response ${duration(team.all.firstResponse.medianMs)} (median); `
      + `time to resolve ${duration(team.all.resolution.medianMs)} (median); reply promise kept ${promiseText(team.all.replyPromise)}.`),
    table('trends-team-weeks', 'Per week: weeks start on Monday (UTC), by when the visitor sent the complaint', 'Week',
      team.weeks.map((row) => [weekLabel(row.week), row])),
    team.categories.length === 0
      ? h('p', {}, 'No complaints in these weeks to show per category.')
      : table('trends-team-categories', `Per category, over the last ${team.weeks.length} weeks`, 'Category', team.categories.map((row) => [row.category, row])),
    h('p', { class: 'hint', id: 'trends-team-definitions' },
      'CSAT: ratings of 4 or 5 stars out of all ratings (each complaint\'s last rating), with how many there are; '
      + `with fewer than ${FEW_RATINGS} ratings no share is given, as it would not mean much yet. `
      + 'First response: the first reply an agent wrote to the visitor, from when the complaint was received. '
      + 'Time to resolve: from received to resolved, over resolved complaints only. '
      + 'Median: half were quicker; 90th percentile: nine in ten were quicker. '
      + 'Reply promise kept: the visitor is told when they will hear from us, so it is kept when the first reply came by that date '
      + '(or by a later date an agent set before it passed), out of the complaints with a date that were answered or whose date has passed.'),
  ];
}

const NUMBER = new Intl.NumberFormat('en');

/** @param {number} value */
function count(value) {
  return NUMBER.format(value);
}

/**
 * A share rounded down, so it says 100 % only when all of them were. @param {number} part @param {number} whole
 */
function share(part, whole) {
  return `${Math.floor((part / whole) * 100)} %`;
}

/**
 * "80 % (8 of 10 ratings)", or the count alone while there are too few for a share.
 * @param {{ ratings: number, satisfied: number }} csat
 */
export function csatText({ ratings, satisfied }) {
  if (ratings === 0) return 'no ratings';
  if (ratings < FEW_RATINGS) return `${count(satisfied)} of ${count(ratings)} ${ratings === 1 ? 'rating' : 'ratings'}: too few for a share`;
  return `${share(satisfied, ratings)} (${count(satisfied)} of ${count(ratings)} ratings)`;
}

/** "75 % (3 of 4)", or "none to count". @param {{ counted: number, kept: number }} promise */
export function promiseText({ counted, kept }) {
  if (counted === 0) return 'none to count';
  return `${share(kept, counted)} (${count(kept)} of ${count(counted)})`;
}

/**
 * A duration as an agent reads it: "45 min", "2 h 5 min", "26 h"; a dash when there is none.
 * @param {number | null} ms
 */
export function duration(ms) {
  if (ms === null) return '—';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under 1 min';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${count(hours)} h` : `${count(hours)} h ${rest} min`;
}

/**
 * Whether the dates promised to visitors were kept (store.mjs, `Commitments`, defines each count).
 * @param {import('../store/store.mjs').Commitments} commitments
 * @param {number} weeks
 */
export function commitmentsSection({ total, kept, moved, missed }, weeks) {
  return [
    h('h3', { id: 'commitments-title' }, 'Commitments'),
    h('p', { id: 'trends-commitments' }, commitmentsLine({ total, kept, moved, missed })),
    h('p', { class: 'hint' }, `Complaints received in the last ${weeks} weeks with a date promised to the visitor that are resolved or past that date. `
      + 'Kept on time: resolved by the first date promised. Moved with notice: resolved by a later date an agent set, with a reason, before the earlier date passed. '
      + 'Missed: the rest, including open complaints past their date.'),
  ];
}

/**
 * "Commitments kept on time: 41 of 45 (91 %) · moved with notice: 3 · missed: 1". The share is
 * rounded down, so it says 100 % only when every commitment was kept.
 * @param {import('../store/store.mjs').Commitments} commitments
 */
export function commitmentsLine({ total, kept, moved, missed }) {
  if (total === 0) return 'Commitments kept on time: none to count yet (no complaint with a promised date is resolved or past it).';
  return `Commitments kept on time: ${kept} of ${total} (${Math.floor((kept / total) * 100)} %) · moved with notice: ${moved} · missed: ${missed}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A week as the inbox says it: "7–13 Dec", "30 Nov – 6 Dec", "29 Dec 2025 – 4 Jan 2026".
 * @param {string} week its Monday, as YYYY-MM-DD (UTC)
 */
export function weekLabel(week) {
  const start = new Date(`${week}T00:00:00Z`);
  if (Number.isNaN(start.getTime())) return week;
  const end = new Date(start.getTime() + 6 * 24 * 3600_000);
  const day = (/** @type {Date} */ date) => date.getUTCDate();
  const month = (/** @type {Date} */ date) => MONTHS[date.getUTCMonth()];
  if (start.getUTCFullYear() !== end.getUTCFullYear()) {
    return `${day(start)} ${month(start)} ${start.getUTCFullYear()} – ${day(end)} ${month(end)} ${end.getUTCFullYear()}`;
  }
  if (start.getUTCMonth() !== end.getUTCMonth()) return `${day(start)} ${month(start)} – ${day(end)} ${month(end)}`;
  return `${day(start)}–${day(end)} ${month(end)}`;
}

/** What each triage decision is called in the inbox. */
const DECISIONS = /** @type {Record<string, string>} */ ({
  urgency: 'Urgency',
  category: 'Category',
  mood: 'Mood',
  customerType: 'Customer type',
  language: 'Language',
  escalation: 'Handover to a person',
});

/** @param {string} code */
function languageName(code) {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "Customer type: frequent", "Language: Hungarian". @param {string} field @param {string} value */
export function decisionText(field, value) {
  return `${DECISIONS[field] ?? field}: ${field === 'language' ? languageName(value) : value}`;
}

/**
 * A cue as a sentence fragment an agent reads, not triage's shorthand ("no mood cues",
 * "history=3"); a cue that is what the visitor wrote is shown as it is.
 * @param {string} cue
 */
export function cueText(cue) {
  const none = /^no ([\w-]+) (?:cues|words)(?:; default)?$/.exec(cue);
  if (none) return `nothing pointed to a ${none[1]?.replace('-', ' ')}: the usual reading`;
  const locale = /^page locale (.+)$/.exec(cue);
  if (locale) return `the page's language (${languageName(locale[1] ?? '')})`;
  const history = /^history=(\d+)$/.exec(cue);
  if (history) return `${history[1]} earlier complaints`;
  const follows = /^(?:(.+); )?(urgency|mood) (\w+)$/.exec(cue);
  if (follows) return `${follows[1] ? `${follows[1]}; ` : ''}${follows[3]} ${follows[2]}`;
  const money = /^money: (.+)$/.exec(cue);
  if (money) return `an amount: ${money[1]}`;
  if (cue === 'vocabulary') return 'the words used';
  return cue;
}

/** Set through CSSOM, which the inbox's CSP allows (a `style` attribute it would block). @param {number} share */
function bar(share) {
  const fill = h('span', { class: 'bar-fill' });
  fill.style.width = `${Math.round(share * 100)}%`;
  return fill;
}
