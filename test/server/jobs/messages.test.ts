/**
 * The server's own words to visitors: their language when the server speaks it, English
 * otherwise, and a language from the browser's `Accept-Language` by its order of preference.
 */
import { describe, expect, it } from 'vitest';
import { acceptedLocale, FOLLOW_UP_MESSAGES, messagesFor, updateMessagesFor } from '../../../server/jobs/commitments/messages.mjs';

describe('messages for a visitor', () => {
  it('speaks the visitor\'s language, by its base, and English for one it does not speak, whatever its name', () => {
    expect(messagesFor('hu-HU')).toMatchObject({ locale: 'hu', invalid: FOLLOW_UP_MESSAGES.hu.invalid });
    for (const unknown of ['de', 'constructor', '__proto__', 'toString', 'hasOwnProperty', '', null, undefined]) {
      expect(messagesFor(unknown), String(unknown)).toEqual({ locale: 'en', ...FOLLOW_UP_MESSAGES.en });
      expect(updateMessagesFor(unknown).replySubject, String(unknown)).toBe('A reply about your complaint {reference}');
    }
  });

  it('takes the browser\'s most preferred language the server speaks', () => {
    expect(acceptedLocale('hu-HU,hu;q=0.9,en;q=0.8')).toBe('hu');
    expect(acceptedLocale('de-DE, en;q=0.5, ms;q=0.7')).toBe('ms');
    expect(acceptedLocale('sk;q=0, en;q=0.1')).toBe('en');
    expect(acceptedLocale('de, constructor, __proto__')).toBeNull();
    expect(acceptedLocale(undefined)).toBeNull();
  });
});
