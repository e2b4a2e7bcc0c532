import { en } from './catalogs/en';
import type { Catalog } from './translate';
import type { Locale } from '../triage/types';

const loaded = new Map<Locale, Catalog>([['en', en]]);
const pending = new Map<Locale, Promise<Catalog>>();

/**
 * One dynamic `import()` per catalog file, so a bundler emits each as its own chunk and a
 * visitor downloads only their language. English is bundled: it is the fallback for all.
 */
const importers: Readonly<Record<Exclude<Locale, 'en'>, () => Promise<Catalog>>> = {
  ms: () => import('./catalogs/ms').then((m) => m.ms),
  hu: () => import('./catalogs/hu').then((m) => m.hu),
  sk: () => import('./catalogs/sk').then((m) => m.sk),
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
    const importer = locale === 'en' ? () => Promise.resolve<Catalog>(en) : importers[locale];
    promise = importer().then(
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
 * The catalog for `locale` if it is already loaded, else `undefined`. English is always loaded.
 */
export function getLoadedCatalog(locale: Locale): Catalog | undefined {
  return loaded.get(locale);
}
