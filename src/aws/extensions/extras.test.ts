import { describe, expect, it } from 'vitest';
import { backupExtrasOf, clusterExtrasOf, epochSecondsToDate, mergeDroppedMembers } from './extras';

describe('recovering the members SDK 3.332 drops', () => {
  it('converts epoch seconds to a Date the way the SDK does, and ignores anything else', () => {
    expect(epochSecondsToDate(1507133412.351)?.toISOString()).toBe('2017-10-04T16:10:12.351Z');
    expect(epochSecondsToDate('1507133412')).toBeUndefined();
    expect(epochSecondsToDate(Number.NaN)).toBeUndefined();
  });

  it('reads cluster and backup extras, leaving absent members absent', () => {
    expect(clusterExtrasOf({ Mode: 'NON_FIPS', NetworkType: 'DUALSTACK', HsmTypeRollbackExpiration: 1700000000 })).toEqual({
      Mode: 'NON_FIPS',
      NetworkType: 'DUALSTACK',
      HsmTypeRollbackExpiration: new Date(1700000000_000),
    });
    expect(clusterExtrasOf({ ClusterId: 'cluster-a' })).toEqual({});
    expect(Object.keys(clusterExtrasOf({ Mode: 'FIPS' }))).toEqual(['Mode']);
    expect(backupExtrasOf({ BackupArn: 'arn:x', HsmType: 'hsm2m.medium', Mode: 'FIPS', BackupId: 'b' })).toEqual({
      BackupArn: 'arn:x',
      HsmType: 'hsm2m.medium',
      Mode: 'FIPS',
    });
    expect(backupExtrasOf(null)).toEqual({});
  });

  it('merges onto lists and single members by id, skipping nulls the SDK filtered out', () => {
    const output = {
      Clusters: [{ ClusterId: 'cluster-a', State: 'ACTIVE' }, { ClusterId: 'cluster-b' }],
      Backup: { BackupId: 'backup-x' },
      NextToken: 't',
    };
    mergeDroppedMembers(output, {
      Clusters: [{ ClusterId: 'cluster-a', Mode: 'FIPS' }, null, { ClusterId: 'cluster-b', NetworkType: 'DUALSTACK' }],
      Backup: { BackupId: 'backup-x', BackupArn: 'arn:aws:cloudhsm:us-east-1:123456789012:backup/backup-x' },
      NextToken: 't',
    });
    expect(output.Clusters).toEqual([
      { ClusterId: 'cluster-a', State: 'ACTIVE', Mode: 'FIPS' },
      { ClusterId: 'cluster-b', NetworkType: 'DUALSTACK' },
    ]);
    expect(output.Backup).toEqual({ BackupId: 'backup-x', BackupArn: 'arn:aws:cloudhsm:us-east-1:123456789012:backup/backup-x' });
  });

  it('never grafts one resource’s members onto another', () => {
    const output = { Backups: [{ BackupId: 'backup-a' }] };
    mergeDroppedMembers(output, { Backups: [{ BackupId: 'backup-b', Mode: 'NON_FIPS' }] });
    expect(output.Backups[0]).toEqual({ BackupId: 'backup-a' });
  });

  it('leaves outputs of other shapes alone', () => {
    const output = { TagList: [{ Key: 'a', Value: 'b' }] };
    mergeDroppedMembers(output, { TagList: [{ Key: 'a', Value: 'b', Mode: 'FIPS' }] });
    expect(output).toEqual({ TagList: [{ Key: 'a', Value: 'b' }] });
    expect(() => mergeDroppedMembers(undefined, { Clusters: [] })).not.toThrow();
    expect(() => mergeDroppedMembers({ Clusters: [] }, 'not json')).not.toThrow();
  });
});
