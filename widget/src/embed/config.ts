import { cleanIdentity } from '../machine/identity';
import type { Identity } from '../machine/events';
import { DEFAULT_SCRIPT_OPTIONS, type BusinessHours, type ContactField, type ScriptOptions } from '../machine/options';
import { OUTCOMES, type OutcomeKind } from '../record/record';
import { LOCALES, type Locale, type Urgency } from '../triage/types';
import { isColor } from '../ui/theme';

/** Everything a site owner can set, from `data-*` attributes or `window.HeardConfig`. */
export interface WidgetConfig {
  /** Where finished complaints are POSTed. Required. */
  endpoint: string;
  /** Sent as `X-Heard-Site-Key`, for receivers that want to know which site is calling. */
  siteKey?: string;
  /** A locale we speak, or undefined to follow the browser. */
  locale?: Locale;
  brand?: string;
  /** Colour of the bubble and buttons: CSS hex or rgb(); text on it is black or white, whichever reads better. */
  accent?: string;
  position: 'bottom-right' | 'bottom-left';
  privacyUrl?: string;
  /**
   * Drafts older than this many days are purged, and so are refused complaints this long after
   * the visitor was offered their transcript (undelivered complaints never are).
   */
  draftMaxAgeDays: number;
  /** `path` (default): the record says the page's origin and path only; `full` keeps its query and fragment. */
  pageUrl: 'path' | 'full';
  /**
   * When the loader fetches the widget: `idle` (default) once the page is idle, `interaction`
   * only when the visitor points at, focuses or clicks the bubble.
   */
  preload: 'idle' | 'interaction';
  script: Partial<ScriptOptions>;
  /** Who the visitor is, as `Heard.identify()` would say it (from `HeardConfig.identity`). */
  identity?: Identity;
  /** `off`: the visitor cannot attach files. */
  attachments?: 'off' | 'on';
  /** The file types a visitor may attach, within those Heard takes (default all of them). */
  attachmentTypes?: string[];
  /** The most megabytes one file may weigh as picked, at most 20 (the default). */
  attachmentMaxMb?: number;
}

/** One problem with the configuration, naming the attribute so the owner can find it. */
export interface ConfigProblem {
  attribute: string;
  message: string;
}

/** Raw settings as strings (from `data-*`) or typed values (from `HeardConfig`). */
export type RawConfig = Record<string, unknown>;

/**
 * Reads the owner's settings. Every bad value is reported once with the attribute's name and
 * replaced by its default, so a typo never breaks the host page or the widget.
 *
 * @param raw settings: `script.dataset` merged with `window.HeardConfig`
 * @param base the page URL, to resolve a relative endpoint
 */
export function parseConfig(raw: RawConfig, base: string): { config: WidgetConfig | null; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const parsed: Parsed = {
    config: { endpoint: '', position: 'bottom-right', draftMaxAgeDays: 30, pageUrl: 'path', preload: 'idle', script: {} },
    hours: {},
  };
  for (const setting of SETTINGS) {
    const value = raw[setting.key];
    const attribute = setting.attribute ?? `data-${setting.key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    if (value === undefined || value === null || value === '') {
      if (setting.key === 'endpoint') problems.push({ attribute, message: 'is required: the URL complaints are sent to.' });
      continue;
    }
    if (!setting.read(value, base, parsed)) {
      const shown = typeof value === 'object' ? JSON.stringify(value) : String(value);
      problems.push({ attribute, message: `"${shown}" is not ${setting.expected}.` });
    }
  }
  const { config, hours } = parsed;
  // Business hours are given in parts; the parts not given keep their defaults.
  if (Object.keys(hours).length > 0) config.script.businessHours = { ...DEFAULT_SCRIPT_OPTIONS.businessHours, ...hours };
  return { config: config.endpoint ? config : null, problems };
}

/** Logs each problem once, as one clear line naming the attribute. */
export function reportProblems(problems: ConfigProblem[], log: Pick<Console, 'error'> = console): void {
  for (const p of problems) log.error(`Heard: ${p.attribute} ${p.message}`);
}

// ---------------------------------------------------------------------------------------------
// The settings, in the order problems are reported

/** What the settings fill in: the configuration, and business hours given in parts. */
interface Parsed {
  config: WidgetConfig;
  hours: Partial<BusinessHours>;
}

/** One setting the owner can give. */
interface Setting {
  /** Its camelCased name: `draftDays` is `data-draft-days` and `HeardConfig.draftDays`. */
  key: string;
  /** Its name in problems, when not its `data-*` attribute (settings only `HeardConfig` takes). */
  attribute?: string;
  /** What a good value looks like, for the problem: "… is not {expected}." */
  expected: string;
  /** Reads a given value into `parsed`; false when it is not a good value. */
  read(value: unknown, base: string, parsed: Parsed): boolean;
}

/** `parse` returns this when the value is good and means "keep the default" (`locale: auto`). */
const DEFAULT = Symbol('default');

/**
 * A setting read by `parse` (which returns `undefined` for a bad value) and stored by `store`.
 * Typed per setting, so a parser and where its value goes cannot disagree.
 */
function setting<T>(
  key: string,
  expected: string,
  parse: (value: unknown, base: string) => T | undefined | typeof DEFAULT,
  store: (parsed: Parsed, value: T) => void,
  attribute?: string,
): Setting {
  return {
    key,
    expected,
    ...(attribute ? { attribute } : {}),
    read(value, base, parsed) {
      const result = parse(value, base);
      if (result === undefined) return false;
      if (result !== DEFAULT) store(parsed, result);
      return true;
    },
  };
}

const CONTACT_FIELDS: readonly ContactField[] = ['name', 'email', 'phone', 'accountRef'];
const URGENCIES: readonly Urgency[] = ['low', 'normal', 'high', 'critical'];
/** What an owner can offer; `heard` and `other` are the visitor's to say, so allowed but dropped. */
const OFFERED: readonly OutcomeKind[] = OUTCOMES.filter((o) => o !== 'heard' && o !== 'other');
/** A year of hours: beyond it a due date is meaningless (and dates overflow). */
const MAX_HOURS = 24 * 366;
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const URL_HINT = 'an http(s) URL';
const CONTACT_HINT = `a list of ${CONTACT_FIELDS.join(', ')}, or none`;

/** Stores a setting's value in the configuration under the same name. */
function inConfig<K extends keyof WidgetConfig>(field: K): (parsed: Parsed, value: WidgetConfig[K]) => void {
  return ({ config }, value) => {
    config[field] = value;
  };
}

/** Stores a setting's value in the script options under `field`. */
function inScript<K extends keyof ScriptOptions>(field: K): (parsed: Parsed, value: ScriptOptions[K]) => void {
  return ({ config }, value) => {
    config.script[field] = value;
  };
}

/** Stores a setting's value in the business hours under `field`. */
function inHours<K extends keyof BusinessHours>(field: K): (parsed: Parsed, value: BusinessHours[K]) => void {
  return ({ hours }, value) => {
    hours[field] = value;
  };
}

const SETTINGS: readonly Setting[] = [
  setting('endpoint', URL_HINT, httpUrl, inConfig('endpoint')),
  setting('siteKey', '', String, inConfig('siteKey')),
  setting('locale', `a language Heard speaks (${LOCALES.join(', ')}, or auto)`, locale, inConfig('locale')),
  setting('brand', '', (value) => String(value).slice(0, 60), inConfig('brand')),
  setting('accent', 'a colour like #0b5fff or rgb(11 95 255)', colour, inConfig('accent')),
  setting('position', 'bottom-right or bottom-left', oneOf(['bottom-right', 'bottom-left'] as const), inConfig('position')),
  setting('privacyUrl', URL_HINT, httpUrl, inConfig('privacyUrl')),
  setting('draftDays', 'a number of days above 0', numberIn(Number.MIN_VALUE, 3650), inConfig('draftMaxAgeDays')),
  setting('pageUrl', 'path or full', oneOf(['path', 'full'] as const), inConfig('pageUrl')),
  setting('preload', 'idle or interaction', oneOf(['idle', 'interaction'] as const), inConfig('preload')),
  setting('outcomes', `a list of ${OFFERED.join(', ')}`, offeredOutcomes, inScript('outcomes')),
  setting('requiredContact', CONTACT_HINT, contactFields, inScript('requiredContact')),
  setting('contactFields', CONTACT_HINT, contactFields, inScript('contactFields')),
  setting('slaHours', 'like critical:4,high:8,normal:24,low:40 (hours above 0, at most a year)', slaHours, inScript('slaHours')),
  setting('businessHours', 'like 09:00-17:00', openingHours, ({ hours }, { start, end }) => Object.assign(hours, { start, end })),
  setting('businessDays', 'like mon-fri or 1,2,3,4,5 (0 = Sunday)', weekdays, inHours('days')),
  setting('timeZone', 'an IANA time zone like Europe/Bratislava', timeZone, inHours('timeZone')),
  setting('holidays', 'dates like 2026-12-25, separated by commas', holidays, inHours('holidays')),
  setting('followUpHours', 'a number of hours, at most a year', numberIn(0, MAX_HOURS), inScript('followUpDelayHours')),
  setting('escalate', 'critical and/or premium, or none', escalation, inScript('escalation')),
  setting('actions', 'an object of outcome to wording, like { refund: "…" }', outcomeWording, inScript('actions'), 'HeardConfig.actions'),
  setting('categories', 'an object of category to keywords, like { hygiene: ["dirty"] }', categories, inScript('categories'), 'HeardConfig.categories'),
  setting('attachments', 'on or off', oneOf(['on', 'off'] as const), inConfig('attachments')),
  setting('attachmentTypes', '', list, inConfig('attachmentTypes')),
  setting('attachmentMaxMb', 'a number of megabytes above 0, at most 20', numberIn(Number.MIN_VALUE, 20), inConfig('attachmentMaxMb')),
  setting(
    'identity',
    'an object like { userId, email, name, traits, userHash }',
    (value) => (isObject(value) ? cleanIdentity(value) : undefined),
    inConfig('identity'),
    'HeardConfig.identity',
  ),
];

// ---------------------------------------------------------------------------------------------
// Parsers: each returns the value to use, `undefined` for a bad one, or `DEFAULT`

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list from an array (HeardConfig) or a comma- or space-separated string (data-*). */
function list(value: unknown): string[] {
  const items = Array.isArray(value) ? value.map(String) : String(value).split(/[\s,]+/);
  return items.map((item) => item.trim()).filter(Boolean);
}

function oneOf<T extends string>(allowed: readonly T[]): (value: unknown) => T | undefined {
  return (value) => allowed.find((option) => option === value);
}

/** A number in [min, max]; `Number.MIN_VALUE` as `min` means "above 0". */
function numberIn(min: number, max: number): (value: unknown) => number | undefined {
  return (value) => {
    const n = Number(value);
    return n >= min && n <= max ? n : undefined;
  };
}

function httpUrl(value: unknown, base: string): string | undefined {
  try {
    const parsed = new URL(String(value), base);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.href;
  } catch {
    // not a URL at all
  }
  return undefined;
}

function locale(value: unknown): Locale | undefined | typeof DEFAULT {
  const language = String(value).toLowerCase().split(/[-_]/)[0];
  if (language === 'auto') return DEFAULT;
  return LOCALES.find((code) => code === language);
}

function colour(value: unknown): string | undefined {
  return isColor(value) ? value.trim() : undefined;
}

function offeredOutcomes(value: unknown): OutcomeKind[] | undefined {
  const given = list(value);
  if (!given.every((item) => OUTCOMES.some((kind) => kind === item))) return undefined;
  const offered: OutcomeKind[] = [];
  for (const item of given) {
    const kind = OFFERED.find((k) => k === item);
    if (kind) offered.push(kind);
  }
  return offered;
}

function contactFields(value: unknown): ContactField[] | undefined {
  if (String(value) === 'none') return [];
  const fields: ContactField[] = [];
  for (const item of list(value)) {
    const field = CONTACT_FIELDS.find((name) => name === item);
    if (!field) return undefined;
    fields.push(field);
  }
  return fields;
}

/**
 * `critical:4,high:8` or `{ critical: 4 }`: hours above 0 and at most a year, per urgency;
 * urgencies not given keep their defaults.
 */
function slaHours(value: unknown): Record<Urgency, number> | undefined {
  const pairs = isObject(value) ? Object.entries(value) : list(value).map((pair) => pair.split(':'));
  const hours = numberIn(Number.MIN_VALUE, MAX_HOURS);
  const sla = { ...DEFAULT_SCRIPT_OPTIONS.slaHours };
  for (const [name, given] of pairs) {
    const urgency = URGENCIES.find((u) => u === name);
    const n = hours(given);
    if (!urgency || n === undefined) return undefined;
    sla[urgency] = n;
  }
  return sla;
}

function openingHours(value: unknown): { start: string; end: string } | undefined {
  const [start = '', end = ''] = String(value)
    .split('-')
    .map((part) => part.trim());
  return TIME_OF_DAY.test(start) && TIME_OF_DAY.test(end) && start < end ? { start, end } : undefined;
}

/** `mon-fri`, `sat,sun` or `1,2,3` (0 = Sunday); ranges may wrap (`fri-mon`). */
function weekdays(value: unknown): number[] | undefined {
  const days = new Set<number>();
  const day = (name: string) => (/^\d$/.test(name) ? Number(name) : DAY_NAMES.indexOf(name.slice(0, 3)));
  for (const part of list(value)) {
    const range = part.toLowerCase().split('-');
    if (range.length > 2) return undefined;
    const from = day(range[0] ?? '');
    const to = range.length === 2 ? day(range[1] ?? '') : from;
    if (from < 0 || from > 6 || to < 0 || to > 6) return undefined;
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === to) break;
    }
  }
  return days.size > 0 ? [...days].sort() : undefined;
}

function timeZone(value: unknown): string | undefined {
  try {
    new Intl.DateTimeFormat('en', { timeZone: String(value) });
    return String(value);
  } catch {
    return undefined;
  }
}

function holidays(value: unknown): string[] | undefined {
  const dates = list(value);
  return dates.every((date) => ISO_DAY.test(date)) ? dates : undefined;
}

function escalation(value: unknown): ScriptOptions['escalation'] | undefined {
  const on = String(value) === 'none' ? [] : list(value);
  if (!on.every((item) => item === 'critical' || item === 'premium')) return undefined;
  return { critical: on.includes('critical'), premium: on.includes('premium') };
}

/** The owner's wording of the next step per outcome, replacing the catalog's. */
function outcomeWording(value: unknown): ScriptOptions['actions'] | undefined {
  if (!isObject(value)) return undefined;
  const actions: ScriptOptions['actions'] = {};
  for (const [name, wording] of Object.entries(value)) {
    const kind = OUTCOMES.find((k) => k === name);
    if (!kind || typeof wording !== 'string') return undefined;
    actions[kind] = wording;
  }
  return actions;
}

/** The owner's own categories: name → keywords. */
function categories(value: unknown): ScriptOptions['categories'] | undefined {
  if (!isObject(value)) return undefined;
  const result: ScriptOptions['categories'] = {};
  for (const [name, keywords] of Object.entries(value)) {
    if (!Array.isArray(keywords) || !keywords.every((k) => typeof k === 'string')) return undefined;
    result[name] = keywords;
  }
  return result;
}
