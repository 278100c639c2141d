/**
 * Durability of the emulator's --data file, over real HTTP with the AWS SDK: the state survives a clean restart.
 */
import { join } from 'node:path';
import { DeleteBackupCommand, ModifyBackupAttributesCommand, TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-cloudhsm-v2';
import { describe, expect, it } from 'vitest';
import { DEMO_REGIONS } from '../../seed';
import { allBackups, allClusters } from '../../testing/api';
import { advanceClock, sdkClient, startTestEmulator } from '../../testing/harness';
import { captureState, createClusterIn as createCluster, useTempDirs } from '../../testing/persistence';

const tempDir = useTempDirs('emulator-persistence-');

describe('persistence across a clean restart', () => {
  it('shows the same clusters, backups, tags, states, timestamps and clock offset after a restart', async () => {
    const dir = tempDir();
    const dataFile = join(dir, 'state.jsonl');
    const newRegion = 'ca-central-1';
    const regions = [...DEMO_REGIONS, newRegion];

    const first = await startTestEmulator({ seed: 'demo', dataFile });
    let before: Awaited<ReturnType<typeof captureState>>;
    let created: { east: string; ca: string; deleted: string; neverExpires: string; demoCluster: string };
    try {
      const east = sdkClient(first.url, 'us-east-1');
      const ca = sdkClient(first.url, newRegion);
      const eastCluster = await createCluster(east, first.url, 'us-east-1', [{ Key: 'Name', Value: 'persisted-east' }]);
      const caCluster = await createCluster(ca, first.url, newRegion);
      await east.send(
        new TagResourceCommand({
          ResourceId: eastCluster,
          TagList: [
            { Key: 'team', Value: 'durability' },
            { Key: 'env', Value: 'test' },
          ],
        }),
      );
      await ca.send(new TagResourceCommand({ ResourceId: caCluster, TagList: [{ Key: 'region-note', Value: 'created in Canada' }] }));

      const demoClusters = await allClusters(east);
      const demoCluster = demoClusters.find((c) => c.ClusterId !== eastCluster && (c.TagList?.length ?? 0) > 0)!;
      const removedKey = demoCluster.TagList![0]!.Key!;
      await east.send(new UntagResourceCommand({ ResourceId: demoCluster.ClusterId!, TagKeyList: [removedKey] }));

      const ready = (await allBackups(east)).filter((b) => b.BackupState === 'READY');
      expect(ready.length).toBeGreaterThanOrEqual(2);
      const deleted = ready[0]!.BackupId!;
      const neverExpires = ready[1]!.BackupId!;
      await east.send(new DeleteBackupCommand({ BackupId: deleted }));
      await east.send(new ModifyBackupAttributesCommand({ BackupId: neverExpires, NeverExpires: true }));
      await east.send(new TagResourceCommand({ ResourceId: neverExpires, TagList: [{ Key: 'keep', Value: 'forever' }] }));
      // Past the 300 s of cluster creation: the new clusters become UNINITIALIZED.
      await advanceClock(first.url, 400);
      east.destroy();
      ca.destroy();
      created = { east: eastCluster, ca: caCluster, deleted, neverExpires, demoCluster: demoCluster.ClusterId! };
      before = await captureState(first.url, regions);
    } finally {
      await first.close();
    }

    // The changes are really in the captured state (so comparing it after the restart means something).
    expect(before.offsetSeconds).toBe(400);
    const eastBefore = before.regions['us-east-1']!;
    expect(eastBefore.clusters.find((c) => c.ClusterId === created.east)?.State).toBe('UNINITIALIZED');
    expect(before.regions[newRegion]!.clusters.map((c) => c.ClusterId)).toEqual([created.ca]);
    expect(eastBefore.tags[created.east]).toEqual([
      { Key: 'Name', Value: 'persisted-east' },
      { Key: 'team', Value: 'durability' },
      { Key: 'env', Value: 'test' },
    ]);
    const deletedBefore = eastBefore.backups.find((b) => b.BackupId === created.deleted)!;
    expect(deletedBefore.BackupState).toBe('PENDING_DELETION');
    expect(deletedBefore.DeleteTimestamp).toBeInstanceOf(Date);
    expect(eastBefore.backups.find((b) => b.BackupId === created.neverExpires)?.NeverExpires).toBe(true);
    expect(eastBefore.tags[created.neverExpires]).toContainEqual({ Key: 'keep', Value: 'forever' });

    // Restart on the same file with the empty seed: everything comes from the file.
    const logs: string[] = [];
    const second = await startTestEmulator({ seed: 'empty', dataFile, log: (m) => logs.push(m) });
    try {
      const after = await captureState(second.url, regions);
      expect(after).toEqual(before);
      expect(logs.join('\n')).toContain(`Loaded emulator state from ${dataFile}`);
    } finally {
      await second.close();
    }
  });
});
