import { describe, expect, it } from 'vitest';
import { en } from '../../widget/src/i18n/catalogs/en';
import { hu } from '../../widget/src/i18n/catalogs/hu';
import { ms } from '../../widget/src/i18n/catalogs/ms';
import { sk } from '../../widget/src/i18n/catalogs/sk';
import type { Catalog, Entry, MessageKey } from '../../widget/src/i18n/translate';
import type { Locale } from '../../widget/src/triage/types';

const catalogs: Record<Locale, Catalog> = { en, ms, hu, sk };
const keys = Object.keys(en) as MessageKey[];

function texts(entry: Entry): string[] {
  if (typeof entry === 'string') return [entry];
  if (Array.isArray(entry)) return [...(entry as readonly string[])];
  return Object.values(entry as Record<string, string>);
}

function placeholders(entry: Entry): string[] {
  const found = new Set<string>();
  for (const text of texts(entry)) for (const m of text.matchAll(/\{([A-Za-z0-9_.]+)\}/g)) found.add(m[1]!);
  return [...found].sort();
}

function shape(entry: Entry): 'string' | 'variants' | 'plural' {
  return typeof entry === 'string' ? 'string' : Array.isArray(entry) ? 'variants' : 'plural';
}

/**
 * Phrases the seeds forbid or that inflame a complaint, in every language: hiding behind policy
 * (seed 000 §3.1), telling people to calm down, blaming them, refusing outright, needless
 * managers, and judging the facts (seed 000 §1.3).
 */
const FORBIDDEN: Record<Locale, RegExp[]> = {
  // "you should have had" (an experience) is empathy; "you should have checked" is blame.
  en: [
    /according to (our|the) polic/i, /company policy/i, /calm down/i, /you should have(?! had)/i, /nothing we can do/i,
    /let me get (a|the|my) manager/i, /you('re| are) wrong/i, /that('s| is) not true/i, /you('re| are) right/i,
    /\bour policy\b/i, /it'?s not our fault/i, /relax/i, /unfortunately/i,
  ],
  ms: [
    /berdasarkan dasar kami/i, /mengikut dasar/i, /polisi kami/i, /bertenang/i, /sabar(lah)?\b/i,
    /sepatutnya anda(?! alami)/i, /anda patut/i, /tiada apa yang (boleh|dapat) kami lakukan/i, /tak ada apa/i,
    /saya akan (menghubungi anda dengan|panggil) pengurus/i, /anda salah/i, /tidak benar/i, /anda betul/i,
  ],
  hu: [
    /szabályzatunk szerint/i, /szabályzat/i, /nyugodjon meg/i, /nyugodj meg/i, /meg kellett volna/i,
    /semmit sem tehetünk/i, /nem tehetünk semmit/i, /szólok a vezetőnek/i, /hívom a vezetőt/i,
    /nincs igaza/i, /ez nem igaz/i, /igaza van/i, /\bte\b/i, /\bneked\b/i,
  ],
  sk: [
    /podľa našich pravidiel/i, /podľa pravidiel/i, /upokojte sa/i, /ukľudnite sa/i, /mali ste/i,
    /nedá sa nič robiť/i, /nemôžeme nič urobiť/i, /zavolám vedúceho/i, /nemáte pravdu/i,
    /to nie je pravda/i, /máte pravdu/i, /\bty\b/i, /\btebe\b/i,
  ],
};

describe('catalogs', () => {
  for (const locale of ['ms', 'hu', 'sk'] as const) {
    it(`${locale} has every English key with the same placeholders and entry shape`, () => {
      const catalog = catalogs[locale];
      expect(Object.keys(catalog).sort()).toEqual([...keys].sort());
      for (const key of keys) {
        const entry = catalog[key];
        expect(shape(entry), key).toBe(shape(en[key]));
        expect(placeholders(entry), key).toEqual(placeholders(en[key]));
      }
    });
  }

  for (const locale of Object.keys(catalogs) as Locale[]) {
    it(`${locale} entries are well formed: no empty text, variants are distinct, plurals use this language’s categories`, () => {
      const categories = new Set<string>(new Intl.PluralRules(locale).resolvedOptions().pluralCategories);
      for (const key of keys) {
        const entry = catalogs[locale][key];
        for (const text of texts(entry)) expect(text.trim().length, key).toBeGreaterThan(0);
        if (Array.isArray(entry)) {
          expect(entry.length, key).toBeGreaterThanOrEqual(2);
          expect(new Set(entry).size, key).toBe(entry.length);
        }
        if (shape(entry) === 'plural') {
          const forms = Object.keys(entry as object);
          expect(forms, key).toContain('other');
          for (const form of forms) expect(categories.has(form), `${locale} ${key} ${form}`).toBe(true);
          // Every category the language uses has its own form, so no count falls back to a wrong one.
          for (const category of categories) expect(forms, `${locale} ${key}`).toContain(category);
        }
      }
    });

    it(`${locale} never says what the seeds forbid or what inflames`, () => {
      for (const key of keys) {
        for (const text of texts(catalogs[locale][key])) {
          for (const phrase of FORBIDDEN[locale]) expect(text, `${locale} ${key}`).not.toMatch(phrase);
        }
      }
    });
  }

  it('the lines a visitor hears often have several variants in every language', () => {
    for (const key of ['greet.hello', 'empathise.apology', 'empathise.empathy', 'thank.sent'] as const) {
      for (const locale of Object.keys(catalogs) as Locale[]) {
        expect(Array.isArray(catalogs[locale][key]), `${locale} ${key}`).toBe(true);
      }
    }
  });

  it('speaks in the polite register: Ön-forms in Hungarian, Vy in Slovak, anda in Malay', () => {
    const all = (c: Catalog) => keys.flatMap((k) => texts(c[k])).join('\n');
    expect(all(hu)).toMatch(/(^|[^\p{L}])Ön([^\p{L}]|$)/u);
    expect(all(sk)).toMatch(/\bVám\b|\bVás\b|\bVaš/);
    expect(all(ms)).toMatch(/\banda\b/);
    expect(all(ms)).not.toMatch(/\b(awak|kau|engkau|hang)\b/i);
  });
});
