import { describe, expect, it } from 'vitest';
import { en } from '../../widget/src/i18n/catalogs/en';
import { hu } from '../../widget/src/i18n/catalogs/hu';
import { ms } from '../../widget/src/i18n/catalogs/ms';
import { sk } from '../../widget/src/i18n/catalogs/sk';
import { translate, type Catalog } from '../../widget/src/i18n/translate';

describe('translate', () => {
  it('picks the same variant for one conversation every time', () => {
    const first = translate(en, 'en', 'empathise.apology', undefined, 'conversation-1');
    for (let i = 0; i < 5; i++) expect(translate(en, 'en', 'empathise.apology', undefined, 'conversation-1')).toBe(first);
    expect(en['empathise.apology']).toContain(first);
  });

  it('varies the variant across conversations', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) seen.add(translate(sk, 'sk', 'empathise.empathy', undefined, `conversation-${i}`));
    expect(seen.size).toBe(sk['empathise.empathy'].length);
  });

  it('varies lines independently within one conversation', () => {
    const pairs = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const seed = `c${i}`;
      pairs.add(translate(en, 'en', 'empathise.apology', undefined, seed) + '|' + translate(en, 'en', 'empathise.empathy', undefined, seed));
    }
    expect(pairs.size).toBeGreaterThan(3);
  });

  it('uses the right Slovak plural for 1, 2 and 5 (and Hungarian, Malay)', () => {
    expect(translate(sk, 'sk', 'ui.composer.counter', { count: 1 })).toBe('Zostáva 1 znak');
    expect(translate(sk, 'sk', 'ui.composer.counter', { count: 2 })).toBe('Zostávajú 2 znaky');
    expect(translate(sk, 'sk', 'ui.composer.counter', { count: 5 })).toBe('Zostáva 5 znakov');
    expect(translate(sk, 'sk', 'ui.rating.value', { count: 1 })).toBe('1 hviezdička z 5');
    expect(translate(sk, 'sk', 'ui.rating.value', { count: 3 })).toBe('3 hviezdičky z 5');
    expect(translate(sk, 'sk', 'ui.rating.value', { count: 5 })).toBe('5 hviezdičiek z 5');
    expect(translate(en, 'en', 'ui.composer.counter', { count: 1 })).toBe('1 character left');
    expect(translate(en, 'en', 'ui.composer.counter', { count: 2 })).toBe('2 characters left');
    expect(translate(hu, 'hu', 'ui.rating.value', { count: 4 })).toBe('4 csillag az 5-ből');
    expect(translate(ms, 'ms', 'ui.rating.value', { count: 1 })).toBe('1 bintang daripada 5');
  });

  it('formats numbers in the locale', () => {
    expect(translate(sk, 'sk', 'ui.composer.counter', { count: 1500 })).toBe('Zostáva 1\u00a0500 znakov');
    expect(translate(en, 'en', 'ui.composer.counter', { count: 1500 })).toBe('1,500 characters left');
  });

  it('formats dates with the full date and the time, in the locale and an optional time zone', () => {
    const due = { date: '2026-03-16T14:30:00Z', timeZone: 'UTC' };
    const english = translate(en, 'en', 'thank.reference', { reference: 'H-123', due });
    expect(english).toContain('Monday, March 16, 2026');
    expect(english).toContain('2:30');
    const hungarian = translate(hu, 'hu', 'thank.reference', { reference: 'H-123', due });
    expect(hungarian).toContain('2026. március 16., hétfő');
    const slovak = translate(sk, 'sk', 'thank.reference', { reference: 'H-123', due });
    expect(slovak).toContain('pondelok 16. marca 2026');
    const malay = translate(ms, 'ms', 'thank.reference', { reference: 'H-123', due });
    expect(malay).toMatch(/Isnin, 16 Mac 2026/);
  });

  it('translates nested keys in the same language', () => {
    const line = translate(ms, 'ms', 'outcome.unavailable', { wanted: { key: 'outcome.name.refund' }, alternative: { key: 'outcome.name.storeCredit' } });
    expect(line).toContain('bayaran balik');
    expect(line).toContain('kredit kedai');
  });

  it('leaves unknown or missing placeholders visible and never throws', () => {
    expect(translate(en, 'en', 'greet.helloName', {}, 's')).toMatch(/\{name\}/);
    expect(translate(en, 'en', 'ui.titleBrand', { other: 'x' })).toBe('{brand}: tell us what went wrong');
    expect(() => translate(en, 'en', 'thank.reference', { reference: 'X', due: { date: 'not a date' } })).not.toThrow();
    expect(translate(en, 'en', 'thank.reference', { reference: 'X', due: { date: 'not a date' } })).toContain('not a date');
    expect(() => translate(en, 'en', 'thank.reference', { reference: 'X', due: { date: '2026-01-01T00:00:00Z', timeZone: 'Mars/Olympus' } })).not.toThrow();
    expect(() => translate(en, 'en', 'ui.composer.counter', { count: Number.NaN })).not.toThrow();
  });

  it('shows the key, never a blank or a throw, for a key a catalog lacks', () => {
    // English is not bundled as a fallback (a Slovak visitor never downloads it); the catalog
    // test makes sure every key exists in every language.
    const partial = { ...hu } as Record<string, unknown>;
    delete partial['ui.send'];
    expect(translate(partial as Catalog, 'hu', 'ui.send')).toBe('ui.send');
  });

  it('does not loop when a nested key refers to itself', () => {
    const looping = { ...en, 'ui.title': '{x}' } as Catalog;
    expect(() => translate(looping, 'en', 'ui.title', { x: { key: 'ui.title' } })).not.toThrow();
  });
});
