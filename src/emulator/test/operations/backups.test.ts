/**
 * The backup operations (DeleteBackup, RestoreBackup, ModifyBackupAttributes, CopyBackupToRegion, DescribeBackups)
 * over real HTTP, as a client sees them: the answer's shape, every error the emulator raises, and proof that a
 * refused request changed nothing.
 */
import {
  CopyBackupToRegionCommand,
  DeleteBackupCommand,
  DeleteHsmCommand,
  DescribeBackupsCommand,
  ModifyBackupAttributesCommand,
  RestoreBackupCommand,
  TagResourceCommand,
  type Tag,
} from '@aws-sdk/client-cloudhsm-v2';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT } from '../../emulator';
import { advanceUntil, allBackups, DAY, describeBackup, emulatorNow, settleBackups, snapshot } from '../../testing/api';
import { activeCluster, activeHsm, clusterRequest, sendCreateCluster, type ActiveCluster } from '../../testing/clusters';
import { refused, TEST_REGION as REGION, useEmulator } from '../../testing/env';
import { rawCall } from '../../testing/harness';
import { arnOf, expectRecentDate, ID, rawRefused } from '../../testing/operations';

const env = useEmulator();
let active: ActiveCluster;
let readyId = '';
beforeAll(async () => {
  active = await activeCluster(env);
  readyId = (await allBackups(env.client, { clusterIds: [active.clusterId] }))[0]!.BackupId!;
});

describe('backup operations: DescribeBackups, ModifyBackupAttributes, DeleteBackup and RestoreBackup', () => {
  it('DescribeBackups shows the backup as a client sees it, and the wire carries BackupArn, HsmType and Mode', async () => {
    const backup = (await describeBackup(env.client, readyId))!;
    expect(backup.BackupId).toMatch(ID.backup);
    expect(backup.BackupState).toBe('READY');
    expect(backup.ClusterId).toBe(active.clusterId);
    expect(backup.NeverExpires).toBe(false);
    expect(backup.CreateTimestamp).toBeInstanceOf(Date);
    expect(backup.CreateTimestamp!.getTime() / 1000).toBeLessThanOrEqual(await emulatorNow(env.url));
    expect(backup.CreateTimestamp!.getUTCFullYear()).toBeGreaterThan(2000);
    expect(backup.DeleteTimestamp).toBeUndefined();
    expect(backup.SourceRegion).toBeUndefined();
    const raw = await rawCall(env.url, 'DescribeBackups', { Filters: { backupIds: [readyId] } }, { region: REGION });
    const wire = (raw.body['Backups'] as Record<string, unknown>[])[0]!;
    expect(wire['BackupArn']).toBe(`arn:aws:cloudhsm:us-east-1:${DEFAULT_ACCOUNT}:backup/${readyId}`);
    expect(wire['HsmType']).toBe('hsm2m.medium');
    expect(wire['Mode']).toBe('FIPS');
    expect(typeof wire['CreateTimestamp']).toBe('number');
    // Recorded DescribeBackups answers list an untagged backup with an empty TagList.
    expect(wire['TagList']).toEqual([]);
  });

  it('DescribeBackups refuses bad MaxResults, filter keys and values, and tokens', async () => {
    const describe = (input: ConstructorParameters<typeof DescribeBackupsCommand>[0]) => env.client.send(new DescribeBackupsCommand(input));
    await refused(describe({ MaxResults: 51 }), 'CloudHsmInvalidRequestException', /maxResults.*less than or equal to 50/);
    await refused(describe({ Filters: { backupId: [readyId] } }), 'CloudHsmInvalidRequestException', /Invalid filter key "backupId"/);
    await refused(describe({ Filters: { states: ['PENDING_DELETE'] } }), 'CloudHsmInvalidRequestException', /PENDING_DELETE.*Valid values/);
    await refused(describe({ Filters: { neverExpires: ['yes'] } }), 'CloudHsmInvalidRequestException', /neverExpires.*yes.*true, false/);
    await refused(describe({ Filters: { 'bad key!': [] } }), 'CloudHsmInvalidRequestException', /filters\.key.*regular expression/);
    await refused(describe({ NextToken: 'x'.repeat(257) }), 'CloudHsmInvalidRequestException', /nextToken.*less than or equal to 256/);
  });

  it('ModifyBackupAttributes sets and clears NeverExpires', async () => {
    const on = await env.client.send(new ModifyBackupAttributesCommand({ BackupId: readyId, NeverExpires: true }));
    expect(on.Backup!.BackupId).toBe(readyId);
    expect(on.Backup!.NeverExpires).toBe(true);
    expect(on.Backup!.BackupState).toBe('READY');
    expect(
      (await env.client.send(new DescribeBackupsCommand({ Filters: { neverExpires: ['true'] } }))).Backups!.map((b) => b.BackupId),
    ).toEqual([readyId]);
    const off = await env.client.send(new ModifyBackupAttributesCommand({ BackupId: readyId, NeverExpires: false }));
    expect(off.Backup!.NeverExpires).toBe(false);
    expect((await describeBackup(env.client, readyId))!.NeverExpires).toBe(false);
  });

  it('DeleteBackup puts the backup in PENDING_DELETION for 7 days; RestoreBackup makes it READY again', async () => {
    const now = await emulatorNow(env.url);
    const { Backup: deleted } = await env.client.send(new DeleteBackupCommand({ BackupId: readyId }));
    expect(deleted!.BackupId).toBe(readyId);
    expect(deleted!.BackupState).toBe('PENDING_DELETION');
    expectRecentDate(deleted!.DeleteTimestamp, now + 7 * DAY);
    expect((await describeBackup(env.client, readyId))!.BackupState).toBe('PENDING_DELETION');

    const { Backup: restored } = await env.client.send(new RestoreBackupCommand({ BackupId: readyId }));
    expect(restored!.BackupState).toBe('READY');
    expect(restored!.DeleteTimestamp).toBeUndefined();
    const raw = await rawCall(env.url, 'DescribeBackups', { Filters: { backupIds: [readyId] } }, { region: REGION });
    expect((raw.body['Backups'] as Record<string, unknown>[])[0]).not.toHaveProperty('DeleteTimestamp');
  });
});

describe('backup operations: refusals change nothing', () => {
  it('DeleteBackup, RestoreBackup and ModifyBackupAttributes refuse unknown backups and the wrong state, changing nothing', async () => {
    // A backup in PENDING_DELETION and one still being created (removing an HSM from an ACTIVE cluster takes one).
    const pendingId = readyId;
    await env.client.send(new DeleteBackupCommand({ BackupId: pendingId }));
    const spare = await activeHsm(env, active.clusterId, env.subnets[1]!.AvailabilityZone);
    await settleBackups(env);
    await env.client.send(new DeleteHsmCommand({ ClusterId: active.clusterId, HsmId: spare }));
    const creatingId = (await allBackups(env.client, { states: ['CREATE_IN_PROGRESS'] }))[0]!.BackupId!;
    const stillReady = (await allBackups(env.client, { states: ['READY'] }))[0]!.BackupId!;
    const before = await snapshot(env);

    await refused(
      env.client.send(new DeleteBackupCommand({ BackupId: 'backup-zzzzzzzzzzz' })),
      'CloudHsmResourceNotFoundException',
      /backup-zzzzzzzzzzz was not found in us-east-1/,
    );
    await refused(
      env.client.send(new DeleteBackupCommand({ BackupId: pendingId })),
      'CloudHsmInvalidRequestException',
      /PENDING_DELETION; only a READY backup can be deleted/,
    );
    await refused(
      env.client.send(new DeleteBackupCommand({ BackupId: creatingId })),
      'CloudHsmInvalidRequestException',
      /CREATE_IN_PROGRESS; only a READY backup can be deleted/,
    );
    await refused(
      env.client.send(new DeleteBackupCommand({ BackupId: arnOf(stillReady) })),
      'CloudHsmInvalidRequestException',
      /backupId.*regular expression/,
    );

    await refused(
      env.client.send(new RestoreBackupCommand({ BackupId: 'backup-zzzzzzzzzzz' })),
      'CloudHsmResourceNotFoundException',
      /backup-zzzzzzzzzzz was not found/,
    );
    await refused(
      env.client.send(new RestoreBackupCommand({ BackupId: stillReady })),
      'CloudHsmInvalidRequestException',
      /READY; only a backup in PENDING_DELETION can be restored/,
    );

    await refused(
      env.client.send(new ModifyBackupAttributesCommand({ BackupId: 'backup-zzzzzzzzzzz', NeverExpires: true })),
      'CloudHsmResourceNotFoundException',
      /backup-zzzzzzzzzzz was not found/,
    );
    await refused(
      env.client.send(new ModifyBackupAttributesCommand({ BackupId: pendingId, NeverExpires: true })),
      'CloudHsmInvalidRequestException',
      /PENDING_DELETION; attributes can only be changed on a READY backup/,
    );
    rawRefused(
      await rawCall(env.url, 'ModifyBackupAttributes', { BackupId: stillReady }, { region: REGION }),
      'CloudHsmInvalidRequestException',
      /neverExpires.*must not be null/,
    );
    expect(await snapshot(env)).toEqual(before);

    await env.client.send(new RestoreBackupCommand({ BackupId: pendingId }));
    await advanceUntil(env.url, async () => (await describeBackup(env.client, creatingId))!.BackupState === 'READY');
  });
});

describe('backup operations: CopyBackupToRegion', () => {
  it('CopyBackupToRegion returns DestinationBackup (source time and ids) and the copy appears in the destination', async () => {
    const source = (await describeBackup(env.client, readyId))!;
    await env.client.send(new TagResourceCommand({ ResourceId: readyId, TagList: [{ Key: 'Team', Value: 'pki' }] }));
    const { DestinationBackup } = await env.client.send(
      new CopyBackupToRegionCommand({ BackupId: readyId, DestinationRegion: 'us-west-2' }),
    );
    expect(DestinationBackup).toEqual({
      CreateTimestamp: source.CreateTimestamp,
      SourceRegion: REGION,
      SourceBackup: readyId,
      SourceCluster: active.clusterId,
    });
    const west = env.clientIn('us-west-2');
    const copies = (await west.send(new DescribeBackupsCommand({ Filters: { sourceBackupIds: [readyId] } }))).Backups!;
    expect(copies).toHaveLength(1);
    const copy = copies[0]!;
    expect(copy.BackupId).toMatch(ID.backup);
    expect(copy.BackupId).not.toBe(readyId);
    expect(copy.BackupState).toBe('CREATE_IN_PROGRESS');
    expect(copy.SourceRegion).toBe(REGION);
    expect(copy.SourceBackup).toBe(readyId);
    expect(copy.SourceCluster).toBe(active.clusterId);
    expect(copy.CreateTimestamp).toEqual(source.CreateTimestamp);
    expect(copy.TagList).toEqual([{ Key: 'Team', Value: 'pki' }]);
    const wire = (await rawCall(env.url, 'DescribeBackups', { Filters: { backupIds: [copy.BackupId] } }, { region: 'us-west-2' })).body;
    expect((wire['Backups'] as Record<string, unknown>[])[0]!['BackupArn']).toBe(
      `arn:aws:cloudhsm:us-west-2:${DEFAULT_ACCOUNT}:backup/${copy.BackupId}`,
    );
    // The source region does not list the copy.
    expect((await env.client.send(new DescribeBackupsCommand({ Filters: { sourceBackupIds: [readyId] } }))).Backups).toEqual([]);
  });

  it('CopyBackupToRegion refuses unknown backups, bad destinations, backups that are not READY and reserved tags', async () => {
    const pending = (await allBackups(env.client, { states: ['READY'] })).find((b) => b.BackupId !== readyId)!.BackupId!;
    await env.client.send(new DeleteBackupCommand({ BackupId: pending }));
    const before = await snapshot(env);
    const beforeWest = await snapshot(env, 'us-west-2');
    const copy = (input: { BackupId?: string; DestinationRegion?: string; TagList?: Tag[] }) =>
      env.client.send(new CopyBackupToRegionCommand({ BackupId: readyId, DestinationRegion: 'eu-west-1', ...input }));
    await refused(copy({ BackupId: 'backup-zzzzzzzzzzz' }), 'CloudHsmResourceNotFoundException', /backup-zzzzzzzzzzz was not found/);
    // Not "already in us-east-1", which would say the backup exists.
    await refused(
      copy({ BackupId: 'backup-zzzzzzzzzzz', DestinationRegion: REGION }),
      'CloudHsmResourceNotFoundException',
      /backup-zzzzzzzzzzz was not found/,
    );
    await refused(
      copy({ DestinationRegion: REGION }),
      'CloudHsmInvalidRequestException',
      /already in us-east-1; choose another destination region/,
    );
    await refused(copy({ DestinationRegion: 'us-north-9' }), 'CloudHsmInvalidRequestException', /us-north-9 does not offer CloudHSM/);
    await refused(copy({ DestinationRegion: 'us-gov-west-1' }), 'CloudHsmInvalidRequestException', /between aws and aws-us-gov/);
    await refused(copy({ DestinationRegion: 'Frankfurt' }), 'CloudHsmInvalidRequestException', /destinationRegion.*regular expression/);
    await refused(copy({ BackupId: pending }), 'CloudHsmInvalidRequestException', /PENDING_DELETION; only a READY backup can be copied/);
    await refused(copy({ TagList: [{ Key: 'aws:cloudformation:stack-name', Value: 'x' }] }), 'CloudHsmTagException', /reserved/);
    await refused(
      copy({
        TagList: [
          { Key: 'a', Value: '1' },
          { Key: 'a', Value: '1' },
        ],
      }),
      'CloudHsmInvalidRequestException',
      /appears more than once/,
    );
    expect(await snapshot(env)).toEqual(before);
    expect(await snapshot(env, 'us-west-2')).toEqual(beforeWest);
    expect(await allBackups(env.clientIn('eu-west-1'))).toEqual([]);
    await env.client.send(new RestoreBackupCommand({ BackupId: pending }));
  });
});

describe('backup operations: clusters made from a backup', () => {
  it('CreateCluster from a backup (by id and by ARN) echoes the backup id; a backup that is not READY is refused', async () => {
    const byId = await sendCreateCluster(env, { SourceBackupId: readyId });
    expect(byId.Cluster!.SourceBackupId).toBe(readyId);
    expect(byId.Cluster!.State).toBe('CREATE_IN_PROGRESS');
    const byArn = await sendCreateCluster(env, { SourceBackupId: arnOf(readyId) });
    expect(byArn.Cluster!.SourceBackupId).toBe(readyId);

    await env.client.send(new DeleteBackupCommand({ BackupId: readyId }));
    const before = await snapshot(env);
    await refused(
      sendCreateCluster(env, { SourceBackupId: readyId }),
      'CloudHsmInvalidRequestException',
      /PENDING_DELETION; only a READY backup can be used to create a cluster/,
    );
    expect(await snapshot(env)).toEqual(before);
    await env.client.send(new RestoreBackupCommand({ BackupId: readyId }));
  });

  it("CreateCluster from a backup takes the backup's mode, refuses another, and refuses an ARN of the wrong partition", async () => {
    // SDK 3.332 drops Mode from its output: read the wire answer.
    const inherited = await rawCall(env.url, 'CreateCluster', clusterRequest(env, { SourceBackupId: readyId }));
    expect((inherited.body as { Cluster: { Mode: string } }).Cluster.Mode).toBe('FIPS');
    const before = await snapshot(env);
    await refused(
      sendCreateCluster(env, { SourceBackupId: readyId, Mode: 'NON_FIPS' }),
      'CloudHsmInvalidRequestException',
      /taken in FIPS mode; it can only restore a FIPS cluster, not a NON_FIPS one/,
    );
    await refused(
      sendCreateCluster(env, { SourceBackupId: arnOf(readyId).replace('arn:aws:', 'arn:aws-us-gov:') }),
      'CloudHsmResourceNotFoundException',
      /not in partition aws-us-gov/,
    );
    expect(await snapshot(env)).toEqual(before);
  });
});
