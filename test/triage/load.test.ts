import { describe, expect, it } from 'vitest';
import { everyLanguage } from '../../widget/src/triage/all';
import { loadLexicon } from '../../widget/src/triage/load';
import { triage } from '../../widget/src/triage/triage';
import { createVocabulary, hasLexicon } from '../../widget/src/triage/vocabulary';

const HU = 'A csomagom két hete nem érkezett meg, a futár szerint kézbesítették, de nem kaptam meg.';

describe('vocabulary loaded one language at a time', () => {
  it('recognises the language before its vocabulary has loaded', () => {
    const vocabulary = createVocabulary();
    expect(hasLexicon(vocabulary, 'hu')).toBe(false);
    const before = triage(HU, { locale: 'en', vocabulary });
    expect(before.language).toBe('hu');
    expect(before.category).toBe('other');
  });

  it('classifies the complaint once the language is loaded, and loads it once', async () => {
    const vocabulary = createVocabulary();
    await Promise.all([loadLexicon(vocabulary, 'hu'), loadLexicon(vocabulary, 'hu')]);
    expect(hasLexicon(vocabulary, 'hu')).toBe(true);
    const after = triage(HU, { locale: 'en', vocabulary });
    expect(after.language).toBe('hu');
    expect(after.category).toBe('delivery');
    expect(hasLexicon(vocabulary, 'sk')).toBe(false);
  });

  it('answers from the vocabulary it is given, whatever other vocabularies have loaded', async () => {
    const widget = createVocabulary();
    await loadLexicon(widget, 'sk');
    // Every language is known elsewhere in the same program; this vocabulary still lacks Hungarian.
    expect(triage(HU, { vocabulary: everyLanguage() }).category).toBe('delivery');
    expect(triage(HU, { vocabulary: widget }).category).toBe('other');
    expect(hasLexicon(widget, 'hu')).toBe(false);
  });
});
