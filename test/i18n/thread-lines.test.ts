import { describe, expect, it } from 'vitest';
import { translate, type Catalog, type Entry, type MessageKey } from '../../widget/src/i18n/translate';
import { en } from '../../widget/src/i18n/thread/thread-en';
import { hu } from '../../widget/src/i18n/thread/thread-hu';
import { ms } from '../../widget/src/i18n/thread/thread-ms';
import { sk } from '../../widget/src/i18n/thread/thread-sk';
import { loadThreadLines, type ThreadCatalog, type ThreadKey } from '../../widget/src/ui/threadLines';

const catalogs: Record<string, ThreadCatalog> = { en, ms, hu, sk };
const keys = Object.keys(en) as ThreadKey[];

const texts = (entry: Entry): string[] =>
  typeof entry === 'string' ? [entry] : Array.isArray(entry) ? [...(entry as readonly string[])] : Object.values(entry as Record<string, string>);
const placeholders = (entry: Entry): string[] => [...new Set(texts(entry).flatMap((t) => [...t.matchAll(/\{([A-Za-z0-9_.]+)\}/g)].map((m) => m[1]!)))].sort();

describe('the thread\'s lines', () => {
  it.each(Object.keys(catalogs))('in %s have every key, nothing blank, and the same placeholders as English', (locale) => {
    const catalog = catalogs[locale]!;
    expect(Object.keys(catalog).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(texts(catalog[key]).every((t) => t.trim().length > 0), key).toBe(true);
      expect(placeholders(catalog[key]), `${locale} ${key}`).toEqual(placeholders(en[key]));
    }
  });

  it('render in the visitor\'s language with plural forms', async () => {
    const sayHu = await loadThreadLines('hu', translate);
    expect(sayHu('thread.unread', { count: 3 })).toBe('Panasz bejelentése, 3 új válasz');
    const saySk = await loadThreadLines('sk', translate);
    expect(saySk('thread.unread', { count: 3 })).toBe('Podať sťažnosť, 3 nové odpovede');
    expect(translate(en as unknown as Catalog, 'en', 'thread.sending' as unknown as MessageKey)).toBe('Sending…');
  });
});
