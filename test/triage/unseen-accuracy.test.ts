import { describe, expect, it } from 'vitest';
import { triage } from '../../widget/src/triage/public';
import type { Fixture } from './fixtures/fixture';
import { unseen } from './fixtures/unseen';

/*
 * How well triage reads complaints written without sight of its vocabulary. The set is frozen:
 * when a figure here drops, the classifier changes, never the labels.
 */

type Language = keyof typeof unseen;

/**
 * The lowest share of right answers accepted per language: just under what triage reached when
 * the set was first measured (category 56–74 %, urgency within a step 93–98 %, mood 86–91 %),
 * so any step back fails. Hungarian category (56 %) is the weakest figure and the next to raise.
 */
const THRESHOLDS = { category: 0.55, urgencyWithinOneStep: 0.9, mood: 0.85 } as const;

const CATEGORIES = ['product', 'service', 'delivery', 'billing', 'staff', 'website', 'other'] as const;
const URGENCIES = ['low', 'normal', 'high', 'critical'] as const;
const MOODS = ['calm', 'upset', 'angry'] as const;

/** Urgency one step off (normal for high, high for critical) still routes a complaint sensibly. */
function urgencyWithinOneStep(expected: string, got: string): boolean {
  const a = URGENCIES.indexOf(expected as (typeof URGENCIES)[number]);
  const b = URGENCIES.indexOf(got as (typeof URGENCIES)[number]);
  return a >= 0 && b >= 0 && Math.abs(a - b) <= 1;
}

/** Rows are the hand labels, columns what triage said; any answer outside the known values gets a column of its own. */
function confusion(pairs: Array<[expected: string, got: string]>, known: readonly string[]) {
  const columns = [...known, ...new Set(pairs.map(([, got]) => got).filter((got) => !known.includes(got)))];
  const matrix: Record<string, Record<string, number>> = {};
  for (const row of known) matrix[row] = Object.fromEntries(columns.map((column) => [column, 0]));
  for (const [expected, got] of pairs) matrix[expected]![got]!++;
  return matrix;
}

function measure(fixtures: Fixture[]) {
  const answers = fixtures.map((fixture) => ({ fixture, result: triage(fixture.text) }));
  const share = (right: (a: (typeof answers)[number]) => boolean) => answers.filter(right).length / answers.length;
  return {
    category: share(({ fixture, result }) => result.category === fixture.category),
    urgencyWithinOneStep: share(({ fixture, result }) => urgencyWithinOneStep(fixture.urgency, String(result.urgency))),
    mood: share(({ fixture, result }) => result.mood === fixture.mood),
    categoryMatrix: confusion(
      answers.map(({ fixture, result }) => [fixture.category, String(result.category)]),
      CATEGORIES,
    ),
    moodMatrix: confusion(
      answers.map(({ fixture, result }) => [fixture.mood, String(result.mood)]),
      MOODS,
    ),
  };
}

const languages = Object.keys(unseen) as Language[];
const results = Object.fromEntries(languages.map((language) => [language, measure(unseen[language])])) as Record<
  Language,
  ReturnType<typeof measure>
>;

const percent = (rate: number) => `${Math.round(rate * 100)}%`;
console.table(
  Object.fromEntries(
    languages.map((language) => [
      `${language} (unseen)`,
      {
        n: unseen[language].length,
        category: percent(results[language].category),
        'urgency ±1': percent(results[language].urgencyWithinOneStep),
        mood: percent(results[language].mood),
      },
    ]),
  ),
);
for (const language of languages) {
  console.log(`${language} unseen — category (rows: hand label, columns: triage)`);
  console.table(results[language].categoryMatrix);
  console.log(`${language} unseen — mood (rows: hand label, columns: triage)`);
  console.table(results[language].moodMatrix);
}

describe('triage on complaints written without sight of its vocabulary', () => {
  for (const language of languages) {
    it(`has at least 36 ${language} complaints covering every category, urgency and mood`, () => {
      const fixtures = unseen[language];
      expect(fixtures.length).toBeGreaterThanOrEqual(36);
      for (const fixture of fixtures) expect(fixture.language).toBe(language);
      const count = (field: 'category' | 'urgency' | 'mood', value: string) => fixtures.filter((f) => f[field] === value).length;
      for (const category of CATEGORIES) expect(count('category', category), category).toBeGreaterThanOrEqual(4);
      for (const urgency of URGENCIES) expect(count('urgency', urgency), urgency).toBeGreaterThanOrEqual(5);
      for (const mood of MOODS) expect(count('mood', mood), mood).toBeGreaterThanOrEqual(8);
    });
    it(`names the ${language} category right at least ${percent(THRESHOLDS.category)} of the time`, () => {
      expect(results[language].category).toBeGreaterThanOrEqual(THRESHOLDS.category);
    });
    it(`puts ${language} urgency within one step at least ${percent(THRESHOLDS.urgencyWithinOneStep)} of the time`, () => {
      expect(results[language].urgencyWithinOneStep).toBeGreaterThanOrEqual(THRESHOLDS.urgencyWithinOneStep);
    });
    it(`reads the ${language} mood right at least ${percent(THRESHOLDS.mood)} of the time`, () => {
      expect(results[language].mood).toBeGreaterThanOrEqual(THRESHOLDS.mood);
    });
  }
});
