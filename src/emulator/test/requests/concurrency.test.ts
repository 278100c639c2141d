/**
 * Concurrent requests over real HTTP with the AWS SDK: mutations are applied one at a time, so concurrent
 * writes are neither lost nor double-applied, and a request that races another sees the state it left.
 */
import {
  CloudHsmInvalidRequestException,
  CreateClusterCommand,
  CreateHsmCommand,
  DeleteBackupCommand,
  DescribeBackupsCommand,
  DescribeClustersCommand,
  ListTagsCommand,
  ModifyBackupAttributesCommand,
  TagResourceCommand,
  type CloudHSMV2Client,
} from '@aws-sdk/client-cloudhsm-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../node/server';
import { listAllTags } from '../../testing/api';
import { advanceClock, sdkClient, seededSubnets, startTestEmulator } from '../../testing/harness';

let emulator: RunningEmulator;
const clients: CloudHSMV2Client[] = [];

beforeAll(async () => {
  // The demo seed brings READY backups; everything else is created by the tests.
  emulator = await startTestEmulator({ seed: 'demo' });
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await emulator?.close();
});

function client(region = 'us-east-1'): CloudHSMV2Client {
  const c = sdkClient(emulator.url, region);
  clients.push(c);
  return c;
}

async function newCluster(c: CloudHSMV2Client, region = 'us-east-1'): Promise<{ clusterId: string; azs: string[] }> {
  const subnets = await seededSubnets(emulator.url, region);
  const out = await c.send(new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: subnets.slice(0, 3).map((s) => s.SubnetId) }));
  const cluster = out.Cluster!;
  expect(cluster.TagList ?? []).toEqual([]);
  return { clusterId: cluster.ClusterId!, azs: Object.keys(cluster.SubnetMapping ?? {}) };
}

function outcomes<T>(results: PromiseSettledResult<T>[]): { ok: T[]; errors: unknown[] } {
  return {
    ok: results.filter((r): r is PromiseFulfilledResult<T> => r.status === 'fulfilled').map((r) => r.value),
    errors: results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown),
  };
}

const describeError = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

describe('concurrent requests: writes', () => {
  it('applies 100 concurrent TagResource calls (2 clusters x 50 distinct keys): every tag is listed', async () => {
    const c1 = client();
    const c2 = client();
    const [a, b] = await Promise.all([newCluster(c1), newCluster(c1)]);
    const resources = [a.clusterId, b.clusterId];
    const calls = resources.flatMap((resourceId, r) =>
      Array.from({ length: 50 }, (_, i) => ({ resourceId, tag: { Key: `key-${String(i).padStart(2, '0')}`, Value: `r${r}-value-${i}` } })),
    );
    expect(calls).toHaveLength(100);
    // Interleave the two resources and spread the calls over two clients (two connection pools).
    const order = calls.map((_, i) => (i % 2 === 0 ? i / 2 : 50 + (i - 1) / 2));
    const results = await Promise.allSettled(
      order.map((index, n) => {
        const { resourceId, tag } = calls[index]!;
        return (n % 2 === 0 ? c1 : c2).send(new TagResourceCommand({ ResourceId: resourceId, TagList: [tag] }));
      }),
    );
    const { ok, errors } = outcomes(results);
    expect(errors.map(describeError)).toEqual([]);
    expect(ok).toHaveLength(100);

    for (const [r, resourceId] of resources.entries()) {
      const tags = await listAllTags(c1, resourceId, 9);
      const expected = calls.filter((call) => call.resourceId === resourceId).map((call) => call.tag);
      expect(tags).toHaveLength(50);
      expect([...tags].sort((x, y) => x.Key!.localeCompare(y.Key!))).toEqual(expected);
      expect(tags.every((t) => t.Value!.startsWith(`r${r}-`))).toBe(true);
    }
  });

  it('concurrent CreateHsm on an UNINITIALIZED cluster: exactly one succeeds, the others are refused', async () => {
    const c = client();
    const { clusterId, azs } = await newCluster(c);
    await advanceClock(emulator.url, 301);
    const before = await c.send(new DescribeClustersCommand({ Filters: { clusterIds: [clusterId] } }));
    expect(before.Clusters?.[0]?.State).toBe('UNINITIALIZED');
    expect(azs.length).toBeGreaterThanOrEqual(2);

    const attempts = 8;
    const results = await Promise.allSettled(
      Array.from({ length: attempts }, (_, i) =>
        c.send(new CreateHsmCommand({ ClusterId: clusterId, AvailabilityZone: azs[i % azs.length]! })),
      ),
    );
    const { ok, errors } = outcomes(results);
    expect(ok).toHaveLength(1);
    expect(errors).toHaveLength(attempts - 1);
    for (const error of errors) {
      expect(error).toBeInstanceOf(CloudHsmInvalidRequestException);
      expect((error as Error).message).toContain(`Cluster '${clusterId}' already contains an HSM`);
    }
    const after = await c.send(new DescribeClustersCommand({ Filters: { clusterIds: [clusterId] } }));
    const hsms = after.Clusters?.[0]?.Hsms ?? [];
    expect(hsms.map((h) => h.HsmId)).toEqual([ok[0]!.Hsm!.HsmId]);
    expect(after.Clusters?.[0]?.State).toBe('UNINITIALIZED');
  });
});

describe('concurrent requests: reads during writes, and deletes', () => {
  it('identical reads interleaved with writes, transitions and concurrent traffic never see a stale answer', async () => {
    const c = client();
    const other = client('us-west-2');
    const { clusterId } = await newCluster(c);
    const describe = () => c.send(new DescribeClustersCommand({ Filters: { clusterIds: [clusterId] } }));
    const first = await describe();
    expect(first.Clusters?.[0]?.State).toBe('CREATE_IN_PROGRESS');
    expect((await describe()).Clusters?.[0]?.State).toBe('CREATE_IN_PROGRESS');

    // The same ListTags request after every write shows that write.
    for (let i = 0; i < 20; i++) {
      await c.send(new TagResourceCommand({ ResourceId: clusterId, TagList: [{ Key: `step-${i % 5}`, Value: `v${i}` }] }));
      const tags = (await c.send(new ListTagsCommand({ ResourceId: clusterId }))).TagList ?? [];
      expect(tags).toContainEqual({ Key: `step-${i % 5}`, Value: `v${i}` });
      expect((await describe()).Clusters?.[0]?.TagList).toContainEqual({ Key: `step-${i % 5}`, Value: `v${i}` });
    }

    // A time-driven transition shows on the identical request.
    await advanceClock(emulator.url, 301);
    expect((await describe()).Clusters?.[0]?.State).toBe('UNINITIALIZED');

    // Reads racing writes (and reads of another region): once every write is acknowledged, the identical
    // read shows all of them.
    const writes = Array.from({ length: 30 }, (_, i) =>
      c.send(new TagResourceCommand({ ResourceId: clusterId, TagList: [{ Key: `race-${i}`, Value: `w${i}` }] })),
    );
    const reads = Array.from({ length: 30 }, (_, i) =>
      i % 2 === 0 ? c.send(new ListTagsCommand({ ResourceId: clusterId })) : other.send(new DescribeClustersCommand({})),
    );
    const settled = await Promise.allSettled([...writes, ...reads]);
    expect(settled.filter((r) => r.status === 'rejected').map((r) => describeError((r as PromiseRejectedResult).reason))).toEqual([]);
    const tags = await listAllTags(c, clusterId, 9);
    for (let i = 0; i < 30; i++) expect(tags).toContainEqual({ Key: `race-${i}`, Value: `w${i}` });
    const again = (await c.send(new ListTagsCommand({ ResourceId: clusterId }))).TagList ?? [];
    expect(again).toHaveLength(35);

    // Backups: the identical first-page request shows a modification and a deletion.
    const page = () => c.send(new DescribeBackupsCommand({ MaxResults: 50 }));
    const ready = ((await page()).Backups ?? []).filter((b) => b.BackupState === 'READY' && b.NeverExpires !== true);
    expect(ready.length).toBeGreaterThanOrEqual(2);
    const [toKeep, toDelete] = [ready[0]!.BackupId!, ready[1]!.BackupId!];
    await c.send(new ModifyBackupAttributesCommand({ BackupId: toKeep, NeverExpires: true }));
    await c.send(new DeleteBackupCommand({ BackupId: toDelete }));
    const after = (await page()).Backups ?? [];
    expect(after.find((b) => b.BackupId === toKeep)?.NeverExpires).toBe(true);
    expect(after.find((b) => b.BackupId === toDelete)?.BackupState).toBe('PENDING_DELETION');
  });

  it('concurrent DeleteBackup of the same backup: exactly one succeeds', async () => {
    const c = client();
    const backups = (await c.send(new DescribeBackupsCommand({ MaxResults: 50 }))).Backups ?? [];
    const target = backups.find((b) => b.BackupState === 'READY');
    expect(target).toBeDefined();
    const backupId = target!.BackupId!;

    const attempts = 10;
    const results = await Promise.allSettled(
      Array.from({ length: attempts }, () => c.send(new DeleteBackupCommand({ BackupId: backupId }))),
    );
    const { ok, errors } = outcomes(results);
    expect(ok).toHaveLength(1);
    expect(ok[0]!.Backup?.BackupState).toBe('PENDING_DELETION');
    expect(errors).toHaveLength(attempts - 1);
    for (const error of errors) {
      expect(error).toBeInstanceOf(CloudHsmInvalidRequestException);
      expect((error as Error).message).toContain(`Backup ${backupId} is PENDING_DELETION`);
    }
    const after = await c.send(new DescribeBackupsCommand({ Filters: { backupIds: [backupId] } }));
    expect(after.Backups?.map((b) => [b.BackupId, b.BackupState])).toEqual([[backupId, 'PENDING_DELETION']]);
    expect(after.Backups?.[0]?.DeleteTimestamp?.getTime()).toBe(ok[0]!.Backup?.DeleteTimestamp?.getTime());
  });
});
