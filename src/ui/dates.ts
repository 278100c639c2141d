/**
 * The one way the product writes dates (pure functions, no React). Absolute times are UTC, always, so a
 * time reads the same for every operator and matches the AWS CLI and CloudTrail; the relative time ("3 days
 * ago") is the friendly second reading. `<DateTime>` draws these; exports and tooltips call them directly.
 */

/** What a missing or unreadable date shows. */
export const NONE = '—';

/** What the API and the views hand us: a Date (SDK), epoch milliseconds, or an ISO string. */
export type DateInput = Date | number | string | null | undefined;

/** A valid Date, or undefined for missing and unreadable values (so they show NONE, never "Invalid Date"). */
export function toDate(value: DateInput): Date | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** ISO 8601 for `<time dateTime>` and for machines; undefined when there is no date. */
export function toIso(value: DateInput): string | undefined {
  return toDate(value)?.toISOString();
}

// toISOString is native, fast and always UTC (years 0-9999, as for any real resource).
const iso = (value: DateInput): string | undefined => toIso(value);

/** `2026-11-20 14:03:05 UTC`: the product's date-time (lists, detail pages, exports). */
export function formatUtc(value: DateInput): string {
  const s = iso(value);
  return s ? `${s.slice(0, 10)} ${s.slice(11, 19)} UTC` : NONE;
}

/** `2026-11-20 14:03 UTC`: for dense labels (timeline marks and axes) where seconds are noise. */
export function formatUtcMinute(value: DateInput): string {
  const s = iso(value);
  return s ? `${s.slice(0, 10)} ${s.slice(11, 16)} UTC` : NONE;
}

/** `2026-11-20`: the UTC calendar day. */
export function formatUtcDate(value: DateInput): string {
  return iso(value)?.slice(0, 10) ?? NONE;
}

const UNITS: readonly (readonly [number, string])[] = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
];

/** `3 days`, `1 hour`, `less than a minute`: the largest whole unit of a duration (days at most, so a 400-day-old backup says so). */
function spanText(ms: number): string {
  for (const [unit, name] of UNITS) {
    if (ms >= unit) {
      const n = Math.floor(ms / unit);
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  return 'less than a minute';
}

/** `3 days ago`, `in 2 hours`, `less than a minute ago`; NONE without a date. */
export function formatRelative(value: DateInput, now: DateInput = Date.now()): string {
  const target = toDate(value);
  const reference = toDate(now);
  if (!target || !reference) return NONE;
  const diff = target.getTime() - reference.getTime();
  const text = spanText(Math.abs(diff));
  return diff >= 0 ? `in ${text}` : `${text} ago`;
}

/** How long since `since`, without "ago" (`Uninitialized for 3 days`); a future date counts as no time. */
export function formatAge(since: DateInput, now: DateInput = Date.now()): string {
  const start = toDate(since);
  const reference = toDate(now);
  if (!start || !reference) return NONE;
  return spanText(Math.max(0, reference.getTime() - start.getTime()));
}
