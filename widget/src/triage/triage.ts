import { addTerms, createMatcher, scan, type Cue, type Hit, type Matcher } from './matcher';
import { analyse, entityPatternsOf, type Vocabulary } from './vocabulary';
import { extractEntities } from './entities';
import { prepare } from './text';
import {
  LOCALES,
  type Category,
  type CustomerType,
  type EscalationReason,
  type Locale,
  type Mood,
  type Signal,
  type TriageOptions,
  type TriageResult,
  type Urgency,
} from './types';


/** Site owners' categories, compiled once per configuration object. */
const ownerMatchers = new WeakMap<Record<string, string[]>, Matcher>();

function ownerMatcher(categories: Record<string, string[]>): Matcher {
  let matcher = ownerMatchers.get(categories);
  if (!matcher) {
    matcher = createMatcher();
    for (const [name, keywords] of Object.entries(categories)) {
      if (Array.isArray(keywords)) addTerms(matcher, keywords.filter((k) => typeof k === 'string'), 'category', name, null);
    }
    ownerMatchers.set(categories, matcher);
  }
  return matcher;
}

/** When scores tie, the earlier wins: how someone was treated is often the real problem (docs/script.md#clarify). */
const CATEGORY_ORDER: readonly string[] = ['staff', 'product', 'billing', 'delivery', 'website', 'service'];

/**
 * How someone was treated weighs more than the circumstances around it: "the courier was rude"
 * is about staff, not delivery (the root cause is often the employee's attitude: docs/script.md#clarify).
 */
const STAFF_WEIGHT = 2;

/** Letters that only Hungarian, or only Slovak, of our languages uses. */
const HU_LETTERS = new Set('őűöüŐŰÖÜ');
const SK_LETTERS = new Set('äôľĺŕčšžťďňýÄÔĽĹŔČŠŽŤĎŇÝ');

const PREMIUM_KEYS = ['plan', 'tier', 'vip', 'premium', 'segment', 'level', 'membership', 'status', 'type'];
const PREMIUM_VALUE = /\b(premium|vip|gold|platinum|diamond|enterprise|business|pro|plus|priority|elite)\b/i;

/** Signals per field beyond which more cues add noise, not explanation. */
const MAX_SIGNALS_PER_FIELD = 6;

/** Words long enough to count when judging shouting and vagueness. */
const SHOUT_MIN = 4;

function pageLocale(locale: string | undefined): Locale | undefined {
  const base = locale?.toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : undefined;
}

function premiumTrait(traits: Record<string, unknown> | undefined): string | undefined {
  if (!traits || typeof traits !== 'object') return undefined;
  for (const key of PREMIUM_KEYS) {
    const value = traits[key];
    if (value === true && (key === 'vip' || key === 'premium')) return `traits.${key}=true`;
    if (typeof value === 'string' && PREMIUM_VALUE.test(value)) return `traits.${key}=${value}`;
  }
  return undefined;
}

/** Whether a word holds an ASCII digit (what `/\d/` finds), without running a regex per word. */
function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

/** Whether a word is in capitals: it has letters with a case, and none of them is small. */
function isCapitals(word: string): boolean {
  const first = word.charCodeAt(0);
  // Most words start with a small a–z: no need to change their case to know.
  if (first >= 97 && first <= 122) return false;
  return word === word.toUpperCase() && word !== word.toLowerCase();
}

/**
 * Where two categories (or a category and a look-alike) read the same word, only the closer
 * reading stays: a phrase over a single word, a whole word over a stem, a longer stem over a
 * shorter one. So `charger` is a product and not `charg*` (billing), Slovak `stola` is read by
 * the list that names it, and Hungarian `történt` ("happened") is not `tört*` ("broken").
 * Owner keywords are the shop's own and are always kept.
 */
function closestReadings(hits: Hit[]): Hit[] {
  const best = new Map<number, Hit[]>();
  const competes = (hit: Hit): boolean => (hit.cue.kind === 'category' || hit.cue.kind === 'lookalike') && hit.cue.locales.length > 0;
  for (const hit of hits) {
    if (!competes(hit)) continue;
    for (let i = hit.first; i <= hit.last; i++) {
      const list = best.get(i);
      if (list) list.push(hit);
      else best.set(i, [hit]);
    }
  }
  return hits.filter((hit) => {
    if (!competes(hit) || hit.cue.kind === 'lookalike') return hit.cue.kind !== 'lookalike';
    for (let i = hit.first; i <= hit.last; i++) {
      for (const other of best.get(i) ?? []) {
        if (other.cue.specificity > hit.cue.specificity && (other.cue.kind !== 'category' || other.cue.value !== hit.cue.value)) return false;
      }
    }
    return true;
  });
}

/** Words after a telling of mistreatment within which an insult is what the visitor was made to feel. */
const MISTREATED_REACH = 4;

function cueText(hit: Hit, words: readonly string[]): string {
  return words.slice(hit.first, hit.last + 1).join(' ');
}

/**
 * Triage of one complaint: category, urgency, mood, customer type, language, entities and the
 * cues behind each decision. Pure and fast (no DOM, no I/O); only the first 20 000 characters
 * are examined.
 *
 * @param text everything the visitor wrote (join several messages with newlines)
 * @param options the vocabulary to read it with (its languages are the ones understood), the page
 *   locale (tie-breaker for language), `identify()` traits, the number of earlier complaints from
 *   this browser, and site-owner categories (name → keywords)
 * @returns the triage; never throws, whatever the input
 */
export function triage(text: string, options: TriageOptions & { vocabulary: Vocabulary }): TriageResult {
  const prepared = prepare(text);
  const analysis = analyse(options.vocabulary, prepared);
  const { tokens } = analysis;
  const { norms, words } = tokens;
  // A copy: the shared analysis must stay as it is for the restatement.
  const hits = closestReadings([...analysis.hits]);
  if (options.categories && typeof options.categories === 'object') scan(ownerMatcher(options.categories), norms, hits);

  const signals: Signal[] = [];
  const perField = new Map<string, number>();
  const signal = (field: Signal['field'], value: string, cue: string | Hit): void => {
    const key = `${field}|${value}`;
    const count = perField.get(key) ?? 0;
    if (count >= MAX_SIGNALS_PER_FIELD) return;
    perField.set(key, count + 1);
    signals.push({ field, value, cue: typeof cue === 'string' ? cue : cueText(cue, words) });
  };

  // Tally what the cues say.
  const categoryScore = new Map<string, number>();
  const categoryHits = new Map<string, Hit[]>();
  const ownerNames = new Set(options.categories ? Object.keys(options.categories) : []);
  const byKind = new Map<Cue['kind'], Hit[]>();
  const languageScore: Record<Locale, number> = { en: 0, ms: 0, hu: 0, sk: 0 };
  const languageCues: Record<Locale, string[]> = { en: [], ms: [], hu: [], sk: [] };
  const monthAt: number[] = [];
  const dayAt: Array<[number, number]> = [];

  // A word counts once per meaning: `cashier` and `cashier*`, or `válasz*` inside
  // `nem válaszol*`, are one cue. Longer matches go first so the phrase is the one kept.
  // The word positions each meaning already covers, by kind then value (no key is built per hit).
  const covered = new Map<Cue['kind'], Map<string, Set<number>>>();
  hits.sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
  for (const hit of hits) {
    const { cue } = hit;
    let values = covered.get(cue.kind);
    if (!values) {
      values = new Map();
      covered.set(cue.kind, values);
    }
    let positions = values.get(cue.value);
    if (!positions) {
      positions = new Set();
      values.set(cue.value, positions);
    }
    let overlap = false;
    for (let i = hit.first; i <= hit.last && !overlap; i++) overlap = positions.has(i);
    if (overlap) continue;
    for (let i = hit.first; i <= hit.last; i++) positions.add(i);
    if (cue.kind === 'category') {
      const owner = cue.locales.length === 0;
      // Owner keywords are specific to their shop, so they outweigh the general vocabulary.
      const weight = owner ? cue.weight * 1.5 : cue.value === 'staff' ? cue.weight * STAFF_WEIGHT : cue.weight;
      categoryScore.set(cue.value, (categoryScore.get(cue.value) ?? 0) + weight);
      const list = categoryHits.get(cue.value) ?? [];
      list.push(hit);
      categoryHits.set(cue.value, list);
    } else if (cue.kind === 'month') {
      monthAt.push(hit.first);
    } else if (cue.kind === 'day') {
      dayAt.push([hit.first, hit.last]);
    } else if (cue.kind !== 'function') {
      const list = byKind.get(cue.kind) ?? [];
      list.push(hit);
      byKind.set(cue.kind, list);
    }
    if (cue.locales.length > 0) {
      // Function words are the evidence; content words help a little; shared words split it.
      const share = (cue.kind === 'function' ? 1 : 0.5) / cue.locales.length;
      for (const l of cue.locales) {
        languageScore[l] += share;
        if (cue.kind === 'function' && languageCues[l].length < 4) languageCues[l].push(words[hit.first] as string);
      }
    }
  }

  // Language: function words, content words, and letters only one language uses.
  let huLetters = 0;
  let skLetters = 0;
  for (let i = 0; i < prepared.length; i++) {
    const code = prepared.charCodeAt(i);
    if (code < 0xc0 || code > 0x17f) continue;
    const ch = prepared[i] as string;
    if (HU_LETTERS.has(ch)) huLetters++;
    else if (SK_LETTERS.has(ch)) skLetters++;
  }
  languageScore.hu += Math.min(huLetters * 0.5, 3);
  languageScore.sk += Math.min(skLetters * 0.5, 3);
  const preferred = pageLocale(options.locale);
  let language: Locale = preferred ?? 'en';
  let best = 0;
  for (const l of LOCALES) {
    const score = languageScore[l];
    if (score > best || (score === best && score > 0 && l === preferred)) {
      best = score;
      language = l;
    }
  }
  if (best === 0) signal('language', language, preferred ? `page locale ${options.locale}` : 'no language cues; default');
  else {
    const cues = languageCues[language];
    signal('language', language, cues.length > 0 ? `words: ${cues.join(', ')}` : 'vocabulary');
    if (language === 'hu' && huLetters > 0) signal('language', 'hu', 'letters ő/ű/ö/ü');
    if (language === 'sk' && skLetters > 0) signal('language', 'sk', 'letters ä/ô/ľ/č/š/ž');
  }

  // Category.
  let category: Category = 'other';
  let bestScore = 0;
  const order = [...ownerNames, ...CATEGORY_ORDER];
  for (const name of order) {
    const score = categoryScore.get(name) ?? 0;
    if (score > bestScore) {
      bestScore = score;
      category = name;
    }
  }
  if (category === 'other') signal('category', 'other', 'no category words');
  else for (const hit of categoryHits.get(category) ?? []) signal('category', category, hit);

  const contactAt = (byKind.get('contact') ?? []).map((hit) => hit.first);
  const entities = extractEntities(prepared, tokens, { monthAt, dayAt, contactAt }, entityPatternsOf(options.vocabulary));

  // Urgency.
  const kindHits = (kind: Cue['kind']): Hit[] => byKind.get(kind) ?? [];
  let urgency: Urgency = 'normal';
  let escalation: EscalationReason | null = null;
  const safety = kindHits('safety');
  const legal = kindHits('legal');
  const fraud = kindHits('fraud');
  if (safety.length + legal.length + fraud.length > 0) {
    urgency = 'critical';
    escalation = safety.length > 0 ? 'safety' : legal.length > 0 ? 'legal' : 'critical';
    for (const hit of [...safety, ...legal, ...fraud]) signal('urgency', 'critical', hit);
  } else if (kindHits('high').length + kindHits('repeat').length > 0) {
    urgency = 'high';
    for (const hit of [...kindHits('high'), ...kindHits('repeat')]) signal('urgency', 'high', hit);
  } else if (kindHits('low').length > 0) {
    urgency = 'low';
    for (const hit of kindHits('low')) signal('urgency', 'low', hit);
  } else if (category === 'billing' && entities.amounts.length > 0) {
    // A sum named in a billing complaint is money the visitor has lost or is owed.
    urgency = 'high';
    signal('urgency', 'high', `money: ${entities.amounts[0]!.text}`);
  } else {
    signal('urgency', 'normal', 'no urgency cues');
  }

  // Mood, on the scale agents use: calm (a report or request, at most mild annoyance), upset
  // (disappointment, frustration, worry, distress, repeated failed attempts), angry (outrage or
  // hostility: insults, accusations, threats, shouting, emphatic repeat contacts).
  let anger = 0;
  const angerCues: string[] = [];
  const hostile = (weight: number, cue: string): void => {
    anger += weight;
    angerCues.push(cue);
  };
  // "He spoke to me like I was stupid": the insult is the clerk's, told by an upset visitor.
  const mistreated = kindHits('mistreated');
  const toldInsults: Hit[] = [];
  for (const hit of kindHits('insult')) {
    if (mistreated.some((told) => hit.first >= told.first && hit.first - told.last <= MISTREATED_REACH)) toldInsults.push(hit);
    else hostile(2, cueText(hit, words));
  }
  // A threat (a lawyer, a court, the police, a regulator, a chargeback, going public) is hostile
  // however politely it is put.
  for (const hit of [...legal, ...kindHits('threat')]) hostile(2, cueText(hit, words));
  for (const hit of kindHits('angry')) hostile(1, cueText(hit, words));
  let shouted = 0;
  let longWords = 0;
  let letters = 0;
  let capitals = 0;
  for (const word of words) {
    // Words with digits (order numbers, codes) are never shouting.
    const digits = hasDigit(word);
    const upper = !digits && isCapitals(word);
    if (!digits) letters += word.length;
    if (upper) capitals += word.length;
    if (word.length < SHOUT_MIN) continue;
    longWords++;
    if (upper) shouted++;
  }
  if (shouted >= 4 || (shouted >= 2 && shouted / longWords >= 0.3)) {
    // A whole message in capitals is shouting; a few words are emphasis.
    hostile(letters >= 12 && capitals / letters >= 0.7 ? 2 : 1, 'CAPITALS');
  }
  if (/[!?]{2}/.test(prepared)) {
    if (/[!?]{3}/.test(prepared)) hostile(2, '!!!');
    else if (/!!|\?!|!\?/.test(prepared)) hostile(1, '!!');
  }
  // "I have written FOUR times": a count of earlier contacts said with emphasis.
  for (const contact of entities.contactCounts ?? []) {
    if (/\p{Lu}{3,}/u.test(contact.text) && contact.text === contact.text.toUpperCase()) hostile(2, contact.text);
  }
  const upsetHits = kindHits('upset');
  // A visitor who hedges ("sorry to bother you", "small thing but…") about a mild word is not upset by it.
  const hedges = kindHits('reluctant').length + kindHits('low').length;
  let mood: Mood = 'calm';
  if (anger >= 2) {
    mood = 'angry';
    for (const cue of angerCues) signal('mood', 'angry', cue);
  } else if (anger > 0 || upsetHits.length > hedges || mistreated.length > 0) {
    // Being shouted at, humiliated, mocked or ignored upsets, however calmly it is told.
    mood = 'upset';
    for (const cue of angerCues) signal('mood', 'upset', cue);
    for (const hit of [...upsetHits, ...mistreated, ...toldInsults]) signal('mood', 'upset', hit);
  } else if (urgency === 'critical' || kindHits('repeat').length > 0 || (entities.contactCounts ?? []).some((c) => c.count >= 2)) {
    // Someone hurt, defrauded, or chasing us again is not calm, whatever words they choose.
    mood = 'upset';
    signal('mood', 'upset', urgency === 'critical' ? 'urgency critical' : 'repeated contact');
  } else {
    signal('mood', 'calm', 'no mood cues');
  }

  // Customer type (docs/script.md#triage).
  const premium = premiumTrait(options.traits);
  const history = typeof options.history === 'number' && Number.isFinite(options.history) ? options.history : 0;
  const repeat = kindHits('repeat');
  // "I already wrote twice" is the same fact in every language, whether the lexicon has a
  // phrase for it or the count is read beside a word for getting in touch.
  const contactsBefore = (entities.contactCounts ?? []).filter((contact) => contact.count >= 2);
  const reluctant = kindHits('reluctant');
  let customerType: CustomerType = 'regular';
  if (mood === 'angry') {
    customerType = 'angry';
    signal('customerType', 'angry', 'mood angry');
  } else if (premium) {
    customerType = 'premium';
  } else if (history >= 3 || repeat.length > 0 || contactsBefore.length > 0) {
    customerType = 'frequent';
  } else if (reluctant.length > 0) {
    customerType = 'reluctant';
  }
  // Explain every type that applies, not only the one shown: an agent wants to know both.
  if (premium) signal('customerType', 'premium', premium);
  if (history >= 3) signal('customerType', 'frequent', `history=${history}`);
  for (const hit of repeat) signal('customerType', 'frequent', hit);
  for (const contact of contactsBefore) signal('customerType', 'frequent', `contacted before: ${contact.text}`);
  for (const hit of reluctant) signal('customerType', 'reluctant', hit);
  if (customerType === 'regular') signal('customerType', 'regular', 'no customer-type cues');

  if (!escalation && premium && (urgency === 'high' || urgency === 'critical')) escalation = 'premium';
  if (escalation) signal('escalation', escalation, escalation === 'premium' ? `${premium}; urgency ${urgency}` : `urgency ${urgency}`);

  const hasEntity =
    entities.orderRefs.length + entities.emails.length + entities.phones.length + entities.amounts.length + entities.dates.length > 0;
  const vague = category === 'other' && !hasEntity && words.length < 12;

  return { category, urgency, mood, customerType, language, entities, signals, escalation, vague };
}

