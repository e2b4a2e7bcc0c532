import { describe, expect, it } from 'vitest';
import { everyLanguage } from '../../widget/src/triage/all';
import { desiredOutcome } from '../../widget/src/triage/outcome';

describe('what the visitor asks for, in their words', () => {
  it.each([
    ['I want my money back.', 'refund'],
    ['Please just send me a new one.', 'replacement'],
    ['Can I swap it for a different size?', 'exchange'],
    ['A voucher would be fine.', 'storeCredit'],
    ['Some compensation for the wasted evening.', 'discount'],
    ['Could you repair it?', 'repair'],
    ['Saya mahu bayaran balik penuh.', 'refund'],
    ['Tolong hantar semula barang baru.', 'replacement'],
    ['Boleh tukar saiz lain?', 'exchange'],
    ['Pénzvisszafizetést kérek, vagy utalják vissza az árát.', 'refund'],
    ['Kérem, cseréljék ki egy újra.', 'replacement'],
    ['Elég lenne egy árengedmény.', 'discount'],
    ['Chcem vrátiť peniaze, prosím.', 'refund'],
    ['Stačila by mi zľava.', 'discount'],
    ['Prosím o opravu.', 'repair'],
    ['Prosim o vratenie penazi', 'refund'],
  ])('%s → %s', (text, kind) => {
    expect(desiredOutcome(text, everyLanguage())).toBe(kind);
  });

  it('names nothing when nothing is asked for', () => {
    expect(desiredOutcome('An apology from the courier company.', everyLanguage())).toBeNull();
    expect(desiredOutcome('', everyLanguage())).toBeNull();
    expect(desiredOutcome('   🙂   ', everyLanguage())).toBeNull();
  });

  it('takes the outcome named most often', () => {
    expect(desiredOutcome('A replacement, or a replacement model, or failing that a refund.', everyLanguage())).toBe('replacement');
  });
});
