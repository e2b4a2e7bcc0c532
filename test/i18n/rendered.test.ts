import { describe, expect, it } from 'vitest';
import { en } from '../../widget/src/i18n/catalogs/en';
import { hu } from '../../widget/src/i18n/catalogs/hu';
import { ms } from '../../widget/src/i18n/catalogs/ms';
import { sk } from '../../widget/src/i18n/catalogs/sk';
import { translate, type Catalog, type Entry, type MessageKey, type Params } from '../../widget/src/i18n/translate';
import { LOCALES, type Locale } from '../../widget/src/triage/types';

/*
 * Every line rendered as a visitor sees it: each placeholder filled with the values it really
 * takes (outcome names, language names, dates, references, counts), in every language, so a
 * line that breaks the grammar once filled in is caught, not only a missing key.
 */

const catalogs: Record<Locale, Catalog> = { en, ms, hu, sk };
const keys = Object.keys(en) as MessageKey[];

const OUTCOMES = ['refund', 'replacement', 'exchange', 'storeCredit', 'discount', 'repair', 'heard', 'other'] as const;
/** What the machine may put in `{alternative}`: something the team can do. */
const ALTERNATIVES = ['refund', 'replacement', 'exchange', 'storeCredit', 'discount', 'repair'] as const;

const key = (k: string): { key: MessageKey } => ({ key: k as MessageKey });

/** The values each placeholder takes in the product. */
const VALUES: Record<string, Array<Params[string]>> = {
  name: ['Jana Nováková', 'Aminah'],
  summary: ['Your parcel #55120 never arrived.', key('restate.quote')],
  points: ['„Balík č. 55120 neprišiel.“'],
  wanted: OUTCOMES.filter((o) => o !== 'heard').map((o) => key(`outcome.name.${o}`)),
  alternative: ALTERNATIVES.map((o) => key(`outcome.name.${o}`)),
  language: LOCALES.map((l) => key(`language.name.${l}`)),
  due: [{ date: '2026-12-01T15:00:00Z', timeZone: 'Europe/Bratislava' }, { date: '2027-01-04T08:30:00Z' }],
  /** A date already past: when a complaint was resolved, when a reply was written. */
  date: [{ date: '2026-03-03T14:05:00Z' }, { date: '2026-12-31T23:30:00Z', timeZone: 'Asia/Kuala_Lumpur' }],
  /** Why an agent moved the due date, in their own words. */
  reason: ['The spare part arrives on Monday.', 'čakáme na kuriéra'],
  reference: ['HRD-7K2M-9Q'],
  brand: ['Kávomat'],
  count: [0, 1, 2, 3, 5, 21],
  action: OUTCOMES.map((o) => key(`commit.action.${o}`)),
};

function texts(entry: Entry): string[] {
  if (typeof entry === 'string') return [entry];
  if (Array.isArray(entry)) return [...(entry as readonly string[])];
  return Object.values(entry as Record<string, string>);
}

/** Every combination of the values of a line's placeholders (a handful per line). */
function paramSets(k: MessageKey): Params[] {
  const names = new Set<string>();
  for (const text of texts(en[k] as Entry)) for (const m of text.matchAll(/\{([A-Za-z0-9_.]+)\}/g)) names.add(m[1]!);
  let sets: Params[] = [{}];
  for (const name of names) {
    const values = VALUES[name];
    if (!values) throw new Error(`no real values for {${name}} in ${k}`);
    sets = sets.flatMap((set) => values.map((value) => ({ ...set, [name]: value })));
  }
  // A quoted summary brings its own placeholder.
  return sets.map((set) => ({ points: VALUES.points![0]!, ...set }));
}

/** Every way a line can be rendered: each variant (seeds pick them) with each set of values. */
function renderings(locale: Locale, k: MessageKey): string[] {
  const out = new Set<string>();
  const variants = Array.isArray(catalogs[locale][k]) ? (catalogs[locale][k] as readonly string[]).length : 1;
  for (const params of paramSets(k)) {
    for (let seed = 0; seed < variants * 8; seed++) out.add(translate(catalogs[locale], locale, k, params, `seed-${seed}`));
  }
  return [...out];
}

/** Fragments inserted into other lines, and labels: they are not sentences of their own. */
const FRAGMENT = /^(outcome\.name|outcome\.label|commit\.action|language\.name|clarify\.part\.|ui\.)/;

describe('every line, rendered with real values', () => {
  for (const locale of LOCALES) {
    it(`${locale}: no placeholder left, no stray spaces or doubled punctuation, sentences end properly`, () => {
      for (const k of keys) {
        for (const line of renderings(locale, k)) {
          const where = `${locale} ${k}: ${line}`;
          expect(line, where).not.toMatch(/\{[A-Za-z0-9_.]+\}/);
          expect(line, where).not.toMatch(/ {2}|\s[,.;:!?](?!\d)|[,;:]{2}|\.\.(?!\.)|\s$|^\s/);
          expect(line, where).not.toMatch(/undefined|NaN|\[object/);
          if (!FRAGMENT.test(k)) {
            expect(line, where).toMatch(/^[\p{Lu}\d„“"]|^Kávomat/u);
            expect(line, where).toMatch(/[.?!…“”]$/);
          }
        }
      }
    });
  }

  it('en: the commitment for a refund, store credit or discount says what the team will do, not the outcome', () => {
    for (const kind of ['refund', 'storeCredit', 'discount'] as const) {
      const line = translate(en, 'en', 'commit.summary', { action: key(`commit.action.${kind}`), due: VALUES.due![0]! });
      expect(line).toMatch(/will review your complaint and get back to you about/);
      expect(line).not.toMatch(/arrange your refund|add store credit|send you a discount/);
    }
  });

  it('sk: outcomes are inserted in the accusative, after verbs that take it, never after "je"', () => {
    for (const k of ['outcome.unavailable', 'outcome.unavailableNone'] as const) {
      const template = sk[k];
      // "Čo môžem urobiť, je {alternative}" gives "je výmenu".
      expect(template).not.toMatch(/\bje \{(wanted|alternative)\}/);
      for (const m of template.matchAll(/(\p{L}+) \{(wanted|alternative)\}/gu)) expect(['chceli', 'navrhnúť', 'ponúknuť']).toContain(m[1]);
      for (const line of renderings('sk', k)) {
        // The nominative (the button label) where the accusative belongs: "navrhnúť výmena".
        for (const outcome of OUTCOMES) {
          const nominative = (sk[`outcome.label.${outcome}` as MessageKey] as string).toLowerCase();
          const accusative = sk[`outcome.name.${outcome}` as MessageKey] as string;
          if (nominative !== accusative) expect(line, line).not.toMatch(new RegExp(`(chceli|navrhnúť) ${nominative}(?!\\p{L})`, 'u'));
        }
      }
    }
    expect(translate(sk, 'sk', 'outcome.unavailable', { wanted: key('outcome.name.refund'), alternative: key('outcome.name.exchange') })).toContain(
      'môžem navrhnúť výmenu',
    );
  });

  it('sk: never forces a gender on the visitor, in their own words or in words addressed to them', () => {
    for (const k of keys) {
      for (const line of renderings('sk', k)) {
        // "Chcel som…" in a button the visitor taps; "Keď budete pripravení" addressed to them.
        if (/^(outcome\.label|clarify\.part\.|ui\.)/.test(k)) expect(line, `${k}: ${line}`).not.toMatch(/\p{L}+l[ao]? som\b|\bsom \p{L}+l[ao]?\b/u);
        expect(line, `${k}: ${line}`).not.toMatch(/\b(budete|ste|boli ste) (pripraven|spokojn|sklaman|vypočut)\p{L}*/u);
      }
    }
  });

  it('hu: an outcome is an object with its -t, no suffix is glued to a placeholder, languages are not "X nyelven"', () => {
    for (const outcome of OUTCOMES) expect(hu[`outcome.name.${outcome}` as MessageKey] as string).toMatch(/t$/);
    for (const k of keys) for (const text of texts(hu[k] as Entry)) expect(text, k).not.toMatch(/\}[-\p{L}]/u);
    for (const line of renderings('hu', 'language.offer')) {
      for (const l of LOCALES) expect(line).not.toContain(`${en[`language.name.${l}` as MessageKey] as string} nyelv`);
    }
    expect(translate(hu, 'hu', 'outcome.unavailable', { wanted: key('outcome.name.refund'), alternative: key('outcome.name.repair') })).toContain(
      'helyette viszont javítást tudok felajánlani',
    );
  });

  it('ms: one person is never "mereka", the team is not "ahli pasukan", and a language is "bahasa …"', () => {
    for (const k of keys) {
      for (const line of renderings('ms', k)) {
        expect(line, `${k}: ${line}`).not.toMatch(/ahli pasukan/i);
        if (k.startsWith('handoff.')) expect(line, `${k}: ${line}`).not.toMatch(/\bmereka\b/i);
      }
    }
    for (const line of renderings('ms', 'language.offer')) {
      for (const l of LOCALES) expect(line).not.toContain(`dalam ${en[`language.name.${l}` as MessageKey] as string}`);
    }
  });
});
