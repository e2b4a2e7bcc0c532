import type { en } from './catalogs/en';
import { dueFormat } from './due';
import type { Locale } from '../triage/types';

/** Every key the bot and the UI use; the English catalog is the source of truth. */
export type MessageKey = keyof typeof en;

/** Plural forms keyed by `Intl.PluralRules` category; `other` is always present. */
export type PluralEntry = { readonly other: string } & {
  readonly [K in Exclude<Intl.LDMLPluralRule, 'other'>]?: string;
};

/** One catalog entry: a string, a list of variants, or plural forms. */
export type Entry = string | readonly string[] | PluralEntry;

/** A locale's catalog: an entry for every key of the English catalog. */
export type Catalog = { readonly [K in MessageKey]: Entry };

/**
 * A date param: an ISO timestamp, formatted in the locale (optionally in a time zone). With
 * `from` (when it is said) it is a promise, said by `dueFormat`'s rule: the date alone a day or
 * more away, else the time with its zone named.
 */
export interface DateParam {
  date: string;
  timeZone?: string;
  from?: string;
}

/** A nested message param: translated in the same locale and inserted. */
export interface KeyParam {
  key: MessageKey;
}

/** Values for `{placeholder}`s. `count` also picks the plural form. */
export type Params = Record<string, string | number | DateParam | KeyParam>;

// ---------------------------------------------------------------------------------------------

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function plurals(locale: Locale): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

function numbers(locale: Locale): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format;
}

function dates(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const cacheKey = locale + JSON.stringify(options);
  let format = dateFormats.get(cacheKey);
  if (!format) dateFormats.set(cacheKey, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** A date param's format: a promise by `dueFormat`'s rule, else the full date and short time. */
function dateOptions({ from, timeZone }: DateParam, time: number): Intl.DateTimeFormatOptions {
  const said = from === undefined ? NaN : Date.parse(from);
  return Number.isNaN(said) ? { dateStyle: 'full', timeStyle: 'short', timeZone } : dueFormat(time, said, timeZone);
}

/** FNV-1a: small, fast and stable across runs, enough to spread variants. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function pickText(entry: Entry | undefined, locale: Locale, key: string, params: Params | undefined, seed: string): string | undefined {
  if (entry === undefined) return undefined;
  if (typeof entry === 'string') return entry;
  if (Array.isArray(entry)) {
    const variants = entry as readonly string[];
    if (variants.length === 0) return undefined;
    return variants[hashString(`${seed}\u0000${key}`) % variants.length];
  }
  const forms = entry as PluralEntry;
  const count = params?.['count'];
  const n = typeof count === 'number' ? count : Number(count);
  if (!Number.isFinite(n)) return forms.other;
  const category = plurals(locale).select(n);
  return forms[category] ?? forms.other;
}

function formatParam(value: Params[string], catalog: Catalog, locale: Locale, params: Params, seed: string, depth: number): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numbers(locale).format(value);
  if (value && typeof value === 'object') {
    if ('key' in value) {
      // Depth guard: a catalog entry that names itself must not loop.
      if (depth > 3) return `{${String(value.key)}}`;
      return render(catalog, locale, value.key, params, seed, depth + 1);
    }
    if ('date' in value) {
      const time = Date.parse(value.date);
      if (Number.isNaN(time)) return value.date;
      try {
        return dates(locale, dateOptions(value, time)).format(time);
      } catch {
        // An unknown time zone: fall back to the visitor's own zone rather than fail.
        return dates(locale, dateOptions({ ...value, timeZone: undefined }, time)).format(time);
      }
    }
  }
  return String(value);
}

function render(catalog: Catalog, locale: Locale, key: MessageKey, params: Params | undefined, seed: string, depth: number): string {
  // Every catalog has every key (a test checks); the key itself beats a blank line.
  const text = pickText(catalog[key], locale, key, params, seed) ?? String(key);
  if (!params) return text;
  return text.replace(/\{([A-Za-z0-9_.]+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    return value === undefined ? whole : formatParam(value, catalog, locale, params, seed, depth);
  });
}

/**
 * Renders one line of the script.
 *
 * @param catalog the locale's catalog (see `loadCatalog`)
 * @param locale the catalog's locale, for plural rules and number/date formats
 * @param key the message key
 * @param params placeholder values; `count` selects the plural form; `{ date }` is formatted
 *   with the full date and short time (a promise, with `from`, by `dueFormat`'s rule); `{ key }`
 *   is translated in turn
 * @param seed the conversation id: the same seed always picks the same variant, so a visitor
 *   hears one consistent voice, while conversations differ
 * @returns the line; unknown placeholders stay visible as `{name}`, it never throws
 */
export function translate(catalog: Catalog, locale: Locale, key: MessageKey, params?: Params, seed = ''): string {
  try {
    return render(catalog, locale, key, params, seed, 0);
  } catch {
    return String(key);
  }
}
