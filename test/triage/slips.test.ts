import { describe, expect, it } from 'vitest';
import { triage } from '../../widget/src/triage/public';

/*
 * Slips native reviewers and a newcomer found in December 2026: each case is one of a kind of
 * mistake, so each test holds it in every language it was seen in. What was misread in the
 * entities (references, amounts, dates) is held in entity-slips.test.ts.
 */

describe('one fact gives one label, whatever the language', () => {
  it.each([
    ['en', 'I already wrote to support twice about the broken kettle.'],
    ['en', 'I have already emailed twice about the broken kettle.'],
    ['ms', 'Saya sudah tulis dua kali tentang cerek yang rosak.'],
    ['ms', 'Saya dah emel dua kali pasal cerek rosak ni.'],
    ['hu', 'Már kétszer írtam a hibás vízforraló miatt.'],
    ['hu', 'Kétszer írtam már önöknek a hibás vízforraló miatt.'],
    ['sk', 'Už som dvakrát písal kvôli pokazenej kanvici.'],
    ['sk', 'Písala som Vám už dvakrát kvôli pokazenej kanvici.'],
  ])('a visitor who says (%s) they wrote twice before is a frequent customer: “%s”', (_language, text) => {
    const result = triage(text);
    expect(result.customerType).toBe('frequent');
    expect(result.signals).toContainEqual(expect.objectContaining({ field: 'customerType', value: 'frequent' }));
  });

  it('one earlier contact is not yet a frequent customer', () => {
    expect(triage('I emailed once about the broken kettle.').customerType).toBe('regular');
  });
});

describe('a visitor who tells how they were mistreated is upset at least', () => {
  it.each([
    ['en', 'The cashier shouted at me in front of everyone.'],
    ['en', 'The manager humiliated me at the till.'],
    ['en', 'The staff mocked me when I asked about the price.'],
    ['en', 'The assistant ignored me for twenty minutes at the counter.'],
    ['ms', 'Juruwang itu menengking saya di depan orang ramai.'],
    ['ms', 'Pekerja kedai itu perli saya bila saya tanya harga.'],
    ['hu', 'Az eladó kiabált velem a boltban.'],
    ['hu', 'A pénztáros kinevetett, amikor az árról kérdeztem.'],
    ['hu', 'Az ügyintéző megalázott mindenki előtt.'],
    ['sk', 'Predavačka na mňa kričala v obchode.'],
    ['sk', 'Pokladníčka sa mi vysmiala, keď som sa pýtal na cenu.'],
    ['sk', 'Predavač ma ignoroval dvadsať minút.'],
  ])('(%s) “%s”', (_language, text) => {
    expect(['upset', 'angry']).toContain(triage(text).mood);
  });

  it.each([
    'The clerk spoke to me like I was stupid.',
    'The cashier treated me as if I were an idiot.',
    'He talked to me like I was dumb, and I was really upset.',
  ])('how the clerk treated the visitor is not the visitor’s own hostility: “%s” is upset, not angry', (text) => {
    expect(triage(text).mood).toBe('upset');
  });

  it('the visitor’s own insult still reads as angry', () => {
    expect(triage('Your clerk is stupid and useless.').mood).toBe('angry');
  });
});

describe('a word is read as itself, not as a word it looks like', () => {
  it.each([
    ['sk', 'Dnes prišiel stôl, ale noha stola je prasknutá a doska stola poškodená.', 'product'],
    ['sk', 'Rezervovali sme si stôl v reštaurácii na ôsmu a čakali sme hodinu.', 'service'],
    ['hu', 'Valami történt a számlázással: kétszer vonták le az összeget.', 'billing'],
    ['hu', 'Mi történt? A futár nem hozta ki a csomagot.', 'delivery'],
    ['ms', 'Saya rasa caj ini salah.', 'billing'],
    ['en', 'The freezer arrived and the freezer drawer is cracked.', 'product'],
    ['en', 'The new charger I bought does not charge my phone.', 'product'],
    ['en', 'Of course the invoice was wrong again.', 'billing'],
  ])('(%s) “%s” is about %s', (_language, text, category) => {
    expect(triage(text).category).toBe(category);
  });
});

describe('what the visitor wants is not what went wrong', () => {
  it.each(['Bayaran balik.', 'Refund.', 'Visszatérítést kérek.', 'Vrátenie peňazí.', 'I would like a refund please.'])(
    'asking for a refund alone names no category: “%s”',
    (text) => {
      expect(triage(text).category).toBe('other');
    },
  );

  it.each([
    ['en', 'The kettle stopped working after a week. I want a refund or a new one.', 'product'],
    ['ms', 'Cerek ini rosak selepas seminggu. Saya mahu bayaran balik.', 'product'],
    ['hu', 'A vízforraló egy hét után elromlott, kérem a visszatérítést.', 'product'],
    ['sk', 'Kanvica sa po týždni pokazila, žiadam vrátenie peňazí.', 'product'],
  ])('(%s) a refund asked for a broken product is a product complaint: “%s”', (_language, text, category) => {
    expect(triage(text).category).toBe(category);
  });

  it.each([
    ['en', 'I was promised a refund two weeks ago and it has not arrived.'],
    ['ms', 'Saya dijanjikan bayaran balik dua minggu lepas tetapi belum terima lagi.'],
    ['hu', 'Két hete ígértek visszatérítést, de még mindig nem kaptam meg.'],
    ['sk', 'Vrátenie peňazí mi sľúbili pred dvoma týždňami, ale stále som ich nedostal.'],
  ])('(%s) a refund owed and not received is billing: “%s”', (_language, text) => {
    expect(triage(text).category).toBe('billing');
  });
});
