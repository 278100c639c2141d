/**
 * Axis ticks for the timeline: a "nice" interval (hours, days, weeks, months or years) picked from the window's
 * length and the pixel width, aligned to UTC calendar boundaries, each with a short label.
 */
import { MONTHS_SHORT } from './format';
import { assertValidWindow, type TimeWindow } from './zoom';

export type TickUnit = 'hour' | 'day' | 'week' | 'month' | 'year';

export interface AxisTick {
  time: Date;
  /** Pixels from the left edge of the axis. */
  x: number;
  label: string;
  unit: TickUnit;
}

export interface TickInterval {
  unit: TickUnit;
  step: number;
  /** Approximate length, used only to choose the interval. */
  approxMs: number;
}

const H = 3_600_000;
const D = 24 * H;

/** Candidate intervals, smallest first. */
export const TICK_INTERVALS: readonly TickInterval[] = [
  { unit: 'hour', step: 1, approxMs: H },
  { unit: 'hour', step: 3, approxMs: 3 * H },
  { unit: 'hour', step: 6, approxMs: 6 * H },
  { unit: 'hour', step: 12, approxMs: 12 * H },
  { unit: 'day', step: 1, approxMs: D },
  { unit: 'day', step: 2, approxMs: 2 * D },
  { unit: 'week', step: 1, approxMs: 7 * D },
  { unit: 'month', step: 1, approxMs: 30 * D },
  { unit: 'month', step: 3, approxMs: 91 * D },
  { unit: 'month', step: 6, approxMs: 182 * D },
  { unit: 'year', step: 1, approxMs: 365 * D },
  { unit: 'year', step: 2, approxMs: 730 * D },
  { unit: 'year', step: 5, approxMs: 1826 * D },
  { unit: 'year', step: 10, approxMs: 3652 * D },
];

/** Ticks are at least this far apart (pixels), so labels do not collide. */
export const MIN_TICK_SPACING_PX = 80;

/** The smallest candidate interval that keeps ticks at least `minSpacing` pixels apart. */
export function chooseTickInterval(durationMs: number, width: number, minSpacing = MIN_TICK_SPACING_PX): TickInterval {
  const maxTicks = Math.max(2, Math.floor(width / minSpacing));
  for (const interval of TICK_INTERVALS) {
    if (durationMs / interval.approxMs <= maxTicks) return interval;
  }
  return TICK_INTERVALS[TICK_INTERVALS.length - 1]!;
}

/** The first tick boundary at or before `t` for the interval (UTC). */
function floorToInterval(t: number, { unit, step }: TickInterval): number {
  const d = new Date(t);
  switch (unit) {
    case 'hour':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), Math.floor(d.getUTCHours() / step) * step);
    case 'day': {
      const day = Math.floor(t / D);
      return Math.floor(day / step) * step * D;
    }
    case 'week': {
      // Weeks start on Monday (ISO). getUTCDay: 0 = Sunday.
      const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
      const sinceMonday = (d.getUTCDay() + 6) % 7;
      return midnight - sinceMonday * D;
    }
    case 'month':
      return Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / step) * step, 1);
    case 'year':
      return Date.UTC(Math.floor(d.getUTCFullYear() / step) * step, 0, 1);
  }
}

function advance(t: number, { unit, step }: TickInterval): number {
  const d = new Date(t);
  switch (unit) {
    case 'hour':
      return t + step * H;
    case 'day':
      return t + step * D;
    case 'week':
      return t + step * 7 * D;
    case 'month':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1);
    case 'year':
      return Date.UTC(d.getUTCFullYear() + step, 0, 1);
  }
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `14:00` for hours (the date, `Nov 20`, at midnight), `Nov 20` for days and weeks, `Nov 2026`, `2026`. */
export function tickLabel(time: Date, unit: TickUnit): string {
  const month = MONTHS_SHORT[time.getUTCMonth()]!;
  switch (unit) {
    case 'hour':
      return time.getUTCHours() === 0 ? `${month} ${time.getUTCDate()}` : `${pad2(time.getUTCHours())}:00`;
    case 'day':
    case 'week':
      return `${month} ${time.getUTCDate()}`;
    case 'month':
      return `${month} ${time.getUTCFullYear()}`;
    case 'year':
      return String(time.getUTCFullYear());
  }
}

/** Ticks inside the window (inclusive), left to right. */
export function axisTicks(window: TimeWindow, width: number, minSpacing = MIN_TICK_SPACING_PX): AxisTick[] {
  assertValidWindow(window, 'axisTicks');
  const start = window.start.getTime();
  const end = window.end.getTime();
  const interval = chooseTickInterval(end - start, width, minSpacing);
  const scale = width / (end - start);
  const ticks: AxisTick[] = [];
  let t = floorToInterval(start, interval);
  // Bounded: the interval was chosen so that at most ~width/minSpacing ticks fit; guard anyway.
  for (let guard = 0; t <= end && guard < 10_000; guard++, t = advance(t, interval)) {
    if (t < start) continue;
    const time = new Date(t);
    ticks.push({ time, x: (t - start) * scale, label: tickLabel(time, interval.unit), unit: interval.unit });
  }
  return ticks;
}
