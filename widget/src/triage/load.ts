import type { Lexicon } from './lexicons/lexicon';
import { addFunctionWords, addLexicon, hasLexicon, type Vocabulary } from './vocabulary';
import type { Locale } from './types';

// One dynamic import per language, so a bundler makes each language its own chunk: the pack
// that holds its lexicon and its catalog (`i18n/packs`).
const LOADERS: Record<Locale, () => Promise<Lexicon>> = {
  en: () => import('../i18n/packs/en').then((m) => m.lexicon),
  ms: () => import('../i18n/packs/ms').then((m) => m.lexicon),
  hu: () => import('../i18n/packs/hu').then((m) => m.lexicon),
  sk: () => import('../i18n/packs/sk').then((m) => m.lexicon),
};

const downloads = new Map<Locale, Promise<Lexicon>>();

/** Downloads a language's lexicon once; a failed download is forgotten, so it can be retried. */
function download(locale: Locale): Promise<Lexicon> {
  let p = downloads.get(locale);
  if (!p) {
    p = LOADERS[locale]().catch((e: unknown) => {
      downloads.delete(locale);
      throw e;
    });
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
