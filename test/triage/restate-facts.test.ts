import { describe, expect, it } from 'vitest';
import { restate, triage } from '../../widget/src/triage/public';
import type { Locale } from '../../widget/src/triage/types';

/**
 * Complaints as visitors write them, each with the facts its restatement must say back: the
 * typed facts (references, amounts, dates, counts of earlier contacts) and the words of each
 * main point (what went wrong, with what, what was tried, harm, what they want). The bot speaks
 * the visitor's language.
 */
interface Case {
  messages: string[];
  facts: string[];
}

const CASES: Record<Locale, Case[]> = {
  en: [
    {
      messages: [
        'I ordered a coffee grinder, order #A-20931, and it arrived with a cracked lid. I emailed support twice last week and nobody replied. I paid 89 euros for this.',
      ],
      facts: ['coffee grinder', '#A-20931', 'cracked lid', 'twice', 'last week', 'nobody replied', '89 euros'],
    },
    {
      messages: ['Hi there.', 'My parcel was marked as delivered last Tuesday but it never came.', 'I want a refund of £39.99.'],
      facts: ['parcel', 'marked as delivered', 'last Tuesday', 'never came', 'refund', '£39.99'],
    },
    {
      messages: ['You charged my card twice for order 4411-A, $15 each time. I have written FOUR times about this!!!'],
      facts: ['charged', 'card twice', '4411-A', '$15', 'FOUR times'],
    },
    {
      messages: [
        'The heater I bought on 12 March started smoking yesterday evening. My son burned his hand on it.',
        'Please replace it or give me my money back.',
      ],
      facts: ['heater', '12 March', 'smoking', 'yesterday evening', 'burned his hand', 'replace', 'money back'],
    },
    {
      messages: ['The cashier at your Leeds shop laughed at me when I asked for help. This happened at 3pm two weeks ago.'],
      facts: ['cashier', 'laughed at', 'asked for help', '3pm', 'two weeks ago'],
    },
    {
      messages: ['Cant log in to the app since Monday, it says error 500. I called three times and was put on hold for an hour each time.'],
      facts: ['log in', 'since Monday', 'error 500', 'three times', 'on hold'],
    },
    {
      messages: ['I bought 2 x £12.50 mugs and both were chipped. Not a big deal, but could you send new ones?'],
      facts: ['2 x £12.50', 'mugs', 'chipped', 'send new ones'],
    },
    {
      messages: [
        'Good morning.',
        'I have been a loyal customer for ten years and I never complain, so this is hard to write.',
        'The washing machine you installed on 2026-03-02 leaks every time we use it, the engineer came out once and said it was fine, and since then the floor has been soaked twice.',
        'The kitchen floor is now damaged and we had to dry it with towels late at night.',
        'Our booking reference is ref BK-55120 and I paid €649 for the machine and €80 for installation.',
        'I would like someone to come and repair it properly this week.',
      ],
      facts: ['washing machine', '2026-03-02', 'leaks', 'BK-55120', '€649', '€80', 'repair', 'floor'],
    },
  ],
  sk: [
    {
      messages: [
        'Objednal som si mlynček na kávu, objednávka č. A-20931, a prišiel s prasknutým vekom. Minulý týždeň som dvakrát písal na podporu a nikto neodpovedal. Zaplatil som zaň 89 eur.',
      ],
      facts: ['mlynček na kávu', 'A-20931', 'prasknutým vekom', 'dvakrát', 'Minulý týždeň', 'nikto neodpovedal', '89 eur'],
    },
    {
      messages: ['Dobrý deň.', 'Balík mal prísť minulý utorok, ale dodnes neprišiel.', 'Chcem vrátiť peniaze, 9,99 €.'],
      facts: ['Balík', 'minulý utorok', 'neprišiel', 'vrátiť peniaze', '9,99 €'],
    },
    {
      messages: ['Strhli ste mi z karty dvakrát 45,90 EUR za objednávku 2024001. Volala som už 5-krát a nikto mi nepomohol.'],
      facts: ['z karty', '45,90 EUR', '2024001', '5-krát', 'nikto mi nepomohol'],
    },
    {
      messages: ['Ohrievač, ktorý som kúpil 12. marca 2026, včera večer začal dymiť. Syn si popálil ruku.'],
      facts: ['Ohrievač', '12. marca 2026', 'včera večer', 'dymiť', 'popálil ruku'],
    },
    {
      messages: ['Predavačka v obchode na mňa kričala, keď som sa pýtal na cenu. Bolo to pred dvoma týždňami o 14:30.'],
      facts: ['Predavačka', 'kričala', 'pýtal na cenu', 'pred dvoma týždňami', '14:30'],
    },
    {
      messages: ['Neviem sa prihlásiť do aplikácie, stále píše chybu. Skúšal som to trikrát.'],
      facts: ['prihlásiť do aplikácie', 'chybu', 'trikrát'],
    },
    {
      messages: ['Bunda, ktorú som dostala, je o dve čísla menšia. Chcela by som ju vymeniť za inú veľkosť.'],
      facts: ['Bunda', 'menšia', 'vymeniť', 'veľkosť'],
    },
    {
      messages: [
        'Dobrý deň, som Vaša dlhoročná zákazníčka a nerada sa sťažujem.',
        'Práčka, ktorú ste mi nainštalovali 2. 3. 2026, tečie pri každom praní a podlaha v kuchyni je už poškodená.',
        'Technik prišiel raz, povedal, že je všetko v poriadku, a odvtedy nám voda vytiekla ešte dvakrát.',
        'Zaplatila som 649 € za práčku a 80 € za inštaláciu, objednávka č. 7781234.',
        'Prosím, pošlite niekoho, kto ju tento týždeň poriadne opraví.',
      ],
      facts: ['Práčka', '2. 3. 2026', 'tečie', 'podlaha', '649 €', '80 €', '7781234', 'opraví'],
    },
  ],
  hu: [
    {
      messages: [
        'Rendeltem egy kávédarálót, rendelésszám #A-20931, és repedt fedéllel érkezett. Múlt héten kétszer írtam az ügyfélszolgálatnak, senki nem válaszolt. 89 eurót fizettem érte.',
      ],
      facts: ['kávédarálót', '#A-20931', 'repedt fedéllel', 'kétszer', 'Múlt héten', 'senki nem válaszolt', '89 eurót'],
    },
    {
      messages: ['Jó napot!', 'A csomagnak múlt kedden kellett volna megérkeznie, de azóta sem jött meg.', 'Kérem vissza a 4 990 Ft-ot.'],
      facts: ['csomag', 'múlt kedden', 'sem jött meg', 'vissza', '4 990 Ft'],
    },
    {
      messages: ['Kétszer vonták le a kártyámról a 12 990 Ft-ot a 123456 számú rendelésért. Már harmadszor hívom önöket!'],
      facts: ['kártyámról', '12 990 Ft', '123456', 'harmadszor'],
    },
    {
      messages: ['A március 12-én vett hősugárzó tegnap este füstölni kezdett. A fiam megégette a kezét.'],
      facts: ['hősugárzó', 'március 12', 'tegnap este', 'füstölni', 'megégette a kezét'],
    },
    {
      messages: ['A pénztáros kinevetett, amikor segítséget kértem. Két hete történt, 15 órakor.'],
      facts: ['pénztáros', 'kinevetett', 'segítséget kértem', 'Két hete', '15 órakor'],
    },
    {
      messages: ['Hétfő óta nem tudok belépni az alkalmazásba, hibaüzenetet kapok. Háromszor telefonáltam már.'],
      facts: ['belépni az alkalmazásba', 'hibaüzenetet', 'Háromszor', 'Hétfő'],
    },
    {
      messages: ['A kabát, amit kaptam, két mérettel kisebb. Szeretném kicserélni egy nagyobbra.'],
      facts: ['kabát', 'kisebb', 'kicserélni'],
    },
    {
      messages: [
        'Tisztelt Ügyfélszolgálat!',
        'Évek óta vásárolok Önöknél, és nem szoktam panaszkodni.',
        'A 2026. 03. 02. napján beszerelt mosógép minden mosásnál folyik, és a konyha padlója már tönkrement.',
        'A szerelő egyszer kijött, azt mondta, minden rendben, azóta kétszer is kifolyt a víz.',
        '649 eurót fizettem a gépért és 80 eurót a beszerelésért, rendelés 7781234.',
        'Kérem, küldjenek valakit, aki ezen a héten rendesen megjavítja.',
      ],
      facts: ['mosógép', '2026. 03. 02.', 'folyik', 'padlója', '649 eurót', '80 eurót', '7781234', 'megjavítja'],
    },
  ],
  ms: [
    {
      messages: [
        'Saya beli pengisar kopi, pesanan #A-20931, dan ia sampai dengan penutup retak. Saya dah email support dua kali minggu lepas tapi tiada jawapan. Saya bayar RM 89.90 untuk ini.',
      ],
      facts: ['pengisar kopi', '#A-20931', 'penutup retak', 'dua kali', 'minggu lepas', 'tiada jawapan', 'RM 89.90'],
    },
    {
      messages: ['Salam.', 'Parcel saya sepatutnya sampai Selasa lepas tapi sampai sekarang tak sampai.', 'Saya nak bayaran balik RM 120.'],
      facts: ['Parcel', 'Selasa lepas', 'tak sampai', 'bayaran balik', 'RM 120'],
    },
    {
      messages: ['Kad saya dicaj dua kali RM89.90 untuk pesanan 88123. Saya dah telefon tiga kali tapi tiada siapa tolong.'],
      facts: ['dicaj', 'RM89.90', '88123', 'tiga kali', 'tiada siapa tolong'],
    },
    {
      messages: ['Pemanas yang saya beli pada 12 Mac mula berasap semalam. Anak saya melecur tangan.'],
      facts: ['Pemanas', '12 Mac', 'berasap', 'semalam', 'melecur tangan'],
    },
    {
      messages: ['Juruwang kedai ketawakan saya bila saya minta tolong. Ini berlaku 2 minggu lepas pukul 3 petang.'],
      facts: ['Juruwang', 'ketawakan', 'minta tolong', '2 minggu lepas', 'pukul 3 petang'],
    },
    {
      messages: ['Tak boleh log masuk ke aplikasi sejak Isnin, keluar ralat. Dah cuba hubungi dua kali.'],
      facts: ['log masuk', 'Isnin', 'ralat', 'dua kali'],
    },
    {
      messages: ['Baju yang saya terima saiz terlalu kecil. Boleh tukar saiz lain?'],
      facts: ['Baju', 'terlalu kecil', 'tukar saiz'],
    },
    {
      messages: [
        'Selamat pagi.',
        'Saya pelanggan setia dan jarang mengadu.',
        'Mesin basuh yang dipasang pada 2/3/2026 bocor setiap kali digunakan dan lantai dapur sudah rosak.',
        'Juruteknik datang sekali, kata semua okay, tapi selepas itu air bocor lagi dua kali.',
        'Saya bayar RM 1,499 untuk mesin dan RM 80 untuk pemasangan, pesanan 7781234.',
        'Tolong hantar orang untuk baiki dengan betul minggu ini.',
      ],
      facts: ['Mesin basuh', '2/3/2026', 'bocor', 'lantai', 'RM 1,499', 'RM 80', '7781234', 'baiki'],
    },
  ],
};

describe('the restatement says back every fact', () => {
  for (const locale of Object.keys(CASES) as Locale[]) {
    for (const { messages, facts } of CASES[locale]) {
      it(`${locale}: ${messages.join(' ').slice(0, 60)}…`, () => {
        const result = triage(messages.join('\n'), { locale });
        const text = restate(messages, result, locale);
        for (const fact of facts) expect(text.toLowerCase(), `“${fact}” in: ${text}`).toContain(fact.toLowerCase());
        // Every fact triage found, whichever sentence it is in.
        const e = result.entities;
        const typed = [...e.orderRefs, ...e.amounts.map((a) => a.text), ...e.dates, ...(e.contactCounts ?? []).map((c) => c.text)];
        for (const fact of typed) expect(text, `typed “${fact}” in: ${text}`).toContain(fact);
        // Short enough for a phone, and not a copy of everything for the long ones.
        expect(text.length).toBeLessThanOrEqual(Math.max(360, messages.join(' ').length * 0.75));
      });
    }
  }

  it('addresses the visitor in English and Malay, and quotes them in Slovak and Hungarian', () => {
    const said = (locale: Locale) => {
      const { messages } = CASES[locale][0]!;
      return restate(messages, triage(messages.join('\n'), { locale }), locale);
    };
    expect(said('en')).toMatch(/^You ordered a coffee grinder.*You emailed support twice last week.*You paid 89 euros/);
    expect(said('ms')).toMatch(/^Anda beli pengisar kopi.*Anda dah email support dua kali/);
    expect(said('sk')).toMatch(/^„Objednal som si.*“$/);
    expect(said('hu')).toMatch(/^„Rendeltem egy.*”$/);
  });

  it('leaves out greetings and what carries no point', () => {
    const messages = ['Hello there, hope you are well.', 'My parcel #55120 never arrived.'];
    const text = restate(messages, triage(messages.join('\n')), 'en');
    expect(text).toBe('Your parcel #55120 never arrived.');
  });
});
