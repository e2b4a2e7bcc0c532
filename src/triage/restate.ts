import { scan, type Hit } from './matcher';
import { prepare, tokenize } from './text';
import type { Locale, TriageResult } from './types';
import { analyse, type Vocabulary } from './vocabulary';

/** How each language frames the visitor's words, and labels the facts found in them. */
const FRAMES: Readonly<Record<Locale, { lead: string; open: string; close: string; details: string }>> = {
  en: { lead: 'You wrote: ', open: '“', close: '”', details: 'Details: ' },
  ms: { lead: 'Anda menulis: ', open: '“', close: '”', details: 'Butiran: ' },
  hu: { lead: 'Ön ezt írta: ', open: '„', close: '”', details: 'Adatok: ' },
  sk: { lead: 'Napísali ste: ', open: '„', close: '“', details: 'Údaje: ' },
};

/** Second-person words that are left dangling when the insult after them is removed. */
// Folded forms, as the words are matched.
const ADDRESS_WORDS = new Set(['you', 'u', 'ye', 'kamu', 'korang', 'awak', 'te', 'ti', 'vy', 'ty', 'maga', 'kalian']);

/** A quoted sentence longer than this is cut at a word boundary. */
const MAX_SENTENCE = 180;

interface Sentence {
  start: number;
  end: number;
  score: number;
}

/** Splits at `.`, `!`, `?` followed by a space, and at line breaks; keeps "č. 123" and "no. 5" together. */
function sentences(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const next = text[i + 1];
    let boundary = ch === '\n';
    if ('.!?'.includes(ch as string) && (next === undefined || ' \n\t'.includes(next))) {
      boundary = true;
      if (ch === '.') {
        // An abbreviation or an ordinal ("č.", "no.", "12.", "2024.") is not the end of a sentence.
        let j = i - 1;
        while (j >= start && /[\p{L}\p{N}]/u.test(text[j] as string)) j--;
        const word = text.slice(j + 1, i);
        let k = i + 1;
        while (k < text.length && /\s/.test(text[k] as string)) k++;
        const after = text[k] ?? '';
        if ((/^\d+$/.test(word) || (word.length > 0 && word.length <= 2)) && /[\p{Ll}\p{N}]/u.test(after)) boundary = false;
      }
    }
    if (boundary) {
      if (text.slice(start, i + 1).trim()) spans.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (text.slice(start).trim()) spans.push({ start, end: text.length });
  return spans;
}

/** A greeting at the start of a sentence carries no facts. */
const GREETING =
  /^(?:hi|hello|hey|dear [\p{L}]+|good (?:morning|afternoon|evening)|dobr[yý] de[nň]|dobr[eé] r[aá]no|ahoj|j[oó] napot(?: k[ií]v[aá]nok)?|[uü]dv[oö]zl[oö]m|szia|tisztelt [\p{L}]+|helo|hai|salam|assalamualaikum|selamat (?:pagi|petang|malam|tengah hari))(?=[\s,.!]|$)[,.!]*\s*/iu;

/** Removes insults (and a "you" left hanging before them), calms capitals and `!!!`. */
function clean(text: string, vocabulary: Vocabulary): string {
  const tokens = tokenize(text);
  const hits = scan(vocabulary.terms, tokens.norms).filter((h: Hit) => h.cue.kind === 'insult');
  const cut: Array<[number, number]> = [];
  for (const hit of hits) {
    let first = hit.first;
    const before = tokens.norms[first - 1];
    if (before !== undefined && ADDRESS_WORDS.has(before)) first -= 1;
    cut.push([tokens.starts[first] as number, tokens.ends[hit.last] as number]);
  }
  let out = '';
  let at = 0;
  for (const [s, e] of cut.sort((a, b) => a[0] - b[0])) {
    if (s < at) {
      at = Math.max(at, e);
      continue;
    }
    out += text.slice(at, s);
    at = e;
  }
  out += text.slice(at);
  return out
    // Markup the visitor pasted is noise in a summary (and the summary is shown as text anyway).
    .replace(/<[^<>]{0,200}>/g, ' ')
    .trim()
    .replace(GREETING, '')
    .replace(/\p{Lu}{4,}/gu, (word) => word.toLowerCase())
    .replace(/[!?]*\?[!?]*/g, (m) => (m.length > 1 ? '?' : m))
    .replace(/!+/g, '.')
    .replace(/\s+([,.;:?])/g, '$1')
    .replace(/([,;:])(?:\s*[,;:])+/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .replace(/^[\s,;:.\-–—]+|[\s,;:\-–—]+$/g, '')
    .trim();
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

/**
 * The bot's restatement of the complaint, built from the visitor's own words: the sentence(s)
 * that carry the facts, quoted, then any order reference, amount or date they did not contain.
 * It neither agrees nor denies; insults are dropped; capitals and `!!!` are calmed; and it is
 * never longer than what the visitor wrote. The machine wraps it in `restate.check`.
 *
 * @param messages the visitor's messages, in order
 * @param result the triage of those messages
 * @param locale the language the bot is speaking
 * @param vocabulary the vocabulary the triage was made with
 * @returns one or two sentences, or an empty string when nothing but insults was written
 */
export function restate(messages: string[], result: TriageResult, locale: Locale, vocabulary: Vocabulary): string {
  const text = prepare((Array.isArray(messages) ? messages : []).filter((m) => typeof m === 'string').join('\n'));
  const budget = text.trim().length;
  if (budget === 0) return '';
  const frame = FRAMES[locale] ?? FRAMES.en;
  const facts = [...result.entities.orderRefs.slice(0, 2), ...result.entities.amounts.slice(0, 2).map((a) => a.text), ...result.entities.dates.slice(0, 2)];

  const { tokens, hits } = analyse(vocabulary, text);
  const spans = sentences(text);
  const scored: Sentence[] = spans.map((span) => ({ ...span, score: 0 }));
  // Score sentences by what they say: the complaint's category counts most, then urgency cues
  // and facts. Greetings and pure venting score nothing.
  for (const hit of hits) {
    const at = tokens.starts[hit.first] as number;
    const sentence = scored.find((x) => at >= x.start && at < x.end);
    if (!sentence) continue;
    const { kind, value } = hit.cue;
    if (kind === 'category') sentence.score += value === result.category ? 2 : 1;
    else if (kind === 'safety' || kind === 'legal' || kind === 'fraud' || kind === 'high') sentence.score += 1;
  }
  for (const sentence of scored) {
    const body = text.slice(sentence.start, sentence.end);
    for (const fact of facts) if (body.includes(fact)) sentence.score += 1.5;
  }
  // Clean only the best few: cleaning re-reads the words, and most sentences are never quoted.
  const order = scored.map((sentence, index) => ({ sentence, index })).sort((a, b) => b.sentence.score - a.sentence.score || a.index - b.index);
  const picked: Array<{ index: number; score: number; text: string }> = [];
  for (const { sentence, index } of order) {
    if (picked.length === 2 || (picked.length === 1 && sentence.score <= 0)) break;
    const quoted = shorten(clean(text.slice(sentence.start, sentence.end), vocabulary), MAX_SENTENCE);
    if (quoted) picked.push({ index, score: sentence.score, text: quoted.charAt(0).toUpperCase() + quoted.slice(1) });
  }
  const top = picked[0];
  if (!top) return '';
  const second = picked[1];
  const chosen = second ? [top, second].sort((a, b) => a.index - b.index) : [top];

  const compose = (parts: typeof chosen, withLead: boolean, withFacts: boolean): string => {
    let quote = parts.map((p) => p.text).join(' ');
    if (!/[.?…]$/.test(quote)) quote += '.';
    const missing = withFacts ? facts.filter((f) => !quote.includes(f)) : [];
    const details = missing.length > 0 ? ` ${frame.details}${missing.join(', ')}.` : '';
    return withLead ? `${frame.lead}${frame.open}${quote}${frame.close}${details}` : `${quote}${details}`;
  };
  const candidates = [
    compose(chosen, true, true),
    compose([top], true, true),
    compose([top], true, false),
    compose([top], false, true),
    compose([top], false, false),
  ];
  for (const candidate of candidates) if (candidate.length <= budget) return candidate;
  return shorten(top.text, Math.max(1, budget));
}
