import { describe, expect, it } from 'vitest';
import type { BackupWithExtras } from '../../../aws/extensions/extras';
import { dataExtent, layoutTimeline, markTimeOf, type BackupMark, type ClusterMark, type TimelineBackupItem } from './layoutTimeline';
import { zoomWindow } from './zoom';

const now = new Date('2026-11-21T00:00:00Z');
const window7d = zoomWindow('7d', now); // 2026-11-14 .. 2026-11-21, 700 px => 100 px per day
const DAY = 86_400_000;

function item(region: string, id: string, clusterId: string, created: string, extra: Partial<BackupWithExtras> = {}): TimelineBackupItem {
  return { region, backup: { BackupId: id, ClusterId: clusterId, BackupState: 'READY', CreateTimestamp: new Date(created), ...extra } };
}

const layout = (backups: TimelineBackupItem[], extra: Partial<Parameters<typeof layoutTimeline>[0]> = {}) =>
  layoutTimeline({ backups, window: window7d, width: 700, now, ...extra });

const backupMark = (l: ReturnType<typeof layout>, id: string): BackupMark => {
  const m = l.marks.find((x) => x.id === id);
  if (!m || m.type !== 'backup') throw new Error(`no backup mark ${id}`);
  return m;
};

describe('layoutTimeline: lanes and groups', () => {
  it('groups lanes by region name, lanes by label then id, with lane-centre y and total height', () => {
    const l = layout(
      [
        item('us-east-1', 'backup-1', 'cluster-b', '2026-11-15T00:00:00Z'),
        item('eu-west-1', 'backup-2', 'cluster-z', '2026-11-16T00:00:00Z'),
        item('us-east-1', 'backup-3', 'cluster-a', '2026-11-17T00:00:00Z'),
        item('us-east-1', 'backup-4', 'cluster-c', '2026-11-17T00:00:00Z'),
      ],
      { laneHeight: 30, groupHeaderHeight: 20, clusterNames: new Map([['cluster-c', 'Alpha']]) },
    );
    expect(l.groups.map((g) => g.region)).toEqual(['eu-west-1', 'us-east-1']);
    expect(l.groups[1]!.lanes.map((lane) => [lane.key, lane.label])).toEqual([
      ['us-east-1/cluster-c', 'Alpha'],
      ['us-east-1/cluster-a', 'cluster-a'],
      ['us-east-1/cluster-b', 'cluster-b'],
    ]);
    expect(l.groups[0]!.lanes[0]!.y).toBe(20 + 15);
    expect(l.groups[1]!.y).toBe(50);
    expect(l.groups[1]!.lanes.map((lane) => lane.y)).toEqual([85, 115, 145]);
    expect(l.height).toBe(20 + 30 + 20 + 3 * 30);
    expect(backupMark(l, 'us-east-1/backup-3').y).toBe(115);
  });

  it('places marks by time, in time order, and keeps lanes that have nothing in the window', () => {
    const l = layout([
      item('us-east-1', 'backup-late', 'cluster-a', '2026-11-20T00:00:00Z'),
      item('us-east-1', 'backup-early', 'cluster-a', '2026-11-15T12:00:00Z'),
      item('us-east-1', 'backup-old', 'cluster-old', '2026-10-01T00:00:00Z'),
    ]);
    expect(backupMark(l, 'us-east-1/backup-early').x).toBeCloseTo(150);
    expect(backupMark(l, 'us-east-1/backup-late').x).toBeCloseTo(600);
    expect(l.marks.map((m) => m.id)).toEqual(['us-east-1/backup-early', 'us-east-1/backup-late']);
    expect(l.groups[0]!.lanes.map((lane) => [lane.key, lane.marks.length])).toEqual([
      ['us-east-1/cluster-a', 2],
      ['us-east-1/cluster-old', 0],
    ]);
  });

  it('drops marks outside the window (bounds inclusive)', () => {
    const l = layout([
      item('us-east-1', 'backup-before', 'c', '2026-11-13T23:59:59Z'),
      item('us-east-1', 'backup-start', 'c', '2026-11-14T00:00:00Z'),
      item('us-east-1', 'backup-end', 'c', '2026-11-21T00:00:00Z'),
      item('us-east-1', 'backup-after', 'c', '2026-11-21T00:00:01Z'),
    ]);
    expect(l.marks.map((m) => m.id)).toEqual(['us-east-1/backup-start', 'us-east-1/backup-end']);
    expect(l.visibleMarkOf('us-east-1/backup-before')).toBeNull();
    expect(l.visibleMarkOf('us-east-1/backup-start')).toBe('us-east-1/backup-start');
    expect(l.visibleMarkOf('nope')).toBeNull();
  });
});

describe('layoutTimeline: marks', () => {
  it('gives each state its shape and a text label', () => {
    const l = layout([
      item('us-east-1', 'backup-r', 'c', '2026-11-15T00:00:00Z'),
      item('us-east-1', 'backup-c', 'c', '2026-11-16T00:00:00Z', { BackupState: 'CREATE_IN_PROGRESS' }),
      item('us-east-1', 'backup-p', 'c', '2026-11-17T00:00:00Z', { BackupState: 'PENDING_DELETION' }),
      item('us-east-1', 'backup-d', 'c', '2026-11-18T00:00:00Z', {
        BackupState: 'DELETED',
        DeleteTimestamp: new Date('2026-11-19T00:00:00Z'),
      }),
      item('us-east-1', 'backup-u', 'c', '2026-11-19T00:00:00Z', { BackupState: undefined }),
    ]);
    const summary = l.marks.map((m) => {
      const b = m as BackupMark;
      return [b.backupId, b.kind, b.style.shape, b.style.hollow, b.style.faded];
    });
    expect(summary).toEqual([
      ['backup-r', 'ready', 'circle', false, false],
      ['backup-c', 'creating', 'ring', true, false],
      ['backup-p', 'pendingDeletion', 'cross', false, false],
      ['backup-d', 'deleted', 'circle', false, true],
      ['backup-u', 'unknown', 'diamond', true, false],
    ]);
    // Words and tone come from the status model, as in the list and on the pages.
    expect(l.marks.map((m) => [(m as BackupMark).status.label, (m as BackupMark).status.tone])).toEqual([
      ['Ready', 'ok'],
      ['Create in progress', 'progress'],
      ['Pending deletion', 'warning'],
      ['Deleted', 'neutral'],
      ['Unknown', 'neutral'],
    ]);
    expect(backupMark(l, 'us-east-1/backup-r').label).toBe('backup-r Ready, created 2026-11-15 00:00 UTC');
    expect(backupMark(l, 'us-east-1/backup-d').label).toBe('backup-d Deleted, created 2026-11-18 00:00 UTC, deleted 2026-11-19 00:00 UTC');
    expect(backupMark(l, 'us-east-1/backup-u').label).toMatch(/^backup-u Unknown, /);
  });

  it('PENDING_DELETION carries purgeAt (DeleteTimestamp) and says when it will be purged', () => {
    const l = layout([
      item('us-east-1', 'backup-p', 'c', '2026-11-17T00:00:00Z', {
        BackupState: 'PENDING_DELETION',
        DeleteTimestamp: new Date('2026-11-24T00:00:00Z'),
      }),
      item('us-east-1', 'backup-q', 'c', '2026-11-18T00:00:00Z', { BackupState: 'PENDING_DELETION' }),
      item('us-east-1', 'backup-r', 'c', '2026-11-19T00:00:00Z', { DeleteTimestamp: new Date('2026-11-24T00:00:00Z') }),
    ]);
    const p = backupMark(l, 'us-east-1/backup-p');
    expect(p.purgeAt).toEqual(new Date('2026-11-24T00:00:00Z'));
    expect(p.label).toBe('backup-p Pending deletion, created 2026-11-17 00:00 UTC, will be purged 2026-11-24 00:00 UTC (in 3 days)');
    expect(backupMark(l, 'us-east-1/backup-q').purgeAt).toBeNull();
    expect(backupMark(l, 'us-east-1/backup-q').label).toMatch(/purge time unknown$/);
    expect(backupMark(l, 'us-east-1/backup-r').purgeAt).toBeNull();
  });

  it('flags NeverExpires', () => {
    const l = layout([
      item('us-east-1', 'backup-n', 'c', '2026-11-15T00:00:00Z', { NeverExpires: true }),
      item('us-east-1', 'backup-e', 'c', '2026-11-16T00:00:00Z', { NeverExpires: false }),
    ]);
    expect(backupMark(l, 'us-east-1/backup-n').neverExpires).toBe(true);
    expect(backupMark(l, 'us-east-1/backup-n').label).toMatch(/, never expires$/);
    expect(backupMark(l, 'us-east-1/backup-e').neverExpires).toBe(false);
    expect(backupMark(l, 'us-east-1/backup-e').label).not.toMatch(/never/);
  });
});

describe('layoutTimeline: copies and links', () => {
  const source = item('us-east-1', 'backup-src', 'cluster-a', '2026-11-15T00:00:00Z');
  const copy = item('eu-west-1', 'backup-cpy', 'cluster-a', '2026-11-15T00:00:00Z', {
    CopyTimestamp: new Date('2026-11-16T00:00:00Z'),
    SourceRegion: 'us-east-1',
    SourceBackup: 'backup-src',
    SourceCluster: 'cluster-a',
  });

  it('puts a copy in its own region lane (keyed by the source cluster id), at its CopyTimestamp, linked to its source', () => {
    const l = layout([copy, source]);
    const c = backupMark(l, 'eu-west-1/backup-cpy');
    expect(c.laneKey).toBe('eu-west-1/cluster-a');
    expect(c.timeSource).toBe('copied');
    expect(c.x).toBeCloseTo(200);
    expect(c.copyOf).toEqual({ region: 'us-east-1', backupId: 'backup-src', sourceClusterId: 'cluster-a' });
    expect(l.links).toHaveLength(1);
    expect(l.links[0]).toMatchObject({
      from: 'us-east-1/backup-src',
      to: 'eu-west-1/backup-cpy',
      fromRegion: 'us-east-1',
      toRegion: 'eu-west-1',
      source: { offscreen: null, x: 100, laneKey: 'us-east-1/cluster-a' },
      target: { offscreen: null, laneKey: 'eu-west-1/cluster-a' },
    });
    expect(l.orphanSources).toEqual([]);
    expect(c.label).toBe(
      'backup-cpy Ready, created 2026-11-15 00:00 UTC, copied to eu-west-1 2026-11-16 00:00 UTC, copy of backup-src in us-east-1',
    );
    const s = backupMark(l, 'us-east-1/backup-src');
    expect(s.copies).toEqual([{ region: 'eu-west-1', backupId: 'backup-cpy' }]);
    expect(s.label).toBe('backup-src Ready, created 2026-11-15 00:00 UTC, copied as backup-cpy in eu-west-1');
    expect(markTimeOf(copy.backup)).toMatchObject({ time: Date.parse('2026-11-16T00:00:00Z'), source: 'copied' });
  });

  it('lists a copy whose source is absent as an orphan, with no link', () => {
    const l = layout([copy]);
    expect(l.links).toEqual([]);
    expect(l.orphanSources).toEqual([
      {
        region: 'eu-west-1',
        backupId: 'backup-cpy',
        markId: 'eu-west-1/backup-cpy',
        sourceRegion: 'us-east-1',
        sourceBackupId: 'backup-src',
      },
    ]);
    expect(backupMark(l, 'eu-west-1/backup-cpy').label).toMatch(/copy of backup-src in us-east-1 \(source not shown\)$/);
  });

  it('keeps a link whose source is outside the window, as an offscreen endpoint at the axis edge', () => {
    const oldSource = item('us-east-1', 'backup-src', 'cluster-a', '2026-11-01T00:00:00Z');
    const l = layout([oldSource, copy]);
    expect(l.marks.map((m) => m.id)).toEqual(['eu-west-1/backup-cpy']);
    expect(l.links[0]).toMatchObject({
      from: null,
      to: 'eu-west-1/backup-cpy',
      source: { markId: null, offscreen: 'before', x: 0, backupId: 'backup-src', region: 'us-east-1' },
    });
    expect(l.links[0]!.source.y).toBe(l.groups.find((g) => g.region === 'us-east-1')!.lanes[0]!.y);
    // A copy after the window: the endpoint is pinned to the right edge.
    const later = layout([source, { ...copy, backup: { ...copy.backup, CopyTimestamp: new Date('2026-12-01T00:00:00Z') } }]);
    expect(later.links[0]).toMatchObject({ from: 'us-east-1/backup-src', to: null, target: { offscreen: 'after', x: 700 } });
    // Neither end visible: no link.
    const neither = layout([oldSource, { ...copy, backup: { ...copy.backup, CopyTimestamp: new Date('2026-12-01T00:00:00Z') } }]);
    expect(neither.links).toEqual([]);
  });

  it('finds the source by id alone when SourceRegion is absent', () => {
    const noRegion = { ...copy, backup: { ...copy.backup, SourceRegion: undefined } };
    const l = layout([source, noRegion]);
    expect(l.links.map((x) => x.id)).toEqual(['us-east-1/backup-src->eu-west-1/backup-cpy']);
  });
});

describe('layoutTimeline: clustering', () => {
  it('merges marks closer than 6 px into a cluster with a count, and links point to the cluster', () => {
    // 100 px per day: 1 h = 4.17 px.
    const base = Date.parse('2026-11-16T00:00:00Z');
    const dense = [0, 1, 1, 0.5].map((h, i) =>
      item(
        'us-east-1',
        `backup-d${i}`,
        'c',
        new Date(base + h * 3_600_000).toISOString(),
        i === 3 ? { BackupState: 'PENDING_DELETION', NeverExpires: true } : {},
      ),
    );
    const apart = item('us-east-1', 'backup-far', 'c', '2026-11-16T02:00:00Z'); // 8.3 px from the first
    const copyOfD1 = item('eu-west-1', 'backup-copy', 'c', '2026-11-18T00:00:00Z', {
      SourceRegion: 'us-east-1',
      SourceBackup: 'backup-d1',
    });
    const l = layout([...dense, apart, copyOfD1]);
    const lane = l.groups.find((g) => g.region === 'us-east-1')!.lanes[0]!;
    expect(lane.marks.map((m) => m.type)).toEqual(['cluster', 'backup']);
    const cluster = lane.marks[0] as ClusterMark;
    expect(cluster.count).toBe(4);
    expect(cluster.id).toBe('cluster:us-east-1/backup-d0');
    expect(cluster.members.map((m) => m.backupId)).toEqual(['backup-d0', 'backup-d3', 'backup-d1', 'backup-d2']);
    expect(cluster.x).toBeCloseTo(200 + 100 / 24 / 2);
    expect(cluster.countsByState).toEqual({ READY: 3, PENDING_DELETION: 1 });
    expect(cluster.neverExpiresCount).toBe(1);
    expect(cluster.worstState).toBe('PENDING_DELETION');
    expect(cluster.worstStatus.tone).toBe('warning');
    expect(cluster.worstStyle.shape).toBe('cross');
    expect(cluster.label).toBe(
      '4 backups from 2026-11-16 00:00 UTC to 2026-11-16 01:00 UTC: worst Pending deletion; 1 Pending deletion, 3 Ready, 1 never expire',
    );
    expect(l.visibleMarkOf('us-east-1/backup-d1')).toBe(cluster.id);
    expect(l.links[0]!.from).toBe(cluster.id);
    expect(l.links[0]!.source.x).toBeCloseTo(200 + 100 / 24);
    // Clustering off.
    expect(layout([...dense, apart], { clusterDistance: 0 }).marks).toHaveLength(5);
  });

  it('clusters marks at the very same instant', () => {
    const l = layout([item('r', 'backup-1', 'c', '2026-11-16T00:00:00Z'), item('r', 'backup-2', 'c', '2026-11-16T00:00:00Z')]);
    expect(l.marks).toHaveLength(1);
    expect((l.marks[0] as ClusterMark).label).toBe('2 backups at 2026-11-16 00:00 UTC: all Ready');
  });
});

describe('layoutTimeline: edge cases', () => {
  it('lays out empty input', () => {
    const l = layout([]);
    expect(l).toMatchObject({ groups: [], marks: [], links: [], orphanSources: [], height: 0, skipped: [] });
    expect(l.ticks.length).toBeGreaterThan(0);
    expect(dataExtent([])).toBeNull();
  });

  it('skips items it cannot place and says why', () => {
    const l = layout([
      { region: 'r', backup: { ClusterId: 'c', CreateTimestamp: new Date('2026-11-16T00:00:00Z') } as BackupWithExtras },
      { region: 'r', backup: { BackupId: 'backup-x', ClusterId: 'c' } },
      item('r', 'backup-y', 'c', '2026-11-16T00:00:00Z'),
      item('r', 'backup-y', 'c', '2026-11-17T00:00:00Z'),
      null as unknown as TimelineBackupItem,
    ]);
    expect(l.skipped.map((s) => [s.index, s.reason])).toEqual([
      [0, 'missing BackupId'],
      [1, 'no timestamp'],
      [3, 'duplicate'],
      [4, 'invalid item'],
    ]);
    expect(l.marks.map((m) => m.id)).toEqual(['r/backup-y']);
  });

  it('rejects width 0, a reversed window and other bad input with a clear error', () => {
    expect(() => layout([], { width: 0 })).toThrow('layoutTimeline: width must be a positive number of pixels, got 0');
    expect(() => layout([], { width: Number.NaN })).toThrow(/width/);
    expect(() => layout([], { window: { start: window7d.end, end: window7d.start } })).toThrow(
      'layoutTimeline: window.end (2026-11-14T00:00:00.000Z) must be after window.start (2026-11-21T00:00:00.000Z)',
    );
    expect(() => layout([], { window: { start: now, end: now } })).toThrow(/must be after window\.start/);
    expect(() => layout([], { window: { start: new Date('x'), end: now } })).toThrow(/window.start is not a valid Date/);
    expect(() => layout([], { laneHeight: 0 })).toThrow(/laneHeight/);
    expect(() => layout([], { now: new Date('x') })).toThrow(/now is not a valid Date/);
    expect(() => layoutTimeline({ backups: 'x' as never, window: window7d, width: 10, now })).toThrow(/backups must be an array/);
  });

  it("uses the data's extent for the 'all' window", () => {
    const backups = [item('r', 'backup-1', 'c', '2025-01-01T00:00:00Z'), item('r', 'backup-2', 'c', '2026-01-01T00:00:00Z')];
    expect(dataExtent(backups)).toEqual({ start: new Date('2025-01-01T00:00:00Z'), end: new Date('2026-01-01T00:00:00Z') });
    const l = layout(backups, { window: zoomWindow('all', now, dataExtent(backups)) });
    expect(l.marks).toHaveLength(2);
  });
});

describe('layoutTimeline: performance', () => {
  it('lays out 20,000 backups', () => {
    const regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-1'];
    const start = now.getTime() - 365 * DAY;
    const backups: TimelineBackupItem[] = [];
    for (let i = 0; i < 20_000; i++) {
      const region = regions[i % regions.length]!;
      const isCopy = i % 10 === 9;
      const t = new Date(start + ((i * 7919) % 20_000) * ((365 * DAY) / 20_000));
      backups.push({
        region,
        backup: {
          BackupId: `backup-${i.toString(36).padStart(11, '0')}`,
          ClusterId: `cluster-${i % 40}`,
          BackupState: i % 17 === 0 ? 'PENDING_DELETION' : 'READY',
          CreateTimestamp: t,
          DeleteTimestamp: i % 17 === 0 ? new Date(t.getTime() + 7 * DAY) : undefined,
          NeverExpires: i % 13 === 0,
          ...(isCopy
            ? {
                CopyTimestamp: new Date(t.getTime() + DAY),
                SourceRegion: regions[(i - 1) % regions.length]!,
                SourceBackup: `backup-${(i - 1).toString(36).padStart(11, '0')}`,
              }
            : {}),
        },
      });
    }
    const window = zoomWindow('all', now, dataExtent(backups));
    layoutTimeline({ backups, window, width: 1200, now }); // warm up the JIT
    const times: number[] = [];
    let l = layoutTimeline({ backups, window, width: 1200, now });
    for (let run = 0; run < 7; run++) {
      const t0 = performance.now();
      l = layoutTimeline({ backups, window, width: 1200, now });
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(
      `layoutTimeline: 20,000 backups, 'all' window: median ${times[3]!.toFixed(1)} ms, best ${times[0]!.toFixed(1)} ms ` +
        `(${l.marks.length} visible marks, ${l.links.length} links)`,
    );
    const t1 = performance.now();
    const l7 = layoutTimeline({ backups, window: zoomWindow('7d', now), width: 1200, now });
    console.log(
      `layoutTimeline: 20,000 backups, 7-day window, in ${(performance.now() - t1).toFixed(1)} ms (${l7.marks.length} visible marks)`,
    );
    expect(l.groups).toHaveLength(4);
    const shown = l.marks.reduce((n, m) => n + (m.type === 'cluster' ? m.count : 1), 0);
    expect(shown).toBe(20_000);
    expect(l.links.length).toBe(2_000); // every tenth backup is a copy of the one before it
  });
});
