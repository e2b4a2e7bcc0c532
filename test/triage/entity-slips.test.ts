import { describe, expect, it } from 'vitest';
import { triage } from '../../widget/src/triage/public';

/*
 * What a visitor typed that native reviewers and a newcomer found misread in December 2026:
 * each case is one of a kind of mistake, held in every language it was seen in.
 */

const entities = (text: string) => triage(text).entities;

describe('entities', () => {
  it('an amount keeps the currency written after it, and the date after that is a date', () => {
    const found = entities('Zaplatil som 189,90 € 2. marca a tovar stále nemám.');
    expect(found.amounts).toEqual([expect.objectContaining({ text: '189,90 €', value: 189.9, currency: 'EUR' })]);
    expect(found.dates).toEqual(['2. marca']);
  });

  it('“14 €” followed by a date is fourteen euros', () => {
    const found = entities('Stálo to 14 € 15. januára a nefunguje.');
    expect(found.amounts).toEqual([expect.objectContaining({ text: '14 €', value: 14, currency: 'EUR' })]);
    expect(found.dates).toEqual(['15. januára']);
  });

  it.each([
    ['Objednávka prišla 2. marca.', ['2. marca']],
    ['Objednal som 15. januára, do 3. februára nič.', ['15. januára', '3. februára']],
    ['Balík mal prísť 20. decembra.', ['20. decembra']],
  ])('finds Slovak dates in the genitive: “%s”', (text, dates) => {
    expect(entities(text).dates).toEqual(dates);
  });

  it.each([
    ['A 10023456 számú rendelés nem jött meg.', ['10023456']],
    ['A hivatkozási számom HU-558201, kérem nézzék meg.', ['HU-558201']],
    ['My order, 4471902, is late.', ['4471902']],
    ['My order number is 5512093 and it is late.', ['5512093']],
    ['Číslo zmluvy je KC-30112.', ['KC-30112']],
    ['Nombor pesanan saya ialah 7781234.', ['7781234']],
  ])('finds the reference in “%s”', (text, refs) => {
    expect(entities(text).orderRefs).toEqual(refs);
  });

  it.each([
    ['A 79 eurós cipő szétesett.', 79, 'EUR'],
    ['Az 5000 forintos kupon nem működött.', 5000, 'HUF'],
    ['Kifizettem 120 eurót érte.', 120, 'EUR'],
    ['189 990 Ft-ot vontak le tőlem.', 189990, 'HUF'],
    ['A 4990 Ft-os díjat kétszer számolták.', 4990, 'HUF'],
  ])('reads a Hungarian amount with a case ending: “%s”', (text, value, currency) => {
    expect(entities(text).amounts).toEqual([expect.objectContaining({ value, currency })]);
  });

  it('the same sum written twice is one amount', () => {
    expect(entities('Saya bayar RM249.00 tapi dicaj RM249.00 sekali lagi.').amounts).toEqual([
      expect.objectContaining({ value: 249, currency: 'MYR', text: 'RM249.00' }),
    ]);
    // Two different sums stay two.
    expect(entities('I paid £12.50 and then £15.00.').amounts).toHaveLength(2);
  });
});
