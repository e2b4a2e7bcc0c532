import { describe, expect, it } from 'vitest';
import { computeDueDate, zonedTimeToInstant } from '../../widget/src/machine/dueDate';
import type { BusinessHours } from '../../widget/src/machine/options';

const hours = (over: Partial<BusinessHours> = {}): BusinessHours => ({
  timeZone: 'UTC',
  start: '09:00',
  end: '17:00',
  days: [1, 2, 3, 4, 5],
  holidays: [],
  ...over,
});

const due = (from: string, sla: number, bh: BusinessHours) => computeDueDate(new Date(from), sla, bh).toISOString();

describe('due dates from business hours', () => {
  it('a Friday-evening complaint with a 24-hour SLA is not due on Saturday', () => {
    // Friday 2026-11-27 19:00: Mon 8 h + Tue 8 h + Wed 8 h → Wednesday 17:00.
    expect(due('2026-11-27T19:00:00Z', 24, hours())).toBe('2026-12-02T17:00:00.000Z');
  });

  it('counts from opening time when the complaint arrives before it', () => {
    expect(due('2026-11-24T06:30:00Z', 4, hours())).toBe('2026-11-24T13:00:00.000Z');
  });

  it('continues the next working day when the hours run out', () => {
    expect(due('2026-11-24T15:00:00Z', 4, hours())).toBe('2026-11-25T11:00:00.000Z');
  });

  it('skips holidays', () => {
    // Thursday 24 Dec 15:00, 8 h: Christmas and Boxing Day closed, weekend, → Monday 28 Dec 15:00.
    const bh = hours({ holidays: ['2026-12-25', '2026-12-26'] });
    expect(due('2026-12-24T15:00:00Z', 8, bh)).toBe('2026-12-28T15:00:00.000Z');
  });

  it('works in the owner’s time zone, not the visitor’s', () => {
    // Kuala Lumpur is UTC+8 all year: Friday 16:00 local = 08:00Z, 2 h → 1 h on Friday, 1 h Monday.
    const bh = hours({ timeZone: 'Asia/Kuala_Lumpur' });
    expect(due('2026-11-27T08:00:00Z', 2, bh)).toBe('2026-11-30T02:00:00.000Z'); // Mon 10:00 local
  });

  it('keeps local opening hours across the spring DST change', () => {
    // Bratislava: DST begins Sunday 29 March 2026. Friday 27 March 16:00 CET (15:00Z), 2 h:
    // 1 h on Friday, then Monday 09:00 CEST (07:00Z) + 1 h = 08:00Z.
    const bh = hours({ timeZone: 'Europe/Bratislava' });
    expect(due('2026-03-27T15:00:00Z', 2, bh)).toBe('2026-03-30T08:00:00.000Z');
  });

  it('keeps local opening hours across the autumn DST change', () => {
    // Budapest: DST ends Sunday 25 October 2026. Friday 23 Oct 16:00 CEST (14:00Z), 2 h:
    // 1 h Friday, Monday 09:00 CET (08:00Z) + 1 h = 09:00Z.
    const bh = hours({ timeZone: 'Europe/Budapest' });
    expect(due('2026-10-23T14:00:00Z', 2, bh)).toBe('2026-10-26T09:00:00.000Z');
  });

  it('honours a working Saturday and custom hours', () => {
    const bh = hours({ days: [1, 2, 3, 4, 5, 6], start: '10:00', end: '14:00' });
    expect(due('2026-11-27T13:00:00Z', 3, bh)).toBe('2026-11-28T12:00:00.000Z');
  });

  it('falls back to clock hours when the owner configured no working time', () => {
    expect(due('2026-11-27T19:00:00Z', 5, hours({ days: [] }))).toBe('2026-11-28T00:00:00.000Z');
  });

  it('moves a wall time in a DST gap forward by the gap', () => {
    // 02:30 on 29 March 2026 does not exist in Bratislava; clocks jump 02:00 → 03:00 CEST,
    // so it means 03:30 CEST.
    const t = zonedTimeToInstant(2026, 3, 29, 2, 30, 'Europe/Bratislava');
    expect(new Date(t).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes the earlier of two instants in the autumn overlap', () => {
    // 02:30 on 25 October 2026 happens twice in Budapest: first in CEST (00:30Z).
    const t = zonedTimeToInstant(2026, 10, 25, 2, 30, 'Europe/Budapest');
    expect(new Date(t).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});
