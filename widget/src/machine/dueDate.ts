import type { BusinessHours } from './options';

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The wall-clock time an instant shows in a time zone, written as if that wall time were UTC:
 * day arithmetic, the weekday and the `YYYY-MM-DD` date then come from plain UTC dates.
 */
function wallAt(ms: number, timeZone: string): number {
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
    });
    formatters.set(timeZone, f);
  }
  const w: Record<string, number> = {};
  for (const p of f.formatToParts(ms)) w[p.type] = +p.value;
  return Date.UTC(w.year!, w.month! - 1, w.day!, w.hour!, w.minute!);
}

/**
 * The instant at which the zone's clocks show a wall time (as from `wallAt`). In an overlap
 * (clocks going back) the earlier instant; in a gap (clocks skipping) the time is moved forward
 * by the gap's length, as Temporal's `compatible` disambiguation does.
 */
function instantAt(wall: number, timeZone: string): number {
  /** The zone's offset from UTC at an instant, in ms. */
  const offsetAt = (ms: number) => wallAt(ms, timeZone) - Math.floor(ms / MINUTE) * MINUTE;
  // The offsets in force a day either side cover both sides of any DST change.
  const before = wall - offsetAt(wall - DAY);
  const after = wall - offsetAt(wall + DAY);
  const valid = [before, after].filter((t) => t + offsetAt(t) === wall);
  return valid.length ? Math.min(...valid) : before;
}

/** The instant at which the zone's clocks show a wall time; see `instantAt`. */
export function zonedTimeToInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): number {
  return instantAt(Date.UTC(year, month - 1, day, hour, minute), timeZone);
}

function parseHm(hm: string): number {
  const [h, m] = hm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

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
    // Local midnight of the cursor's day, as a wall time.
    const day = Math.floor(wallAt(cursor, hours.timeZone) / DAY) * DAY;
    const dayStart = instantAt(day + open * MINUTE, hours.timeZone);
    const dayEnd = instantAt(day + close * MINUTE, hours.timeZone);
    const date = new Date(day);
    if (days.has(date.getUTCDay()) && !holidays.has(date.toISOString().slice(0, 10)) && cursor < dayEnd) {
      const start = Math.max(cursor, dayStart);
      const available = dayEnd - start;
      if (remaining <= available) return new Date(start + remaining);
      remaining -= available;
    }
    cursor = instantAt(day + DAY, hours.timeZone);
  }
  return new Date(cursor + remaining);
}
