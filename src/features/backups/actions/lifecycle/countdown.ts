/**
 * How long a PENDING_DELETION backup stays restorable: "purged in 6 days 23 hours" from its DeleteTimestamp.
 * Two units at most, rounded down, so it never promises more time than there is. Pure.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** The time left until `at`, in words ("6 days 23 hours", "5 minutes"), or null when it has passed. */
export function timeLeft(at: Date, now: Date): string | null {
  const left = at.getTime() - now.getTime();
  if (!Number.isFinite(left) || left <= 0) return null;
  const days = Math.floor(left / DAY);
  const hours = Math.floor((left % DAY) / HOUR);
  const minutes = Math.floor((left % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${plural(days, 'day')} ${plural(hours, 'hour')}` : plural(days, 'day');
  if (hours > 0) return minutes > 0 ? `${plural(hours, 'hour')} ${plural(minutes, 'minute')}` : plural(hours, 'hour');
  if (minutes > 0) return plural(minutes, 'minute');
  return 'less than a minute';
}

/** "purged in 6 days 23 hours"; once the time has passed, that the purge is due. */
export function formatPurgeCountdown(deleteAt: Date | undefined, now: Date): string {
  if (!(deleteAt instanceof Date) || Number.isNaN(deleteAt.getTime())) return 'purge time unknown';
  const left = timeLeft(deleteAt, now);
  return left ? `purged in ${left}` : 'purge due now';
}
