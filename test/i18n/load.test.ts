import { describe, expect, it } from 'vitest';
import { en } from '../../widget/src/i18n/catalogs/en';
import { getLoadedCatalog, loadCatalog } from '../../widget/src/i18n/load';

describe('loadCatalog', () => {
  it('has nothing loaded before it is asked: even English is a download of its own', () => {
    expect(getLoadedCatalog('en')).toBeUndefined();
    expect(getLoadedCatalog('hu')).toBeUndefined();
  });

  it('loads a language on demand, once, and then has it ready', async () => {
    expect(getLoadedCatalog('sk')).toBeUndefined();
    const [a, b] = await Promise.all([loadCatalog('sk'), loadCatalog('sk')]);
    expect(a).toBe(b);
    expect(a['ui.send']).toBe('Odoslať');
    expect(getLoadedCatalog('sk')).toBe(a);
  });

  it('loads each language from its own module', async () => {
    expect((await loadCatalog('hu'))['ui.send']).toBe('Küldés');
    expect((await loadCatalog('ms'))['ui.send']).toBe('Hantar');
    expect(await loadCatalog('en')).toBe(en);
  });
});
