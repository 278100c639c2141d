import { describe, expect, it } from 'vitest';
import { formatPurgeCountdown, timeLeft } from './countdown';

const NOW = new Date(Date.UTC(2026, 2, 1, 12, 0, 0));
const later = (ms: number) => new Date(NOW.getTime() + ms);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('formatPurgeCountdown', () => {
  it('right after a delete: 6 days 23 hours (rounded down, never more than is left)', () => {
    expect(formatPurgeCountdown(later(7 * DAY - 5_000), NOW)).toBe('purged in 6 days 23 hours');
  });

  it('uses at most two units, and singulars', () => {
    expect(formatPurgeCountdown(later(7 * DAY), NOW)).toBe('purged in 7 days');
    expect(formatPurgeCountdown(later(DAY + HOUR + 30 * MIN), NOW)).toBe('purged in 1 day 1 hour');
    expect(formatPurgeCountdown(later(5 * HOUR + 7 * MIN), NOW)).toBe('purged in 5 hours 7 minutes');
    expect(formatPurgeCountdown(later(2 * HOUR), NOW)).toBe('purged in 2 hours');
    expect(formatPurgeCountdown(later(MIN), NOW)).toBe('purged in 1 minute');
    expect(formatPurgeCountdown(later(20_000), NOW)).toBe('purged in less than a minute');
  });

  it('once the time has passed, says the purge is due', () => {
    expect(formatPurgeCountdown(NOW, NOW)).toBe('purge due now');
    expect(formatPurgeCountdown(later(-HOUR), NOW)).toBe('purge due now');
  });

  it('says so when there is no usable DeleteTimestamp', () => {
    expect(formatPurgeCountdown(undefined, NOW)).toBe('purge time unknown');
    expect(formatPurgeCountdown(new Date(Number.NaN), NOW)).toBe('purge time unknown');
  });
});

describe('timeLeft', () => {
  it('is null when nothing is left', () => {
    expect(timeLeft(later(-1), NOW)).toBeNull();
    expect(timeLeft(later(90 * MIN), NOW)).toBe('1 hour 30 minutes');
  });
});
