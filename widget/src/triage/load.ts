import type { Lexicon } from './lexicons/lexicon';
import { addFunctionWords, addLexicon, hasLexicon, type Vocabulary } from './vocabulary';
import type { Locale } from './types';

// One dynamic import per language, so a bundler makes each lexicon its own chunk.
// Each module exports its lexicon under the locale's name.
const LOADERS: Record<Locale, () => Promise<Partial<Record<Locale, Lexicon>>>> = {
  en: () => import('./lexicons/en'),
  ms: () => import('./lexicons/ms'),
  hu: () => import('./lexicons/hu'),
  sk: () => import('./lexicons/sk'),
};

const downloads = new Map<Locale, Promise<Lexicon>>();

/** Downloads a language's lexicon once; a failed download is forgotten, so it can be retried. */
function download(locale: Locale): Promise<Lexicon> {
  let p = downloads.get(locale);
  if (!p) {
    p = LOADERS[locale]().then(
      (m) => m[locale] as Lexicon,
      (e: unknown) => {
        downloads.delete(locale);
        throw e;
      },
    );
    downloads.set(locale, p);
  }
  return p;
}

/**
 * Loads a language's triage vocabulary and adds it to `vocabulary`. Resolves once it is in use;
 * a failed download can be retried by calling again.
 *
 * @param vocabulary the vocabulary to grow (the widget's own)
 * @param locale the language to add
 */
export async function loadLexicon(vocabulary: Vocabulary, locale: Locale): Promise<void> {
  if (hasLexicon(vocabulary, locale)) return;
  const lexicon = await download(locale);
  // Compiling vocabulary is a few milliseconds of work: the function words and then the
  // lexicon each in a task of their own, not tacked onto the one that evaluated the
  // downloaded chunk, so none becomes a long task on the page.
  const nextTask = () => new Promise((done) => setTimeout(done, 0));
  await nextTask();
  addFunctionWords(vocabulary);
  await nextTask();
  addLexicon(vocabulary, lexicon);
}
