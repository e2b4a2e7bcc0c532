import type { Catalog } from './translate';
import type { Locale } from '../triage/types';

const loaded = new Map<Locale, Catalog>();
const pending = new Map<Locale, Promise<Catalog>>();

/**
 * One dynamic `import()` per catalog file, so a bundler emits each as its own chunk and a
 * visitor downloads only their language (English too: a Slovak visitor never needs it).
 */
// Each language's pack holds its catalog and its triage vocabulary: one download (`./packs`).
const importers: Readonly<Record<Locale, () => Promise<Catalog>>> = {
  en: () => import('./packs/en').then((m) => m.catalog),
  ms: () => import('./packs/ms').then((m) => m.catalog),
  hu: () => import('./packs/hu').then((m) => m.catalog),
  sk: () => import('./packs/sk').then((m) => m.catalog),
};

/**
 * Loads a locale's catalog (once; later calls share the same promise).
 *
 * @param locale the locale to load
 * @returns the catalog; rejects only when the chunk cannot be fetched, so the caller can
 *   fall back to `getLoadedCatalog('en')`
 */
export function loadCatalog(locale: Locale): Promise<Catalog> {
  const ready = loaded.get(locale);
  if (ready) return Promise.resolve(ready);
  let promise = pending.get(locale);
  if (!promise) {
    promise = importers[locale]().then(
      (catalog) => {
        loaded.set(locale, catalog);
        pending.delete(locale);
        return catalog;
      },
      (error: unknown) => {
        // Forget the failure so a later attempt (e.g. back online) can retry.
        pending.delete(locale);
        throw error;
      },
    );
    pending.set(locale, promise);
  }
  return promise;
}

/**
 * The catalog for `locale` if it is already loaded, else `undefined`.
 */
export function getLoadedCatalog(locale: Locale): Catalog | undefined {
  return loaded.get(locale);
}

/** Any catalog already loaded, for a line needed before the visitor's own language arrives. */
export function anyLoadedCatalog(): [Locale, Catalog] | undefined {
  return loaded.entries().next().value;
}
