import { describe, expect, it } from 'vitest';
import { en } from '../../widget/src/i18n/catalogs/en';
import { hu } from '../../widget/src/i18n/catalogs/hu';
import { ms } from '../../widget/src/i18n/catalogs/ms';
import { sk } from '../../widget/src/i18n/catalogs/sk';
import { translate, type Catalog, type MessageKey, type Params } from '../../widget/src/i18n/translate';
import type { Locale } from '../../widget/src/triage/types';

/*
 * The lines a native-speaking editor reworded (December review), as a visitor sees them: rendered
 * with the values the widget fills in, every variant a conversation can get.
 */

const catalogs: Record<Locale, Catalog> = { en, ms, hu, sk };
const key = (k: string): { key: MessageKey } => ({ key: k as MessageKey });
const DUE = { date: '2026-03-20T16:00:00Z', timeZone: 'Europe/London' };

/** Every rendering of a line over enough conversations to meet each of its variants. */
function heard(locale: Locale, k: MessageKey, params?: Params): string[] {
  const out = new Set<string>();
  for (let seed = 0; seed < 40; seed++) out.add(translate(catalogs[locale], locale, k, params, `conversation-${seed}`));
  return [...out].sort();
}

describe('English lines as the editor reworded them', () => {
  it('welcomes a returning visitor without sounding glad about a new complaint', () => {
    expect(heard('en', 'greet.welcomeBack')).toEqual(['Welcome back. Thank you for getting in touch again.']);
    expect(heard('en', 'greet.welcomeBackName', { name: 'Ada' })).toEqual(['Welcome back, Ada. Thank you for getting in touch again.']);
  });

  it('offers the alternative instead of "What I can do is store credit"', () => {
    expect(heard('en', 'outcome.unavailable', { wanted: key('outcome.name.refund'), alternative: key('outcome.name.storeCredit') })).toEqual([
      'I understand you’d like a refund. I’m afraid I can’t offer that here, but I can offer store credit instead. Would that help?',
    ]);
  });

  it('does not promise a replacement, an exchange or a repair before the team has checked', () => {
    for (const [kind, name] of [['replacement', 'a replacement'], ['exchange', 'an exchange'], ['repair', 'a repair']] as const) {
      const line = heard('en', 'commit.summary', { action: key(`commit.action.${kind}`), due: DUE });
      expect(line).toHaveLength(1);
      expect(line[0]).toMatch(new RegExp(`^Here is what happens next: our team will check your order and get back to you about ${name}\\. `));
      expect(line[0]).not.toMatch(/arrange/);
    }
  });

  it('greets a visitor by name with a comma', () => {
    for (const line of heard('en', 'greet.helloName', { name: 'Ada' })) expect(line).toMatch(/^(Hello|Hi), Ada\. I’m here to help\.$/);
  });
});

describe('Malay lines as the editor reworded them', () => {
  it('speaks of "wakil kami", never "pasukan kami"', () => {
    expect(heard('ms', 'thank.rejected')[0]).toMatch(/^Kami tidak dapat menyampaikan aduan anda kepada wakil kami\. /);
    expect(heard('ms', 'error.full')[0]).toMatch(/; wakil kami boleh meminta maklumat lanjut daripada anda\.$/);
    for (const k of Object.keys(ms) as MessageKey[]) for (const line of heard('ms', k, { reference: 'HRD-7K2M-9Q', due: DUE })) expect(line, k).not.toMatch(/pasukan kami/);
  });

  it('asks for the story, the part and the rating in the editor’s words', () => {
    expect(heard('ms', 'greet.prompt')).toEqual([
      'Sila ceritakan apa yang berlaku; anda boleh menulis dalam beberapa mesej. Saya tidak akan mencelah. Setelah selesai, pilih “Itu sahaja”.',
    ]);
    expect(heard('ms', 'clarify.part')).toEqual(['Aduan anda berkaitan dengan perkara mana: produk, harga, penghantaran atau layanan yang anda terima?']);
    expect(heard('ms', 'csat.ask')).toEqual(['Bagaimana perkhidmatan kami? Anda boleh menilai perbualan ini daripada 1 hingga 5.']);
    expect(heard('ms', 'error.rating')).toEqual(['Sila pilih penilaian daripada 1 hingga 5.']);
  });

  it('offers a person, empathises, hands over and accepts in the editor’s words', () => {
    expect(heard('ms', 'ui.person')).toEqual(['Bercakap dengan wakil kami']);
    expect(ms['empathise.empathy'][0]).toBe('Saya faham betapa kecewanya anda, dan saya ingin membantu menyelesaikannya.');
    expect(heard('ms', 'empathise.empathy')).toContain('Saya faham betapa kecewanya anda, dan saya ingin membantu menyelesaikannya.');
    expect(heard('ms', 'handoff.visitor')[0]).toMatch(/^Sudah tentu\. Saya akan serahkan perkara ini /);
    expect(heard('ms', 'ui.outcome.accept')).toEqual(['Ya, itu boleh membantu']);
  });
});

describe('Hungarian lines as the editor reworded them', () => {
  it('welcomes a returning visitor and asks for the story in the editor’s words', () => {
    expect(heard('hu', 'greet.welcomeBack')).toEqual(['Üdvözlöm újra! Köszönöm, hogy ismét felkeresett minket.']);
    expect(heard('hu', 'greet.welcomeBackName', { name: 'Kovács Anna' })).toEqual(['Üdvözlöm újra, Kovács Anna! Köszönöm, hogy ismét felkeresett minket.']);
    expect(heard('hu', 'greet.prompt')).toEqual([
      'Kérem, írja le, mi történt – akár több üzenetben is. Nem szakítom félbe. Ha végzett, válassza az „Ez minden” gombot.',
    ]);
  });

  it('says the next steps without "jelentkez-" twice', () => {
    for (const kind of ['refund', 'storeCredit', 'discount'] as const) {
      const [line] = heard('hu', 'commit.summary', { action: key(`commit.action.${kind}`), due: DUE });
      expect(line).toMatch(/^A további lépések: csapatunk átnézi a panaszát, és a .+ kapcsolatban felveszi Önnel a kapcsolatot\. Válaszunkra legkésőbb ekkor számíthat: .+\.$/);
      expect(line).not.toMatch(/jelentkez/);
    }
    expect(heard('hu', 'commit.summary', { action: key('commit.action.refund'), due: DUE })[0]).toContain(
      'csapatunk átnézi a panaszát, és a visszatérítéssel kapcsolatban felveszi Önnel a kapcsolatot.',
    );
  });

  it('says the length limit, the reply and the sending in the editor’s words', () => {
    expect(heard('hu', 'error.full')[0]).toMatch(/^Ez a beszélgetés elérte a megengedett legnagyobb hosszúságot\. /);
    expect(heard('hu', 'status.reply', { date: { date: '2026-03-03T14:05:00Z', timeZone: 'Europe/Budapest' } })).toEqual([
      'Válaszunkat elküldtük: 2026. március 3., kedd 15:05.',
    ]);
    expect(heard('hu', 'submit.sending')).toEqual(['Panaszát küldjük…']);
  });
});

describe('Slovak lines as the editor reworded them', () => {
  it('offers another language without naming it in the nominative', () => {
    expect(heard('sk', 'language.offer', { language: key('language.name.hu') })).toEqual([
      'Zdá sa, že píšete v inom jazyku (Magyar). Chcete pokračovať v tomto jazyku?',
    ]);
  });

  it('says the next steps in standard Slovak, without "ozveme sa" twice', () => {
    const actions = { refund: 'vrátením peňazí', storeCredit: 'kreditom na nákup', discount: 'zľavou' } as const;
    for (const [kind, what] of Object.entries(actions)) {
      const [line] = heard('sk', 'commit.summary', { action: key(`commit.action.${kind}`), due: DUE });
      expect(line).toMatch(new RegExp(`^Ďalší postup: náš tím posúdi Vašu sťažnosť a ozve sa Vám v súvislosti so? ${what}\\. Termín našej odpovede: .+\\.$`));
      expect(line).not.toMatch(/ohľadom|Ozveme sa/);
    }
    expect(heard('sk', 'commit.summary', { action: key('commit.action.refund'), due: DUE })[0]).toContain(
      'ozve sa Vám v súvislosti s vrátením peňazí. Termín našej odpovede:',
    );
  });

  it('greets, welcomes back, empathises, hands over and thanks in the editor’s words', () => {
    expect(heard('sk', 'greet.welcomeBack')).toEqual(['Dobrý deň, ďakujeme, že ste sa nám opäť ozvali.']);
    expect(heard('sk', 'greet.hello')).toContain('Dobrý deň, rád Vám pomôžem.');
    for (const line of heard('sk', 'greet.hello')) expect(line).not.toMatch(/Som tu pre Vás/);
    expect(heard('sk', 'greet.helloName', { name: 'Jana Nováková' })).toEqual(['Dobrý deň, Jana Nováková, rád Vám pomôžem.', 'Vitajte, Jana Nováková. Rád Vám pomôžem.']);
    expect(heard('sk', 'empathise.empathy')).toContain('Toto by sklamalo každého. Poďme spolu nájsť riešenie.');
    expect(heard('sk', 'handoff.critical')[0]).toMatch(/^Toto musí hneď riešiť niekto z nášho tímu, preto to teraz odovzdávam kolegovi\. /);
    const thanks = heard('sk', 'thank.sent');
    expect(thanks).toContain(
      'Ďakujeme, že ste nám to napísali. Sťažnosti ako tá Vaša nám pomáhajú zlepšovať naše služby pre všetkých zákazníkov.',
    );
    for (const line of thanks) expect(line).not.toMatch(/povedali/);
  });
});
