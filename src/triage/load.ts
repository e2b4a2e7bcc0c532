import type { Lexicon } from './lexicons/lexicon';
import { addFunctionWords, hasLexicon, registerLexicon } from './vocabulary';
import type { Locale } from './types';

// One dynamic import per language, so a bundler makes each lexicon its own chunk.
// Each module exports its lexicon under the locale's name.
const LOADERS: Record<Locale, () => Promise<Partial<Record<Locale, Lexicon>>>> = {
  en: () => import('./lexicons/en'),
  ms: () => import('./lexicons/ms'),
  hu: () => import('./lexicons/hu'),
  sk: () => import('./lexicons/sk'),
};

const pending = new Map<Locale, Promise<void>>();

/**
 * Loads a language's triage vocabulary and adds it to triage. Resolves once it is in use; a
 * failed download can be retried by calling again.
 */
export function loadLexicon(locale: Locale): Promise<void> {
  if (hasLexicon(locale)) return Promise.resolve();
  let p = pending.get(locale);
  if (!p) {
    // Compiling vocabulary is a few milliseconds of work: the function words and then the
    // lexicon each in a task of their own, not tacked onto the one that evaluated the
    // downloaded chunk, so none becomes a long task on the page.
    const nextTask = () => new Promise((done) => setTimeout(done, 0));
    p = LOADERS[locale]().then(async (m) => {
      await nextTask();
      addFunctionWords();
      await nextTask();
      registerLexicon(m[locale] as Lexicon);
    }, (e: unknown) => {
      pending.delete(locale);
      throw e;
    });
    pending.set(locale, p);
  }
  return p;
}
