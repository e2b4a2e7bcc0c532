import type { Catalog, Entry, MessageKey, Params, translate } from '../i18n/translate';
import type { en } from '../i18n/thread/thread-en';
import type { Locale } from '../triage/types';

/** Every key of the thread's lines; the English file is the source of truth. */
export type ThreadKey = keyof typeof en;

/** One language's thread lines: an entry for every key of the English file. */
export type ThreadCatalog = { readonly [K in ThreadKey]: Entry };

/** Renders a thread line in the widget's language. */
export type ThreadTranslate = (key: ThreadKey, params?: Params) => string;

/** One `import()` per language, so each is a download of its own (see `scripts/build.mjs`). */
const LINES: Record<Locale, () => Promise<ThreadCatalog>> = {
  en: () => import('../i18n/thread/thread-en').then((m) => m.en),
  ms: () => import('../i18n/thread/thread-ms').then((m) => m.ms),
  hu: () => import('../i18n/thread/thread-hu').then((m) => m.hu),
  sk: () => import('../i18n/thread/thread-sk').then((m) => m.sk),
};

/**
 * The thread's lines in `locale` (English when that language's download fails), rendered with
 * the widget's own `translate` (passed in, so this download shares no code with the widget's):
 * same placeholders, plural forms and dates.
 */
export async function loadThreadLines(locale: Locale, render: typeof translate): Promise<ThreadTranslate> {
  const [lang, catalog] = await LINES[locale]().then(
    (lines) => [locale, lines] as const,
    () => LINES.en().then((lines) => ['en', lines] as const),
  );
  // `translate` is typed for the widget's catalog; the thread's lines have the same shape under
  // keys of their own, and it looks keys up only in the catalog it is given.
  return (key, params) => render(catalog as unknown as Catalog, lang, key as unknown as MessageKey, params);
}
