import { LOCALES, type Locale } from '../triage/types';

/** Whether `value` is one of the locales the widget speaks. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Languages we do not speak but whose readers understand one we do. Czech and Slovak are
 * mutually intelligible and Czech readers commonly read Slovak, so a Czech browser gets Slovak
 * rather than English; Indonesian and Malay are close enough for the same reason.
 */
const CLOSEST: Readonly<Record<string, Locale>> = { cs: 'sk', id: 'ms' };

function match(tag: string, allowClosest: boolean): Locale | undefined {
  const base = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (isLocale(base)) return base;
  // Malay is also tagged `zsm` (Standard Malay) in some systems.
  if (base === 'zsm') return 'ms';
  return allowClosest ? CLOSEST[base] : undefined;
}

/**
 * Picks the widget's language.
 *
 * @param configured the site owner's `data-locale` / config value; wins when we speak it
 * @param languages the browser's preferred languages (`navigator.languages`), best first
 * @returns the configured locale; else the first preferred language we speak (`ms-MY` → `ms`);
 *   else a close relative of a preferred language (`cs` → `sk`, `id` → `ms`); else `en`
 *
 * An exact match anywhere in the list beats a close relative: `['cs-CZ', 'en']` gives `en`
 * because the visitor said they read English; `['cs-CZ', 'de']` gives `sk`.
 */
export function resolveLocale(configured?: string, languages: readonly string[] = []): Locale {
  if (configured) {
    const fromConfig = match(configured, false);
    if (fromConfig) return fromConfig;
  }
  for (const tag of languages) {
    if (typeof tag !== 'string') continue;
    const exact = match(tag, false);
    if (exact) return exact;
  }
  for (const tag of languages) {
    if (typeof tag !== 'string') continue;
    const close = match(tag, true);
    if (close) return close;
  }
  return 'en';
}
