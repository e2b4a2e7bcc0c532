import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/triage/entities';
import { triage } from '../../src/triage/public';

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
    expect(found.amounts.map((a) => [a.value, a.currency])).toEqual([
      [12.99, 'EUR'],
      [45.9, 'MYR'],
      [8, 'GBP'],
      [1299, 'USD'],
      [1299.5, 'HUF'],
      [12990, 'HUF'],
      [45.9, 'EUR'],
    ]);
    expect(found.amounts.map((a) => a.text)).toContain('1 299,50 Ft');
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
});
