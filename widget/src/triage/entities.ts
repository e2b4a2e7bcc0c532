import type { Amount, ContactCount, Entities } from './types';
import type { LexiconEntities } from './lexicons/lexicon';
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
 * `rendelés 123456`, `rendelésszám: 123`, `objednávka č. 2024001`, `pesanan 88123`. The words
 * come with each language (`LexiconEntities.references`); these ways of writing "number" are
 * shared by them all.
 */
const REFERENCE_NUMBER = String.raw`nr|no|n[oº]\.|no\.|#`;

const EMAIL = /[A-Z0-9._%+-]{1,64}@[A-Z0-9-]{1,63}(?:\.[A-Z0-9-]{1,63}){0,8}\.[A-Z]{2,24}/giu;

/** A phone: optional `+`, then 7–15 digits with spaces, dots, dashes or brackets between. */
const PHONE = /(?<![\p{L}\p{N}+#.,])\+?\(?\d[\d ().-]{5,20}\d(?![\p{L}\p{N}])/gu;

const NUMBER = String.raw`\d{1,3}(?:[ \u00a0\u202f.,]\d{3}){1,4}(?:[.,]\d{1,2})?|\d{1,9}(?:[.,]\d{1,2})?`;
const CURRENCY_BEFORE = String.raw`€|\$|£|EUR|USD|GBP|HUF|MYR|RM`;
/** Symbols and codes written after an amount in any language; the words come with each language. */
const CURRENCY_AFTER = String.raw`€|\$|£|EUR|USD|GBP|HUF|MYR|Ft|RM`;
/** `2 x £12.50`, `3× 9,99 €`: a quantity before a unit price. */
const QUANTITY = String.raw`(?:(\d{1,3})\s?[x×]\s?)?`;
// A currency right after a number belongs to that number ("14 € 15. januára"), not to the next one.
const AMOUNT_BEFORE = new RegExp(
  String.raw`(?<![\p{L}\p{N}]|\p{N}\s?)${QUANTITY}(${CURRENCY_BEFORE})\s?(${NUMBER})(?![\p{N}])`,
  'giu',
);

/** Currency symbols and codes, lower case, and their ISO code. */
const CURRENCY_CODES: Readonly<Record<string, string>> = {
  '€': 'EUR', eur: 'EUR', $: 'USD', usd: 'USD', '£': 'GBP', gbp: 'GBP', ft: 'HUF', huf: 'HUF', rm: 'MYR', myr: 'MYR',
};

/**
 * A code of capitals, a dash and digits is a reference wherever it stands: `HU-558201`,
 * `KC-30112`, `INV-20931`.
 */
const CODE_REF = /(?<![\p{L}\p{N}-])[A-Z]{2,4}-\d{4,12}(?![\p{L}\p{N}-])/gu;

/** ISO dates, `12/03/2024`, `12.3.2024`, `2024. 03. 15.` */
const NUMERIC_DATE =
  /(?<![\p{N}.])(?:\d{4}-\d{2}-\d{2}|\d{4}\.\s?\d{1,2}\.\s?\d{1,2}\.?|\d{1,2}[./-]\s?\d{1,2}[./-]\s?(?:\d{4}|\d{2}))(?![\p{N}])/gu;

/** A clock time any language writes: `14:30`. What may follow it comes with each language. */
const CLOCK = String.raw`\d{1,2}:\d{2}`;

/** An alternative that never matches, for a pattern no known language has words for. */
const NOTHING = '(?!)';

/**
 * The patterns and words that dates, times, counts and amounts are found with, in the languages
 * a vocabulary knows (`entityPatterns`): each language brings its own (`LexiconEntities`).
 */
export interface EntityPatterns {
  /** A keyword for an order or account, then the reference: `order 4411-A`, `objednávka č. 2024001`. */
  keywordReference: RegExp;
  /** A reference written before the words that name it: `10023456 számú rendelés`. */
  referenceBefore: RegExp;
  /** Amounts with the currency after them: `9,99 €`, `5000 forint`. */
  amountAfter: RegExp;
  /** Currency symbols, codes and words, lower case, and their ISO code. */
  currencies: Readonly<Record<string, string>>;
  /** How long ago: `two weeks ago`, `két hete`. */
  ago: RegExp;
  agoAnchors: ReadonlySet<string>;
  /** Clock times: `14:30`, `3pm`, `15 órakor`, `pukul 3 petang`. */
  time: RegExp;
  timeAfter: ReadonlySet<string>;
  timeBefore: ReadonlySet<string>;
  /** Words before a day word that belong to the date: "last Tuesday", "minulý utorok", "múlt kedden". */
  dayBefore: ReadonlySet<string>;
  /** Words after a day word that belong to the date: "Selasa lepas", "Tuesday morning", "včera večer". */
  dayAfter: ReadonlySet<string>;
  /**
   * How many times the visitor got in touch before: `twice`, `FOUR times`, `the third time`,
   * `dvakrát`, `5-krát`, `tretíkrát`, `kétszer`, `5-ször`, `harmadszor`, `dua kali`, `kali ketiga`.
   * Counted only beside a word for getting in touch ("emailed", "volal", "írtam", "hubungi").
   */
  count: RegExp;
  /** Folded number words and their value. */
  numbers: Readonly<Record<string, number>>;
}

/** Regex-safe alternatives for some plain words. */
function wordAlternatives(words: readonly string[]): string[] {
  return words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

/** `a|b|c` of the alternatives, or an alternative that never matches when there are none. */
function anyOf(alternatives: readonly string[]): string {
  return alternatives.length > 0 ? alternatives.join('|') : NOTHING;
}

/**
 * Compiles the entity words of some languages into the patterns `extractEntities` runs.
 *
 * @param languages each known language's `LexiconEntities`, in a fixed order (the vocabulary
 *   keeps `LOCALES` order), so what is found does not depend on the order languages arrived in
 */
export function entityPatterns(languages: readonly LexiconEntities[]): EntityPatterns {
  const all = <T>(pick: (language: LexiconEntities) => readonly T[]): T[] => languages.flatMap(pick);
  const currencyWords = Object.assign({}, ...languages.map((language) => language.currencies)) as Record<string, string>;
  const currencyAfter = [CURRENCY_AFTER, ...wordAlternatives(Object.keys(currencyWords))].join('|');
  const suffixes = all((language) => language.timeSuffixes);
  const clock = suffixes.length > 0 ? String.raw`${CLOCK}(?:\s?(?:${suffixes.join('|')}))?` : CLOCK;
  const numbers = [...all((language) => language.referenceNumbers), REFERENCE_NUMBER].join('|');
  return {
    keywordReference: new RegExp(
      String.raw`(?<![\p{L}])(?:${anyOf(all((language) => language.references))})` +
        String.raw`(?:\s{0,3}(?:${numbers})\.?)?[\s:#.,-]{0,4}(?:(?:${anyOf(all((language) => language.referenceLinks))})\s{1,3})?` +
        String.raw`([A-Z]{0,4}[-]?\d[A-Z0-9-]{2,24})`,
      'giu',
    ),
    // A case ending after the currency stays with the amount as written: `79 eurós`, `4990 Ft-ot`.
    amountAfter: new RegExp(
      String.raw`(?<![\p{N}.,])${QUANTITY}(${NUMBER})\s?(${currencyAfter})(?:${anyOf(all((language) => language.currencyEndings))})?(?![\p{L}])`,
      'giu',
    ),
    referenceBefore: new RegExp(String.raw`(?<![\p{L}\p{N}])(\d{5,16})\s(?:${anyOf(all((language) => language.referenceBefore))})(?![\p{L}])`, 'giu'),
    currencies: { ...CURRENCY_CODES, ...currencyWords },
    ago: new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${anyOf(all((language) => language.ago))})(?![\p{L}])`, 'giu'),
    agoAnchors: new Set(all((language) => language.agoAnchors)),
    // A language's own ways first: "3:15 pm" is one time, not "3:15".
    time: new RegExp(String.raw`(?<![\p{L}\p{N}:.])(?:${[...all((language) => language.times), clock].join('|')})(?![\p{L}\p{N}])`, 'giu'),
    timeAfter: new Set(all((language) => language.timeAfter)),
    timeBefore: new Set(all((language) => language.timeBefore)),
    dayBefore: new Set(all((language) => language.dayBefore)),
    dayAfter: new Set(all((language) => language.dayAfter)),
    count: new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${anyOf(all((language) => language.counts))})(?![\p{L}])`, 'giu'),
    numbers: Object.assign({}, ...languages.map((language) => language.numbers)) as Record<string, number>,
  };
}

/** The number a count says: `FOUR times` 4, `tretíkrát` 3, `5-ször` 5, `kali ke-3` 3. */
function countValue(text: string, numbers: Readonly<Record<string, number>>): number | undefined {
  const digits = /\d{1,2}/.exec(text);
  if (digits) return Number(digits[0]);
  const folded = text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  for (const word of folded.split(/[\s-]+/)) {
    const stem = word.replace(/(?:krat|raz|szor|szer|sz?or)$/, '');
    const value = numbers[word] ?? numbers[stem];
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

/**
 * Every match of a global regex inside the windows, with indexes into the whole text. The regex
 * itself is run (`matchAll` would copy it for every window, which costs more than the search).
 */
function matchesIn(regex: RegExp, text: string, spans: ReadonlyArray<[number, number]>): Array<{ index: number; text: string; groups: string[] }> {
  const found: Array<{ index: number; text: string; groups: string[] }> = [];
  for (const [start, end] of spans) {
    const window = text.slice(start, end);
    regex.lastIndex = 0;
    for (let m = regex.exec(window); m !== null; m = regex.exec(window)) {
      found.push({ index: start + m.index, text: m[0], groups: [...m] as string[] });
      // An empty match would be found again at the same place: step past it, as `matchAll` does.
      if (m[0] === '') regex.lastIndex += (window.codePointAt(regex.lastIndex) ?? 0) > 0xffff && regex.unicode ? 2 : 1;
    }
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
 * @param patterns how the languages the text is read in write dates, counts and amounts
 */
export function extractEntities(text: string, tokens: Tokens, cues: EntityCues, patterns: EntityPatterns): Entities {
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
      if (text[tokens.ends[i] as number] === ':' || /(?:am|pm)$/.test(norm) || (after !== undefined && patterns.timeAfter.has(after))) timeAt.push(i);
    } else if (patterns.timeBefore.has(norm)) timeAt.push(i);
    if (patterns.agoAnchors.has(norm)) agoAt.push(i);
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
  for (const m of matchesIn(patterns.keywordReference, text, numeric)) {
    if (entities.orderRefs.length >= MAX_PER_KIND) break;
    const ref = (m.groups[1] as string).replace(/-$/, '');
    const start = m.index + m.text.length - (m.groups[1] as string).length;
    if (overlaps(taken, start, start + ref.length)) continue;
    // A bare year or a small count ("order 2 items") is not a reference.
    if (/^\d{1,3}$/.test(ref) || /^(19|20)\d\d$/.test(ref)) continue;
    pushUnique(entities.orderRefs, ref);
    mark(taken, start, start + ref.length);
  }
  for (const m of matchesIn(patterns.referenceBefore, text, numeric)) {
    const ref = m.groups[1] as string;
    if (entities.orderRefs.length >= MAX_PER_KIND || overlaps(taken, m.index, m.index + ref.length)) continue;
    pushUnique(entities.orderRefs, ref);
    mark(taken, m.index, m.index + ref.length);
  }
  for (const m of matchesIn(CODE_REF, text, numeric)) {
    if (entities.orderRefs.length >= MAX_PER_KIND || overlaps(taken, m.index, m.index + m.text.length)) continue;
    pushUnique(entities.orderRefs, m.text);
    mark(taken, m.index, m.index + m.text.length);
  }

  const amounts: Array<{ at: number; amount: Amount }> = [];
  const amountSpans: Array<[number, number]> = [];
  const addAmount = (full: string, index: number, quantity: string | undefined, number: string, symbol: string): void => {
    if (amounts.length >= MAX_PER_KIND || overlaps(amountSpans, index, index + full.length)) return;
    const unit = parseAmount(number);
    if (!Number.isFinite(unit)) return;
    // `2 x £12.50` is £25 paid; cents are kept exact.
    const value = quantity ? Math.round(Number(quantity) * unit * 100) / 100 : unit;
    const currency = patterns.currencies[symbol.toLowerCase()] ?? patterns.currencies[symbol] ?? symbol;
    const amount: Amount = { value, currency, text: full.trim() };
    if (quantity) {
      amount.quantity = Number(quantity);
      amount.unitValue = unit;
    }
    amounts.push({ at: index, amount });
    mark(amountSpans, index, index + full.length);
  };
  for (const m of matchesIn(AMOUNT_BEFORE, text, numeric)) addAmount(m.text, m.index, m.groups[1], m.groups[3] as string, m.groups[2] as string);
  for (const m of matchesIn(patterns.amountAfter, text, numeric)) addAmount(m.text, m.index, m.groups[1], m.groups[2] as string, m.groups[3] as string);
  // The same sum written twice ("RM249.00 … RM249.00") is one amount, said again.
  const seen = new Set<string>();
  entities.amounts = amounts
    .sort((a, b) => a.at - b.at)
    .map((a) => a.amount)
    .filter((amount) => {
      const key = `${amount.value} ${amount.currency}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
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
  for (const m of matchesIn(patterns.ago, text, windows(text, tokens, agoAt, 4, 3))) addDate(m.index, m.index + m.text.length);
  for (const [hitFirst, hitLast] of dayAt) {
    // "last Tuesday", "minulý utorok", "múlt kedden", "Selasa lepas", "včera večer".
    let first = hitFirst;
    let last = hitLast;
    if (patterns.dayBefore.has(tokens.norms[first - 1] ?? '')) first -= 1;
    while (last < hitLast + 2 && patterns.dayAfter.has(tokens.norms[last + 1] ?? '')) last += 1;
    addDate(tokens.starts[first] as number, tokens.ends[last] as number);
  }
  for (const m of matchesIn(patterns.time, text, windows(text, tokens, timeAt, 1, 3))) addDate(m.index, m.index + m.text.length);
  entities.dates = dates.sort((a, b) => a.at - b.at).map((d) => d.text);
  for (const [a, b] of dateSpans) mark(taken, a, b);

  if (contactAt.length > 0) {
    for (const m of matchesIn(patterns.count, text, windows(text, tokens, contactAt, CONTACT_REACH + 2, CONTACT_REACH + 2))) {
      if ((entities.contactCounts as ContactCount[]).length >= MAX_PER_KIND) break;
      const count = countValue(m.text, patterns.numbers);
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
