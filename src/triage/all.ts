import { en } from './lexicons/en';
import { hu } from './lexicons/hu';
import { ms } from './lexicons/ms';
import { sk } from './lexicons/sk';
import { registerLexicon } from './vocabulary';

/**
 * Triage with every language's vocabulary at once: what the npm package and Node code want.
 * The widget loads lexicons one language at a time instead (`load.ts`).
 */
export function registerAllLexicons(): void {
  for (const lexicon of [en, ms, hu, sk]) registerLexicon(lexicon);
}
