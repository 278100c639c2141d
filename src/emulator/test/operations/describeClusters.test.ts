/**
 * DescribeClusters over real HTTP, as a client sees it: the answer's shape, every error
 * the emulator raises for it (SDK error name, HTTP 400, a message saying what is wrong), and proof that a
 * refused request changed nothing.
 */
import { DescribeClustersCommand } from '@aws-sdk/client-cloudhsm-v2';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCluster } from '../../testing/clusters';
import { refused, useEmulator } from '../../testing/env';
import { advanceClock } from '../../testing/harness';

describe('DescribeClusters', () => {
  const env = useEmulator();
  const ids: string[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) {
      ids.push((await createCluster(env)).ClusterId!);
      // Distinct creation times, so "oldest first" has one answer.
      await advanceClock(env.url, 1);
    }
  });

  it('lists the clusters of the caller region, oldest first, with ids, dates and states', async () => {
    const { Clusters, NextToken } = await env.client.send(new DescribeClustersCommand({}));
    expect(NextToken).toBeUndefined();
    expect(Clusters!.map((c) => c.ClusterId)).toEqual(ids);
    for (const c of Clusters!) {
      expect(c.State).toBe('CREATE_IN_PROGRESS');
      expect(c.CreateTimestamp!.getUTCFullYear()).toBeGreaterThan(2000);
    }
    // Another region is separate state.
    const west = await env.clientIn('us-west-2').send(new DescribeClustersCommand({}));
    expect(west.Clusters).toEqual([]);
  });

  it('filters by clusterIds, states and vpcIds; unknown ids simply match nothing', async () => {
    const byId = await env.client.send(new DescribeClustersCommand({ Filters: { clusterIds: [ids[1]!, 'cluster-zzzzzzzzzzz'] } }));
    expect(byId.Clusters!.map((c) => c.ClusterId)).toEqual([ids[1]]);
    const none = await env.client.send(new DescribeClustersCommand({ Filters: { clusterIds: ['cluster-zzzzzzzzzzz'] } }));
    expect(none.Clusters).toEqual([]);
    const creating = await env.client.send(new DescribeClustersCommand({ Filters: { states: ['CREATE_IN_PROGRESS'] } }));
    expect(creating.Clusters).toHaveLength(3);
    const active = await env.client.send(new DescribeClustersCommand({ Filters: { states: ['ACTIVE'] } }));
    expect(active.Clusters).toEqual([]);
    const vpc = await env.client.send(new DescribeClustersCommand({ Filters: { vpcIds: [env.subnets[0]!.VpcId] } }));
    expect(vpc.Clusters).toHaveLength(3);
  });

  it('refuses bad MaxResults, filter keys, filter values and tokens with CloudHsmInvalidRequestException', async () => {
    const describe = (input: ConstructorParameters<typeof DescribeClustersCommand>[0]) =>
      env.client.send(new DescribeClustersCommand(input));
    await refused(describe({ MaxResults: 26 }), 'CloudHsmInvalidRequestException', /maxResults.*less than or equal to 25/);
    await refused(describe({ MaxResults: 0 }), 'CloudHsmInvalidRequestException', /maxResults.*greater than or equal to 1/);
    await refused(
      describe({ Filters: { clusterId: [ids[0]!] } }),
      'CloudHsmInvalidRequestException',
      /Invalid filter key "clusterId".*clusterIds, vpcIds, states/,
    );
    await refused(describe({ Filters: { states: ['RUNNING'] } }), 'CloudHsmInvalidRequestException', /RUNNING.*Valid values/);
    await refused(describe({ NextToken: 'garbage' }), 'CloudHsmInvalidRequestException', /NextToken is not valid/);
  });
});
