// @ts-check
/**
 * What the server says to a visitor, in the languages the widget speaks (`en`, `ms`, `hu`,
 * `sk`). The server's strings are kept here rather than in the widget's catalogs: those ship to
 * every visitor's browser, and these lines are only ever sent by the server. Placeholders are
 * `{name}`; every value put into them is plain text.
 */

export const FOLLOW_UP_MESSAGES = {
  en: {
    subject: 'Is it sorted? Your complaint {reference}',
    greeting: 'Hello {name},',
    greetingNoName: 'Hello,',
    resolved: 'We resolved your complaint {reference} on {date}. Is it sorted?',
    ask: 'Please rate how we did with one click, from 1 (not at all) to 5 (completely):',
    score: { 1: '1 – not at all', 2: '2 – not really', 3: '3 – partly', 4: '4 – mostly', 5: '5 – completely' },
    once: 'The link works once, for 28 days. You will not be asked about this complaint again.',
    unsubscribe: 'No more follow-up emails: {url}',
    thanks: 'Thank you: you rated {score} of 5.',
    already: 'This complaint has already been rated. Thank you.',
    commentLabel: 'Would you like to tell us more? (optional)',
    commentHint: 'Up to 2,000 characters. Your comment goes to the team that handled your complaint.',
    commentButton: 'Send comment',
    commentThanks: 'Thank you: your comment has reached the team.',
    commentAlready: 'A comment has already been sent for this complaint. Thank you.',
    commentTooLong: 'Your comment is {count} characters long. Please shorten it to 2,000 characters or fewer and send it again.',
    commentEmpty: 'The comment is empty. Write a few words, or simply close this page.',
    commentNotRated: 'Please choose a rating in the email first.',
    invalid: 'This link is not valid.',
    expired: 'This link has expired.',
    unsubscribeAsk: 'Stop follow-up emails to this address?',
    unsubscribeButton: 'Stop follow-up emails',
    unsubscribed: 'Done: you will get no more follow-up emails.',
  },
  ms: {
    subject: 'Sudah selesai? Aduan anda {reference}',
    greeting: 'Hai {name},',
    greetingNoName: 'Hai,',
    resolved: 'Kami telah menyelesaikan aduan anda {reference} pada {date}. Adakah masalahnya sudah selesai?',
    ask: 'Sila nilai perkhidmatan kami dengan satu klik, dari 1 (langsung tidak) hingga 5 (sepenuhnya):',
    score: { 1: '1 – langsung tidak', 2: '2 – tidak begitu', 3: '3 – sebahagiannya', 4: '4 – kebanyakannya', 5: '5 – sepenuhnya' },
    once: 'Pautan ini boleh digunakan sekali, selama 28 hari. Anda tidak akan ditanya lagi tentang aduan ini.',
    unsubscribe: 'Tiada lagi e-mel susulan: {url}',
    thanks: 'Terima kasih: anda memberi penilaian {score} daripada 5.',
    already: 'Aduan ini sudah dinilai. Terima kasih.',
    commentLabel: 'Ingin memberitahu kami lebih lanjut? (pilihan)',
    commentHint: 'Sehingga 2,000 aksara. Komen anda akan sampai kepada pasukan yang mengendalikan aduan anda.',
    commentButton: 'Hantar komen',
    commentThanks: 'Terima kasih: komen anda telah sampai kepada pasukan kami.',
    commentAlready: 'Komen untuk aduan ini sudah pun dihantar. Terima kasih.',
    commentTooLong: 'Komen anda mengandungi {count} aksara. Sila pendekkan kepada 2,000 aksara atau kurang, kemudian hantar semula.',
    commentEmpty: 'Komen ini kosong. Tulis beberapa patah perkataan, atau tutup sahaja halaman ini.',
    commentNotRated: 'Sila pilih penilaian dalam e-mel terlebih dahulu.',
    invalid: 'Pautan ini tidak sah.',
    expired: 'Pautan ini telah tamat tempoh.',
    unsubscribeAsk: 'Hentikan e-mel susulan ke alamat ini?',
    unsubscribeButton: 'Hentikan e-mel susulan',
    unsubscribed: 'Selesai: anda tidak akan menerima e-mel susulan lagi.',
  },
  hu: {
    subject: 'Megoldódott? {reference} számú panasza',
    greeting: 'Kedves {name}!',
    greetingNoName: 'Tisztelt Ügyfelünk!',
    resolved: '{date} napján lezártuk {reference} számú panaszát. Megoldódott a probléma?',
    ask: 'Kérjük, egy kattintással értékelje, hogyan segítettünk, 1-től (egyáltalán nem) 5-ig (teljesen):',
    score: { 1: '1 – egyáltalán nem', 2: '2 – nem igazán', 3: '3 – részben', 4: '4 – nagyrészt', 5: '5 – teljesen' },
    once: 'A hivatkozás egyszer használható, 28 napig. Erről a panaszról többé nem kérdezzük.',
    unsubscribe: 'Nem kérek több utánkövető e-mailt: {url}',
    thanks: 'Köszönjük: értékelése {score} az 5-ből.',
    already: 'Ezt a panaszt már értékelte. Köszönjük.',
    commentLabel: 'Szeretne még valamit hozzátenni? (nem kötelező)',
    commentHint: 'Legfeljebb 2000 karakter. Megjegyzését megkapja a panaszával foglalkozó csapat.',
    commentButton: 'Megjegyzés elküldése',
    commentThanks: 'Köszönjük: megjegyzését továbbítottuk a csapatnak.',
    commentAlready: 'Ehhez a panaszhoz már küldött megjegyzést. Köszönjük.',
    commentTooLong: 'Megjegyzése {count} karakter hosszú. Kérjük, rövidítse legfeljebb 2000 karakterre, és küldje el újra.',
    commentEmpty: 'A megjegyzés üres. Írjon néhány szót, vagy egyszerűen zárja be ezt az oldalt.',
    commentNotRated: 'Kérjük, először válasszon értékelést az e-mailben.',
    invalid: 'Ez a hivatkozás nem érvényes.',
    expired: 'Ez a hivatkozás lejárt.',
    unsubscribeAsk: 'Leállítja az utánkövető e-maileket erre a címre?',
    unsubscribeButton: 'Utánkövető e-mailek leállítása',
    unsubscribed: 'Kész: több utánkövető e-mailt nem küldünk.',
  },
  sk: {
    subject: 'Je to vyriešené? Vaša sťažnosť {reference}',
    greeting: 'Dobrý deň, {name},',
    greetingNoName: 'Dobrý deň,',
    resolved: 'Vašu sťažnosť {reference} sme vybavili {date}. Je to vyriešené?',
    ask: 'Ohodnoťte, prosím, jedným kliknutím, ako sme Vám pomohli, od 1 (vôbec nie) do 5 (úplne):',
    score: { 1: '1 – vôbec nie', 2: '2 – skôr nie', 3: '3 – čiastočne', 4: '4 – väčšinou', 5: '5 – úplne' },
    once: 'Odkaz funguje raz, 28 dní. Na túto sťažnosť sa Vás už nebudeme pýtať.',
    unsubscribe: 'Žiadne ďalšie následné e-maily: {url}',
    thanks: 'Ďakujeme: Vaše hodnotenie je {score} z 5.',
    already: 'Táto sťažnosť už bola ohodnotená. Ďakujeme.',
    commentLabel: 'Chcete nám povedať viac? (nepovinné)',
    commentHint: 'Najviac 2 000 znakov. Váš komentár dostane tím, ktorý vybavoval Vašu sťažnosť.',
    commentButton: 'Odoslať komentár',
    commentThanks: 'Ďakujeme: Váš komentár sme odovzdali tímu.',
    commentAlready: 'K tejto sťažnosti už bol odoslaný komentár. Ďakujeme.',
    commentTooLong: 'Váš komentár má {count} znakov. Skráťte ho, prosím, na najviac 2 000 znakov a odošlite ho znova.',
    commentEmpty: 'Komentár je prázdny. Napíšte pár slov alebo túto stránku jednoducho zatvorte.',
    commentNotRated: 'Najprv, prosím, vyberte hodnotenie v e-maile.',
    invalid: 'Tento odkaz nie je platný.',
    expired: 'Platnosť tohto odkazu vypršala.',
    unsubscribeAsk: 'Zastaviť následné e-maily na túto adresu?',
    unsubscribeButton: 'Zastaviť následné e-maily',
    unsubscribed: 'Hotovo: ďalšie následné e-maily už nedostanete.',
  },
};

/** @typedef {keyof typeof FOLLOW_UP_MESSAGES} ServerLocale */

/**
 * The messages in the visitor's language, English when it is one the server does not speak.
 * @param {string | null | undefined} locale e.g. `hu` or `hu-HU`
 */
export function messagesFor(locale) {
  const base = String(locale ?? 'en').toLowerCase().split('-')[0] ?? '';
  // Own keys only: `constructor` or `__proto__` is no language, and no catalog.
  const known = /** @type {ServerLocale} */ (Object.hasOwn(FOLLOW_UP_MESSAGES, base) ? base : 'en');
  return { locale: known, ...FOLLOW_UP_MESSAGES[known] };
}

/**
 * The first language of an `Accept-Language` header the server speaks, by the browser's order of
 * preference; null when it names none of them.
 * @param {string | undefined} header e.g. `hu-HU,hu;q=0.9,en;q=0.8`
 * @returns {ServerLocale | null}
 */
export function acceptedLocale(header) {
  const ranked = String(header ?? '').split(',').slice(0, 20).map((part, index) => {
    const [tag = '', ...params] = part.trim().split(';');
    const q = Number(/^\s*q=([\d.]+)\s*$/.exec(params.find((param) => /^\s*q=/.test(param)) ?? 'q=1')?.[1] ?? 0);
    return { base: tag.trim().toLowerCase().split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0, index };
  });
  ranked.sort((a, b) => b.q - a.q || a.index - b.index);
  const found = ranked.find(({ base, q }) => q > 0 && Object.hasOwn(FOLLOW_UP_MESSAGES, base));
  return found ? /** @type {ServerLocale} */ (found.base) : null;
}

/** The longest name a greeting uses, in characters; longer "names" are sentences. */
const NAME_MAX = 60;
/** A link, an address or a domain: nothing a name holds, and what a planted message needs. */
const LINK_LIKE = /:\/\/|@|www\.|[\p{L}\p{N}]\.\p{L}{2,}/iu;

/**
 * The greeting line for a visitor, by name when the name reads as one. The name is whatever was
 * typed into a page anyone can open, with any address: on one line, and left out when it is
 * long or holds a link, so nobody can write their own lines or links into the shop's email.
 * @param {{ greeting: string, greetingNoName: string }} t
 * @param {string | null | undefined} name
 */
export function greetingFor(t, name) {
  const oneLine = String(name ?? '').replace(/[\s\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim();
  if (oneLine === '' || [...oneLine].length > NAME_MAX || LINK_LIKE.test(oneLine)) return t.greetingNoName;
  return fill(t.greeting, { name: oneLine });
}

/**
 * @param {string} template
 * @param {Record<string, string | number>} values
 */
export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (match, key) => (key in values ? String(values[key]) : match));
}

/**
 * What the team's replies and a moved due date say around the agent's own words (which are sent
 * as they wrote them). Greetings are the follow-up's.
 */
export const UPDATE_MESSAGES = {
  en: {
    replySubject: 'A reply about your complaint {reference}',
    replyIntro: 'We have replied to your complaint {reference}:',
    answer: 'You can answer by replying to this email.',
    replyFiles: 'Files sent with this reply:',
    dueSubject: 'A new date for your complaint {reference}',
    dueMoved: 'We need more time for your complaint {reference}. Our new date for it is {date}.',
    dueReason: 'The reason, from our team:',
    dueSorry: 'We are sorry for the wait, and we will keep you posted.',
  },
  ms: {
    replySubject: 'Balasan tentang aduan anda {reference}',
    replyIntro: 'Kami telah membalas aduan anda {reference}:',
    answer: 'Anda boleh menjawab dengan membalas e-mel ini.',
    replyFiles: 'Fail yang dihantar bersama balasan ini:',
    dueSubject: 'Tarikh baharu untuk aduan anda {reference}',
    dueMoved: 'Kami memerlukan lebih masa untuk aduan anda {reference}. Tarikh baharunya ialah {date}.',
    dueReason: 'Sebabnya, daripada pasukan kami:',
    dueSorry: 'Kami memohon maaf kerana anda terpaksa menunggu, dan kami akan terus memaklumkan perkembangannya.',
  },
  hu: {
    replySubject: 'Válaszunk {reference} számú panaszára',
    replyIntro: 'Válaszoltunk {reference} számú panaszára:',
    answer: 'Ha szeretne reagálni, egyszerűen válaszoljon erre az e-mailre.',
    replyFiles: 'A válaszhoz csatolt fájlok:',
    dueSubject: 'Új határidő {reference} számú panaszában',
    dueMoved: 'Több időre van szükségünk {reference} számú panasza rendezéséhez. Az új határidő: {date}.',
    dueReason: 'Munkatársunk indoklása:',
    dueSorry: 'Elnézést kérünk a várakozásért, és továbbra is tájékoztatjuk.',
  },
  sk: {
    replySubject: 'Odpoveď k Vašej sťažnosti {reference}',
    replyIntro: 'K Vašej sťažnosti {reference} Vám posielame odpoveď:',
    answer: 'Ak chcete reagovať, stačí odpovedať na tento e-mail.',
    replyFiles: 'Súbory priložené k tejto odpovedi:',
    dueSubject: 'Nový termín pre Vašu sťažnosť {reference}',
    dueMoved: 'Na vybavenie Vašej sťažnosti {reference} potrebujeme viac času. Nový termín je {date}.',
    dueReason: 'Dôvod od nášho tímu:',
    dueSorry: 'Ospravedlňujeme sa za čakanie a budeme Vás naďalej informovať.',
  },
};

/**
 * The reply and due-date strings in the visitor's language, with the follow-up's greetings.
 * @param {string | null | undefined} locale
 */
export function updateMessagesFor(locale) {
  const messages = messagesFor(locale);
  return { locale: messages.locale, greeting: messages.greeting, greetingNoName: messages.greetingNoName, ...UPDATE_MESSAGES[messages.locale] };
}
