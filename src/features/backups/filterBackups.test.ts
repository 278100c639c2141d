import { describe, expect, it } from 'vitest';
import { filterBackups, filterOptions, rowId, sortBackups, type BackupRow } from './filterBackups';
import { EMPTY_BACKUP_FILTERS } from './params';

const d = (day: number) => new Date(Date.UTC(2026, 0, day));
const rows: BackupRow[] = [
  { region: 'us-east-1', backup: { BackupId: 'backup-a', ClusterId: 'cluster-1', BackupState: 'READY', CreateTimestamp: d(1) } },
  {
    region: 'us-east-1',
    backup: {
      BackupId: 'backup-b',
      ClusterId: 'cluster-1',
      BackupState: 'PENDING_DELETION',
      CreateTimestamp: d(3),
      DeleteTimestamp: d(10),
    },
  },
  {
    region: 'us-east-1',
    backup: { BackupId: 'backup-c', ClusterId: 'cluster-2', BackupState: 'READY', NeverExpires: true, CreateTimestamp: d(2) },
  },
  {
    region: 'us-west-2',
    backup: {
      BackupId: 'backup-d',
      ClusterId: 'cluster-1',
      BackupState: 'READY',
      CreateTimestamp: d(1),
      CopyTimestamp: d(4),
      SourceBackup: 'backup-a',
      SourceRegion: 'us-east-1',
    },
  },
  { region: 'us-west-2', backup: { BackupId: 'backup-e', ClusterId: 'cluster-3', BackupState: 'READY' } },
];
const ids = (list: BackupRow[]) => list.map((r) => r.backup.BackupId);

describe('filterBackups', () => {
  it('keeps everything with no filter', () => {
    expect(filterBackups(rows, EMPTY_BACKUP_FILTERS)).toHaveLength(rows.length);
  });
  it('filters by region, cluster and state', () => {
    expect(ids(filterBackups(rows, { ...EMPTY_BACKUP_FILTERS, region: ['us-west-2'] }))).toEqual(['backup-d', 'backup-e']);
    expect(ids(filterBackups(rows, { ...EMPTY_BACKUP_FILTERS, cluster: ['cluster-1'] }))).toEqual(['backup-a', 'backup-b', 'backup-d']);
    expect(ids(filterBackups(rows, { ...EMPTY_BACKUP_FILTERS, state: ['PENDING_DELETION'] }))).toEqual(['backup-b']);
    expect(ids(filterBackups(rows, { ...EMPTY_BACKUP_FILTERS, region: ['us-east-1'], cluster: ['cluster-1'], state: ['READY'] }))).toEqual([
      'backup-a',
    ]);
  });
  it('filters by owner account: from the backup’s ARN, else the account that was asked', () => {
    const owned: BackupRow[] = [
      { region: 'us-east-1', backup: { BackupId: 'backup-p', BackupArn: 'arn:aws:cloudhsm:us-east-1:111122223333:backup/backup-p' } },
      { region: 'us-east-1', account: '222233334444', backup: { BackupId: 'backup-q' } },
      { region: 'us-east-1', backup: { BackupId: 'backup-r' } },
    ];
    expect(ids(filterBackups(owned, { ...EMPTY_BACKUP_FILTERS, account: ['111122223333'] }))).toEqual(['backup-p']);
    expect(ids(filterBackups(owned, { ...EMPTY_BACKUP_FILTERS, account: ['222233334444'] }))).toEqual(['backup-q']);
    expect(filterBackups(owned, EMPTY_BACKUP_FILTERS)).toHaveLength(3);
  });
  it('filters by never-expires both ways', () => {
    expect(ids(filterBackups(rows, { ...EMPTY_BACKUP_FILTERS, neverExpires: 'yes' }))).toEqual(['backup-c']);
    expect(filterBackups(rows, { ...EMPTY_BACKUP_FILTERS, neverExpires: 'no' })).toHaveLength(4);
  });
  it('filters by source backup: the source and its copies, or any copy', () => {
    expect(ids(filterBackups(rows, { ...EMPTY_BACKUP_FILTERS, source: 'backup-a' }))).toEqual(['backup-a', 'backup-d']);
    expect(ids(filterBackups(rows, { ...EMPTY_BACKUP_FILTERS, source: 'any' }))).toEqual(['backup-d']);
  });
});

describe('sortBackups', () => {
  it('orders by arrival time (copy time for copies), undated last', () => {
    expect(ids(sortBackups(rows, 'asc'))).toEqual(['backup-a', 'backup-c', 'backup-b', 'backup-d', 'backup-e']);
    expect(ids(sortBackups(rows, 'desc'))).toEqual(['backup-d', 'backup-b', 'backup-c', 'backup-a', 'backup-e']);
  });
  it('does not change its input', () => {
    const copy = [...rows];
    sortBackups(rows, 'desc');
    expect(rows).toEqual(copy);
  });
});

describe('helpers', () => {
  it('rowId and filterOptions', () => {
    expect(rowId(rows[3]!)).toBe('us-west-2/backup-d');
    const options = filterOptions(rows, new Map([['cluster-1', 'payments']]));
    expect(options.regions).toEqual(['us-east-1', 'us-west-2']);
    expect(options.clusters[0]).toEqual({ id: 'cluster-2', label: 'cluster-2' });
    expect(options.clusters.map((c) => c.id)).toContain('cluster-1');
    // Regions and clusters known otherwise (shown, listed) are offered though no loaded backup has them.
    const known = filterOptions(rows, new Map(), { regions: ['eu-west-1'], clusterIds: ['cluster-9'] });
    expect(known.regions).toEqual(['eu-west-1', 'us-east-1', 'us-west-2']);
    expect(known.clusters.map((c) => c.id)).toContain('cluster-9');
  });
});
