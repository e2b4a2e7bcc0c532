import type { Amount, ContactCount, Entities } from './types';
import type { Tokens } from './text';

/*
 * Entity patterns. Every quantifier is bounded or applies to a single character class, and no
 * quantified group contains another unbounded quantifier, so each regex does bounded work per
 * start position: linear in the input, which `prepare` caps at 20 000 characters.
 */

/** `#12345`, `#A-1234`. */
const HASH_REF = /(?<![\p{L}\p{N}])#\s?([A-Z0-9][A-Z0-9-]{2,24})/giu;

/**
 * A keyword for an order or account, then the reference: `order 4411-A`, `order no. 123`,
 * `rendelés 123456`, `rendelésszám: 123`, `objednávka č. 2024001`, `pesanan 88123`.
 */
const KEYWORD_REF = new RegExp(
  String.raw`(?<![\p{L}])(?:order|ord|account|acct|invoice|booking|ticket|reference|ref|case|customer|` +
    String.raw`rendelés|rendeles|rendelést|rendelest|rendelésszám|rendelesszam|rendelésem|rendelesem|azonosító|azonosito|számla|szamla|ügyfélszám|ugyfelszam|` +
    String.raw`objednávk[aeyu]|objednavk[aeyu]|objednávky|faktúr[aeyu]|faktur[aeyu]|zmluv[aeyu]|zákaznícke|zakaznicke|` +
    String.raw`pesanan|akaun|invois|tempahan|rujukan|resit|tiket)` +
    String.raw`(?:\s{0,3}(?:number|num|nr|no|n[oº]\.|č|c|číslo|cislo|szám|szam|nombor|no\.|#)\.?)?[\s:#.-]{0,4}` +
    String.raw`([A-Z]{0,4}[-]?\d[A-Z0-9-]{2,24})`,
  'giu',
);

const EMAIL = /[A-Z0-9._%+-]{1,64}@[A-Z0-9-]{1,63}(?:\.[A-Z0-9-]{1,63}){0,8}\.[A-Z]{2,24}/giu;

/** A phone: optional `+`, then 7–15 digits with spaces, dots, dashes or brackets between. */
const PHONE = /(?<![\p{L}\p{N}+#.,])\+?\(?\d[\d ().-]{5,20}\d(?![\p{L}\p{N}])/gu;

const NUMBER = String.raw`\d{1,3}(?:[ \u00a0\u202f.,]\d{3}){1,4}(?:[.,]\d{1,2})?|\d{1,9}(?:[.,]\d{1,2})?`;
const CURRENCY_BEFORE = String.raw`€|\$|£|EUR|USD|GBP|HUF|MYR|RM`;
const CURRENCY_AFTER =
  String.raw`€|\$|£|EUR|USD|GBP|HUF|MYR|Ft|RM|euros?|eura|eurá|eur[oó]t?|eur|forint(?:ot)?|ringgit|dollars?|pounds?`;
/** `2 x £12.50`, `3× 9,99 €`: a quantity before a unit price. */
const QUANTITY = String.raw`(?:(\d{1,3})\s?[x×]\s?)?`;
const AMOUNT_BEFORE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${QUANTITY}(${CURRENCY_BEFORE})\s?(${NUMBER})(?![\p{N}])`,
  'giu',
);
const AMOUNT_AFTER = new RegExp(
  String.raw`(?<![\p{N}.,])${QUANTITY}(${NUMBER})\s?(${CURRENCY_AFTER})(?![\p{L}])`,
  'giu',
);

const CURRENCY_CODES: Readonly<Record<string, string>> = {
  '€': 'EUR', eur: 'EUR', euro: 'EUR', euros: 'EUR', eura: 'EUR', 'eurá': 'EUR', eurot: 'EUR', 'euró': 'EUR', 'eurót': 'EUR',
  $: 'USD', usd: 'USD', dollar: 'USD', dollars: 'USD',
  '£': 'GBP', gbp: 'GBP', pound: 'GBP', pounds: 'GBP',
  ft: 'HUF', huf: 'HUF', forint: 'HUF', forintot: 'HUF',
  rm: 'MYR', myr: 'MYR', ringgit: 'MYR',
};

/** ISO dates, `12/03/2024`, `12.3.2024`, `2024. 03. 15.` */
const NUMERIC_DATE =
  /(?<![\p{N}.])(?:\d{4}-\d{2}-\d{2}|\d{4}\.\s?\d{1,2}\.\s?\d{1,2}\.?|\d{1,2}[./-]\s?\d{1,2}[./-]\s?(?:\d{4}|\d{2}))(?![\p{N}])/gu;

/**
 * How long ago, in the four languages: `two weeks ago`, `3 days ago`, `pred týždňom`,
 * `pred dvoma dňami`, `két hete`, `3 napja`, `két héttel ezelőtt`, `2 minggu lepas`,
 * `seminggu yang lalu`.
 */
const AGO = (
  [
    String.raw`(?:\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of|few|couple of)\s(?:hours?|days?|weeks?|months?|years?)\sago`,
    String.raw`pred\s(?:(?:\d{1,2}|dvoma|dvomi|troma|tromi|štyrmi|piatimi|pár|niekoľkými)\s)?(?:hodinou|hodinami|dňom|dňami|týždňom|týždňami|mesiacom|mesiacmi|rokom|rokmi)`,
    String.raw`(?:\d{1,2}|egy|két|három|négy|öt|hat|hét|pár|néhány)\s(?:órája|napja|hete|hónapja|éve)`,
    String.raw`(?:\d{1,2}|egy|két|három|négy|öt|hat|hét|pár|néhány)\s(?:órával|nappal|héttel|hónappal|évvel)\sezelőtt`,
    String.raw`(?:(?:\d{1,2}|satu|dua|tiga|empat|lima|enam|tujuh|beberapa)\s)?(?:jam|hari|minggu|bulan|tahun)\s(?:yang\s)?(?:lepas|lalu)`,
    String.raw`(?:sejam|sehari|seminggu|sebulan|setahun)\s(?:yang\s)?(?:lepas|lalu)`,
  ].join('|')
);
const AGO_BOUNDED = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${AGO})(?![\p{L}])`, 'giu');

/** Clock times: `14:30`, `3pm`, `3:15 pm`, `o 14:00`, `15 órakor`, `pukul 3 petang`. */
const TIME = (
  [
    String.raw`\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)`,
    String.raw`\d{1,2}:\d{2}(?:\s?(?:órakor|h|hod\.?|hodín))?`,
    String.raw`\d{1,2}(?:\.\d{2})?\s?órakor`,
    String.raw`(?:pukul|jam)\s\d{1,2}(?:[.:]\d{2})?(?:\s(?:pagi|tengah hari|petang|malam))?`,
  ].join('|')
);
const TIME_BOUNDED = new RegExp(String.raw`(?<![\p{L}\p{N}:.])(?:${TIME})(?![\p{L}\p{N}])`, 'giu');

/** Words before a day word that belong to the date: "last Tuesday", "minulý utorok", "múlt kedden". */
const DAY_BEFORE = new Set([
  'last', 'this', 'next', 'previous', 'past',
  'minuly', 'minulu', 'minule', 'minulej', 'minulom', 'minuleho', 'tento', 'tuto', 'toto', 'buduci', 'buducu', 'buduce',
  'mult', 'jovo', 'ezen',
]);
/** Words after a day word that belong to the date: "Selasa lepas", "Tuesday morning", "včera večer". */
const DAY_AFTER = new Set([
  'lepas', 'lalu', 'ini', 'depan',
  'morning', 'afternoon', 'evening', 'night',
  'rano', 'vecer', 'poobede', 'napoludnie', 'popoludni',
  'reggel', 'este', 'delutan', 'delelott', 'ejjel',
  'pagi', 'petang', 'malam',
]);

/**
 * How many times the visitor got in touch before: `twice`, `FOUR times`, `the third time`,
 * `dvakrát`, `5-krát`, `tretíkrát`, `kétszer`, `5-ször`, `harmadszor`, `dua kali`, `kali ketiga`.
 * Counted only beside a word for getting in touch ("emailed", "volal", "írtam", "hubungi").
 */
const COUNT = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:` +
    [
      String.raw`once|twice|thrice|(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s(?:times|emails|calls|messages|letters)`,
      String.raw`(?:the\s)?(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:nd|rd|th))\s(?:time|email|call|message|letter)`,
      String.raw`(?:jeden|dva|tri|štyri|päť|šesť|sedem|osem|deväť|desať|\d{1,2}-?)krát|(?:druhý|tretí|štvrtý|piaty|šiesty|siedmy|\d{1,2}\.)\s?(?:krát|raz)`,
      String.raw`(?:egy|két|három|négy|öt|hat|hét|nyolc|kilenc|tíz)(?:szer|szor|ször)|\d{1,2}-?(?:szer|szor|ször)`,
      String.raw`(?:másod|harmad|negyed|ötöd|hatod)(?:szor|szer|ször)|(?:második|harmadik|negyedik|ötödik|\d{1,2}\.)\salkalommal`,
      String.raw`sekali|(?:dua|tiga|empat|lima|enam|tujuh|lapan|sembilan|sepuluh|\d{1,2})\skali|kali\s(?:kedua|ketiga|keempat|kelima|keenam|ke-?\d{1,2})`,
    ].join('|') +
    String.raw`)(?![\p{L}])`,
  'giu',
);

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  once: 1, twice: 2, thrice: 3, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  jeden: 1, dva: 2, tri: 3, styri: 4, pat: 5, sest: 6, sedem: 7, osem: 8, devat: 9, desat: 10,
  druhy: 2, treti: 3, stvrty: 4, piaty: 5, siesty: 6, siedmy: 7,
  egy: 1, ket: 2, harom: 3, negy: 4, ot: 5, hat: 6, het: 7, nyolc: 8, kilenc: 9, tiz: 10,
  masod: 2, harmad: 3, negyed: 4, otod: 5, hatod: 6, masodik: 2, harmadik: 3, negyedik: 4, otodik: 5,
  sekali: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, lapan: 8, sembilan: 9, sepuluh: 10,
  kedua: 2, ketiga: 3, keempat: 4, kelima: 5, keenam: 6,
};

/** The number a count says: `FOUR times` 4, `tretíkrát` 3, `5-ször` 5, `kali ke-3` 3. */
function countValue(text: string): number | undefined {
  const digits = /\d{1,2}/.exec(text);
  if (digits) return Number(digits[0]);
  const folded = text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  for (const word of folded.split(/[\s-]+/)) {
    const stem = word.replace(/(?:krat|raz|szor|szer|sz?or)$/, '');
    const value = NUMBER_WORDS[word] ?? NUMBER_WORDS[stem];
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * Reads an amount as people write it: `1 299,50` and `1.299,50` and `1,299.50` are all
 * 1299.5; a single separator followed by three digits is a thousands separator.
 */
export function parseAmount(text: string): number {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  const lastSep = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
  if (lastSep === -1) return Number(compact);
  const decimals = compact.length - lastSep - 1;
  const whole = compact.slice(0, lastSep).replace(/[.,]/g, '');
  if (decimals === 3) return Number(whole + compact.slice(lastSep + 1));
  return Number(`${whole}.${compact.slice(lastSep + 1)}`);
}

/**
 * At most this many of each kind are kept. A real complaint names a few; a pasted log with
 * thousands would otherwise make the overlap checks below quadratic.
 */
export const MAX_PER_KIND = 20;

function pushUnique(list: string[], value: string): void {
  if (list.length < MAX_PER_KIND && !list.includes(value)) list.push(value);
}

/** Remembers a span, up to a bound that keeps every overlap check constant-time. */
function mark(spans: Array<[number, number]>, start: number, end: number): void {
  if (spans.length < MAX_PER_KIND * 6) spans.push([start, end]);
}

function overlaps(spans: Array<[number, number]>, start: number, end: number): boolean {
  for (const [s, e] of spans) if (start < e && end > s) return true;
  return false;
}

/** Whether word `i` is a day number or year next to a month name. */
function isDayOrYear(word: string | undefined): boolean {
  return word !== undefined && /^\d{1,4}$/.test(word) && (word.length <= 2 ? Number(word) >= 1 && Number(word) <= 31 : word.length === 4);
}

/** Where the visitor's words say they got in touch, as word positions. */
export interface EntityCues {
  /** Month names (a date when a day or year number stands next to them). */
  monthAt: readonly number[];
  /** Day words that are a date on their own ("yesterday", "utorok"), first and last word. */
  dayAt: ReadonlyArray<[number, number]>;
  /** Words for getting in touch ("emailed", "volal"). */
  contactAt: readonly number[];
}

/** Whether a sentence ends between two offsets of the text. */
function sentenceBetween(text: string, from: number, to: number): boolean {
  return /[.!?\n]\s/.test(text.slice(Math.min(from, to), Math.max(from, to)));
}

/** The word at or after a character offset (binary search over the token starts). */
function wordAt(tokens: Tokens, offset: number): number {
  let lo = 0;
  let hi = tokens.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens.ends[mid] as number) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Folded words after a number that make it a time: `15 órakor`, `14:30 h`. */
const TIME_WORDS = new Set(['am', 'pm', 'orakor', 'h', 'hod', 'hodin']);

/** Folded words a relative date is built around: "ago", "pred", "napja", "lepas"… */
const AGO_ANCHORS = new Set(['ago', 'pred', 'oraja', 'napja', 'hete', 'honapja', 'eve', 'ezelott', 'lepas', 'lalu']);

/**
 * The stretches of text around some words, merged where they overlap: the rarer patterns run
 * only there, so a long complaint costs a few short regex runs instead of whole-text scans.
 */
function windows(text: string, tokens: Tokens, at: Iterable<number>, before: number, after: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const last = tokens.starts.length - 1;
  for (const i of at) {
    // A few characters wider on each side: symbols are not words ("9,99 €", "€ 89"), and a
    // lookbehind must see what it would in the whole text ("1,299.00" is not read from "299.00").
    const start = Math.max(0, (tokens.starts[Math.max(0, i - before)] as number) - 3);
    const end = Math.min(text.length, (tokens.ends[Math.min(last, i + after)] as number) + 3);
    const previous = spans[spans.length - 1];
    if (previous && start <= previous[1]) previous[1] = Math.max(previous[1], end);
    else spans.push([start, end]);
  }
  return spans;
}

/** Every match of a global regex inside the windows, with indexes into the whole text. */
function matchesIn(regex: RegExp, text: string, spans: ReadonlyArray<[number, number]>): Array<{ index: number; text: string; groups: string[] }> {
  const found: Array<{ index: number; text: string; groups: string[] }> = [];
  for (const [start, end] of spans) {
    for (const m of text.slice(start, end).matchAll(regex)) found.push({ index: start + m.index, text: m[0], groups: [...m] as string[] });
  }
  return found;
}

/** Words between a count and a word for getting in touch, at most ("I emailed support twice"). */
const CONTACT_REACH = 5;

/**
 * Finds order/account references, emails, phones, amounts (currency and value normalised),
 * dates and times (as written, absolute and relative) and counts of earlier contacts, each kind
 * in the order the visitor wrote them.
 *
 * @param text prepared text (see `prepare`)
 * @param tokens its words
 * @param cues where month names, day words and words for getting in touch are
 */
export function extractEntities(text: string, tokens: Tokens, cues: EntityCues): Entities {
  const { monthAt, dayAt, contactAt } = cues;
  const entities: Entities = { orderRefs: [], emails: [], phones: [], amounts: [], dates: [], contactCounts: [] };
  const taken: Array<[number, number]> = [];

  // References, amounts, numeric dates, times and phones all hold a digit: their patterns run
  // only around the words with one, relative dates only around their anchor words.
  const digitAt: number[] = [];
  const timeAt: number[] = [];
  const agoAt: number[] = [];
  tokens.norms.forEach((norm, i) => {
    const first = norm.charCodeAt(0);
    const last = norm.charCodeAt(norm.length - 1);
    if ((first >= 48 && first <= 57) || (last >= 48 && last <= 57)) {
      digitAt.push(i);
      const after = tokens.norms[i + 1];
      if (text[tokens.ends[i] as number] === ':' || /(?:am|pm)$/.test(norm) || (after !== undefined && TIME_WORDS.has(after))) timeAt.push(i);
    } else if (norm === 'pukul' || norm === 'jam') timeAt.push(i);
    if (AGO_ANCHORS.has(norm)) agoAt.push(i);
  });
  const numeric = windows(text, tokens, digitAt, 4, 4);

  if (text.includes('@')) {
    for (const m of text.matchAll(EMAIL)) {
      if (entities.emails.length >= MAX_PER_KIND) break;
      pushUnique(entities.emails, m[0]);
      mark(taken, m.index, m.index + m[0].length);
    }
  }

  if (text.includes('#')) for (const m of text.matchAll(HASH_REF)) {
    if (entities.orderRefs.length >= MAX_PER_KIND) break;
    const ref = m[1] as string;
    if (!/\d/.test(ref)) continue;
    pushUnique(entities.orderRefs, `#${ref}`);
    mark(taken, m.index, m.index + m[0].length);
  }
  for (const m of matchesIn(KEYWORD_REF, text, numeric)) {
    if (entities.orderRefs.length >= MAX_PER_KIND) break;
    const ref = (m.groups[1] as string).replace(/-$/, '');
    const start = m.index + m.text.length - (m.groups[1] as string).length;
    if (overlaps(taken, start, start + ref.length)) continue;
    // A bare year or a small count ("order 2 items") is not a reference.
    if (/^\d{1,3}$/.test(ref) || /^(19|20)\d\d$/.test(ref)) continue;
    pushUnique(entities.orderRefs, ref);
    mark(taken, start, start + ref.length);
  }

  const amounts: Array<{ at: number; amount: Amount }> = [];
  const amountSpans: Array<[number, number]> = [];
  const addAmount = (full: string, index: number, quantity: string | undefined, number: string, symbol: string): void => {
    if (amounts.length >= MAX_PER_KIND || overlaps(amountSpans, index, index + full.length)) return;
    const unit = parseAmount(number);
    if (!Number.isFinite(unit)) return;
    // `2 x £12.50` is £25 paid; cents are kept exact.
    const value = quantity ? Math.round(Number(quantity) * unit * 100) / 100 : unit;
    const currency = CURRENCY_CODES[symbol.toLowerCase()] ?? CURRENCY_CODES[symbol] ?? symbol;
    const amount: Amount = { value, currency, text: full.trim() };
    if (quantity) {
      amount.quantity = Number(quantity);
      amount.unitValue = unit;
    }
    amounts.push({ at: index, amount });
    mark(amountSpans, index, index + full.length);
  };
  for (const m of matchesIn(AMOUNT_BEFORE, text, numeric)) addAmount(m.text, m.index, m.groups[1], m.groups[3] as string, m.groups[2] as string);
  for (const m of matchesIn(AMOUNT_AFTER, text, numeric)) addAmount(m.text, m.index, m.groups[1], m.groups[2] as string, m.groups[3] as string);
  entities.amounts = amounts.sort((a, b) => a.at - b.at).map((a) => a.amount);
  for (const [a, b] of amountSpans) mark(taken, a, b);

  const dates: Array<{ at: number; text: string }> = [];
  const dateSpans: Array<[number, number]> = [];
  const addDate = (start: number, end: number, written = text.slice(start, end)): void => {
    if (dates.length >= MAX_PER_KIND || overlaps(dateSpans, start, end) || overlaps(taken, start, end)) return;
    if (!dates.some((d) => d.text === written)) dates.push({ at: start, text: written });
    mark(dateSpans, start, end);
  };
  for (const m of matchesIn(NUMERIC_DATE, text, numeric)) addDate(m.index, m.index + m.text.trimEnd().length);
  for (const i of monthAt) {
    // "12 March", "March 12, 2024", "március 12", "12. marca 2024", "12 Mac".
    let first = i;
    let last = i;
    if (isDayOrYear(tokens.words[i - 1])) first = i - 1;
    if (isDayOrYear(tokens.words[i + 1])) last = i + 1;
    if (last === i && first === i) continue;
    if (isDayOrYear(tokens.words[last + 1]) && (tokens.words[last + 1] as string).length === 4) last += 1;
    const start = tokens.starts[first] as number;
    const end = tokens.ends[last] as number;
    let written = text.slice(start, end);
    // Keep a Hungarian/Slovak ordinal dot after the day: "12." then the month.
    if (first === i && text[end] === '.' && /\d$/.test(written)) written += '.';
    addDate(start, end, written);
  }
  for (const m of matchesIn(AGO_BOUNDED, text, windows(text, tokens, agoAt, 4, 3))) addDate(m.index, m.index + m.text.length);
  for (const [hitFirst, hitLast] of dayAt) {
    // "last Tuesday", "minulý utorok", "múlt kedden", "Selasa lepas", "včera večer".
    let first = hitFirst;
    let last = hitLast;
    if (DAY_BEFORE.has(tokens.norms[first - 1] ?? '')) first -= 1;
    while (last < hitLast + 2 && DAY_AFTER.has(tokens.norms[last + 1] ?? '')) last += 1;
    addDate(tokens.starts[first] as number, tokens.ends[last] as number);
  }
  for (const m of matchesIn(TIME_BOUNDED, text, windows(text, tokens, timeAt, 1, 3))) addDate(m.index, m.index + m.text.length);
  entities.dates = dates.sort((a, b) => a.at - b.at).map((d) => d.text);
  for (const [a, b] of dateSpans) mark(taken, a, b);

  if (contactAt.length > 0) {
    for (const m of matchesIn(COUNT, text, windows(text, tokens, contactAt, CONTACT_REACH + 2, CONTACT_REACH + 2))) {
      if ((entities.contactCounts as ContactCount[]).length >= MAX_PER_KIND) break;
      const count = countValue(m.text);
      if (count === undefined) continue;
      const first = wordAt(tokens, m.index);
      const last = wordAt(tokens, m.index + m.text.length - 1);
      // Beside a word for getting in touch, in the same sentence: "charged me twice" is not one.
      const near = contactAt.some(
        (at) =>
          (at < first ? first - at : at - last) <= CONTACT_REACH &&
          !sentenceBetween(text, tokens.starts[at] as number, at < first ? m.index : m.index + m.text.length),
      );
      if (near) (entities.contactCounts as ContactCount[]).push({ count, text: m.text });
    }
  }

  for (const m of matchesIn(PHONE, text, numeric)) {
    if (entities.phones.length >= MAX_PER_KIND) break;
    const digits = m.text.replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) continue;
    if (overlaps(taken, m.index, m.index + m.text.length)) continue;
    pushUnique(entities.phones, m.text.trim());
  }
  return entities;
}
