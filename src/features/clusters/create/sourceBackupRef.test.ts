import { describe, expect, it } from 'vitest';
import { checkSourceBackup, formSourceBackupId, regionOfSource, sourceBackupRef, type SourceBackup } from './sourceBackupRef';

const BASE = '123456789012';
const OWNER = '111122223333';
const REGION = 'us-east-1';
const arnOf = (account: string, id: string, region = REGION) => `arn:aws:cloudhsm:${region}:${account}:backup/${id}`;
const SHARED_ARN = arnOf(OWNER, 'backup-sharedaaaaa');

const own: SourceBackup = {
  BackupId: 'backup-ownaaaaaaaa',
  BackupArn: arnOf(BASE, 'backup-ownaaaaaaaa'),
  HsmType: 'hsm2m.medium',
  Mode: 'FIPS',
};
const shared: SourceBackup = {
  BackupId: 'backup-sharedaaaaa',
  BackupArn: SHARED_ARN,
  BackupState: 'READY',
  HsmType: 'hsm2m.medium',
  Mode: 'FIPS',
};

describe('sourceBackupRef', () => {
  it('reads an id, this account’s ARN as its id, and another account’s ARN as a shared backup', () => {
    expect(sourceBackupRef('', REGION, BASE)).toEqual({ kind: 'none' });
    expect(sourceBackupRef('backup-ownaaaaaaaa', REGION, BASE)).toEqual({ kind: 'own', backupId: 'backup-ownaaaaaaaa' });
    expect(sourceBackupRef(arnOf(BASE, 'backup-ownaaaaaaaa'), REGION, BASE)).toEqual({ kind: 'own', backupId: 'backup-ownaaaaaaaa' });
    expect(sourceBackupRef(SHARED_ARN, REGION, BASE)).toEqual({
      kind: 'shared',
      backupId: 'backup-sharedaaaaa',
      owner: OWNER,
      arn: SHARED_ARN,
    });
  });

  it('says to pick the backup’s region for another region’s ARN, and refuses what is not a backup ARN', () => {
    const elsewhere = sourceBackupRef(arnOf(OWNER, 'backup-sharedaaaaa', 'eu-west-1'), REGION, BASE);
    expect(elsewhere).toEqual({
      kind: 'invalid',
      error:
        'backup-sharedaaaaa is in eu-west-1, not us-east-1: a cluster can only be created from a backup of its own region. Choose eu-west-1 as the region.',
    });
    const cluster = sourceBackupRef(`arn:aws:cloudhsm:${REGION}:${OWNER}:cluster/cluster-aaaaaaaaaaa`, REGION, BASE);
    expect(cluster.kind === 'invalid' && cluster.error).toContain('is not a backup ARN');
    const gov = sourceBackupRef(`arn:aws-us-gov:cloudhsm:${REGION}:${OWNER}:backup/backup-sharedaaaaa`, REGION, BASE);
    expect(gov.kind === 'invalid' && gov.error).toContain('names partition aws-us-gov, but us-east-1 is in aws');
  });

  it('puts an own ARN on the form as its id, and reads a link’s region from an ARN', () => {
    expect(formSourceBackupId(arnOf(BASE, 'backup-ownaaaaaaaa'), REGION, BASE)).toBe('backup-ownaaaaaaaa');
    expect(formSourceBackupId(SHARED_ARN, REGION, BASE)).toBe(SHARED_ARN);
    expect(formSourceBackupId(arnOf(BASE, 'backup-ownaaaaaaaa'), REGION, undefined)).toBe(arnOf(BASE, 'backup-ownaaaaaaaa'));
    expect(regionOfSource(arnOf(OWNER, 'backup-sharedaaaaa', 'eu-west-1'))).toBe('eu-west-1');
    expect(regionOfSource('backup-ownaaaaaaaa')).toBeUndefined();
  });
});

describe('checkSourceBackup', () => {
  const check = (source: string, lists: Parameters<typeof checkSourceBackup>[2], base: string | undefined = BASE) =>
    checkSourceBackup(sourceBackupRef(source, REGION, base), REGION, lists);

  it('finds a shared backup, with its owner, among those shared with the account', () => {
    expect(check(SHARED_ARN, { ready: [own], shared: [shared] })).toEqual({ kind: 'found', backup: shared, owner: OWNER });
  });

  it('says a backup not shared with the account must be shared and promoted by its owner', () => {
    expect(check(SHARED_ARN, { ready: [own], shared: [], baseAccount: BASE })).toEqual({
      kind: 'problem',
      error: `This backup is not shared with account ${BASE} in us-east-1: ask its owner (account ${OWNER}) to share it (Sharing section of the backup page) and, for a policy-made share, to promote it.`,
    });
    // The same id shared by a third account is not the one named.
    const other = { ...shared, BackupArn: arnOf('444455556666', 'backup-sharedaaaaa') };
    expect(check(SHARED_ARN, { shared: [other] }).kind).toBe('problem');
  });

  it('refuses a shared backup that is not READY', () => {
    const result = check(SHARED_ARN, { shared: [{ ...shared, BackupState: 'PENDING_DELETION' }] });
    expect(result).toEqual({
      kind: 'problem',
      error: `backup-sharedaaaaa, shared by account ${OWNER}, is PENDING_DELETION: a cluster can only be created from a READY backup.`,
    });
  });

  it('leaves the API to decide while the lists are unknown', () => {
    expect(check(SHARED_ARN, { ready: [own] })).toEqual({ kind: 'unchecked' });
    expect(check('backup-ownaaaaaaaa', {})).toEqual({ kind: 'unchecked' });
    expect(check('', { ready: [own], shared: [] })).toEqual({ kind: 'unchecked' });
  });

  it('recognises an own backup by its ARN when the account is unknown', () => {
    expect(check(own.BackupArn!, { ready: [own], shared: [] }, undefined)).toEqual({ kind: 'found', backup: own });
  });

  it('checks an own backup by id among the READY ones, as before', () => {
    expect(check('backup-ownaaaaaaaa', { ready: [own] })).toEqual({ kind: 'found', backup: own });
    expect(check('backup-goneaaaaaaa', { ready: [own] })).toEqual({
      kind: 'problem',
      error: 'backup-goneaaaaaaa is not a READY backup in us-east-1: a cluster can only be created from a READY backup of its own region.',
    });
  });
});
