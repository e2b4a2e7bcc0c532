/**
 * Trends in Chromium: what the team is judged by, per week and per category, in tables a screen
 * reader can walk, with durations in hours and minutes and no share made of too few ratings.
 */
import { describe, expect, it } from 'vitest';
import { addAgent } from '../support/agents';
import { HOUR, MIN, monday, seedComplaint } from '../support/trends-seed';
import { inboxAxeViolations, signInOn } from './support/inbox-page';
import { inboxSuite } from './support/inbox-suite';

const suite = inboxSuite();

/** "30 Nov – 6 Dec" or "7–13 Dec", written out here for the week starting `start`. */
function weekName(start: number) {
  const month = (ms: number) => ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][new Date(ms).getUTCMonth()];
  const end = start + 6 * 24 * HOUR;
  const [first, last] = [new Date(start).getUTCDate(), new Date(end).getUTCDate()];
  if (new Date(start).getUTCFullYear() !== new Date(end).getUTCFullYear()) {
    return `${first} ${month(start)} ${new Date(start).getUTCFullYear()} – ${last} ${month(end)} ${new Date(end).getUTCFullYear()}`;
  }
  return month(start) === month(end) ? `${first}–${last} ${month(end)}` : `${first} ${month(start)} – ${last} ${month(end)}`;
}

describe('Trends in Chromium', () => {
  it('shows CSAT, response and resolution times and the reply promise per week and per category, as accessible tables', async () => {
    await addAgent(suite.store, { name: 'Mia', email: 'mia@shop.example' });
    const week = monday(1);
    const due = week + HOUR;
    // Delivery: five rated (5, 5, 4, 2, 1); replies after 10, 20, 30 and 125 min, one never.
    await seedComplaint(suite.store, week, { dueAt: due, replies: [10 * MIN], rating: 5, resolved: 26 * HOUR + 5 * MIN });
    await seedComplaint(suite.store, week, { dueAt: due, replies: [20 * MIN], rating: 5 });
    await seedComplaint(suite.store, week, { dueAt: due, replies: [30 * MIN], rating: 4 });
    await seedComplaint(suite.store, week, { dueAt: due, replies: [125 * MIN], rating: 2 });
    await seedComplaint(suite.store, week, { dueAt: due, rating: 1 });
    // Billing: one rating, which is too few to make a share of.
    await seedComplaint(suite.store, week, { category: 'billing', dueAt: due, rating: 5 });

    const page = await signInOn(await suite.browser.newPage(), suite.base, 'mia@shop.example');
    await page.getByRole('button', { name: 'Trends' }).click();
    await page.locator('#trends-team-weeks').waitFor();
    const rows = (selector: string) => page.locator(`${selector} tr`).evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent)));
    const headers = ['Complaints', 'CSAT (4–5 stars)', 'First response, median', 'First response, 90th percentile', 'Time to resolve, median', 'Time to resolve, 90th percentile', 'Reply promise kept'];

    const weeks = await rows('#trends-team-weeks');
    expect(weeks[0]).toEqual(['Week', ...headers]);
    // 4 of 6 ratings; replies 10, 20, 30, 125 min: median 25, p90 at 2.7: 30 + 0.7 × 95 = 96.5 min;
    // three of six replied within the hour promised.
    expect(weeks).toContainEqual([weekName(week), '6', '66 % (4 of 6 ratings)', '25 min', '1 h 37 min', '26 h 5 min', '26 h 5 min', '50 % (3 of 6)']);
    expect(weeks).toContainEqual([weekName(monday(0)), '0', 'no ratings', '—', '—', '—', '—', 'none to count']);

    expect(await rows('#trends-team-categories')).toEqual([
      ['Category', ...headers],
      ['billing', '1', '1 of 1 rating: too few for a share', '—', '—', '—', '—', '0 % (0 of 1)'],
      ['delivery', '5', '60 % (3 of 5 ratings)', '25 min', '1 h 37 min', '26 h 5 min', '26 h 5 min', '60 % (3 of 5)'],
      ['All', '6', '66 % (4 of 6 ratings)', '25 min', '1 h 37 min', '26 h 5 min', '26 h 5 min', '50 % (3 of 6)'],
    ]);
    // Every header cell says what it heads, for a screen reader walking the table.
    const scopes = await page.locator('#trends-team-categories th').evaluateAll((ths) => ths.map((th) => th.getAttribute('scope')));
    expect(scopes.every((scope) => scope === 'col' || scope === 'row')).toBe(true);
    expect(await page.locator('#trends-team-weeks caption').textContent()).toContain('Monday (UTC)');
    expect(await page.locator('#trends-team-definitions').textContent()).toContain('ratings of 4 or 5 stars out of all ratings');
    expect(await inboxAxeViolations(page)).toEqual([]);
    await page.close();
  });
});
