import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../widget/src/triage/entities';
import { triage } from '../../widget/src/triage/public';

const entities = (text: string) => triage(text).entities;

describe('entities a complaint mentions', () => {
  it('finds order and account references in every language', () => {
    expect(entities('Where is #12345?').orderRefs).toEqual(['#12345']);
    expect(entities('My order 4411-A never came').orderRefs).toEqual(['4411-A']);
    expect(entities('Order no. 778812 is wrong').orderRefs).toEqual(['778812']);
    expect(entities('A rendelés 123456 nem jött meg').orderRefs).toEqual(['123456']);
    expect(entities('rendelesszam: 998877').orderRefs).toEqual(['998877']);
    expect(entities('objednávka č. 2024001 neprišla').orderRefs).toEqual(['2024001']);
    expect(entities('objednavka c. 2024002 neprisla').orderRefs).toEqual(['2024002']);
    expect(entities('pesanan 88123 belum sampai').orderRefs).toEqual(['88123']);
    expect(entities('invoice INV-20931 is wrong').orderRefs).toEqual(['INV-20931']);
  });

  it('does not mistake counts and years for references', () => {
    expect(entities('I placed an order 2 days ago').orderRefs).toEqual([]);
    expect(entities('my order 2024 was bad').orderRefs).toEqual([]);
  });

  it('finds emails and phone numbers', () => {
    const found = entities('Write to jana.novak+shop@example.sk or call +421 902 123 456, or +36 (1) 234-5678.');
    expect(found.emails).toEqual(['jana.novak+shop@example.sk']);
    expect(found.phones).toEqual(['+421 902 123 456', '+36 (1) 234-5678']);
  });

  it('reads amounts with their currency as people write them', () => {
    const found = entities('I paid €12,99, then 1 299,50 Ft, RM 45.90, £8, $1,299.00, 12 990 Ft and 45,90 EUR.');
    // In the order the visitor wrote them, so a restatement can say them back in that order.
    expect(found.amounts.map((a) => [a.value, a.currency])).toEqual([
      [12.99, 'EUR'],
      [1299.5, 'HUF'],
      [45.9, 'MYR'],
      [8, 'GBP'],
      [1299, 'USD'],
      [12990, 'HUF'],
      [45.9, 'EUR'],
    ]);
    expect(found.amounts.map((a) => a.text)).toContain('1 299,50 Ft');
  });

  it.each([
    ['I paid €89 for it', '€89', 89, 'EUR'],
    ['I paid 89 euros for this', '89 euros', 89, 'EUR'],
    ['Zaplatil som 89 EUR', '89 EUR', 89, 'EUR'],
    ['Saya bayar RM89.90 untuk barang ini', 'RM89.90', 89.9, 'MYR'],
    ['Dah bayar RM 120 tapi tak sampai', 'RM 120', 120, 'MYR'],
    ['4990 Ft-ot fizettem érte', '4990 Ft', 4990, 'HUF'],
    ['4 990 Ft-ot fizettem érte', '4 990 Ft', 4990, 'HUF'],
    ['Stálo to 9,99 € a nefunguje', '9,99 €', 9.99, 'EUR'],
    ['It cost £39.99 and broke', '£39.99', 39.99, 'GBP'],
    ['I bought 2 x £12.50 mugs', '2 x £12.50', 25, 'GBP'],
    ['They took $15 twice', '$15', 15, 'USD'],
    ['Kifizettem a 89 eurót', '89 eurót', 89, 'EUR'],
    ['Zaplatila som 89 eur', '89 eur', 89, 'EUR'],
  ])('reads the amount in “%s” as %s: %d %s', (text, written, value, currency) => {
    expect(entities(text).amounts).toEqual([expect.objectContaining({ text: written, value, currency })]);
  });

  it('keeps the quantity and the price of one for “2 x £12.50”', () => {
    expect(entities('I bought 2 x £12.50 mugs').amounts[0]).toEqual({ value: 25, currency: 'GBP', text: '2 x £12.50', quantity: 2, unitValue: 12.5 });
  });

  it('parses decimal and thousands separators', () => {
    expect(parseAmount('1.299,50')).toBe(1299.5);
    expect(parseAmount('1,299.50')).toBe(1299.5);
    expect(parseAmount('12.000')).toBe(12000);
    expect(parseAmount('12,5')).toBe(12.5);
  });

  it('finds dates as the visitor wrote them', () => {
    expect(entities('Delivered on 2026-03-12, promised for 15/03/2026').dates).toEqual(['2026-03-12', '15/03/2026']);
    expect(entities('I ordered on 12 March and again on March 20, 2026').dates).toEqual(['12 March', 'March 20, 2026']);
    expect(entities('2026. 03. 15. óta várok, március 20-án írtam').dates).toEqual(['2026. 03. 15.', 'március 20']);
    expect(entities('Objednal som 12. marca 2026, včera mi napísali').dates).toEqual(['12. marca 2026', 'včera']);
    expect(entities('Saya order pada 3 Mac, semalam masih belum sampai').dates).toEqual(['3 Mac', 'semalam']);
    expect(entities('I may have to complain').dates).toEqual([]);
  });

  it.each([
    ['It came last Tuesday and broke the same day.', ['last Tuesday']],
    ['Minulý utorok prišiel balík a bol rozbitý.', ['Minulý utorok']],
    ['Múlt kedden jött meg a csomag, törötten.', ['Múlt kedden']],
    ['Barang sampai Selasa lepas dalam keadaan rosak.', ['Selasa lepas']],
    ['I ordered it two weeks ago and called at 3pm yesterday.', ['two weeks ago', '3pm', 'yesterday']],
    ['Objednala som to pred dvoma týždňami, kuriér prišiel o 14:30.', ['pred dvoma týždňami', '14:30']],
    ['Két hete rendeltem, a futár 15 órakor jött.', ['Két hete', '15 órakor']],
    ['Saya order 2 minggu lepas, kurier datang pukul 3 petang.', ['2 minggu lepas', 'pukul 3 petang']],
  ])('finds relative dates and times in “%s”', (text, dates) => {
    expect(entities(text).dates).toEqual(dates);
  });

  it.each([
    ['I emailed support twice last week and nobody replied.', 2, 'twice'],
    ['I have written FOUR times and nobody answers.', 4, 'FOUR times'],
    ['This is the third time I am writing about this.', 3, 'the third time'],
    ['Dvakrát som písal na podporu a nikto neodpovedal.', 2, 'Dvakrát'],
    ['Volala som už 5-krát.', 5, '5-krát'],
    ['Kétszer írtam az ügyfélszolgálatnak, senki nem válaszolt.', 2, 'Kétszer'],
    ['Már harmadszor hívom önöket.', 3, 'harmadszor'],
    ['Saya dah hubungi dua kali tapi tiada jawapan.', 2, 'dua kali'],
  ])('counts earlier contacts in “%s”', (text, count, written) => {
    expect(entities(text).contactCounts).toEqual([{ count, text: written }]);
  });

  it('does not take a count that is not about getting in touch', () => {
    expect(entities('You charged me twice for the same order.').contactCounts).toEqual([]);
    expect(entities('Strhli mi peniaze dvakrát.').contactCounts).toEqual([]);
    expect(entities('I paid twice. Then I emailed you.').contactCounts).toEqual([]);
  });
});
