import { describe, expect, it } from 'vitest';
import { restate, triage } from '../../widget/src/triage/public';
import type { Locale } from '../../widget/src/triage/types';

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

  it('quotes the visitor when the bot speaks another language, keeping every reference and amount', () => {
    const messages = ['The kettle leaks from the bottom and the lid is cracked. It cost RM 89.90. My order number is pesanan 77812, I am very disappointed with the quality of the product I received from your shop.'];
    const text = restated(messages, 'ms');
    expect(text).toMatch(/^“The kettle leaks/);
    expect(text).toContain('77812');
    expect(text).toContain('RM 89.90');
  });

  it('never echoes insults back', () => {
    const messages = ['You idiots lost my parcel, order 4411-A. Absolutely useless, bloody clowns!!!'];
    const text = restated(messages, 'en');
    expect(text.toLowerCase()).toContain('lost your parcel');
    expect(text).toContain('4411-A');
    for (const insult of ['idiot', 'useless', 'bloody', 'clown']) expect(text.toLowerCase()).not.toContain(insult);
    expect(text).not.toContain('!!!');
  });

  it('never echoes insults in Hungarian, Slovak or Malay either', () => {
    expect(restated(['A hülye futár eltörte a csomagot, rendelés 123456. Szemét banda.'], 'hu').toLowerCase()).not.toMatch(/hülye|szemét/);
    expect(restated(['Ten debil kuriér rozbil balík, objednávka č. 2024001. Idioti.'], 'sk').toLowerCase()).not.toMatch(/debil|idiot/);
    expect(restated(['Rider bodoh tu pecahkan barang saya, pesanan 88123. Bangang!'], 'ms').toLowerCase()).not.toMatch(/bodoh|bangang/);
  });

  it('is short: never much longer than what the visitor wrote, and a glance for a long complaint', () => {
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
        // Quote marks, and "you" for "I", may add a few characters; nothing else does.
        expect(text.length).toBeLessThanOrEqual(Math.min(messages.join('\n').trim().length * 1.1 + 4, 400));
      }
    }
    // Ten sentences about one parcel are said back in a few lines.
    const long = restated(
      Array.from({ length: 10 }, (_, i) => `The parcel was late again on day ${i + 1} and the courier did not call before coming.`),
      'en',
    );
    expect(long.length).toBeLessThanOrEqual(400);
  });

  it('says it back in the visitor’s language or quotes it, and neither agrees nor denies', () => {
    const messages = [
      'Good morning. The cashier shouted at me in front of other customers when I asked about the price of the jacket.',
      'I have been a customer for years and I was embarrassed and did not know what to say or where to look.',
    ];
    const r = triage(messages[0]!);
    // In the visitor's language it is said back to them; in another, quoted in that language's marks.
    expect(restate(messages, r, 'en')).toMatch(/^The cashier shouted at you/);
    expect(restate(messages, r, 'hu')).toMatch(/^„The cashier shouted at me.*”$/s);
    expect(restate(messages, r, 'sk')).toMatch(/^„The cashier shouted at me.*“$/s);
    for (const locale of ['en', 'ms', 'hu', 'sk'] as const) {
      const text = restate(messages, r, locale);
      expect(text).toMatch(/cashier shouted at (me|you)/);
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
