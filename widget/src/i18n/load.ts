import type { Catalog } from './translate';
import type { Locale } from '../triage/types';

const loaded = new Map<Locale, Catalog>();
const pending = new Map<Locale, Promise<Catalog>>();

/**
 * One dynamic `import()` per catalog file, so a bundler emits each as its own chunk and a
 * visitor downloads only their language (English too: a Slovak visitor never needs it).
 */
// Each module exports its catalog under the locale's name.
const importers: Readonly<Record<Locale, () => Promise<Partial<Record<Locale, Catalog>>>>> = {
  en: () => import('./catalogs/en'),
  ms: () => import('./catalogs/ms'),
  hu: () => import('./catalogs/hu'),
  sk: () => import('./catalogs/sk'),
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
      (m) => {
        const catalog = m[locale] as Catalog;
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
