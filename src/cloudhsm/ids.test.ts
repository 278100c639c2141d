import { describe, expect, it } from 'vitest';
import { ClusterId, SubnetId } from './constraints';
import { backupArn, isAccountId, isBackupId, isClusterId, isHsmId, isSubnetId, parseBackupArn } from './ids';

describe.each([
  [
    'isClusterId',
    isClusterId,
    ['cluster-abcdefghijk', 'cluster-ABCDEFGH234567'],
    ['cluster-abc', ' cluster-abcdefghijk', 'cluster-abcdefghij1'],
  ],
  ['isHsmId', isHsmId, ['hsm-abcdefghijk'], ['cluster-abcdefghijk']],
  ['isBackupId', isBackupId, ['backup-abcdefghijk'], ['backup-abc']],
  ['isSubnetId', isSubnetId, ['subnet-0123456789abcdef0'], ['subnet-0123']],
  ['isAccountId', isAccountId, ['123456789012'], ['12345678901']],
])('%s accepts the model format and nothing around it', (_name, check, valid, invalid) => {
  it.each(valid)('accepts %j', (text) => expect(check(text)).toBe(true));
  it.each(invalid)('refuses %j', (text) => expect(check(text)).toBe(false));
});

describe('id formats', () => {
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

describe('parseBackupArn', () => {
  it('reads the partition, region, owner account and id; anything else is null', () => {
    expect(parseBackupArn('arn:aws:cloudhsm:us-east-1:111122223333:backup/backup-abcdefghijk')).toEqual({
      partition: 'aws',
      region: 'us-east-1',
      account: '111122223333',
      backupId: 'backup-abcdefghijk',
    });
    expect(parseBackupArn('arn:aws-us-gov:cloudhsm:us-gov-west-1:111122223333:backup/backup-abcdefghijk')?.partition).toBe('aws-us-gov');
    expect(parseBackupArn('backup-abcdefghijk')).toBeNull();
    expect(parseBackupArn('arn:aws:cloudhsm:us-east-1:111122223333:cluster/cluster-abcdefghijk')).toBeNull();
    expect(parseBackupArn(undefined)).toBeNull();
    // The owner of a backup row (the backups list's Account filter reads it so).
    expect(parseBackupArn('arn:aws:cloudhsm:us-east-1:222233334444:backup/backup-abcdefghijk')?.account).toBe('222233334444');
    expect(parseBackupArn('backup-abcdefghijk')?.account).toBeUndefined();
  });
});
