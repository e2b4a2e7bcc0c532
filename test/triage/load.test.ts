import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/triage/load';
import { triage } from '../../src/triage/triage';
import { hasLexicon } from '../../src/triage/vocabulary';

const HU = 'A csomagom két hete nem érkezett meg, a futár szerint kézbesítették, de nem kaptam meg.';

describe('vocabulary loaded one language at a time', () => {
  it('recognises the language before its vocabulary has loaded', () => {
    expect(hasLexicon('hu')).toBe(false);
    const before = triage(HU, { locale: 'en' });
    expect(before.language).toBe('hu');
    expect(before.category).toBe('other');
  });

  it('classifies the complaint once the language is loaded, and loads it once', async () => {
    await Promise.all([loadLexicon('hu'), loadLexicon('hu')]);
    expect(hasLexicon('hu')).toBe(true);
    const after = triage(HU, { locale: 'en' });
    expect(after.language).toBe('hu');
    expect(after.category).toBe('delivery');
    expect(hasLexicon('sk')).toBe(false);
  });
});
