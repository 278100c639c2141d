/**
 * Pagination and filters of DescribeClusters over real HTTP, against the `large` seed: no duplicates, no gaps
 * (the emulator's store, read in-process, is the oracle), tokens bound to their query, filters as the service
 * applies them.
 */
import { CreateClusterCommand, paginateDescribeClusters, type Cluster } from '@aws-sdk/client-cloudhsm-v2';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededSubnets } from '../../testing/harness';
import {
  clusterIds,
  expectFiltersRefused,
  expectNoDuplicates,
  expectTokenRefused,
  sorted,
  time,
  walk,
  usePagedEmulator,
} from '../../testing/pagination';

const env = usePagedEmulator();

describe('DescribeClusters pagination', () => {
  it('every page size from 1 to 25 returns every cluster once, in the same order (oldest first)', async () => {
    const expected = env.storedClusterIds();
    expect(expected.length).toBeGreaterThan(25);
    let reference: string[] | undefined;
    for (let limit = 1; limit <= 25; limit++) {
      const ids = clusterIds(await env.clusterPages(undefined, limit));
      expectNoDuplicates(ids);
      expect(sorted(ids)).toEqual(expected);
      if (reference) expect(ids, `MaxResults ${limit}`).toEqual(reference);
      else reference = ids;
    }
    const all = await env.clusterPages(undefined, 25);
    for (let i = 1; i < all.length; i++) expect(time(all[i]!.CreateTimestamp)).toBeGreaterThanOrEqual(time(all[i - 1]!.CreateTimestamp));
  });

  it('with no MaxResults a page holds at most 25 clusters', async () => {
    const first = await env.describeClusters();
    expect(first.Clusters).toHaveLength(25);
    expect(first.NextToken).toBeDefined();
  });

  it('the SDK paginator gets the same clusters, and the last page carries no NextToken at all', async () => {
    const reference = clusterIds(await env.clusterPages(undefined, 25));
    const viaSdk: string[] = [];
    let lastToken: string | undefined = 'unset';
    for await (const page of paginateDescribeClusters({ client: env.client, pageSize: 7 }, {})) {
      viaSdk.push(...clusterIds(page.Clusters ?? []));
      lastToken = page.NextToken;
    }
    expect(viaSdk).toEqual(reference);
    expect(lastToken).toBeUndefined();

    let token: string | undefined;
    let body: Record<string, unknown> = {};
    do {
      body = (await env.raw('DescribeClusters', { MaxResults: 25, ...(token ? { NextToken: token } : {}) })).body;
      token = body['NextToken'] as string | undefined;
    } while (token !== undefined);
    expect(body).not.toHaveProperty('NextToken');
    expect(Object.keys(body)).toEqual(['Clusters']);
  });

  it('refuses a token reused with other filters', async () => {
    const real = await env.firstClusterToken();
    await expectTokenRefused(env.describeClusters({ NextToken: real, Filters: { states: ['ACTIVE'] } }));
    const filtered = await env.firstClusterToken({ states: ['ACTIVE'] });
    await expectTokenRefused(env.describeClusters({ NextToken: filtered }));
    await expectTokenRefused(env.describeClusters({ NextToken: filtered, Filters: { states: ['ACTIVE', 'DEGRADED'] } }));
    // The same filters with another page size is fine.
    const next = await env.describeClusters({ NextToken: filtered, Filters: { states: ['ACTIVE'] }, MaxResults: 5 });
    expect(next.Clusters).toHaveLength(5);
  });

  it('a cluster created while paging shows up at the end, without duplicating or skipping anything', async () => {
    const before = env.storedClusterIds();
    const first = await env.describeClusters({ MaxResults: 10 });
    const subnets = await seededSubnets(env.running.url);
    const { Cluster: created } = await env.client.send(
      new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: [subnets[0]!.SubnetId] }),
    );
    const rest = await walk<Cluster>(10, async (token) => {
      const r = await env.describeClusters({ MaxResults: 10, NextToken: token ?? first.NextToken });
      return { items: r.Clusters ?? [], next: r.NextToken };
    });
    const ids = [...clusterIds(first.Clusters!), ...clusterIds(rest)];
    expectNoDuplicates(ids);
    expect(sorted(ids)).toEqual(sorted([...before, created!.ClusterId!]));
    expect(ids[ids.length - 1]).toBe(created!.ClusterId);
  });
});

describe('DescribeClusters filters', () => {
  let all: Cluster[] = [];

  beforeAll(async () => {
    // The seed puts its clusters in the default VPC: add one in the seeded HSM VPC.
    const subnets = await seededSubnets(env.running.url);
    await env.client.send(new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: subnets.map((s) => s.SubnetId) }));
    all = await env.clusterPages(undefined, 25);
  });

  it('clusterIds: exactly the clusters named; unknown ids match nothing without an error', async () => {
    const picked = [all[3]!, all[17]!, all[0]!].map((c) => c.ClusterId!);
    const found = clusterIds(await env.clusterPages({ clusterIds: [...picked, 'cluster-zzzzzzzzzzz'] }, 2));
    expect(sorted(found)).toEqual(sorted(picked));
    expect(await env.clusterPages({ clusterIds: ['cluster-zzzzzzzzzzz', 'cluster-yyyyyyyyyyy'] }, 25)).toEqual([]);
  });

  it('vpcIds: the clusters of those VPCs', async () => {
    const vpcs = [...new Set(all.map((c) => c.VpcId!))];
    expect(vpcs.length).toBeGreaterThanOrEqual(2);
    for (const vpc of vpcs) {
      const found = clusterIds(await env.clusterPages({ vpcIds: [vpc] }, 4));
      expect(found).toEqual(clusterIds(all.filter((c) => c.VpcId === vpc)));
    }
    expect(clusterIds(await env.clusterPages({ vpcIds: vpcs }, 25))).toEqual(clusterIds(all));
    expect(await env.clusterPages({ vpcIds: ['vpc-0123456789abcdef0'] }, 25)).toEqual([]);
  });

  it('states: values are ORed; keys are ANDed', async () => {
    const active = all.filter((c) => c.State === 'ACTIVE');
    expect(active.length).toBeGreaterThan(3);
    expect(clusterIds(await env.clusterPages({ states: ['ACTIVE'] }, 4))).toEqual(clusterIds(active));
    // At least the cluster created above is not ACTIVE.
    const others = [...new Set(all.map((c) => c.State!))].filter((s) => s !== 'ACTIVE');
    expect(others.length).toBeGreaterThan(0);
    const early = all.filter((c) => others.includes(c.State!));
    expect(clusterIds(await env.clusterPages({ states: others }, 3))).toEqual(clusterIds(early));
    expect(clusterIds(await env.clusterPages({ states: [others[0]!, 'ACTIVE'] }, 25))).toEqual(
      clusterIds(all.filter((c) => c.State === others[0] || c.State === 'ACTIVE')),
    );
    const mixed = [active[0]!, early[0]!].map((c) => c.ClusterId!);
    expect(clusterIds(await env.clusterPages({ clusterIds: mixed, states: ['ACTIVE'] }, 25))).toEqual([active[0]!.ClusterId]);
    expect(await env.clusterPages({ states: ['ROLLBACK_IN_PROGRESS'] }, 25)).toEqual([]);
  });

  it('refuses unknown filter keys and state values', async () => {
    await expectFiltersRefused(env.describeClusters, [
      [{ ClusterIds: [all[0]!.ClusterId!] }, /Invalid filter key "ClusterIds"/],
      [{ hsmTypes: ['hsm2m.medium'] }, /Invalid filter key "hsmTypes"/],
      [{ states: ['ACTIVE', 'active'] }, /Invalid value\(s\) for filter "states": active/],
    ]);
  });
});
