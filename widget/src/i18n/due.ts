const DAY = 86_400_000;

/**
 * How a promised time is said, one rule for the widget's lines and the server's emails: a day or
 * more away, the date alone ("Tuesday 8 December", with the year when it is another), in the
 * reader's language; sooner, the time
 * with its zone named ("Tuesday 3:00 PM UTC"), since a bare time is read in whatever zone the
 * reader is in, and a team's afternoon can be the visitor's night.
 *
 * A date already a day or more past (a status read long after) is a date too.
 *
 * @param due when it is promised for, epoch ms
 * @param from when the promise is made (or read), epoch ms
 * @param timeZone the zone to say it in (default: the reader's own)
 */
export function dueFormat(due: number, from: number, timeZone?: string): Intl.DateTimeFormatOptions {
  const when: Intl.DateTimeFormatOptions =
    Math.abs(due - from) >= DAY
      ? // The year only when it is not this one.
        { day: 'numeric', month: 'long', year: new Date(due).getFullYear() > new Date(from).getFullYear() ? 'numeric' : undefined }
      : { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };
  return { weekday: 'long', timeZone, ...when };
}

/**
 * A promised time in words, by {@link dueFormat}'s rule.
 *
 * @param locale the reader's language (`en`, `ms`, `hu`, `sk`)
 * @param due the promised time, ISO 8601
 * @param from when it is said, ISO 8601 or epoch ms
 * @param timeZone the zone to say it in (default: the reader's own)
 */
export function formatDue(locale: string, due: string, from: string | number, timeZone?: string): string {
  const dueMs = Date.parse(due);
  return new Intl.DateTimeFormat(locale, dueFormat(dueMs, typeof from === 'number' ? from : Date.parse(from), timeZone)).format(dueMs);
}
