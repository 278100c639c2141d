/** The product's one date format: UTC absolute, a coarse relative reading, and a dash for no date. */
import { describe, expect, it } from 'vitest';
import { formatAge, formatRelative, formatUtc, formatUtcDate, formatUtcMinute, NONE, toIso } from './dates';
import { formatTimestamp } from './format';

const at = Date.UTC(2026, 10, 20, 14, 3, 5, 404);

describe('absolute dates are UTC', () => {
  it('writes a Date, epoch milliseconds and an ISO string the same way', () => {
    expect(formatUtc(new Date(at))).toBe('2026-11-20 14:03:05 UTC');
    expect(formatUtc(at)).toBe('2026-11-20 14:03:05 UTC');
    expect(formatUtc('2026-11-20T14:03:05.404Z')).toBe('2026-11-20 14:03:05 UTC');
    expect(formatUtcMinute(at)).toBe('2026-11-20 14:03 UTC');
    expect(formatUtcDate(at)).toBe('2026-11-20');
    expect(toIso(at)).toBe('2026-11-20T14:03:05.404Z');
  });

  it('a string with an offset is converted to UTC, not copied', () => {
    expect(formatUtc('2026-11-20T23:30:00+02:00')).toBe('2026-11-20 21:30:00 UTC');
  });

  it('shows a dash for a missing or unreadable date, never "Invalid Date"', () => {
    for (const value of [undefined, null, '', 'not a date', Number.NaN, new Date(Number.NaN)]) {
      expect(formatUtc(value)).toBe(NONE);
      expect(formatUtcDate(value)).toBe(NONE);
      expect(formatUtcMinute(value)).toBe(NONE);
      expect(formatRelative(value, at)).toBe(NONE);
      expect(formatAge(value, at)).toBe(NONE);
      expect(toIso(value)).toBeUndefined();
    }
  });

  it('keeps the older name working', () => {
    expect(formatTimestamp(new Date(at))).toBe('2026-11-20 14:03:05 UTC');
    expect(formatTimestamp(undefined)).toBe(NONE);
  });
});

describe('relative dates', () => {
  const minute = 60_000;
  const hour = 60 * minute;
  const day = 24 * hour;

  it('says the largest whole unit, in the past and in the future', () => {
    expect(formatRelative(at - 3 * day - 5 * hour, at)).toBe('3 days ago');
    expect(formatRelative(at - day, at)).toBe('1 day ago');
    expect(formatRelative(at - 2 * hour, at)).toBe('2 hours ago');
    expect(formatRelative(at - minute, at)).toBe('1 minute ago');
    expect(formatRelative(at - 30_000, at)).toBe('less than a minute ago');
    expect(formatRelative(at + 7 * day, at)).toBe('in 7 days');
    expect(formatRelative(at, at)).toBe('in less than a minute');
    expect(formatRelative(at - 412 * day, at)).toBe('412 days ago');
  });

  it('gives an age without "ago", and no negative age for a clock that runs ahead', () => {
    expect(formatAge(at - 2 * day, at)).toBe('2 days');
    expect(formatAge(at + hour, at)).toBe('less than a minute');
  });
});
