import type { OutcomeKind } from '../record/record';
import { scan } from './matcher';
import { prepare, tokenize } from './text';
import { compile, type Vocabulary } from './vocabulary';

/**
 * What the visitor asks for when they answer "What would make this right?" in their own words:
 * the outcome named most often (the first named, on a tie), or null when they name none. Only
 * languages in `vocabulary` are understood.
 *
 * @param text the visitor's answer
 * @param vocabulary the languages to understand it in
 */
export function desiredOutcome(text: string, vocabulary: Vocabulary): Exclude<OutcomeKind, 'heard' | 'other'> | null {
  const hits = scan(compile(vocabulary).outcomes, tokenize(prepare(text)).norms);
  const count = new Map<string, number>();
  for (const hit of hits) count.set(hit.cue.value, (count.get(hit.cue.value) ?? 0) + 1);
  let best: string | null = null;
  for (const hit of hits.sort((a, b) => a.first - b.first)) {
    if (best === null || (count.get(hit.cue.value) ?? 0) > (count.get(best) ?? 0)) best = hit.cue.value;
  }
  return best as Exclude<OutcomeKind, 'heard' | 'other'> | null;
}
