import { describe, expect, it } from 'vitest';
import { triage } from '../../widget/src/triage/public';

describe('triage', () => {
  it('explains each decision with the cue behind it', () => {
    const result = triage('The courier was rude and threw my parcel over the fence.');
    expect(result.category).toBe('staff');
    expect(result.signals).toEqual(expect.arrayContaining([{ field: 'category', value: 'staff', cue: 'rude' }]));
    for (const field of ['category', 'urgency', 'mood', 'customerType', 'language'] as const) {
      expect(result.signals.some((s) => s.field === field), field).toBe(true);
    }
  });

  it('escalates danger, legal threats and fraud, and says why', () => {
    expect(triage('The charger caught fire in my kitchen').escalation).toBe('safety');
    expect(triage('My lawyer will hear about this').escalation).toBe('legal');
    expect(triage('I will file a chargeback with my bank').escalation).toBe('critical');
    expect(triage('A csomag nem jött meg').escalation).toBeNull();
    const fire = triage('Nabíjačka začala horieť a iskriť');
    expect(fire.urgency).toBe('critical');
    expect(fire.signals.some((s) => s.field === 'escalation' && s.value === 'safety')).toBe(true);
  });

  it('matches Hungarian and Slovak typed without accents', () => {
    const hu = triage('a futar nem hozta ki a csomagot, nagyon csalodott vagyok');
    expect([hu.language, hu.category, hu.mood]).toEqual(['hu', 'delivery', 'upset']);
    const sk = triage('predavacka bola velmi drza a neprijemna, som sklamany');
    expect([sk.language, sk.category, sk.mood]).toEqual(['sk', 'staff', 'upset']);
  });

  it('reads shouting and exclamation marks as anger', () => {
    expect(triage('WHERE IS MY REFUND. I WANT IT NOW').mood).toBe('angry');
    expect(triage('My parcel is late').mood).toBe('calm');
    expect(triage('My parcel is late!! Seriously disappointed').mood).toBe('upset');
    expect(triage('My parcel is late!! This is ridiculous').mood).toBe('angry');
  });

  it('knows the kind of customer from traits, history and wording', () => {
    expect(triage('My parcel is late', { traits: { plan: 'Premium' } }).customerType).toBe('premium');
    expect(triage('My parcel is late', { traits: { vip: true } }).customerType).toBe('premium');
    expect(triage('My parcel is late', { traits: { plan: 'free' } }).customerType).toBe('regular');
    expect(triage('My parcel is late', { history: 3 }).customerType).toBe('frequent');
    expect(triage('This is the third time I write about my parcel').customerType).toBe('frequent');
    expect(triage('Sorry to bother you, the lid of my kettle is a bit loose').customerType).toBe('reluctant');
    expect(triage('Nem akarok panaszkodni, de a csomag sérült volt').customerType).toBe('reluctant');
    expect(triage('Nechcem sa sťažovať, ale balík bol poškodený').customerType).toBe('reluctant');
    expect(triage('Saya tak nak merungut, tapi barang rosak').customerType).toBe('reluctant');
    expect(triage('You useless idiots lost my parcel').customerType).toBe('angry');
  });

  it('escalates a premium customer with an urgent complaint', () => {
    const result = triage('I was charged twice, please fix it urgently', { traits: { tier: 'gold' } });
    expect(result.escalation).toBe('premium');
    expect(triage('The lid is a bit loose', { traits: { tier: 'gold' } }).escalation).toBeNull();
  });

  it('uses the site owner’s categories and keywords', () => {
    const categories = { warranty: ['warranty claim', 'záruk*', 'garanci*'], loyalty: ['points', 'pontok*'] };
    expect(triage('My warranty claim was rejected', { categories }).category).toBe('warranty');
    expect(triage('A pontokat nem írták jóvá', { categories }).category).toBe('loyalty');
    expect(triage('My parcel never arrived', { categories }).category).toBe('delivery');
  });

  it('detects the language the visitor writes in, whatever the page language', () => {
    expect(triage('Barang saya belum sampai lagi', { locale: 'en' }).language).toBe('ms');
    expect(triage('The parcel is late', { locale: 'sk' }).language).toBe('en');
    expect(triage('ok', { locale: 'hu-HU' }).language).toBe('hu');
  });

  it('calls a short complaint without specifics vague', () => {
    expect(triage('not happy').vague).toBe(true);
    expect(triage('bad').vague).toBe(true);
    expect(triage('my parcel is late').vague).toBe(false);
    expect(triage('see #12345').vague).toBe(false);
  });
});
