/**
 * Time-window maths for the backup timeline: zoom levels, panning and clamping. Pure; all times are
 * absolute instants (Date), so nothing here depends on the viewer's time zone.
 */

export type ZoomLevel = '7d' | '30d' | '90d' | '1y' | 'all';

export interface TimeWindow {
  start: Date;
  end: Date;
}

export const ZOOM_LEVELS: readonly ZoomLevel[] = ['7d', '30d', '90d', '1y', 'all'];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Length of each fixed zoom level. A year is 365 days (a fixed length keeps panning reversible). */
export const ZOOM_DURATION_MS: Readonly<Record<Exclude<ZoomLevel, 'all'>, number>> = {
  '7d': 7 * DAY_MS,
  '30d': 30 * DAY_MS,
  '90d': 90 * DAY_MS,
  '1y': 365 * DAY_MS,
};

/** For 'all': the padding added on each side, as a fraction of the data's span, and at least this much. */
export const ALL_PADDING_FRACTION = 0.05;
export const ALL_MIN_PADDING_MS = HOUR_MS;
/** For 'all' with no data: this window, ending at `now`. */
export const ALL_EMPTY_FALLBACK: Exclude<ZoomLevel, 'all'> = '30d';

/** Throws a RangeError with a clear message unless `window` is two valid dates with end after start. */
export function assertValidWindow(window: TimeWindow, who = 'timeline'): void {
  const start = window?.start?.getTime?.();
  const end = window?.end?.getTime?.();
  if (typeof start !== 'number' || !Number.isFinite(start)) throw new RangeError(`${who}: window.start is not a valid Date`);
  if (typeof end !== 'number' || !Number.isFinite(end)) throw new RangeError(`${who}: window.end is not a valid Date`);
  if (end <= start) {
    throw new RangeError(`${who}: window.end (${window.end.toISOString()}) must be after window.start (${window.start.toISOString()})`);
  }
}

function assertValidDate(date: Date, name: string, who: string): void {
  if (!(date instanceof Date) || !Number.isFinite(date.getTime())) throw new RangeError(`${who}: ${name} is not a valid Date`);
}

/**
 * The window a zoom level shows.
 *  - fixed levels: the level's length, ending at `now`;
 *  - 'all': from the earliest to the latest of `extent` and `now` (so today is always visible), padded on
 *    each side by 5% of the span (at least an hour). Without data (no extent) it falls back to 30 days
 *    ending at `now`.
 * Use `dataExtent` (layoutTimeline.ts) to get the extent of a list of backups.
 */
export function zoomWindow(level: ZoomLevel, now: Date, extent?: TimeWindow | null): TimeWindow {
  assertValidDate(now, 'now', 'zoomWindow');
  if (level !== 'all') {
    const duration = ZOOM_DURATION_MS[level];
    if (duration === undefined) throw new RangeError(`zoomWindow: unknown zoom level ${JSON.stringify(level)}`);
    return { start: new Date(now.getTime() - duration), end: new Date(now.getTime()) };
  }
  if (!extent) return zoomWindow(ALL_EMPTY_FALLBACK, now);
  assertValidDate(extent.start, 'extent.start', 'zoomWindow');
  assertValidDate(extent.end, 'extent.end', 'zoomWindow');
  const lo = Math.min(extent.start.getTime(), extent.end.getTime(), now.getTime());
  const hi = Math.max(extent.start.getTime(), extent.end.getTime(), now.getTime());
  const pad = Math.max((hi - lo) * ALL_PADDING_FRACTION, ALL_MIN_PADDING_MS);
  return { start: new Date(lo - pad), end: new Date(hi + pad) };
}

/** The zoom level whose fixed length equals the window's length, or null (a panned 'all' window, say). */
export function zoomLevelOf(window: TimeWindow): Exclude<ZoomLevel, 'all'> | null {
  const length = window.end.getTime() - window.start.getTime();
  for (const [level, ms] of Object.entries(ZOOM_DURATION_MS) as [Exclude<ZoomLevel, 'all'>, number][]) {
    if (ms === length) return level;
  }
  return null;
}

export type PanDirection = 'earlier' | 'later';

/**
 * The window moved by `fraction` of its own length towards the past ('earlier') or the future ('later').
 * The length never changes. `fraction` defaults to a half window and must be a finite number >= 0.
 */
export function panWindow(window: TimeWindow, direction: PanDirection, fraction = 0.5): TimeWindow {
  assertValidWindow(window, 'panWindow');
  if (!Number.isFinite(fraction) || fraction < 0) throw new RangeError(`panWindow: fraction must be a finite number >= 0, got ${fraction}`);
  if (direction !== 'earlier' && direction !== 'later')
    throw new RangeError(`panWindow: direction must be 'earlier' or 'later', got ${JSON.stringify(direction)}`);
  const length = window.end.getTime() - window.start.getTime();
  const shift = (direction === 'later' ? 1 : -1) * length * fraction;
  return { start: new Date(window.start.getTime() + shift), end: new Date(window.end.getTime() + shift) };
}

/**
 * The window moved (not resized) to lie inside `bounds`; a window longer than `bounds` becomes `bounds`.
 * Typical bounds: `zoomWindow('all', now, extent)`, so panning stops at the data (and today).
 */
export function clampWindow(window: TimeWindow, bounds: TimeWindow): TimeWindow {
  assertValidWindow(window, 'clampWindow');
  assertValidWindow(bounds, 'clampWindow (bounds)');
  const length = window.end.getTime() - window.start.getTime();
  const lo = bounds.start.getTime();
  const hi = bounds.end.getTime();
  if (length >= hi - lo) return { start: new Date(lo), end: new Date(hi) };
  let start = window.start.getTime();
  if (start < lo) start = lo;
  if (start + length > hi) start = hi - length;
  return { start: new Date(start), end: new Date(start + length) };
}
