import { describe, expect, it } from 'vitest';
import { ClusterId, SubnetId } from './constraints';
import { backupArn, isAccountId, isBackupId, isClusterId, isHsmId, isSubnetId } from './ids';

describe('id formats', () => {
  it('accept the model formats and nothing around them', () => {
    expect(isClusterId('cluster-abcdefghijk')).toBe(true);
    expect(isClusterId('cluster-ABCDEFGH234567')).toBe(true);
    expect(isClusterId('cluster-abc')).toBe(false);
    expect(isClusterId(' cluster-abcdefghijk')).toBe(false);
    expect(isClusterId('cluster-abcdefghij1')).toBe(false);
    expect(isHsmId('hsm-abcdefghijk')).toBe(true);
    expect(isHsmId('cluster-abcdefghijk')).toBe(false);
    expect(isBackupId('backup-abcdefghijk')).toBe(true);
    expect(isSubnetId('subnet-0123456789abcdef0')).toBe(true);
    expect(isSubnetId('subnet-0123')).toBe(false);
    expect(isAccountId('123456789012')).toBe(true);
    expect(isAccountId('12345678901')).toBe(false);
  });

  it('are the patterns of the constraint table', () => {
    for (const text of ['cluster-abcdefghijk', 'cluster-abc', 'hsm-abcdefghijk'])
      expect(ClusterId.pattern!.test(text)).toBe(isClusterId(text));
    for (const text of ['subnet-0123456789abcdef0', 'subnet-xyz']) expect(SubnetId.pattern!.test(text)).toBe(isSubnetId(text));
  });

  it('builds backup ARNs in the region partition', () => {
    expect(backupArn('eu-west-1', '123456789012', 'backup-abcdefghijk')).toBe(
      'arn:aws:cloudhsm:eu-west-1:123456789012:backup/backup-abcdefghijk',
    );
    expect(backupArn('us-gov-west-1', '123456789012', 'backup-abcdefghijk')).toBe(
      'arn:aws-us-gov:cloudhsm:us-gov-west-1:123456789012:backup/backup-abcdefghijk',
    );
  });
});
