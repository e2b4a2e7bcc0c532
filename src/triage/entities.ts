import type { Amount, Entities } from './types';
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
const CURRENCY_AFTER = String.raw`€|\$|£|EUR|USD|GBP|HUF|MYR|Ft|RM|eur|euro|eura|eur[oó]t?|forint(?:ot)?|ringgit|dollars?|pounds?`;
const AMOUNT_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}])(${CURRENCY_BEFORE})\s?(${NUMBER})(?![\p{N}])`, 'gu');
const AMOUNT_AFTER = new RegExp(
  String.raw`(?<![\p{N}.,])(${NUMBER})\s?(${CURRENCY_AFTER})(?![\p{L}])`,
  'giu',
);

const CURRENCY_CODES: Readonly<Record<string, string>> = {
  '€': 'EUR', eur: 'EUR', euro: 'EUR', eura: 'EUR', eurot: 'EUR', 'eurót': 'EUR',
  $: 'USD', usd: 'USD', dollar: 'USD', dollars: 'USD',
  '£': 'GBP', gbp: 'GBP', pound: 'GBP', pounds: 'GBP',
  ft: 'HUF', huf: 'HUF', forint: 'HUF', forintot: 'HUF',
  rm: 'MYR', myr: 'MYR', ringgit: 'MYR',
};

/** ISO dates, `12/03/2024`, `12.3.2024`, `2024. 03. 15.` */
const NUMERIC_DATE =
  /(?<![\p{N}.])(?:\d{4}-\d{2}-\d{2}|\d{4}\.\s?\d{1,2}\.\s?\d{1,2}\.?|\d{1,2}[./-]\s?\d{1,2}[./-]\s?(?:\d{4}|\d{2}))(?![\p{N}])/gu;

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

/**
 * Finds order/account references, emails, phones, amounts and dates.
 *
 * @param text prepared text (see `prepare`)
 * @param tokens its words, with `monthAt`/`dayAt` marking where month names and day words are
 */
export function extractEntities(text: string, tokens: Tokens, monthAt: readonly number[], dayAt: ReadonlyArray<[number, number]>): Entities {
  const entities: Entities = { orderRefs: [], emails: [], phones: [], amounts: [], dates: [] };
  const taken: Array<[number, number]> = [];

  if (text.includes('@')) {
    for (const m of text.matchAll(EMAIL)) {
      if (entities.emails.length >= MAX_PER_KIND) break;
      pushUnique(entities.emails, m[0]);
      mark(taken, m.index, m.index + m[0].length);
    }
  }

  for (const m of text.matchAll(HASH_REF)) {
    if (entities.orderRefs.length >= MAX_PER_KIND) break;
    const ref = m[1] as string;
    if (!/\d/.test(ref)) continue;
    pushUnique(entities.orderRefs, `#${ref}`);
    mark(taken, m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(KEYWORD_REF)) {
    if (entities.orderRefs.length >= MAX_PER_KIND) break;
    const ref = (m[1] as string).replace(/-$/, '');
    const start = m.index + m[0].length - (m[1] as string).length;
    if (overlaps(taken, start, start + ref.length)) continue;
    // A bare year or a small count ("order 2 items") is not a reference.
    if (/^\d{1,3}$/.test(ref) || /^(19|20)\d\d$/.test(ref)) continue;
    pushUnique(entities.orderRefs, ref);
    mark(taken, start, start + ref.length);
  }

  const amountSpans: Array<[number, number]> = [];
  const addAmount = (full: string, index: number, number: string, symbol: string): void => {
    if (entities.amounts.length >= MAX_PER_KIND || overlaps(amountSpans, index, index + full.length)) return;
    const value = parseAmount(number);
    if (!Number.isFinite(value)) return;
    const currency = CURRENCY_CODES[symbol.toLowerCase()] ?? CURRENCY_CODES[symbol] ?? symbol;
    const amount: Amount = { value, currency, text: full.trim() };
    entities.amounts.push(amount);
    mark(amountSpans, index, index + full.length);
  };
  for (const m of text.matchAll(AMOUNT_BEFORE)) addAmount(m[0], m.index, m[2] as string, m[1] as string);
  for (const m of text.matchAll(AMOUNT_AFTER)) addAmount(m[0], m.index, m[1] as string, m[2] as string);
  for (const [a, b] of amountSpans) mark(taken, a, b);

  const dateSpans: Array<[number, number]> = [];
  for (const m of text.matchAll(NUMERIC_DATE)) {
    if (entities.dates.length >= MAX_PER_KIND) break;
    if (overlaps(taken, m.index, m.index + m[0].length)) continue;
    pushUnique(entities.dates, m[0].trim());
    mark(dateSpans, m.index, m.index + m[0].length);
  }
  for (const i of monthAt) {
    if (entities.dates.length >= MAX_PER_KIND) break;
    // "12 March", "March 12, 2024", "március 12", "12. marca 2024", "12 Mac".
    let first = i;
    let last = i;
    if (isDayOrYear(tokens.words[i - 1])) first = i - 1;
    if (isDayOrYear(tokens.words[i + 1])) last = i + 1;
    if (last === i && first === i) continue;
    if (isDayOrYear(tokens.words[last + 1]) && (tokens.words[last + 1] as string).length === 4) last += 1;
    const start = tokens.starts[first] as number;
    const end = tokens.ends[last] as number;
    if (overlaps(dateSpans, start, end) || overlaps(taken, start, end)) continue;
    let written = text.slice(start, end);
    // Keep a Hungarian/Slovak ordinal dot after the day: "12." then the month.
    if (first === i && text[end] === '.' && /\d$/.test(written)) written += '.';
    pushUnique(entities.dates, written);
    mark(dateSpans, start, end);
  }
  for (const [first, last] of dayAt) {
    if (entities.dates.length >= MAX_PER_KIND) break;
    const start = tokens.starts[first] as number;
    const end = tokens.ends[last] as number;
    if (overlaps(dateSpans, start, end)) continue;
    pushUnique(entities.dates, text.slice(start, end));
    mark(dateSpans, start, end);
  }
  for (const [a, b] of dateSpans) mark(taken, a, b);

  for (const m of text.matchAll(PHONE)) {
    if (entities.phones.length >= MAX_PER_KIND) break;
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) continue;
    if (overlaps(taken, m.index, m.index + m[0].length)) continue;
    pushUnique(entities.phones, m[0].trim());
  }
  return entities;
}
