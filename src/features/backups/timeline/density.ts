/**
 * A region's density strip (pure): how many of its backups fall in each bucket of the window (a day, or an
 * hour / a week / 30 days when a day would be too fine or too coarse for the axis), and the words that say it.
 * Only the lanes given are counted (the region's lanes that pass the filter), so the strip and its text
 * follow the filter.
 */
import type { TimelineLane } from './types';
import type { TimeWindow } from './zoom';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type DensityUnit = 'hour' | 'day' | 'week' | '30 days';

const UNITS: readonly { unit: DensityUnit; ms: number }[] = [
  { unit: 'hour', ms: HOUR },
  { unit: 'day', ms: DAY },
  { unit: 'week', ms: 7 * DAY },
  { unit: '30 days', ms: 30 * DAY },
];

/** A bar narrower than this (px) is not worth drawing: take a coarser bucket. */
export const MIN_BAR_PX = 3;

export interface Density {
  unit: DensityUnit;
  bucketMs: number;
  /** Start of the first bucket (the window's start). */
  start: number;
  /** Backups per bucket, oldest first. */
  counts: number[];
  total: number;
  /** The largest count (0 when there is none). */
  max: number;
}

/**
 * The bucket size for a window drawn `width` px wide: a day by default; an hour when the window is under two
 * days; coarser when a day would draw bars narrower than MIN_BAR_PX.
 */
export function densityUnit(window: TimeWindow, width: number): { unit: DensityUnit; ms: number } {
  const span = Math.max(1, window.end.getTime() - window.start.getTime());
  if (span < 2 * DAY) return UNITS[0]!;
  for (const candidate of UNITS.slice(1)) {
    if ((width * candidate.ms) / span >= MIN_BAR_PX) return candidate;
  }
  return UNITS[UNITS.length - 1]!;
}

/** Backups per bucket over the lanes' marks (a group mark counts each of its members at its own time). */
export function densityOf(lanes: readonly TimelineLane[], window: TimeWindow, width: number): Density {
  const { unit, ms } = densityUnit(window, width);
  const start = window.start.getTime();
  const end = window.end.getTime();
  const counts = new Array<number>(Math.max(1, Math.ceil((end - start) / ms))).fill(0);
  let total = 0;
  const add = (t: number) => {
    if (t < start || t > end) return;
    counts[Math.min(counts.length - 1, Math.floor((t - start) / ms))]! += 1;
    total++;
  };
  for (const lane of lanes) {
    for (const mark of lane.marks) {
      if (mark.type === 'backup') add(mark.time.getTime());
      else for (const member of mark.members) add(member.time.getTime());
    }
  }
  let max = 0;
  for (const c of counts) if (c > max) max = c;
  return { unit, bucketMs: ms, start, counts, total, max };
}

const UNIT_WORDS: Record<DensityUnit, string> = { hour: 'an hour', day: 'a day', week: 'a week', '30 days': '30 days' };

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** `30 days`, `36 hours`: the window's length in words. */
export function windowLength(window: TimeWindow): string {
  const span = window.end.getTime() - window.start.getTime();
  return span < 2 * DAY ? plural(Math.round(span / HOUR), 'hour') : plural(Math.round(span / DAY), 'day');
}

export interface RegionSummaryInput {
  region: string;
  density: Density;
  window: TimeWindow;
  /** Clusters shown (passing the filter), and in the region. */
  clusters: number;
  totalClusters: number;
}

/** `us-east-1: 412 backups in 30 days, 250 clusters, at most 14 in a day` (the strip's accessible text). */
export function regionSummary({ region, density, window, clusters, totalClusters }: RegionSummaryInput): string {
  const clusterText = clusters === totalClusters ? plural(clusters, 'cluster') : `${clusters} of ${plural(totalClusters, 'cluster')} shown`;
  const peak = density.total > 0 ? `, at most ${density.max.toLocaleString('en-US')} in ${UNIT_WORDS[density.unit]}` : '';
  return `${region}: ${plural(density.total, 'backup')} in ${windowLength(window)}, ${clusterText}${peak}`;
}
