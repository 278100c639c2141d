/**
 * Backups across regions and back into clusters: CopyBackupToRegion and clusters created from a backup.
 *
 * Lifecycles run over real HTTP, with the emulator clock moved forward through the admin route instead of
 * waiting. Durations are not hard-coded: `advanceUntil` steps the clock until the client sees the next state,
 * and the tests only check that the work took a realistic while ("a few minutes", cloudhsm-api.md §4.1).
 */
import {
  CopyBackupToRegionCommand,
  CreateClusterCommand,
  CreateHsmCommand,
  DeleteBackupCommand,
  DescribeBackupsCommand,
  RestoreBackupCommand,
  TagResourceCommand,
  type Backup,
  type CloudHSMV2Client,
} from '@aws-sdk/client-cloudhsm-v2';
import { beforeAll, describe, expect, it } from 'vitest';
import { advanceUntil, allBackups, cluster, describeCluster, seconds, settleBackups, sortedBackupIds as ids } from '../../testing/api';
import { settledActiveCluster, type ActiveCluster } from '../../testing/clusters';
import { refused, TEST_REGION as REGION, useEmulator } from '../../testing/env';
import { rawCall, seededSubnets } from '../../testing/harness';

const env = useEmulator();
let active: ActiveCluster;
let source: Backup;
const west = (): CloudHSMV2Client => env.clientIn('us-west-2');
beforeAll(async () => {
  active = await settledActiveCluster(env);
  source = (await allBackups(env.client))[0]!;
  await env.client.send(new TagResourceCommand({ ResourceId: source.BackupId!, TagList: [{ Key: 'Team', Value: 'pki' }] }));
});

describe('CopyBackupToRegion', () => {
  it("the copy appears in the destination as CREATE_IN_PROGRESS, then READY, with the source's time, ids and tags", async () => {
    const { DestinationBackup } = await env.client.send(
      new CopyBackupToRegionCommand({ BackupId: source.BackupId, DestinationRegion: 'us-west-2' }),
    );
    expect(DestinationBackup!.CreateTimestamp).toEqual(source.CreateTimestamp);
    expect(DestinationBackup!.SourceRegion).toBe(REGION);
    expect(DestinationBackup!.SourceBackup).toBe(source.BackupId);
    expect(DestinationBackup!.SourceCluster).toBe(active.clusterId);

    const find = async (): Promise<Backup | undefined> =>
      (await west().send(new DescribeBackupsCommand({ Filters: { sourceBackupIds: [source.BackupId!] } }))).Backups?.[0];
    const copy = (await find())!;
    expect(copy.BackupId).not.toBe(source.BackupId);
    expect(copy.CreateTimestamp).toEqual(source.CreateTimestamp);
    expect(copy.SourceRegion).toBe(REGION);
    expect(copy.SourceBackup).toBe(source.BackupId);
    expect(copy.SourceCluster).toBe(active.clusterId);
    expect(copy.CopyTimestamp).toBeInstanceOf(Date);
    expect(seconds(copy.CopyTimestamp)).toBeGreaterThan(seconds(copy.CreateTimestamp));
    expect(copy.TagList).toEqual([{ Key: 'Team', Value: 'pki' }]);
    const { seen, elapsed } = await advanceUntil(env.url, async () => (await find())?.BackupState === 'READY', {
      observe: async () => (await find())?.BackupState,
    });
    expect(seen).toEqual(['CREATE_IN_PROGRESS', 'READY']);
    expect(elapsed).toBeGreaterThan(0);
  });

  it("a TagList given to the copy replaces the source's tags", async () => {
    await env.client.send(
      new CopyBackupToRegionCommand({ BackupId: source.BackupId, DestinationRegion: 'eu-west-1', TagList: [{ Key: 'Copy', Value: 'dr' }] }),
    );
    const copies = await allBackups(env.clientIn('eu-west-1'), { sourceBackupIds: [source.BackupId!] });
    expect(copies).toHaveLength(1);
    expect(copies[0]!.TagList).toEqual([{ Key: 'Copy', Value: 'dr' }]);
  });

  it('copying to the same region, or a backup that is not READY, is refused and copies nothing', async () => {
    const westBefore = ids(await allBackups(west()));
    await refused(
      env.client.send(new CopyBackupToRegionCommand({ BackupId: source.BackupId, DestinationRegion: REGION })),
      'CloudHsmInvalidRequestException',
      /choose another destination region/,
    );
    // A backup still being created: adding an HSM to the ACTIVE cluster takes one.
    await env.client.send(new CreateHsmCommand({ ClusterId: active.clusterId, AvailabilityZone: env.subnets[1]!.AvailabilityZone }));
    const creating = await advanceUntil(
      env.url,
      async () => (await allBackups(env.client, { states: ['CREATE_IN_PROGRESS'] })).length > 0,
      { step: 10 },
    );
    expect(creating.elapsed).toBeGreaterThan(0);
    const inProgress = (await allBackups(env.client, { states: ['CREATE_IN_PROGRESS'] }))[0]!;
    await refused(
      env.client.send(new CopyBackupToRegionCommand({ BackupId: inProgress.BackupId, DestinationRegion: 'us-west-2' })),
      'CloudHsmInvalidRequestException',
      /CREATE_IN_PROGRESS; only a READY backup can be copied/,
    );
    await settleBackups(env);
    const other = (await allBackups(env.client, { states: ['READY'] })).find((b) => b.BackupId !== source.BackupId)!;
    await env.client.send(new DeleteBackupCommand({ BackupId: other.BackupId }));
    await refused(
      env.client.send(new CopyBackupToRegionCommand({ BackupId: other.BackupId, DestinationRegion: 'us-west-2' })),
      'CloudHsmInvalidRequestException',
      /PENDING_DELETION; only a READY backup can be copied/,
    );
    expect(ids(await allBackups(west()))).toEqual(westBefore);
    await env.client.send(new RestoreBackupCommand({ BackupId: other.BackupId }));
  });
});

describe('clusters created from a backup', () => {
  it("CreateCluster from a backup id goes straight to ACTIVE with the backup's ClusterCertificate", async () => {
    const { Cluster: created } = await env.client.send(
      new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: env.subnets.map((s) => s.SubnetId), SourceBackupId: source.BackupId }),
    );
    const clusterId = created!.ClusterId!;
    expect(created!.SourceBackupId).toBe(source.BackupId);
    const { seen } = await advanceUntil(env.url, async () => (await cluster(env, clusterId)).State === 'ACTIVE', {
      observe: async () => (await cluster(env, clusterId)).State,
    });
    expect(seen).toEqual(['CREATE_IN_PROGRESS', 'ACTIVE']);
    const restored = await cluster(env, clusterId);
    expect(restored.Certificates).toEqual({ ClusterCertificate: active.certificate });
    expect(restored.SourceBackupId).toBe(source.BackupId);
    expect(restored.SecurityGroup).toMatch(/^sg-/);
    expect(restored.Hsms).toEqual([]);
    // No initialization, no one-HSM limit: two HSMs at once, and each one up takes a backup.
    await env.client.send(new CreateHsmCommand({ ClusterId: clusterId, AvailabilityZone: env.subnets[0]!.AvailabilityZone }));
    await env.client.send(new CreateHsmCommand({ ClusterId: clusterId, AvailabilityZone: env.subnets[1]!.AvailabilityZone }));
    await advanceUntil(env.url, async () => (await cluster(env, clusterId)).Hsms!.every((h) => h.State === 'ACTIVE'));
    await settleBackups(env);
    expect((await allBackups(env.client, { clusterIds: [clusterId] })).length).toBeGreaterThanOrEqual(2);
  });

  it('CreateCluster from a backup ARN, and from a copy in another region, echo the backup id', async () => {
    const arn = `arn:aws:cloudhsm:${REGION}:123456789012:backup/${source.BackupId}`;
    const { Cluster: byArn } = await env.client.send(
      new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: [env.subnets[2]!.SubnetId], SourceBackupId: arn }),
    );
    expect(byArn!.SourceBackupId).toBe(source.BackupId);
    await advanceUntil(env.url, async () => (await cluster(env, byArn!.ClusterId!)).State === 'ACTIVE');
    const restored = await cluster(env, byArn!.ClusterId!);
    expect(restored.SourceBackupId).toBe(source.BackupId);
    expect(restored.Certificates).toEqual({ ClusterCertificate: active.certificate });

    const westSubnets = await seededSubnets(env.url, 'us-west-2');
    const copy = (await allBackups(west(), { sourceBackupIds: [source.BackupId!] }))[0]!;
    expect(copy.BackupState).toBe('READY');
    const { Cluster: fromCopy } = await west().send(
      new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: [westSubnets[0]!.SubnetId], SourceBackupId: copy.BackupId }),
    );
    expect(fromCopy!.SourceBackupId).toBe(copy.BackupId);
    expect(fromCopy!.SubnetMapping).toEqual({ [westSubnets[0]!.AvailabilityZone]: westSubnets[0]!.SubnetId });
    await advanceUntil(env.url, async () => (await describeCluster(west(), fromCopy!.ClusterId!))?.State === 'ACTIVE');
    expect((await describeCluster(west(), fromCopy!.ClusterId!))!.Certificates).toEqual({ ClusterCertificate: active.certificate });
  });

  it('ModifyCluster refuses an HSM-type migration of an hsm2m cluster (only hsm1 → hsm2m exists) and changes nothing', async () => {
    const before = await rawCall(env.url, 'DescribeClusters', { Filters: { clusterIds: [active.clusterId] } }, { region: REGION });
    for (const target of ['hsm1.medium', 'hsm2m.large']) {
      const response = await rawCall(env.url, 'ModifyCluster', { ClusterId: active.clusterId, HsmType: target }, { region: REGION });
      expect(response.status).toBe(400);
      expect(response.body['__type']).toBe('CloudHsmInvalidRequestException');
      expect(String(response.body['message'])).toMatch(new RegExp(`from hsm2m\\.medium to ${target.replace('.', '\\.')} is not supported`));
    }
    const after = await rawCall(env.url, 'DescribeClusters', { Filters: { clusterIds: [active.clusterId] } }, { region: REGION });
    expect(after.body).toEqual(before.body);
    const wire = (after.body['Clusters'] as Record<string, unknown>[])[0]!;
    expect(wire['State']).toBe('ACTIVE');
    expect(wire['HsmType']).toBe('hsm2m.medium');
    expect(wire).not.toHaveProperty('HsmTypeRollbackExpiration');
  });
});
