// @vitest-environment happy-dom
/** useTagsQuery and useResourcePolicyQuery against the real server. */
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, testBackendPerFile } from '../testing/backend';
import { hookHarness } from '../testing/render';
import { useResourcePolicyQuery } from './policies';
import { useTagsQuery } from './tags';

const REGION = 'us-west-2';
const backend = testBackendPerFile({ large: { clusters: 4, backups: 12, regions: [REGION] } });
const wrapper = () => hookHarness(backend).wrapper;

describe('useTagsQuery', () => {
  it('lists a cluster’s and a backup’s tags as the store has them', async () => {
    const { clusters, backups } = await backend.records(REGION);
    const cluster = clusters.find((c) => c.Tags.length > 0)!;
    const backup = backups[0]!;
    const { result } = renderHook(
      () => ({ cluster: useTagsQuery(REGION, cluster.ClusterId), backup: useTagsQuery(REGION, backup.BackupId) }),
      { wrapper: wrapper() },
    );
    await waitFor(() => expect(result.current.cluster.isSuccess && result.current.backup.isSuccess).toBe(true));
    expect(result.current.cluster.data).toEqual(cluster.Tags);
    expect(result.current.backup.data).toEqual(backup.Tags);
  });

  it('maps an unknown resource to an AwsRequestError; an undefined id does not fetch', async () => {
    const { result } = renderHook(() => ({ missing: useTagsQuery(REGION, 'cluster-aaaaaaaaaaa'), idle: useTagsQuery(REGION, undefined) }), {
      wrapper: wrapper(),
    });
    await waitFor(() => expect(result.current.missing.isError).toBe(true));
    expect(result.current.missing.error!.info).toMatchObject({
      code: 'CloudHsmResourceNotFoundException',
      operation: 'ListTags',
      region: REGION,
    });
    expect(result.current.idle.fetchStatus).toBe('idle');
  });
});

describe('useResourcePolicyQuery', () => {
  it('is null for a backup without a policy and an error for a resource that cannot have one', async () => {
    const { backups } = await backend.records(REGION);
    const arn = `arn:aws:cloudhsm:${REGION}:${ACCOUNT}:backup/${backups[0]!.BackupId}`;
    const clusterArn = `arn:aws:cloudhsm:${REGION}:${ACCOUNT}:cluster/cluster-aaaaaaaaaaa`;
    const { result } = renderHook(
      () => ({ none: useResourcePolicyQuery(REGION, arn), refused: useResourcePolicyQuery(REGION, clusterArn) }),
      { wrapper: wrapper() },
    );
    await waitFor(() => expect(result.current.none.isSuccess && result.current.refused.isError).toBe(true));
    expect(result.current.none.data).toBeNull();
    expect(result.current.refused.error!.info).toMatchObject({
      code: 'CloudHsmInvalidRequestException',
      operation: 'GetResourcePolicy',
      title: 'Invalid request',
    });
  });
});
