import type { BusinessHours } from './options';

const MINUTE = 60_000;

/** Wall-clock fields of an instant in a time zone. */
interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function wallAt(ms: number, timeZone: string): Wall {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(ms)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday ?? 'Sun'] ?? 0,
  };
}

/** The zone's offset from UTC at an instant, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallAt(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return asUtc - Math.floor(ms / MINUTE) * MINUTE;
}

/**
 * The instant at which the zone's clocks show a wall time. In an overlap (clocks going back)
 * the earlier instant; in a gap (clocks skipping) the time is moved forward by the gap's
 * length, as Temporal's `compatible` disambiguation does.
 */
export function zonedTimeToInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offsets in force a day either side cover both sides of any DST change.
  const before = wall - offsetAt(wall - 86_400_000, timeZone);
  const after = wall - offsetAt(wall + 86_400_000, timeZone);
  const valid = [before, after].filter((t) => t + offsetAt(t, timeZone) === wall);
  return valid.length ? Math.min(...valid) : before;
}

function parseHm(hm: string): number {
  const [h, m] = hm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * When a complaint received at `from` is due, counting `slaHours` of the owner's business
 * hours only: a complaint on Friday evening with a 24-hour SLA and 8-hour days is due on
 * Wednesday, not Saturday. Closed days and holidays are skipped in the owner's time zone, so
 * DST changes move nothing but the UTC offset.
 */
export function computeDueDate(from: Date, slaHours: number, hours: BusinessHours): Date {
  let remaining = Math.max(0, Math.round(slaHours * 60)) * MINUTE;
  const open = parseHm(hours.start);
  const close = parseHm(hours.end);
  const holidays = new Set(hours.holidays);
  const days = new Set(hours.days);
  if (close <= open || days.size === 0) {
    // No working time at all: fall back to wall-clock hours rather than never.
    return new Date(from.getTime() + remaining);
  }
  let cursor = from.getTime();
  // Walk day by day in the owner's zone; bounded so bad data cannot loop for ever.
  for (let i = 0; i < 3660; i++) {
    const w = wallAt(cursor, hours.timeZone);
    const date = `${w.year}-${pad(w.month)}-${pad(w.day)}`;
    const dayStart = zonedTimeToInstant(w.year, w.month, w.day, Math.floor(open / 60), open % 60, hours.timeZone);
    const dayEnd = zonedTimeToInstant(w.year, w.month, w.day, Math.floor(close / 60), close % 60, hours.timeZone);
    if (days.has(w.weekday) && !holidays.has(date) && cursor < dayEnd) {
      const start = Math.max(cursor, dayStart);
      const available = dayEnd - start;
      if (remaining <= available) return new Date(start + remaining);
      remaining -= available;
    }
    // Next local midnight: noon of the next day, then back to its midnight, survives DST.
    const next = new Date(Date.UTC(w.year, w.month - 1, w.day + 1, 12));
    cursor = zonedTimeToInstant(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, 0, hours.timeZone);
  }
  return new Date(cursor + remaining);
}
