import { describe, expect, it } from 'vitest';
import { backupChangedBy, invalidationsFor } from './invalidation';

const R = 'us-east-1';

describe('what each mutation invalidates', () => {
  it('cluster operations: that region’s cluster lists and the cluster', () => {
    expect(invalidationsFor.createCluster(R)).toEqual([['clusters', R, 'list']]);
    for (const rule of [invalidationsFor.initializeCluster, invalidationsFor.deleteCluster, invalidationsFor.createHsm]) {
      expect(rule(R, 'cluster-a')).toEqual([
        ['clusters', R, 'list'],
        ['clusters', R, 'detail', 'cluster-a'],
      ]);
    }
  });

  it('DeleteHsm and ModifyCluster also the region’s backup lists and windows (an HSM going makes a backup; a shorter retention purges some)', () => {
    for (const rule of [invalidationsFor.deleteHsm, invalidationsFor.modifyCluster]) {
      expect(rule(R, 'cluster-a')).toEqual([
        ['clusters', R, 'list'],
        ['clusters', R, 'detail', 'cluster-a'],
        ['backups', R, 'list'],
        ['backups', R, 'window'],
      ]);
    }
  });

  it('backup operations: that region’s backup lists and the backup; a copy: the destination region’s lists', () => {
    for (const rule of [invalidationsFor.deleteBackup, invalidationsFor.restoreBackup, invalidationsFor.modifyBackupAttributes]) {
      expect(rule(R, 'backup-a')).toEqual([
        ['backups', R, 'list'],
        ['backups', R, 'detail', 'backup-a'],
      ]);
    }
    expect(invalidationsFor.copyBackupToRegion('eu-west-1')).toEqual([
      ['backups', 'eu-west-1', 'list'],
      ['backups', 'eu-west-1', 'window'],
    ]);
  });

  it('tags: the resource’s tags plus the lists and detail its TagList shows in', () => {
    expect(invalidationsFor.tagResource(R, 'cluster-a')).toEqual([
      ['tags', R, 'cluster-a'],
      ['clusters', R, 'list'],
      ['clusters', R, 'detail', 'cluster-a'],
    ]);
    expect(invalidationsFor.untagResource(R, 'backup-a')).toEqual([
      ['tags', R, 'backup-a'],
      ['backups', R, 'list'],
      ['backups', R, 'detail', 'backup-a'],
    ]);
  });

  it('resource policies: only the policy', () => {
    expect(invalidationsFor.putResourcePolicy(R, 'arn:x')).toEqual([['policies', R, 'arn:x']]);
    expect(invalidationsFor.deleteResourcePolicy(R, 'arn:x')).toEqual([['policies', R, 'arn:x']]);
  });
});

describe('another account', () => {
  const other = { region: R, account: '222233334444' };
  it('a mutation in another account invalidates that account’s keys of the region, not the base account’s', () => {
    expect(invalidationsFor.deleteBackup(other, 'backup-a')).toEqual([
      ['backups', `${R}@222233334444`, 'list'],
      ['backups', `${R}@222233334444`, 'detail', 'backup-a'],
    ]);
    expect(invalidationsFor.createCluster(other)).toEqual([['clusters', `${R}@222233334444`, 'list']]);
    expect(backupChangedBy('DeleteBackup', other, { BackupId: 'backup-a' })).toEqual({ region: other, backupId: 'backup-a' });
  });
});

describe('backupChangedBy', () => {
  it('names the one backup a call changed in place (patched into the windows), and nothing for other calls', () => {
    expect(backupChangedBy('DeleteBackup', R, { BackupId: 'backup-a' })).toEqual({ region: R, backupId: 'backup-a' });
    expect(backupChangedBy('TagResource', R, { ResourceId: 'backup-a' })).toEqual({ region: R, backupId: 'backup-a' });
    expect(backupChangedBy('TagResource', R, { ResourceId: 'cluster-a' })).toBeNull();
    expect(backupChangedBy('CopyBackupToRegion', R, { BackupId: 'backup-a' })).toBeNull();
  });
});
