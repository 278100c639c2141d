// @vitest-environment happy-dom
/**
 * Every mutation hook against the real server: it does what it says, and afterwards exactly the query keys
 * it changed are stale. Each test plants a grid of cached queries (both regions; the resource's own and
 * another's ids) and checks which of them the mutation invalidated.
 */
import type { QueryClient, QueryKey, UseMutationResult } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CloudHsmClients } from '../clients';
import type { AwsRequestError } from '../errors';
import { createClusterCommand } from '../extensions/inputs';
import { backupKeys, clusterKeys, policyKeys, tagKeys } from '../keys';
import { useAllBackupsQuery } from '../queries/backups';
import { useClusterQuery, useClustersQuery } from '../queries/clusters';
import { useResourcePolicyQuery } from '../queries/policies';
import { useTagsQuery } from '../queries/tags';
import { ACCOUNT, testBackendPerFile, testClients } from '../testing/backend';
import { providers, testQueryClient } from '../testing/render';
import { useCopyBackupMutation, useDeleteBackupMutation, useModifyBackupAttributesMutation, useRestoreBackupMutation } from './backups';
import { useCreateClusterMutation, useDeleteClusterMutation, useInitializeClusterMutation, useModifyClusterMutation } from './clusters';
import { useCreateHsmMutation, useDeleteHsmMutation } from './hsms';
import { useDeleteResourcePolicyMutation, usePutResourcePolicyMutation } from './policies';
import { useTagResourceMutation, useUntagResourceMutation } from './tags';

const R = 'us-east-1';
const O = 'eu-west-1';
const OTHER_CLUSTER = 'cluster-aaaaaaaaaaa';
const OTHER_BACKUP = 'backup-aaaaaaaaaaa';
const arnOf = (region: string, backupId: string) => `arn:aws:cloudhsm:${region}:${ACCOUNT}:backup/${backupId}`;

const backend = testBackendPerFile({ large: { clusters: 8, backups: 40, regions: [R, O] }, speed: 600 });
let clients: CloudHsmClients;
beforeAll(() => {
  ({ clients } = testClients(backend));
});

// ---- the planted grid ----------------------------------------------------------------------------

interface Ids {
  clusterId?: string;
  backupId?: string;
}
const clusterLists = (r: string): QueryKey[] => [clusterKeys.list(r), clusterKeys.list(r, { states: ['ACTIVE'] })];
const clusterDetail = (r: string, id: string): QueryKey[] => [clusterKeys.detail(r, id)];
const backupLists = (r: string, clusterId: string): QueryKey[] => [
  backupKeys.list(r),
  backupKeys.list(r, { clusterIds: [clusterId] }),
  backupKeys.infinite(r, {}, 50),
];
const backupDetail = (r: string, id: string): QueryKey[] => [backupKeys.detail(r, id)];
const tagsOf = (r: string, id: string): QueryKey[] => [tagKeys.of(r, id)];
const policyOf = (r: string, id: string): QueryKey[] => [policyKeys.of(r, arnOf(r, id))];

function grid({ clusterId = OTHER_CLUSTER, backupId = OTHER_BACKUP }: Ids): QueryKey[] {
  return [R, O].flatMap((r) => [
    ...clusterLists(r),
    ...clusterDetail(r, clusterId),
    ...clusterDetail(r, OTHER_CLUSTER),
    ...backupLists(r, clusterId),
    ...backupDetail(r, backupId),
    ...backupDetail(r, OTHER_BACKUP),
    ...tagsOf(r, clusterId),
    ...tagsOf(r, backupId),
    ...policyOf(r, backupId),
    ...policyOf(r, OTHER_BACKUP),
  ]);
}

function plant(queryClient: QueryClient, keys: QueryKey[]): void {
  for (const key of keys) queryClient.setQueryData(key, key.includes('infinite') ? { pages: [], pageParams: [] } : ['planted']);
}

const sortKeys = (keys: QueryKey[]) => keys.map((k) => JSON.stringify(k)).sort();

/** Runs one mutation through its hook; returns its value, the grid keys it made stale and the prefixes it invalidated. */
async function run<V, T>(useHook: () => UseMutationResult<T, AwsRequestError, V>, variables: V, ids: Ids) {
  const queryClient = testQueryClient();
  const keys = [...new Map(grid(ids).map((k) => [JSON.stringify(k), k])).values()];
  plant(queryClient, keys);
  const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
  const { result } = renderHook(useHook, { wrapper: providers(queryClient, clients) });
  const value = await act(() => result.current.mutateAsync(variables));
  await waitFor(() => expect(result.current.isSuccess).toBe(true));
  return {
    value,
    stale: sortKeys(keys.filter((k) => queryClient.getQueryState(k)?.isInvalidated)),
    prefixes: invalidate.mock.calls.map(([filters]) => filters?.queryKey),
  };
}

const expectStale = (actual: string[], expected: QueryKey[]) => expect(actual).toEqual(sortKeys(expected));

// ---- fixtures from the seeded store ----------------------------------------------------------------

async function activeClusterWithHsms(region: string) {
  return backend.waitFor(region, ({ clusters }) =>
    clusters.find((c) => c.State === 'ACTIVE' && c.Hsms.length >= 2 && c.Hsms.every((h) => h.State === 'ACTIVE')),
  );
}
async function readyBackup(region: string, skip: readonly string[] = []) {
  return backend.waitFor(region, ({ backups }) =>
    backups.find((b) => b.BackupState === 'READY' && !b.SourceRegion && !skip.includes(b.BackupId)),
  );
}

// ---- the tests -------------------------------------------------------------------------------------

describe('cluster and HSM mutations', () => {
  it('CreateCluster → CreateHsm → InitializeCluster, each invalidating the region’s cluster lists (and, after creation, the cluster)', async () => {
    const created = await run(
      () => useCreateClusterMutation(R),
      { HsmType: 'hsm2m.medium', SubnetIds: ['subnet-0c0ffee0000000001'], Mode: 'NON_FIPS' },
      {},
    );
    expect(created.value).toMatchObject({ State: 'CREATE_IN_PROGRESS', Mode: 'NON_FIPS' });
    expectStale(created.stale, clusterLists(R));
    expect(created.prefixes).toEqual([['clusters', R, 'list']]);
    const clusterId = created.value!.ClusterId!;

    const uninitialized = await backend.waitFor(R, ({ clusters }) =>
      clusters.find((c) => c.ClusterId === clusterId && c.State === 'UNINITIALIZED'),
    );
    const az = Object.keys(uninitialized.SubnetMapping)[0]!;
    const hsm = await run(() => useCreateHsmMutation(R), { ClusterId: clusterId, AvailabilityZone: az }, { clusterId });
    expect(hsm.value).toMatchObject({ ClusterId: clusterId, AvailabilityZone: az, State: 'CREATE_IN_PROGRESS' });
    expectStale(hsm.stale, [...clusterLists(R), ...clusterDetail(R, clusterId)]);
    expect(hsm.prefixes).toEqual([
      ['clusters', R, 'list'],
      ['clusters', R, 'detail', clusterId],
    ]);

    const withCsr = await backend.waitFor(
      R,
      ({ clusters }) => clusters.find((c) => c.ClusterId === clusterId && c.Certificates.ClusterCsr)?.Certificates.ClusterCsr,
    );
    const { signedCert, trustAnchor } = await backend.signCsr(withCsr);
    const init = await run(
      () => useInitializeClusterMutation(R),
      { ClusterId: clusterId, SignedCert: signedCert, TrustAnchor: trustAnchor },
      { clusterId },
    );
    expect(init.value.State).toBe('INITIALIZE_IN_PROGRESS');
    expectStale(init.stale, [...clusterLists(R), ...clusterDetail(R, clusterId)]);
  });

  it('ModifyCluster and DeleteCluster invalidate the cluster and the region’s cluster lists (ModifyCluster also its backup lists)', async () => {
    const active = await activeClusterWithHsms(R);
    const modified = await run(
      () => useModifyClusterMutation(R),
      { ClusterId: active.ClusterId, BackupRetentionPolicy: { Type: 'DAYS', Value: '120' } },
      { clusterId: active.ClusterId },
    );
    expect(modified.value?.BackupRetentionPolicy).toEqual({ Type: 'DAYS', Value: '120' });
    expectStale(modified.stale, [...clusterLists(R), ...clusterDetail(R, active.ClusterId), ...backupLists(R, active.ClusterId)]);

    // A bare cluster to delete (DeleteCluster needs zero HSMs).
    const created = await clients
      .forRegion(R)
      .send(createClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: ['subnet-0c0ffee0000000002'] }));
    const doomed = created.Cluster!.ClusterId!;
    await backend.waitFor(R, ({ clusters }) => clusters.find((c) => c.ClusterId === doomed && c.State === 'UNINITIALIZED'));
    const deleted = await run(() => useDeleteClusterMutation(R), { ClusterId: doomed }, { clusterId: doomed });
    expect(deleted.value?.State).toBe('DELETE_IN_PROGRESS');
    expectStale(deleted.stale, [...clusterLists(R), ...clusterDetail(R, doomed)]);
  });

  it('DeleteHsm also invalidates the region’s backup lists: the active cluster took a backup', async () => {
    const active = await activeClusterWithHsms(O);
    const backupsBefore = (await backend.records(O)).backups.filter((b) => b.ClusterId === active.ClusterId).length;
    const hsmId = active.Hsms[0]!.HsmId;
    const deleted = await run(
      () => useDeleteHsmMutation(O),
      { ClusterId: active.ClusterId, HsmId: hsmId },
      { clusterId: active.ClusterId },
    );
    expect(deleted.value).toBe(hsmId);
    expect((await backend.records(O)).backups.filter((b) => b.ClusterId === active.ClusterId).length).toBe(backupsBefore + 1);
    expectStale(deleted.stale, [...clusterLists(O), ...clusterDetail(O, active.ClusterId), ...backupLists(O, active.ClusterId)]);
  });
});

describe('backup mutations', () => {
  it('DeleteBackup, RestoreBackup and ModifyBackupAttributes invalidate the backup and the region’s backup lists', async () => {
    const backup = await readyBackup(R);
    const ids = { backupId: backup.BackupId, clusterId: backup.ClusterId };
    const expected = [...backupLists(R, backup.ClusterId), ...backupDetail(R, backup.BackupId)];

    const deleted = await run(() => useDeleteBackupMutation(R), { BackupId: backup.BackupId }, ids);
    expect(deleted.value).toMatchObject({ BackupState: 'PENDING_DELETION', BackupArn: arnOf(R, backup.BackupId) });
    expectStale(deleted.stale, expected);

    const restored = await run(() => useRestoreBackupMutation(R), { BackupId: backup.BackupId }, ids);
    expect(restored.value?.BackupState).toBe('READY');
    expectStale(restored.stale, expected);

    const kept = await run(() => useModifyBackupAttributesMutation(R), { BackupId: backup.BackupId, NeverExpires: true }, ids);
    expect(kept.value?.NeverExpires).toBe(true);
    expectStale(kept.stale, expected);
  });

  it('CopyBackupToRegion invalidates the destination region’s backup lists, and a mounted list there shows the copy', async () => {
    const backup = await readyBackup(R);
    const copied = await run(
      () => useCopyBackupMutation(R),
      { BackupId: backup.BackupId, DestinationRegion: O },
      { backupId: backup.BackupId, clusterId: backup.ClusterId },
    );
    expect(copied.value).toMatchObject({ SourceBackup: backup.BackupId, SourceRegion: R });
    expectStale(copied.stale, backupLists(O, backup.ClusterId));
    expect(copied.prefixes).toEqual([
      ['backups', O, 'list'],
      ['backups', O, 'window'],
    ]);

    // With the destination's list on screen: it refetches by itself and shows the copy.
    const queryClient = testQueryClient();
    const wrapper = providers(queryClient, clients);
    const source = await readyBackup(R, [backup.BackupId]);
    const { result } = renderHook(
      () => ({ copies: useAllBackupsQuery([O], { filters: { sourceBackupIds: [source.BackupId] } }), copy: useCopyBackupMutation(R) }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.copies.isPending).toBe(false));
    expect(result.current.copies.rows).toEqual([]);
    await act(() => result.current.copy.mutateAsync({ BackupId: source.BackupId, DestinationRegion: O }));
    // The mutation resolved after the refetch: the cache already holds the copy; the view follows.
    expect(queryClient.getQueryData(backupKeys.list(O, { sourceBackupIds: [source.BackupId] }))).toHaveLength(1);
    await waitFor(() => expect(result.current.copies.rows).toHaveLength(1));
    expect(result.current.copies.rows[0]!.backup).toMatchObject({
      SourceBackup: source.BackupId,
      SourceRegion: R,
      BackupArn: expect.stringContaining(`:${O}:`),
    });
  });
});

describe('tag mutations', () => {
  it('TagResource on a cluster: its tags and the region’s cluster lists and detail; mounted views refetch', async () => {
    const active = await activeClusterWithHsms(R);
    const tagged = await run(
      () => useTagResourceMutation(R),
      { ResourceId: active.ClusterId, TagList: [{ Key: 'grid', Value: '1' }] },
      { clusterId: active.ClusterId },
    );
    expectStale(tagged.stale, [...tagsOf(R, active.ClusterId), ...clusterLists(R), ...clusterDetail(R, active.ClusterId)]);

    const queryClient = testQueryClient();
    const { result } = renderHook(
      () => ({
        tags: useTagsQuery(R, active.ClusterId),
        detail: useClusterQuery(R, active.ClusterId),
        list: useClustersQuery([R]),
        tag: useTagResourceMutation(R),
        untag: useUntagResourceMutation(R),
      }),
      { wrapper: providers(queryClient, clients) },
    );
    await waitFor(() =>
      expect(result.current.tags.isSuccess && result.current.detail.isSuccess && !result.current.list.isPending).toBe(true),
    );
    const hasTag = (tags: { Key?: string }[] | undefined) => (tags ?? []).some((t) => t.Key === 'reviewed');
    expect(hasTag(result.current.tags.data)).toBe(false);
    await act(() => result.current.tag.mutateAsync({ ResourceId: active.ClusterId, TagList: [{ Key: 'reviewed', Value: 'yes' }] }));
    await waitFor(() => {
      expect(hasTag(result.current.tags.data)).toBe(true);
      expect(hasTag(result.current.detail.data?.TagList)).toBe(true);
      expect(hasTag(result.current.list.rows.find((r) => r.cluster.ClusterId === active.ClusterId)?.cluster.TagList)).toBe(true);
    });
    await act(() => result.current.untag.mutateAsync({ ResourceId: active.ClusterId, TagKeyList: ['reviewed'] }));
    await waitFor(() => {
      expect(hasTag(result.current.tags.data)).toBe(false);
      expect(hasTag(result.current.detail.data?.TagList)).toBe(false);
    });
  });

  it('Tag/UntagResource on a backup: its tags and the region’s backup lists and detail', async () => {
    const backup = await readyBackup(O);
    const ids = { backupId: backup.BackupId, clusterId: backup.ClusterId };
    const expected = [...tagsOf(O, backup.BackupId), ...backupLists(O, backup.ClusterId), ...backupDetail(O, backup.BackupId)];
    expectStale(
      (await run(() => useTagResourceMutation(O), { ResourceId: backup.BackupId, TagList: [{ Key: 'k', Value: 'v' }] }, ids)).stale,
      expected,
    );
    expectStale((await run(() => useUntagResourceMutation(O), { ResourceId: backup.BackupId, TagKeyList: ['k'] }, ids)).stale, expected);
  });
});

describe('resource-policy mutations', () => {
  it('Put/DeleteResourcePolicy invalidate only that policy; a mounted policy query follows', async () => {
    const backup = await readyBackup(R);
    const arn = arnOf(R, backup.BackupId);
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: '210987654321' }, Action: 'cloudhsm:CreateCluster', Resource: arn }],
    });
    const ids = { backupId: backup.BackupId, clusterId: backup.ClusterId };
    const put = await run(() => usePutResourcePolicyMutation(R), { ResourceArn: arn, Policy: policy }, ids);
    expect(put.value).toBe(policy);
    expectStale(put.stale, policyOf(R, backup.BackupId));
    const removed = await run(() => useDeleteResourcePolicyMutation(R), { ResourceArn: arn }, ids);
    expect(removed.value).toBe(policy);
    expectStale(removed.stale, policyOf(R, backup.BackupId));

    const { result } = renderHook(() => ({ policy: useResourcePolicyQuery(R, arn), put: usePutResourcePolicyMutation(R) }), {
      wrapper: providers(testQueryClient(), clients),
    });
    await waitFor(() => expect(result.current.policy.isSuccess).toBe(true));
    expect(result.current.policy.data).toBeNull();
    await act(() => result.current.put.mutateAsync({ ResourceArn: arn, Policy: policy }));
    await waitFor(() => expect(result.current.policy.data).toBe(policy));
  });
});

describe('a failing mutation', () => {
  it('reports the AWS error (code, message, request id) and refreshes what the call would have changed (the view was stale)', async () => {
    const queryClient = testQueryClient();
    const keys = grid({ clusterId: OTHER_CLUSTER });
    plant(queryClient, keys);
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    const { result } = renderHook(() => useDeleteClusterMutation(R), { wrapper: providers(queryClient, clients) });
    act(() => result.current.mutate({ ClusterId: OTHER_CLUSTER }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error!.info).toMatchObject({
      code: 'CloudHsmResourceNotFoundException',
      operation: 'DeleteCluster',
      region: R,
      status: 400,
      requestId: expect.any(String),
      message: expect.stringContaining(OTHER_CLUSTER),
    });
    // Exactly DeleteCluster's keys: the cluster and the region's cluster lists, nothing else.
    await waitFor(() => expect(invalidate).toHaveBeenCalled());
    const stale = sortKeys(
      [...new Map(keys.map((k) => [JSON.stringify(k), k])).values()].filter((k) => queryClient.getQueryState(k)?.isInvalidated),
    );
    expectStale(stale, [...clusterLists(R), ...clusterDetail(R, OTHER_CLUSTER)]);
  });
});
