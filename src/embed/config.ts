import { OUTCOMES } from '../record/record';
import { LOCALES, type Locale, type Urgency } from '../triage/types';
import type { BusinessHours, ScriptOptions } from '../machine/options';
import { cleanIdentity } from '../machine/actions';
import type { Identity } from '../machine/events';
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
}

/** One problem with the configuration, naming the attribute so the owner can find it. */
export interface ConfigProblem {
  attribute: string;
  message: string;
}

/** Raw settings as strings (from `data-*`) or typed values (from `HeardConfig`). */
export type RawConfig = Record<string, unknown>;

/** What a rule's parser returns: the value to set, `undefined` for a bad value, `null` for "keep the default". */
type Parse = (value: unknown, base: string) => unknown;

/**
 * One setting: its camelCased name, its parser, what a good value looks like (for the error),
 * where the value goes (0 the config, 1 the script, 2 business hours; default 0) and under which
 * name there (default the setting's own; '' merges an object in).
 */
type Rule = [key: string, parse: Parse, expected: string, where?: 0 | 1 | 2, field?: string];

const CONTACT_FIELDS: readonly string[] = ['name', 'email', 'phone', 'accountRef'];
/** What an owner can offer; `heard` and `other` are the visitor's to say, so allowed but dropped. */
const OFFERED = OUTCOMES.filter((o) => o !== 'heard' && o !== 'other');
/** A year of hours: beyond it a due date is meaningless (and dates overflow). */
const MAX_HOURS = 24 * 366;
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const HM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const URL_HINT = 'an http(s) URL';

function list(value: unknown): string[] {
  return (Array.isArray(value) ? value.map(String) : String(value).split(/[\s,]+/)).map((v) => v.trim()).filter(Boolean);
}

/** Every item one of `allowed` (`none` being the empty list when `none` is given), else undefined. */
const listOf =
  (allowed: readonly string[], none?: 1) =>
  (value: unknown): string[] | undefined => {
    const values = none && String(value) === 'none' ? [] : list(value);
    return values.every((v) => allowed.includes(v)) ? values : undefined;
  };

const contact = listOf(CONTACT_FIELDS, 1);
const CONTACT_HINT = `a list of ${CONTACT_FIELDS.join(', ')}, or none`;

/** A number in [min, max]; `Number.MIN_VALUE` as `min` means "above 0". */
const number =
  (min: number, max: number) =>
  (value: unknown): number | undefined => {
    const n = Number(value);
    return n >= min && n <= max ? n : undefined;
  };

function url(value: unknown, base: string): string | undefined {
  try {
    const parsed = new URL(String(value), base);
    if (/^https?:$/.test(parsed.protocol)) return parsed.href;
  } catch {
    // not a URL at all
  }
  return undefined;
}

function timeZone(value: unknown): string | undefined {
  try {
    new Intl.DateTimeFormat('en', { timeZone: String(value) });
    return String(value);
  } catch {
    return undefined;
  }
}

function days(value: unknown): number[] | undefined {
  const out = new Set<number>();
  for (const part of list(value)) {
    const range = part.toLowerCase().split('-');
    const day = (p: string) => (/^\d$/.test(p) ? Number(p) : DAY_NAMES.indexOf(p.slice(0, 3)));
    const from = day(range[0]!);
    const to = range.length === 2 ? day(range[1]!) : from;
    if (range.length > 2 || from < 0 || from > 6 || to < 0 || to > 6) return undefined;
    for (let d = from; ; d = (d + 1) % 7) {
      out.add(d);
      if (d === to) break;
    }
  }
  return out.size ? [...out].sort() : undefined;
}

function slaHours(value: unknown): Partial<Record<Urgency, number>> | undefined {
  const sla: Partial<Record<Urgency, number>> = {};
  const hours = number(Number.MIN_VALUE, MAX_HOURS);
  const source = typeof value === 'object' ? Object.entries(value as object) : list(value).map((p) => p.split(':'));
  for (const [k, v] of source) {
    const n = hours(v);
    if (!['low', 'normal', 'high', 'critical'].includes(String(k)) || n === undefined) return undefined;
    sla[k as Urgency] = n;
  }
  return sla;
}

/** In the order problems are reported. */
const RULES: Rule[] = [
  ['endpoint', url, URL_HINT],
  ['siteKey', String, ''],
  [
    'locale',
    (value) => {
      const l = String(value).toLowerCase().split(/[-_]/)[0]!;
      return l === 'auto' ? null : (LOCALES as readonly string[]).includes(l) ? l : undefined;
    },
    `a language Heard speaks (${LOCALES.join(', ')}, or auto)`,
  ],
  ['brand', (value) => String(value).slice(0, 60), ''],
  ['accent', (value) => (isColor(value) ? value.trim() : undefined), 'a colour like #0b5fff or rgb(11 95 255)'],
  ['position', (value) => (/^bottom-(right|left)$/.test(String(value)) ? String(value) : undefined), 'bottom-right or bottom-left'],
  ['privacyUrl', url, URL_HINT],
  ['draftDays', number(Number.MIN_VALUE, 3650), 'a number of days above 0', 0, 'draftMaxAgeDays'],
  ['pageUrl', (value) => (value === 'path' || value === 'full' ? value : undefined), 'path or full'],
  ['preload', (value) => (value === 'idle' || value === 'interaction' ? value : undefined), 'idle or interaction'],
  ['outcomes', (value) => listOf(OUTCOMES)(value)?.filter((v) => (OFFERED as string[]).includes(v)), `a list of ${OFFERED.join(', ')}`, 1],
  ['requiredContact', contact, CONTACT_HINT, 1],
  ['contactFields', contact, CONTACT_HINT, 1],
  ['slaHours', slaHours, 'like critical:4,high:8,normal:24,low:40 (hours above 0, at most a year)', 1],
  [
    'businessHours',
    (value) => {
      const [start = '', end = ''] = String(value).split('-').map((s) => s.trim());
      return HM.test(start) && HM.test(end) && start < end ? { start, end } : undefined;
    },
    'like 09:00-17:00',
    2,
    '',
  ],
  ['businessDays', days, 'like mon-fri or 1,2,3,4,5 (0 = Sunday)', 2, 'days'],
  ['timeZone', timeZone, 'an IANA time zone like Europe/Bratislava', 2],
  ['holidays', (value) => (list(value).every((d) => ISO_DAY.test(d)) ? list(value) : undefined), 'dates like 2026-12-25, separated by commas', 2],
  ['followUpHours', number(0, MAX_HOURS), 'a number of hours, at most a year', 1, 'followUpDelayHours'],
  [
    'escalate',
    (value) => {
      const on = listOf(['critical', 'premium'], 1)(value);
      return on && { critical: on.includes('critical'), premium: on.includes('premium') };
    },
    'critical and/or premium, or none',
    1,
    'escalation',
  ],
];

/**
 * Reads the owner's settings. Every bad value is reported once with the attribute's name and
 * replaced by its default, so a typo never breaks the host page or the widget.
 *
 * @param raw settings: `script.dataset` merged with `window.HeardConfig`
 * @param base the page URL, to resolve a relative endpoint
 */
export function parseConfig(raw: RawConfig, base: string): { config: WidgetConfig | null; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const script: Partial<ScriptOptions> = {};
  const hours: Partial<BusinessHours> = {};
  const config: WidgetConfig = { endpoint: '', position: 'bottom-right', draftMaxAgeDays: 30, pageUrl: 'path', preload: 'idle', script };
  const targets = [config, script, hours] as Record<string, unknown>[];
  for (const [key, parse, expected, where = 0, field = key] of RULES) {
    const value = raw[key];
    const attribute = `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    if (value === undefined || value === null || value === '') {
      if (key === 'endpoint') problems.push({ attribute, message: 'is required: the URL complaints are sent to.' });
      continue;
    }
    const parsed = parse(value, base);
    const target = targets[where]!;
    if (parsed === undefined) {
      problems.push({ attribute, message: `"${typeof value === 'object' ? JSON.stringify(value) : String(value)}" is not ${expected}.` });
    } else if (parsed !== null) {
      if (field) target[field] = parsed;
      else Object.assign(target, parsed);
    }
  }
  if (Object.keys(hours).length) script.businessHours = hours as BusinessHours;
  if (raw.identity !== undefined) {
    if (raw.identity && typeof raw.identity === 'object') config.identity = cleanIdentity(raw.identity);
    else problems.push({ attribute: 'HeardConfig.identity', message: 'is not an object like { userId, email, name, traits, userHash }.' });
  }
  for (const key of ['actions', 'categories'] as const) {
    if (raw[key] && typeof raw[key] === 'object') script[key] = raw[key] as never;
  }
  return { config: config.endpoint ? config : null, problems };
}

/** Logs each problem once, as one clear line naming the attribute. */
export function reportProblems(problems: ConfigProblem[], log: Pick<Console, 'error'> = console): void {
  for (const p of problems) log.error(`Heard: ${p.attribute} ${p.message}`);
}
