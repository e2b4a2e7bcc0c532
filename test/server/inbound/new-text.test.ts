/**
 * An email answer lands in the thread as what the visitor wrote: every fixture, as Gmail,
 * Outlook, Apple Mail and Thunderbird write them in the four languages, gives its label's text.
 */
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { newText } from '../../../server/inbound/new-text.mjs';
import { REPLY_FIXTURES } from './reply-fixtures.ts';

describe('the new text of an email answer', () => {
  it('covers at least three mail clients in every language, 24 answers or more', () => {
    expect(REPLY_FIXTURES.length).toBeGreaterThanOrEqual(24);
    for (const locale of ['en', 'ms', 'hu', 'sk']) {
      expect(new Set(REPLY_FIXTURES.filter((fixture) => fixture.locale === locale).map((fixture) => fixture.client)).size).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(REPLY_FIXTURES.map((fixture) => [fixture.name, fixture] as const))('%s: only what the sender wrote', async (_name, fixture) => {
    const mail = await simpleParser(fixture.raw.replaceAll('{{to}}', 'reply+token@inbound.shop.example'));
    expect(newText(mail.text ?? '')).toBe(fixture.expected);
  });

  it('keeps a line that mentions writing but introduces no quote', () => {
    expect(newText('My neighbour wrote:\nthe same kettle leaks too.')).toBe('My neighbour wrote:\nthe same kettle leaks too.');
  });

  it('keeps everything when nothing is quoted', () => {
    expect(newText('Line one\n\nLine two\n')).toBe('Line one\n\nLine two');
  });
});
