import { en } from './lexicons/en';
import { hu } from './lexicons/hu';
import { ms } from './lexicons/ms';
import { sk } from './lexicons/sk';
import { createVocabulary, type Vocabulary } from './vocabulary';

let every: Vocabulary | undefined;

/**
 * Every language's vocabulary at once: what the npm package and Node code want. Compiled on its
 * first use and shared after that. The widget loads lexicons one language at a time instead
 * (`load.ts`).
 */
export function everyLanguage(): Vocabulary {
  every ??= createVocabulary([en, ms, hu, sk]);
  return every;
}
