import { describe, expect, it } from 'vitest';
import { isLocale, resolveLocale } from '../../widget/src/i18n/locale';

describe('resolveLocale', () => {
  it('uses the site owner’s configured locale when we speak it', () => {
    expect(resolveLocale('hu', ['en-GB'])).toBe('hu');
    expect(resolveLocale('sk-SK', ['en-GB'])).toBe('sk');
    expect(resolveLocale('MS_my', [])).toBe('ms');
  });

  it('ignores a configured locale we do not speak and reads the browser languages', () => {
    expect(resolveLocale('de', ['de-DE', 'hu-HU', 'en'])).toBe('hu');
  });

  it('matches regional browser languages to the language we speak', () => {
    expect(resolveLocale(undefined, ['ms-MY'])).toBe('ms');
    expect(resolveLocale(undefined, ['hu-HU'])).toBe('hu');
    expect(resolveLocale(undefined, ['sk-SK', 'en'])).toBe('sk');
    expect(resolveLocale(undefined, ['fr-FR', 'en-US'])).toBe('en');
  });

  it('offers Slovak to Czech readers and Malay to Indonesian readers only when nothing closer is listed', () => {
    expect(resolveLocale(undefined, ['cs-CZ'])).toBe('sk');
    expect(resolveLocale(undefined, ['cs-CZ', 'de'])).toBe('sk');
    expect(resolveLocale(undefined, ['cs-CZ', 'en'])).toBe('en');
    expect(resolveLocale(undefined, ['id-ID'])).toBe('ms');
    expect(resolveLocale('cs', [])).toBe('en');
  });

  it('falls back to English', () => {
    expect(resolveLocale()).toBe('en');
    expect(resolveLocale('', [])).toBe('en');
    expect(resolveLocale(undefined, ['', 'xx'])).toBe('en');
  });
});

describe('isLocale', () => {
  it('accepts exactly the four languages the widget speaks', () => {
    expect(['en', 'ms', 'hu', 'sk'].every(isLocale)).toBe(true);
    expect(isLocale('cs')).toBe(false);
    expect(isLocale('EN')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
