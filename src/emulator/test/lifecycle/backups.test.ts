/**
 * Backups over time: deletion, restore and purge, the retention policy (and shortening it), and the backups
 * of a deleted cluster.
 *
 * Lifecycles run over real HTTP, with the emulator clock moved forward through the admin route instead of
 * waiting. Durations are not hard-coded: `advanceUntil` steps the clock until the client sees the next state,
 * and the tests only check that the work took a realistic while ("a few minutes", cloudhsm-api.md §4.1).
 */
import {
  CopyBackupToRegionCommand,
  DeleteBackupCommand,
  DeleteClusterCommand,
  DeleteHsmCommand,
  DescribeBackupsCommand,
  ModifyBackupAttributesCommand,
  ModifyClusterCommand,
  RestoreBackupCommand,
  type CloudHSMV2Client,
} from '@aws-sdk/client-cloudhsm-v2';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  advanceUntil,
  allBackups,
  cluster,
  DAY,
  describeBackup as backup,
  describeCluster,
  emulatorNow,
  seconds,
  settleBackups,
  sortedBackupIds as ids,
} from '../../testing/api';
import { settledActiveCluster, type ActiveCluster } from '../../testing/clusters';
import { refused, useEmulator } from '../../testing/env';
import { advanceClock } from '../../testing/harness';

describe('backup deletion, restore and purge', () => {
  const env = useEmulator();
  let backupId = '';

  beforeAll(async () => {
    await settledActiveCluster(env);
    backupId = (await allBackups(env.client))[0]!.BackupId!;
  });

  it('DeleteBackup → PENDING_DELETION with DeleteTimestamp ≈ now + 7 days; RestoreBackup → READY without it', async () => {
    const now = await emulatorNow(env.url);
    const { Backup: deleted } = await env.client.send(new DeleteBackupCommand({ BackupId: backupId }));
    expect(deleted!.BackupState).toBe('PENDING_DELETION');
    expect(Math.abs(seconds(deleted!.DeleteTimestamp) - (now + 7 * DAY))).toBeLessThan(5);
    await advanceClock(env.url, 3 * DAY);
    expect((await backup(env.client, backupId))!.BackupState).toBe('PENDING_DELETION');
    const { Backup: restored } = await env.client.send(new RestoreBackupCommand({ BackupId: backupId }));
    expect(restored!.BackupState).toBe('READY');
    expect(restored!.DeleteTimestamp).toBeUndefined();
    const described = (await backup(env.client, backupId))!;
    expect(described.BackupState).toBe('READY');
    expect(described.DeleteTimestamp).toBeUndefined();
    // Restored means restored: nothing purges it later (it is well within the 90-day retention).
    await advanceClock(env.url, 8 * DAY);
    expect((await backup(env.client, backupId))!.BackupState).toBe('READY');
  });

  it('a PENDING_DELETION backup is purged after 7 days: DELETED (no longer restorable), then gone', async () => {
    const { Backup: deleted } = await env.client.send(new DeleteBackupCommand({ BackupId: backupId }));
    const deleteAt = seconds(deleted!.DeleteTimestamp);
    await advanceClock(env.url, deleteAt - (await emulatorNow(env.url)) - 3600);
    expect((await backup(env.client, backupId))!.BackupState).toBe('PENDING_DELETION');
    await advanceClock(env.url, 2 * 3600);
    const purged = (await backup(env.client, backupId))!;
    expect(purged.BackupState).toBe('DELETED');
    expect(purged.DeleteTimestamp).toBeUndefined();
    await refused(
      env.client.send(new RestoreBackupCommand({ BackupId: backupId })),
      'CloudHsmInvalidRequestException',
      /DELETED; only a backup in PENDING_DELETION/,
    );
    await advanceUntil(env.url, async () => (await backup(env.client, backupId)) === undefined, { step: 6 * 3600, limit: 7 * DAY });
    await refused(env.client.send(new RestoreBackupCommand({ BackupId: backupId })), 'CloudHsmResourceNotFoundException', /was not found/);
  });
});

describe('the backup retention policy', () => {
  const env = useEmulator();
  let active: ActiveCluster;
  let kept = '';
  let copied = '';
  const west = (): CloudHSMV2Client => env.clientIn('us-west-2');

  beforeAll(async () => {
    active = await settledActiveCluster(env);
    kept = (await allBackups(env.client))[0]!.BackupId!;
    await env.client.send(new ModifyBackupAttributesCommand({ BackupId: kept, NeverExpires: true }));
    await advanceClock(env.url, DAY + 3600);
    await settleBackups(env);
    copied = (await allBackups(env.client, { neverExpires: ['false'] }))[0]!.BackupId!;
    await env.client.send(new CopyBackupToRegionCommand({ BackupId: copied, DestinationRegion: 'us-west-2' }));
    await settleBackups(env, west());
  });

  it('a 7-day policy leaves backups younger than 7 days alone', async () => {
    const { Cluster: modified } = await env.client.send(
      new ModifyClusterCommand({ ClusterId: active.clusterId, BackupRetentionPolicy: { Type: 'DAYS', Value: '7' } }),
    );
    expect(modified!.BackupRetentionPolicy).toEqual({ Type: 'DAYS', Value: '7' });
    await advanceClock(env.url, 3 * DAY);
    await settleBackups(env);
    const backups = await allBackups(env.client, { clusterIds: [active.clusterId] });
    expect(backups.length).toBeGreaterThanOrEqual(5);
    expect(backups.every((b) => b.BackupState === 'READY')).toBe(true);
  });

  it("after 8+ days older backups go PENDING_DELETION, except the cluster's newest and NeverExpires ones; copies elsewhere are untouched", async () => {
    // Remove the HSM so daily backups stop; removing it takes the cluster's last backup.
    await env.client.send(new DeleteHsmCommand({ ClusterId: active.clusterId, HsmId: active.hsmId }));
    await settleBackups(env);
    const before = await allBackups(env.client, { clusterIds: [active.clusterId] });
    expect(before.every((b) => b.BackupState === 'READY')).toBe(true);
    const newest = [...before].sort((a, b) => seconds(b.CreateTimestamp) - seconds(a.CreateTimestamp))[0]!.BackupId!;

    await advanceClock(env.url, 8 * DAY + 3600);
    const now = await emulatorNow(env.url);
    const after = await allBackups(env.client, { clusterIds: [active.clusterId] });
    expect(ids(after)).toEqual(ids(before));
    for (const b of after) {
      if (b.BackupId === newest || b.BackupId === kept) {
        expect(b.BackupState, b.BackupId).toBe('READY');
      } else {
        expect(b.BackupState, b.BackupId).toBe('PENDING_DELETION');
        // Still restorable for a while.
        expect(seconds(b.DeleteTimestamp)).toBeGreaterThan(now);
      }
    }
    expect(after.filter((b) => b.BackupState === 'PENDING_DELETION').length).toBeGreaterThanOrEqual(3);
    const copies = await allBackups(west(), { sourceBackupIds: [copied] });
    expect(copies).toHaveLength(1);
    expect(copies[0]!.BackupState).toBe('READY');
  });
});

describe('shortening the retention period of a cluster with old backups', () => {
  const env = useEmulator();
  let active: ActiveCluster;
  let exempt = '';

  beforeAll(async () => {
    active = await settledActiveCluster(env);
    // Three weeks of daily backups under the default 90-day policy.
    await advanceClock(env.url, 21 * DAY);
    await settleBackups(env);
    const oldest = (await env.client.send(new DescribeBackupsCommand({ SortAscending: true, MaxResults: 2 }))).Backups!;
    exempt = oldest[1]!.BackupId!;
    await env.client.send(new ModifyBackupAttributesCommand({ BackupId: exempt, NeverExpires: true }));
  });

  it('purges backups older than the new period into PENDING_DELETION, restorable for 7 more days', async () => {
    const before = await allBackups(env.client, { clusterIds: [active.clusterId] });
    expect(before.length).toBeGreaterThanOrEqual(20);
    expect(before.every((b) => b.BackupState === 'READY')).toBe(true);
    const now = await emulatorNow(env.url);
    await env.client.send(new ModifyClusterCommand({ ClusterId: active.clusterId, BackupRetentionPolicy: { Type: 'DAYS', Value: '7' } }));
    const after = await allBackups(env.client, { clusterIds: [active.clusterId] });
    const old = after.filter((b) => seconds(b.CreateTimestamp) < now - 7 * DAY - 3600 && b.BackupId !== exempt);
    expect(old.length).toBeGreaterThanOrEqual(10);
    for (const b of old) {
      expect(b.BackupState, b.BackupId).toBe('PENDING_DELETION');
      expect(seconds(b.DeleteTimestamp), b.BackupId).toBeGreaterThan(now + 6 * DAY);
    }
    const young = after.filter((b) => seconds(b.CreateTimestamp) > now - 6 * DAY);
    expect(young.length).toBeGreaterThanOrEqual(5);
    expect(young.every((b) => b.BackupState === 'READY')).toBe(true);
    expect(after.find((b) => b.BackupId === exempt)!.BackupState).toBe('READY');
  });

  it('a NeverExpires backup put back under the policy is purged restorably too', async () => {
    const now = await emulatorNow(env.url);
    await env.client.send(new ModifyBackupAttributesCommand({ BackupId: exempt, NeverExpires: false }));
    const purged = (await backup(env.client, exempt))!;
    expect(purged.BackupState).toBe('PENDING_DELETION');
    expect(seconds(purged.DeleteTimestamp)).toBeGreaterThan(now + 6 * DAY);
    const { Backup: restored } = await env.client.send(new RestoreBackupCommand({ BackupId: exempt }));
    expect(restored!.BackupState).toBe('READY');
    // The restored backup is not purged again at once: the user has a day to set NeverExpires.
    expect((await backup(env.client, exempt))!.BackupState).toBe('READY');
    await env.client.send(new ModifyBackupAttributesCommand({ BackupId: exempt, NeverExpires: true }));
    await advanceClock(env.url, 2 * DAY);
    expect((await backup(env.client, exempt))!.BackupState).toBe('READY');
  });

  it('a restored backup left under the policy is purged again after its day of grace', async () => {
    const victim = (await allBackups(env.client, { clusterIds: [active.clusterId], states: ['PENDING_DELETION'] }))[0]!;
    await env.client.send(new RestoreBackupCommand({ BackupId: victim.BackupId! }));
    expect((await backup(env.client, victim.BackupId!))!.BackupState).toBe('READY');
    await advanceClock(env.url, DAY + 60);
    expect((await backup(env.client, victim.BackupId!))!.BackupState).toBe('PENDING_DELETION');
  });
});

describe('backups of a deleted cluster', () => {
  const env = useEmulator();

  it("stay under the cluster's last retention policy after the cluster is gone, and the newest is kept", async () => {
    const active = await settledActiveCluster(env);
    await env.client.send(new ModifyClusterCommand({ ClusterId: active.clusterId, BackupRetentionPolicy: { Type: 'DAYS', Value: '30' } }));
    await advanceClock(env.url, 3 * DAY);
    await settleBackups(env);
    await env.client.send(new DeleteHsmCommand({ ClusterId: active.clusterId, HsmId: active.hsmId }));
    await advanceUntil(env.url, async () => (await cluster(env, active.clusterId)).Hsms!.length === 0);
    await settleBackups(env);
    await env.client.send(new DeleteClusterCommand({ ClusterId: active.clusterId }));
    // Past the cluster's disappearance (a day after DELETED) but well inside 30 days: nothing purged.
    await advanceClock(env.url, 5 * DAY);
    expect(await describeCluster(env.client, active.clusterId)).toBeUndefined();
    const kept = await allBackups(env.client, { clusterIds: [active.clusterId] });
    expect(kept.length).toBeGreaterThanOrEqual(4);
    expect(kept.every((b) => b.BackupState === 'READY')).toBe(true);
    // After 30 days (not the 90 of the default) all but the newest are purged.
    await advanceClock(env.url, 30 * DAY);
    const later = await allBackups(env.client, { clusterIds: [active.clusterId] });
    const ready = later.filter((b) => b.BackupState === 'READY');
    expect(ready).toHaveLength(1);
    expect(seconds(ready[0]!.CreateTimestamp)).toBe(Math.max(...kept.map((b) => seconds(b.CreateTimestamp))));
  });
});
