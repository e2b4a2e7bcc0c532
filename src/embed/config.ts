import { OUTCOMES, type OutcomeKind } from '../record/record';
import { LOCALES, type Locale, type Urgency } from '../triage/types';
import type { BusinessHours, ContactField, ScriptOptions } from '../machine/options';
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
  /** Drafts older than this many days are purged (undelivered complaints never are). */
  draftMaxAgeDays: number;
  script: Partial<ScriptOptions>;
}

/** One problem with the configuration, naming the attribute so the owner can find it. */
export interface ConfigProblem {
  attribute: string;
  message: string;
}

/** Raw settings as strings (from `data-*`) or typed values (from `HeardConfig`). */
export type RawConfig = Record<string, unknown>;

const CONTACT_FIELDS: readonly ContactField[] = ['name', 'email', 'phone', 'accountRef'];
/** A year of hours: beyond it a due date is meaningless (and dates overflow). */
const MAX_HOURS = 24 * 366;
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const HM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const attr = (key: string) => `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
  return String(value)
    .split(/[\s,]+/)
    .map((v) => v.trim())
    .filter(Boolean);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function parseUrl(value: string, base: string, httpOnly: boolean): string | null {
  try {
    const url = new URL(value, base);
    if (httpOnly && url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.href;
  } catch {
    return null;
  }
}

function parseDays(value: unknown): number[] | null {
  const out = new Set<number>();
  for (const part of list(value)) {
    const range = part.toLowerCase().split('-');
    const day = (p: string) => (/^\d$/.test(p) ? Number(p) : DAY_NAMES.indexOf(p.slice(0, 3)));
    const from = day(range[0]!);
    const to = range.length === 2 ? day(range[1]!) : from;
    if (range.length > 2 || from < 0 || from > 6 || to < 0 || to > 6) return null;
    for (let d = from; ; d = (d + 1) % 7) {
      out.add(d);
      if (d === to) break;
    }
  }
  return out.size ? [...out].sort() : null;
}

/**
 * Reads the owner's settings. Every bad value is reported once with the attribute's name and
 * replaced by its default, so a typo never breaks the host page or the widget.
 *
 * @param raw settings: `script.dataset` merged with `window.HeardConfig`
 * @param base the page URL, to resolve a relative endpoint
 */
export function parseConfig(raw: RawConfig, base: string): { config: WidgetConfig | null; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const bad = (key: string, message: string) => problems.push({ attribute: attr(key), message });
  const script: Partial<ScriptOptions> = {};
  const has = (key: string) => raw[key] !== undefined && raw[key] !== null && raw[key] !== '';

  let endpoint: string | null = null;
  if (!has('endpoint')) bad('endpoint', 'is required: the URL where complaints are sent, e.g. https://shop.example/complaints.');
  else if (!(endpoint = parseUrl(String(raw.endpoint), base, true))) bad('endpoint', `"${String(raw.endpoint)}" is not an http(s) URL.`);

  const config: WidgetConfig = { endpoint: endpoint ?? '', position: 'bottom-right', draftMaxAgeDays: 30, script };

  if (has('siteKey')) config.siteKey = String(raw.siteKey);
  if (has('locale') && String(raw.locale) !== 'auto') {
    const l = String(raw.locale).toLowerCase().split(/[-_]/)[0]!;
    if ((LOCALES as readonly string[]).includes(l)) config.locale = l as Locale;
    else bad('locale', `"${String(raw.locale)}" is not a language Heard speaks (${LOCALES.join(', ')}, or auto).`);
  }
  if (has('brand')) config.brand = String(raw.brand).slice(0, 60);
  if (has('accent')) {
    if (isColor(raw.accent)) config.accent = String(raw.accent).trim();
    else bad('accent', `"${String(raw.accent)}" is not a colour like #0b5fff or rgb(11 95 255).`);
  }
  if (has('position')) {
    const p = String(raw.position);
    if (p === 'bottom-right' || p === 'bottom-left') config.position = p;
    else bad('position', `"${p}" must be bottom-right or bottom-left.`);
  }
  if (has('privacyUrl')) {
    const url = parseUrl(String(raw.privacyUrl), base, true);
    if (url) config.privacyUrl = url;
    else bad('privacyUrl', `"${String(raw.privacyUrl)}" is not an http(s) URL.`);
  }
  if (has('draftDays')) {
    const n = Number(raw.draftDays);
    if (Number.isFinite(n) && n > 0 && n <= 3650) config.draftMaxAgeDays = n;
    else bad('draftDays', `"${String(raw.draftDays)}" must be a number of days above 0.`);
  }

  if (has('outcomes')) {
    const values = list(raw.outcomes);
    const unknown = values.filter((v) => !(OUTCOMES as readonly string[]).includes(v));
    if (unknown.length) bad('outcomes', `"${unknown.join(', ')}" not known; use ${OUTCOMES.filter((o) => o !== 'heard' && o !== 'other').join(', ')}.`);
    else script.outcomes = values.filter((v) => v !== 'heard' && v !== 'other') as OutcomeKind[];
  }
  for (const key of ['requiredContact', 'contactFields'] as const) {
    if (!has(key)) continue;
    const values = String(raw[key]) === 'none' ? [] : list(raw[key]);
    const unknown = values.filter((v) => !(CONTACT_FIELDS as readonly string[]).includes(v));
    if (unknown.length) bad(key, `"${unknown.join(', ')}" not known; use ${CONTACT_FIELDS.join(', ')} or none.`);
    else script[key] = values as ContactField[];
  }
  if (has('slaHours')) {
    const sla: Partial<Record<Urgency, number>> = {};
    let ok = true;
    const source = typeof raw.slaHours === 'object' ? Object.entries(raw.slaHours as object) : list(raw.slaHours).map((p) => p.split(':'));
    for (const [k, v] of source) {
      const n = Number(v);
      if (!['low', 'normal', 'high', 'critical'].includes(String(k)) || !Number.isFinite(n) || n <= 0 || n > MAX_HOURS) ok = false;
      else sla[k as Urgency] = n;
    }
    if (ok) script.slaHours = sla as Record<Urgency, number>;
    else bad('slaHours', `"${JSON.stringify(raw.slaHours)}" must look like critical:4,high:8,normal:24,low:40 (hours above 0, at most a year).`);
  }
  const hours: Partial<BusinessHours> = {};
  if (has('businessHours')) {
    const [start, end] = String(raw.businessHours).split('-').map((s) => s.trim());
    if (start && end && HM.test(start) && HM.test(end) && start < end) Object.assign(hours, { start, end });
    else bad('businessHours', `"${String(raw.businessHours)}" must look like 09:00-17:00.`);
  }
  if (has('businessDays')) {
    const days = parseDays(raw.businessDays);
    if (days) hours.days = days;
    else bad('businessDays', `"${String(raw.businessDays)}" must look like mon-fri or 1,2,3,4,5 (0 = Sunday).`);
  }
  if (has('timeZone')) {
    if (isTimeZone(String(raw.timeZone))) hours.timeZone = String(raw.timeZone);
    else bad('timeZone', `"${String(raw.timeZone)}" is not an IANA time zone like Europe/Bratislava.`);
  }
  if (has('holidays')) {
    const days = list(raw.holidays);
    if (days.every((d) => ISO_DAY.test(d))) hours.holidays = days;
    else bad('holidays', 'must be dates like 2026-12-25, separated by commas.');
  }
  if (Object.keys(hours).length) script.businessHours = hours as BusinessHours;
  if (has('followUpHours')) {
    const n = Number(raw.followUpHours);
    if (Number.isFinite(n) && n >= 0 && n <= MAX_HOURS) script.followUpDelayHours = n;
    else bad('followUpHours', `"${String(raw.followUpHours)}" must be a number of hours, at most a year.`);
  }
  if (has('escalate')) {
    const values = String(raw.escalate) === 'none' ? [] : list(raw.escalate);
    if (values.every((v) => v === 'critical' || v === 'premium')) {
      script.escalation = { critical: values.includes('critical'), premium: values.includes('premium') };
    } else bad('escalate', `"${String(raw.escalate)}" must be critical, premium, both, or none.`);
  }
  if (raw.actions && typeof raw.actions === 'object') script.actions = raw.actions as ScriptOptions['actions'];
  if (raw.categories && typeof raw.categories === 'object') script.categories = raw.categories as ScriptOptions['categories'];

  return { config: endpoint ? config : null, problems };
}

/** Logs each problem once, as one clear line naming the attribute. */
export function reportProblems(problems: ConfigProblem[], log: Pick<Console, 'error'> = console): void {
  for (const p of problems) log.error(`Heard: ${p.attribute} ${p.message}`);
}
