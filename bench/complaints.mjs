// @ts-check
/**
 * Complaints the bench feeds to triage and types into the composer: realistic wording in each
 * language the widget speaks, with the entities triage looks for (order numbers, amounts,
 * dates, an email, a phone number).
 */

const PARAGRAPHS = /** @type {const} */ ({
  en: [
    'I ordered a blender on 3 March, order #A-48213, and paid 89.90 EUR. The parcel arrived two weeks late and the box was crushed.',
    'The jug is cracked and it leaks all over the counter. I called your hotline twice and nobody called me back, which is really frustrating.',
    'The courier left the parcel in the rain outside my door even though I was at home. Your website still says the order is "in transit".',
    'I would like a replacement sent by next Friday, or a full refund. You can reach me at jana.novak@mail.example or +44 20 7946 0958.',
  ],
  ms: [
    'Saya membuat pesanan pengisar pada 3 Mac, nombor pesanan #A-48213, dan membayar RM 89.90. Bungkusan tiba dua minggu lewat dan kotaknya remuk.',
    'Jag itu retak dan bocor di atas meja. Saya telah menghubungi talian khidmat pelanggan dua kali tetapi tiada siapa yang menelefon semula.',
    'Kurier meninggalkan bungkusan di luar pintu dalam hujan walaupun saya ada di rumah. Laman web masih menyatakan pesanan "dalam perjalanan".',
    'Saya mahu barang gantian dihantar sebelum Jumaat depan, atau bayaran balik penuh. Hubungi saya di aminah@mail.example atau +60 12-345 6789.',
  ],
  hu: [
    'Március 3-án rendeltem egy turmixgépet, a rendelésszám #A-48213, és 24 990 Ft-ot fizettem. A csomag két hetet késett, és a doboz összenyomódott.',
    'A kancsó repedt, és szivárog a pultra. Kétszer hívtam az ügyfélszolgálatot, de senki nem hívott vissza, ami nagyon bosszantó.',
    'A futár az esőben az ajtó előtt hagyta a csomagot, pedig otthon voltam. A weboldalon még mindig az áll, hogy a rendelés "szállítás alatt".',
    'Cserét kérek jövő péntekig, vagy a teljes vételár visszatérítését. Elérhető vagyok: kovacs.anna@mail.example, +36 30 123 4567.',
  ],
  sk: [
    'Tretieho marca som si objednala mixér, číslo objednávky #A-48213, a zaplatila som 89,90 €. Balík prišiel o dva týždne neskôr a krabica bola rozmačkaná.',
    'Nádoba je prasknutá a tečie z nej na linku. Dvakrát som volala na zákaznícku linku, ale nikto mi nezavolal späť, čo je naozaj frustrujúce.',
    'Kuriér nechal balík v daždi pred dverami, hoci som bola doma. Na webovej stránke je objednávka stále "na ceste".',
    'Chcem výmenu do budúceho piatku alebo vrátenie celej sumy. Môžete ma kontaktovať na jana.kovacova@mail.example alebo +421 902 123 456.',
  ],
});

/**
 * A complaint of exactly `length` characters in `locale` (its paragraphs repeated as a long,
 * rambling complaint would, cut at a word boundary and padded with spaces to the length).
 * @param {keyof typeof PARAGRAPHS} locale
 * @param {number} length
 */
export function complaintText(locale, length) {
  const paragraphs = PARAGRAPHS[locale];
  let text = '';
  for (let i = 0; text.length < length; i++) text += (text ? ' ' : '') + paragraphs[i % paragraphs.length];
  const cut = text.slice(0, length);
  const lastSpace = cut.lastIndexOf(' ');
  return cut.slice(0, lastSpace > length - 40 ? lastSpace : length).padEnd(length, ' ');
}

/** The languages with a sample complaint. */
export const COMPLAINT_LOCALES = /** @type {(keyof typeof PARAGRAPHS)[]} */ (Object.keys(PARAGRAPHS));
