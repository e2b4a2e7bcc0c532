// @ts-check
import { h } from './dom.mjs';

/**
 * @typedef {{
 *   weeks: string[],
 *   categories: { week: string, category: string, count: number }[],
 *   signals: { field: string, value: string, cue: string, count: number }[],
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
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Category'), trends.weeks.map((week) => h('th', { scope: 'col' }, week.slice(5))), h('th', { scope: 'col' }, 'Total'))),
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
                h('td', {}, `${signal.field}: ${signal.value}`),
                h('td', {}, signal.cue),
                h('td', {}, signal.count),
                h('td', { class: 'bar-cell', 'aria-hidden': 'true' }, bar(signal.count / top)),
              ),
            ),
          ),
        ),
  );
}

/** Set through CSSOM, which the inbox's CSP allows (a `style` attribute it would block). @param {number} share */
function bar(share) {
  const fill = h('span', { class: 'bar-fill' });
  fill.style.width = `${Math.round(share * 100)}%`;
  return fill;
}
