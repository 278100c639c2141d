import { describe, expect, it } from 'vitest';
import type { BackupWithExtras } from '../../../aws/extensions/extras';
import { densityOf, densityUnit, regionSummary, windowLength } from './density';
import { layoutTimeline, type TimelineBackupItem } from './layoutTimeline';

const DAY = 86_400_000;
const now = new Date('2026-11-21T00:00:00Z');
const week = { start: new Date('2026-11-14T00:00:00Z'), end: now };

function item(clusterId: string, iso: string, extra: Partial<BackupWithExtras> = {}): TimelineBackupItem {
  return {
    region: 'us-east-1',
    backup: { BackupId: `b-${clusterId}-${iso}`, ClusterId: clusterId, BackupState: 'READY', CreateTimestamp: new Date(iso), ...extra },
  };
}

describe('densityUnit', () => {
  it('is a day for usual windows, an hour under two days, coarser when days would be too thin', () => {
    expect(densityUnit(week, 700).unit).toBe('day');
    expect(densityUnit({ start: new Date(now.getTime() - DAY), end: now }, 700).unit).toBe('hour');
    // 365 days on 600 px: 1.6 px a day, 11.5 px a week.
    expect(densityUnit({ start: new Date(now.getTime() - 365 * DAY), end: now }, 600).unit).toBe('week');
    expect(densityUnit({ start: new Date(now.getTime() - 3650 * DAY), end: now }, 300).unit).toBe('30 days');
  });
});

describe('densityOf', () => {
  it('counts backups per day, members of a group at their own time, inside the window only', () => {
    const layout = layoutTimeline({
      backups: [
        item('a', '2026-11-14T00:00:00Z'), // first instant: day 0
        item('a', '2026-11-14T00:01:00Z'), // grouped with the one before (same px), still day 0
        item('b', '2026-11-16T12:00:00Z'),
        item('b', '2026-11-21T00:00:00Z'), // the window's end: the last day
        item('b', '2026-11-01T00:00:00Z'), // before the window: not counted
      ],
      window: week,
      width: 700,
      now,
    });
    const lanes = layout.groups[0]!.lanes;
    expect(lanes[0]!.marks[0]!.type).toBe('cluster');
    const density = densityOf(lanes, week, 700);
    expect(density.unit).toBe('day');
    expect(density.counts).toEqual([2, 0, 1, 0, 0, 0, 1]);
    expect(density.total).toBe(4);
    expect(density.max).toBe(2);
    // Only the lanes given count (the filter's).
    expect(densityOf([lanes[1]!], week, 700).counts).toEqual([0, 0, 1, 0, 0, 0, 1]);
  });

  it('is all zeros with no lane', () => {
    const density = densityOf([], week, 700);
    expect(density.counts).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(density.total).toBe(0);
    expect(density.max).toBe(0);
  });
});

describe('regionSummary', () => {
  const density = { unit: 'day' as const, bucketMs: DAY, start: 0, counts: [400, 12], total: 412, max: 400 };

  it('says the backups in the window, the clusters and the busiest bucket', () => {
    const thirty = { start: new Date(now.getTime() - 30 * DAY), end: now };
    expect(regionSummary({ region: 'us-east-1', density, window: thirty, clusters: 250, totalClusters: 250 })).toBe(
      'us-east-1: 412 backups in 30 days, 250 clusters, at most 400 in a day',
    );
    expect(regionSummary({ region: 'us-east-1', density, window: thirty, clusters: 3, totalClusters: 1250 })).toBe(
      'us-east-1: 412 backups in 30 days, 3 of 1,250 clusters shown, at most 400 in a day',
    );
  });

  it('says "no backup" plainly', () => {
    const none = { ...density, counts: [0], total: 0, max: 0 };
    expect(regionSummary({ region: 'eu-west-1', density: none, window: week, clusters: 1, totalClusters: 1 })).toBe(
      'eu-west-1: 0 backups in 7 days, 1 cluster',
    );
  });

  it('windowLength is in hours under two days', () => {
    expect(windowLength({ start: new Date(now.getTime() - DAY), end: now })).toBe('24 hours');
    expect(windowLength(week)).toBe('7 days');
  });
});
