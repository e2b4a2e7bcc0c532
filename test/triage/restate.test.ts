import { describe, expect, it } from 'vitest';
import { restate, triage } from '../../src/triage/public';
import type { Locale } from '../../src/triage/types';

function restated(messages: string[], locale: Locale): string {
  return restate(messages, triage(messages.join('\n')), locale);
}

const JUDGING = [
  /you are right/i,
  /you're right/i,
  /that'?s not true/i,
  /that is not true/i,
  /our fault/i,
  /not our fault/i,
  /anda betul/i,
  /tidak benar/i,
  /igaza van/i,
  /nem igaz/i,
  /máte pravdu/i,
  /to nie je pravda/i,
];

describe('restatement', () => {
  it('uses the visitor’s own words and keeps the order reference and the amount', () => {
    const messages = [
      'Hello. My parcel #12345 never arrived, and I paid €49.99 for express delivery on 12 March.',
      'Nobody has replied to my emails.',
    ];
    const text = restated(messages, 'en');
    expect(text).toContain('parcel #12345 never arrived');
    expect(text).toContain('€49.99');
    expect(text).not.toMatch(/^Hello/);
  });

  it('adds a reference or amount the quoted sentence left out', () => {
    const messages = ['The kettle leaks from the bottom and the lid is cracked. It cost RM 89.90. My order number is pesanan 77812, I am very disappointed with the quality of the product I received from your shop.'];
    const text = restated(messages, 'ms');
    expect(text).toContain('kettle leaks');
    expect(text).toContain('77812');
    expect(text).toContain('RM 89.90');
    expect(text.startsWith('Anda menulis')).toBe(true);
  });

  it('never echoes insults back', () => {
    const messages = ['You idiots lost my parcel, order 4411-A. Absolutely useless, bloody clowns!!!'];
    const text = restated(messages, 'en');
    expect(text.toLowerCase()).toContain('lost my parcel');
    expect(text).toContain('4411-A');
    for (const insult of ['idiot', 'useless', 'bloody', 'clown']) expect(text.toLowerCase()).not.toContain(insult);
    expect(text).not.toContain('!!!');
  });

  it('never echoes insults in Hungarian, Slovak or Malay either', () => {
    expect(restated(['A hülye futár eltörte a csomagot, rendelés 123456. Szemét banda.'], 'hu').toLowerCase()).not.toMatch(/hülye|szemét/);
    expect(restated(['Ten debil kuriér rozbil balík, objednávka č. 2024001. Idioti.'], 'sk').toLowerCase()).not.toMatch(/debil|idiot/);
    expect(restated(['Rider bodoh tu pecahkan barang saya, pesanan 88123. Bangang!'], 'ms').toLowerCase()).not.toMatch(/bodoh|bangang/);
  });

  it('is never longer than what the visitor wrote', () => {
    const inputs = [
      ['broken'],
      ['late!!'],
      ['My order #55120 is late.'],
      ['Kettle cracked. RM 45.90, pesanan 88123.'],
      ['Balík neprišiel.', 'Objednávka č. 2024001.'],
      ['x'.repeat(3000)],
      ['A csomag nem jött meg. '.repeat(40)],
    ];
    for (const messages of inputs) {
      for (const locale of ['en', 'ms', 'hu', 'sk'] as const) {
        const text = restated(messages, locale);
        expect(text.length).toBeLessThanOrEqual(messages.join('\n').trim().length);
      }
    }
  });

  it('frames the summary in the bot’s language and neither agrees nor denies', () => {
    const messages = [
      'Good morning. The cashier shouted at me in front of other customers when I asked about the price of the jacket.',
      'I have been a customer for years and I was embarrassed and did not know what to say or where to look.',
    ];
    const r = triage(messages[0]!);
    expect(restate(messages, r, 'hu').startsWith('Ön ezt írta:')).toBe(true);
    expect(restate(messages, r, 'sk').startsWith('Napísali ste:')).toBe(true);
    for (const locale of ['en', 'ms', 'hu', 'sk'] as const) {
      const text = restate(messages, r, locale);
      expect(text).toContain('cashier shouted at me');
      for (const judging of JUDGING) expect(text).not.toMatch(judging);
    }
  });

  it('calms capitals without changing the facts', () => {
    const text = restated(['WHERE IS MY PARCEL, ORDER #99812 WAS PAID ON 3 MAY AND NEVER ARRIVED'], 'en');
    expect(text).toContain('#99812');
    expect(text).not.toMatch(/PARCEL|NEVER ARRIVED/);
    expect(text.toLowerCase()).toContain('never arrived');
  });

  it('returns an empty summary when nothing but insults was written, and for nothing at all', () => {
    expect(restated(['you idiots'], 'en')).toBe('');
    expect(restated([], 'en')).toBe('');
    expect(restated(['   '], 'sk')).toBe('');
  });
});
