import { describe, expect, it } from 'vitest';
import { clusterRegionOf, findOrphans, type ListedCluster, type OrphanBackupFacts, type OrphanRow } from './orphans';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 7);
const ago = (days: number) => new Date(NOW - days * DAY);

const backup = (region: string, id: string, clusterId: string, daysAgo: number, extra: Partial<OrphanBackupFacts> = {}): OrphanRow => ({
  region,
  backup: { BackupId: id, ClusterId: clusterId, BackupState: 'READY', CreateTimestamp: ago(daysAgo), NeverExpires: false, ...extra },
});
const copy = (region: string, id: string, of: OrphanRow, extra: Partial<OrphanBackupFacts> = {}): OrphanRow =>
  backup(region, id, of.backup.ClusterId!, 0, {
    CreateTimestamp: of.backup.CreateTimestamp,
    SourceRegion: of.region,
    SourceBackup: of.backup.BackupId,
    ...extra,
  });
const cluster = (region: string, ClusterId: string, State = 'ACTIVE'): ListedCluster => ({ region, cluster: { ClusterId, State } });

const ALL = ['us-east-1', 'us-west-2', 'eu-west-1'];

describe('findOrphans', () => {
  it('groups READY backups of a cluster no answered region lists, by cluster and region, with counts and dates', () => {
    const rows = [
      backup('us-east-1', 'backup-live1', 'cluster-live', 1),
      backup('us-east-1', 'backup-gone2', 'cluster-gone', 30, { NeverExpires: true }),
      backup('us-east-1', 'backup-gone1', 'cluster-gone', 20),
      backup('us-east-1', 'backup-gone3', 'cluster-gone', 79),
    ];
    const { groups, undetermined } = findOrphans(rows, [cluster('us-east-1', 'cluster-live')], ALL);
    expect(undetermined).toEqual([]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      key: 'us-east-1/cluster-gone',
      clusterId: 'cluster-gone',
      region: 'us-east-1',
      clusterRegion: 'us-east-1',
      listedAsDeleted: false,
      copies: 0,
      neverExpires: 1,
      newest: ago(20),
      oldest: ago(79),
    });
    // Newest first.
    expect(groups[0]!.backups.map((r) => r.backup.BackupId)).toEqual(['backup-gone1', 'backup-gone2', 'backup-gone3']);
  });

  it('counts a cluster listed as DELETED as gone, and one deleting (or in any other state) as not', () => {
    const rows = [backup('eu-west-1', 'backup-a', 'cluster-deleted', 3), backup('eu-west-1', 'backup-b', 'cluster-deleting', 3)];
    const clusters = [cluster('eu-west-1', 'cluster-deleted', 'DELETED'), cluster('eu-west-1', 'cluster-deleting', 'DELETE_IN_PROGRESS')];
    const { groups } = findOrphans(rows, clusters, ALL);
    expect(groups.map((g) => [g.clusterId, g.listedAsDeleted])).toEqual([['cluster-deleted', true]]);
  });

  it('ignores backups that are not READY (pending deletion, creating, deleted) and backups without a cluster id', () => {
    const rows = [
      backup('us-east-1', 'backup-p', 'cluster-gone', 1, { BackupState: 'PENDING_DELETION' }),
      backup('us-east-1', 'backup-c', 'cluster-gone', 1, { BackupState: 'CREATE_IN_PROGRESS' }),
      backup('us-east-1', 'backup-d', 'cluster-gone', 1, { BackupState: 'DELETED' }),
      { region: 'us-east-1', backup: { BackupId: 'backup-x', BackupState: 'READY' } },
    ];
    expect(findOrphans(rows, [], ALL)).toEqual({ groups: [], undetermined: [] });
  });

  it('judges a copy by its source region: a live source cluster elsewhere keeps it, a gone one makes it an orphan', () => {
    const liveSource = backup('us-east-1', 'backup-src1', 'cluster-payments', 10);
    const goneSource = backup('us-east-1', 'backup-src2', 'cluster-gone', 10);
    const rows = [liveSource, goneSource, copy('us-west-2', 'backup-copy1', liveSource), copy('us-west-2', 'backup-copy2', goneSource)];
    // us-west-2 lists no cluster with either id: only the source region can say.
    const { groups } = findOrphans(rows, [cluster('us-east-1', 'cluster-payments'), cluster('us-west-2', 'cluster-dr')], ALL);
    expect(groups.map((g) => [g.key, g.clusterRegion, g.copies, g.backups.length])).toEqual([
      ['us-east-1/cluster-gone', 'us-east-1', 0, 1],
      ['us-west-2/cluster-gone', 'us-east-1', 1, 1],
    ]);
  });

  it('lists copies whose source cluster is gone even when the source backups themselves are gone', () => {
    const rows = [backup('us-west-2', 'backup-copy', 'cluster-gone', 40, { SourceRegion: 'us-east-1', SourceBackup: 'backup-purged' })];
    const { groups } = findOrphans(rows, [], ALL);
    expect(groups.map((g) => [g.key, g.clusterRegion, g.copies])).toEqual([['us-west-2/cluster-gone', 'us-east-1', 1]]);
  });

  it('cannot tell when the region the cluster lived in did not answer (or is not shown), and says how many', () => {
    const rows = [
      backup('us-east-1', 'backup-a', 'cluster-a', 1),
      backup('us-east-1', 'backup-b', 'cluster-b', 1),
      backup('us-east-1', 'backup-b2', 'cluster-b', 2),
      backup('eu-west-1', 'backup-c', 'cluster-c', 1, { SourceRegion: 'ap-south-1', SourceBackup: 'backup-far' }),
    ];
    // us-east-1's cluster list failed; ap-south-1 is not shown at all.
    const { groups, undetermined } = findOrphans(rows, [], ['us-west-2', 'eu-west-1']);
    expect(groups).toEqual([]);
    expect(undetermined).toEqual([
      { clusterRegion: 'ap-south-1', backups: 1, clusters: 1 },
      { clusterRegion: 'us-east-1', backups: 3, clusters: 2 },
    ]);
  });

  it('a cluster listed live in another answered region is not gone, even if its own region did not answer', () => {
    const rows = [backup('us-west-2', 'backup-copy', 'cluster-x', 1, { SourceRegion: 'us-east-1', SourceBackup: 'backup-y' })];
    expect(findOrphans(rows, [cluster('us-east-1', 'cluster-x')], ['us-east-1'])).toEqual({ groups: [], undetermined: [] });
  });

  it('sorts groups by region, then former cluster id', () => {
    const rows = [
      backup('us-west-2', 'b1', 'cluster-b', 1),
      backup('eu-west-1', 'b2', 'cluster-z', 1),
      backup('us-west-2', 'b3', 'cluster-a', 1),
    ];
    expect(findOrphans(rows, [], ALL).groups.map((g) => g.key)).toEqual([
      'eu-west-1/cluster-z',
      'us-west-2/cluster-a',
      'us-west-2/cluster-b',
    ]);
  });
});

describe('clusterRegionOf', () => {
  it('follows a copy of a copy back to the region of the original', () => {
    const original = backup('us-east-1', 'backup-o', 'cluster-o', 5);
    const first = copy('us-west-2', 'backup-1', original);
    const second = copy('eu-west-1', 'backup-2', first);
    const byId = new Map([original, first, second].map((r) => [r.backup.BackupId!, r]));
    expect(clusterRegionOf(second, byId)).toBe('us-east-1');
    expect(clusterRegionOf(original, byId)).toBe('us-east-1');
    // Without the middle copy, the walk stops at the region the copy came from.
    expect(clusterRegionOf(second, new Map())).toBe('us-west-2');
  });
});
