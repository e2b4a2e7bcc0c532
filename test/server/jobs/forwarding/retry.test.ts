import { describe, expect, it } from 'vitest';
import { defaultRetrySchedule, nextAttempt, parseRetryAfter, parseRetrySchedule } from '../../../../server/jobs/forwarding/retry.mjs';

describe('retry schedule', () => {
  it('retries for three days by default, quickly at first', () => {
    const schedule = defaultRetrySchedule();
    expect(schedule.slice(0, 7)).toEqual([5, 300, 1800, 7200, 18000, 36000, 36000]);
    expect(schedule.reduce((sum, step) => sum + step, 0)).toBe(72 * 3600);
    expect(parseRetrySchedule(undefined)).toEqual(schedule);
  });

  it('reads HEARD_FORWARD_RETRY_SECONDS and names the variable on a bad value', () => {
    expect(parseRetrySchedule('1,1,1')).toEqual([1, 1, 1]);
    expect(() => parseRetrySchedule('1,soon')).toThrow(/HEARD_FORWARD_RETRY_SECONDS/);
    expect(() => parseRetrySchedule('0')).toThrow(/HEARD_FORWARD_RETRY_SECONDS/);
  });

  it('waits the step plus up to a fifth for jitter, and gives up after the last step', () => {
    const now = Date.parse('2026-03-01T00:00:00Z');
    expect(nextAttempt({ attempts: 2, schedule: [5, 300], now, random: () => 0 })).toMatchObject({ retry: true, dueAt: '2026-03-01T00:05:00.000Z' });
    expect(nextAttempt({ attempts: 2, schedule: [5, 300], now, random: () => 1 })).toMatchObject({ retry: true, dueAt: '2026-03-01T00:06:00.000Z' });
    expect(nextAttempt({ attempts: 3, schedule: [5, 300], now })).toEqual({ retry: false });
  });

  it('waits at least as long as a Retry-After asks', () => {
    const now = Date.parse('2026-03-01T00:00:00Z');
    expect(nextAttempt({ attempts: 1, schedule: [5], now, retryAfter: 600, random: () => 0 })).toMatchObject({ dueAt: '2026-03-01T00:10:00.000Z' });
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Sun, 01 Mar 2026 00:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter('999999', now)).toBe(24 * 3600);
    expect(parseRetryAfter('later', now)).toBeNull();
  });
});
