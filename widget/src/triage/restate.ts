import { prepare } from './text';
import type { Locale, TriageResult } from './types';
import type { LexiconRestatement } from './lexicons/lexicon';
import { analyse, known, outcomeHits, type Vocabulary } from './vocabulary';

/*
 * The restatement (design.md, "Restate the main points"): every sentence that carries a main
 * point — what went wrong and with what, when, how much, what was tried, harm or danger, what
 * the visitor wants — said back in their own words, in the order they wrote them. Where the bot
 * speaks the visitor's language and can turn the words to the second person (English, Malay),
 * it says them back addressed to the visitor ("You emailed support twice…"); otherwise it quotes
 * them, and the catalog's `restate.quote` frames the quote. Facts the visitor typed (references,
 * amounts, dates, counts of earlier contacts) are never cut, whichever sentence they are in.
 */

/** How each language marks a quotation inside the bot's line. */
const QUOTES: Readonly<Record<Locale, [open: string, close: string]>> = {
  en: ['“', '”'],
  ms: ['“', '”'],
  hu: ['„', '”'],
  sk: ['„', '“'],
};

/** Past this length the restatement keeps only the parts of each sentence that carry a point. */
const MAX_SUMMARY = 320;
/** A sentence longer than this is cut to the parts that carry points when the summary is long. */
const LONG_SENTENCE = 80;

/** The weight of a cue that makes its sentence essential: what they want, harm or danger. */
const ESSENTIAL = 3;

/** The longest a sentence without facts is said back. */
const MAX_PART = 200;

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

/** Cue kinds that make a sentence a main point: what went wrong, harm, money, urgency, attempts. */
const POINT_KINDS = new Set(['category', 'safety', 'legal', 'fraud', 'high', 'repeat', 'contact', 'low']);

interface Span {
  start: number;
  end: number;
}

/** Splits at `.`, `!`, `?` followed by a space, and at line breaks; keeps "č. 123" and "no. 5" together. */
function sentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const close = (end: number): void => {
    if (text.slice(start, end).trim()) spans.push({ start, end });
    start = end;
  };
  for (const m of text.matchAll(/[.!?](?=\s|$)|\n/g)) {
    const i = m.index;
    if (m[0] === '.') {
      // An abbreviation or an ordinal ("č.", "no.", "12.", "2024.") is not the end of a sentence.
      let j = i - 1;
      while (j >= start && i - j <= 5 && /[\p{L}\p{N}]/u.test(text[j] as string)) j--;
      const word = text.slice(j + 1, i);
      const after = /\S/.exec(text.slice(i + 1, i + 8))?.[0] ?? '';
      if ((/^\d+$/.test(word) || (word.length > 0 && word.length <= 2)) && /[\p{Ll}\p{N}]/u.test(after)) continue;
    }
    close(i + 1);
  }
  close(text.length);
  return spans;
}

/** Splits a sentence into clauses at commas, semicolons and dashes between words. */
function clauses(text: string, span: Span): Span[] {
  const parts: Span[] = [];
  let start = span.start;
  for (let i = span.start; i < span.end; i++) {
    const ch = text[i] as string;
    if ((ch === ',' || ch === ';' || ch === '–' || ch === '—') && text[i + 1] === ' ' && !/\d/.test(text[i + 2] ?? '')) {
      parts.push({ start, end: i });
      start = i + 1;
    }
  }
  parts.push({ start, end: span.end });
  return parts;
}

/** The first of the cues (sorted by offset) at or after an offset, by binary search. */
function firstCueFrom(cueAt: ReadonlyArray<[number, number, string | null]>, offset: number): number {
  let lo = 0;
  let hi = cueAt.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cueAt[mid] as [number, number, string | null])[0] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Finds any of the facts, whatever their case. */
function factPattern(facts: readonly string[]): RegExp {
  const alternatives = facts.filter(Boolean).map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return alternatives.length > 0 ? new RegExp(alternatives.join('|'), 'giu') : /(?!)/g;
}

/** Whether a text is written mostly in capitals: then every word in capitals is calmed, not only long ones. */
function shouting(text: string): boolean {
  if (!/\p{Lu}{2}/u.test(text)) return false;
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return letters >= 12 && upper / letters >= 0.6;
}

/**
 * Removes insults (and a "you" left hanging before them), calms capitals and `!!!`.
 *
 * @param text the whole prepared text
 * @param span the part to say back
 * @param cuts where the insults are in the whole text, in order
 * @param facts the facts the visitor typed, found case-blind (`factPattern`), kept as typed
 * @param greeting a greeting opening a sentence, in the languages known
 */
function clean(
  text: string,
  span: Span,
  cuts: ReadonlyArray<[number, number]>,
  facts: { pattern: RegExp; list: readonly string[] },
  greeting: RegExp,
): string {
  let out = '';
  let at = span.start;
  for (const [s, e] of cuts) {
    if (e <= span.start || s >= span.end) continue;
    if (s > at) out += text.slice(at, s);
    at = Math.max(at, Math.min(e, span.end));
  }
  out += text.slice(at, span.end);
  return out
    // Markup the visitor pasted is noise in a summary (and the summary is shown as text anyway).
    .replace(/<[^<>]{0,200}>/g, ' ')
    .trim()
    .replace(greeting, '')
    .replace(shouting(out) ? /\p{Lu}{2,}/gu : /\p{Lu}{4,}/gu, (word) => word.toLowerCase())
    // A fact keeps the visitor's spelling, capitals and all ("3 MAY", "ORD-A1").
    .replace(facts.pattern, (found) => facts.list.find((f) => f.toLowerCase() === found.toLowerCase()) ?? found)
    .replace(/[!?]*\?[!?]*/g, (m) => (m.length > 1 ? '?' : m))
    .replace(/!+/g, '.')
    .replace(/\s+([,.;:?])/g, '$1')
    .replace(/([,;:])(?:\s*[,;:])+/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .replace(/^[\s,;:.\-–—]+|[\s,;:\-–—]+$/g, '')
    .trim();
}

/*
 * Turning the visitor's words to the second person, where a word-for-word swap is reliable: the
 * visitor's "I/my" becomes "you/your", and their "you/your" (the shop) becomes "we/our".
 */

function secondPersonEn(text: string, words: LexiconRestatement): string {
  const swap = words.swap ?? {};
  const objectAfter = new Set(words.objectAfter);
  const adverbs = new Set(words.adverbs);
  let previous = '';
  let sentenceStart = true;
  let afterI = false;
  return text.replace(/[\p{L}’']+|[,;:.!?]/gu, (word) => {
    if (/^[,;:.!?]$/.test(word)) {
      previous = '';
      sentenceStart = word !== ',' && word !== ';' && word !== ':';
      afterI = false;
      return word;
    }
    const lower = word.toLowerCase();
    const bare = lower.replace(/[’']/g, '');
    let out = word;
    if (lower === 'you') out = objectAfter.has(previous) ? 'us' : 'we';
    else if (afterI && lower === 'am') out = 'are';
    else if (afterI && lower === 'was') out = 'were';
    else if (afterI && bare === 'wasnt') out = word.includes('’') ? 'weren’t' : word.includes("'") ? "weren't" : 'werent';
    else if (swap[lower] !== undefined) out = swap[lower];
    if (out !== word) {
      const capital = sentenceStart || (word.length > 1 && word[0] === (word[0] as string).toUpperCase() && lower !== 'i');
      out = capital ? out.charAt(0).toUpperCase() + out.slice(1) : out;
    }
    afterI = lower === 'i' || (afterI && adverbs.has(lower));
    previous = bare;
    sentenceStart = false;
    return out;
  });
}

function secondPersonMs(text: string, words: LexiconRestatement): string {
  const swap = words.swap ?? {};
  return text.replace(/\p{L}+/gu, (word) => {
    const swapped = swap[word.toLowerCase()];
    if (swapped === undefined) return word;
    return word[0] === (word[0] as string).toUpperCase() ? swapped.charAt(0).toUpperCase() + swapped.slice(1) : swapped;
  });
}

/** The languages the bot says the visitor's words back in, turned to the second person with their pack's words. */
const SECOND_PERSON: Partial<Record<Locale, (text: string, words: LexiconRestatement) => string>> = { en: secondPersonEn, ms: secondPersonMs };

/** The restatement's words of every language a vocabulary knows, ready to use. */
interface RestatementWords {
  /** A greeting at the start of a sentence: it carries no facts. */
  greeting: RegExp;
  /** Second-person words left dangling when the insult after them is removed. */
  address: ReadonlySet<string>;
}

const compiled = new WeakMap<Vocabulary, { languages: number; words: RestatementWords }>();

/** The restatement's words of the vocabulary's languages, compiled once per set of languages. */
function restatementWords(vocabulary: Vocabulary): RestatementWords {
  const lexicons = known(vocabulary);
  const cached = compiled.get(vocabulary);
  if (cached && cached.languages === lexicons.length) return cached.words;
  const greetings = lexicons.flatMap((lexicon) => lexicon.restatement.greetings);
  const words: RestatementWords = {
    greeting: new RegExp(String.raw`^(?:${greetings.length > 0 ? greetings.join('|') : '(?!)'})(?=[\s,.!]|$)[,.!]*\s*`, 'iu'),
    address: new Set(lexicons.flatMap((lexicon) => lexicon.restatement.address)),
  };
  compiled.set(vocabulary, { languages: lexicons.length, words });
  return words;
}

/** Whether a restatement in `locale` quotes the visitor (true) or says their words back to them. */
export function restatementQuotes(result: TriageResult, locale: Locale): boolean {
  return !(result.language === locale && SECOND_PERSON[locale]);
}

/** Every fact the visitor typed about the complaint, as written (contact details are asked for apart). */
function typedFacts(result: TriageResult): string[] {
  const e = result.entities;
  return [...e.orderRefs, ...e.amounts.map((a) => a.text), ...e.dates, ...(e.contactCounts ?? []).map((c) => c.text)];
}

interface Point {
  span: Span;
  score: number;
  /** Facts the visitor typed, in this span. */
  facts: number;
  /** It says what they want, or harm or danger: kept however long the summary. */
  essential: boolean;
  /** How many words of each category it holds: what it is about. */
  about: Map<string, number>;
}

/**
 * The bot's restatement of the complaint: the main points, in the visitor's words, said back to
 * them (English and Malay in the visitor's own language) or quoted (see `restatementQuotes`).
 * It neither agrees nor denies; insults are dropped; capitals and `!!!` are calmed; every fact the
 * visitor typed is kept. The machine frames it with `restate.check` (and `restate.quote` when quoted).
 *
 * @param messages the visitor's messages, in order
 * @param result the triage of those messages
 * @param locale the language the bot is speaking
 * @param vocabulary the vocabulary the triage was made with
 * @returns the main points, or an empty string when nothing but insults was written
 */
export function restate(messages: string[], result: TriageResult, locale: Locale, vocabulary: Vocabulary): string {
  const text = prepare((Array.isArray(messages) ? messages : []).filter((m) => typeof m === 'string').join('\n'));
  if (text.trim().length === 0) return '';
  const facts = typedFacts(result);
  const analysis = analyse(vocabulary, text);
  const { tokens, hits } = analysis;
  const outcomes = outcomeHits(vocabulary, analysis);

  // Where each cue sits, by character: a sentence or clause is a point when it holds one.
  // What they want and any harm are kept before the rest when the summary must be short.
  const cueAt: Array<[number, number, string | null]> = [];
  for (const hit of [...hits, ...outcomes]) {
    const { kind, value } = hit.cue;
    const weight = kind === 'outcome' || kind === 'safety' || kind === 'legal' || kind === 'fraud' ? ESSENTIAL : POINT_KINDS.has(kind) ? 1 : 0;
    if (weight > 0) cueAt.push([tokens.starts[hit.first] as number, weight, kind === 'category' ? value : null]);
  }
  // In text order, so each sentence or clause looks only at its own cues.
  cueAt.sort((a, b) => a[0] - b[0]);
  const factAt: Array<[number, number]> = [];
  for (const fact of facts) {
    for (let from = text.indexOf(fact); from !== -1 && factAt.length < 200; from = text.indexOf(fact, from + fact.length)) {
      factAt.push([from, from + fact.length]);
    }
  }
  const weigh = (span: Span): Point => {
    let score = 0;
    let count = 0;
    let essential = false;
    const about = new Map<string, number>();
    for (let k = firstCueFrom(cueAt, span.start); k < cueAt.length; k++) {
      const [at, weight, category] = cueAt[k] as [number, number, string | null];
      if (at >= span.end) break;
      score += weight;
      essential ||= weight === ESSENTIAL;
      if (category) about.set(category, (about.get(category) ?? 0) + 1);
    }
    for (const [s, e] of factAt) if (s >= span.start && e <= span.end) count += 1;
    return { span, score: score + count * 2, facts: count, essential, about };
  };

  const words = restatementWords(vocabulary);
  const cuts: Array<[number, number]> = [];
  for (const hit of hits) {
    if (hit.cue.kind !== 'insult') continue;
    const before = tokens.norms[hit.first - 1];
    const first = before !== undefined && words.address.has(before) ? hit.first - 1 : hit.first;
    cuts.push([tokens.starts[first] as number, tokens.ends[hit.last] as number]);
  }
  cuts.sort((a, b) => a[0] - b[0]);
  const found = { pattern: factPattern(facts), list: facts };

  const all = sentences(text).map(weigh);
  let points = all.filter((p) => p.score > 0);
  if (points.length === 0) points = all.slice(0, 1);
  // The sentence that says most about each thing that went wrong (the product, the delivery, the
  // staff…) is a main point however long the summary: no part of the complaint goes unsaid.
  // (A category named once in passing, "late at night", is not a thing that went wrong.)
  const best = new Map<string, Point>();
  const mentions = new Map<string, number>();
  for (const point of points) {
    for (const [category, n] of point.about) {
      mentions.set(category, (mentions.get(category) ?? 0) + n);
      if (n > (best.get(category)?.about.get(category) ?? 0)) best.set(category, point);
    }
  }
  for (const [category, point] of best) if ((mentions.get(category) ?? 0) >= 2) point.essential = true;

  const say = (span: Span): string => clean(text, span, cuts, found, words.greeting);
  // A point said twice (a pasted paragraph, a repeated message) is said back once.
  const seen = new Set<string>();
  points = points.filter((p) => {
    const raw = text.slice(p.span.start, p.span.end).trim();
    if (seen.has(raw)) return false;
    seen.add(raw);
    return true;
  });
  let parts = points.map((p) => ({ point: p, said: say(p.span) })).filter((p) => p.said);
  const length = () => parts.reduce((n, p) => n + p.said.length + 1, 0);

  // Too long to take in at a glance: long sentences keep only their clauses that carry a point,
  if (length() > MAX_SUMMARY) {
    parts = parts.map(({ point, said }) => {
      if (said.length <= LONG_SENTENCE) return { point, said };
      const kept = clauses(text, point.span).map(weigh).filter((c) => c.score > 0);
      const shortened = kept.map((c) => say(c.span)).filter(Boolean).join(', ');
      return { point, said: shortened || said };
    });
  }
  // then the points with the least in them go, never one holding a fact the visitor typed.
  if (length() > MAX_SUMMARY) {
    const byWeight = [...parts].sort((a, b) => a.point.score - b.point.score);
    for (const part of byWeight) {
      if (length() <= MAX_SUMMARY || parts.length === 1) break;
      if (part.point.facts === 0 && !part.point.essential) parts = parts.filter((p) => p !== part);
    }
  }
  if (parts.length === 0) return '';
  // A sentence with no fact in it and no end in sight (a pasted log) is cut at a word.
  parts = parts.map(({ point, said }) => ({ point, said: point.facts === 0 ? shorten(said, MAX_PART) : said }));

  const sentence = (said: string): string => {
    const capital = said.charAt(0).toUpperCase() + said.slice(1);
    return /[.?…]$/.test(capital) ? capital : `${capital}.`;
  };
  const joined = parts.map((p) => sentence(p.said)).join(' ');
  const shift = restatementQuotes(result, locale) ? undefined : SECOND_PERSON[locale];
  // (Its pack arrives with the bot's lines in that language, so its words are there.)
  if (shift) return shift(joined, vocabulary.lexicons.get(locale)?.restatement ?? { greetings: [], address: [] });
  const [open, close] = QUOTES[locale] ?? QUOTES.en;
  return `${open}${joined}${close}`;
}
