// @vitest-environment happy-dom
/**
 * Cluster queries against the real dashboard server over HTTP, seeded with 60 clusters per region
 * (3 pages of 25 each).
 */
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { testBackendPerFile } from '../testing/backend';
import { hookHarness, renderFanOut, renderParallelFanOut } from '../testing/render';
import { useClusterQuery, useClustersQuery } from './clusters';

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];
const backend = testBackendPerFile({ large: { clusters: 180, backups: 30, regions: REGIONS } });

describe('useClustersQuery', () => {
  it('pages every region to its last page, regions in parallel, with Mode and NetworkType on every cluster', async () => {
    const { result, log } = await renderParallelFanOut(backend, REGIONS, 'DescribeClusters', () => useClustersQuery(REGIONS));
    for (const region of REGIONS) {
      const rows = result.current.rows.filter((row) => row.region === region);
      const truth = new Map((await backend.records(region)).clusters.map((c) => [c.ClusterId, c]));
      expect(truth.size).toBe(60);
      expect(new Set(rows.map((row) => row.cluster.ClusterId)).size).toBe(60);
      // Three pages of at most 25, the first without a token, the later ones with the previous page's.
      const pages = log.of('DescribeClusters', region);
      expect(pages).toHaveLength(3);
      expect(pages.map((p) => p.input['MaxResults'])).toEqual([25, 25, 25]);
      expect(pages[0]!.input['NextToken']).toBeUndefined();
      expect(pages[1]!.input['NextToken']).toEqual(expect.any(String));
      expect(pages[2]!.input['NextToken']).toEqual(expect.any(String));
      for (const { cluster } of rows) {
        const record = truth.get(cluster.ClusterId!)!;
        expect(cluster.Mode).toBe(record.Mode);
        expect(cluster.NetworkType).toBe(record.NetworkType);
      }
    }
  });

  it('reports a failing region as an error beside the other regions’ clusters', async () => {
    const { wrapper } = hookHarness(backend);
    const result = await renderFanOut(() => useClustersQuery(['us-east-1', 'xx-nowhere-1']), wrapper);
    expect(result.current.rows).toHaveLength(60);
    expect(result.current.errors).toHaveLength(1);
    const [failure] = result.current.errors;
    expect(failure!.region).toBe('xx-nowhere-1');
    expect(failure!.error.info).toMatchObject({
      code: 'CloudHsmInvalidRequestException',
      operation: 'DescribeClusters',
      region: 'xx-nowhere-1',
      status: 400,
    });
  });

  it('filters (states) go to the server and into the key', async () => {
    const { log, wrapper, queryClient } = hookHarness(backend);
    const result = await renderFanOut(() => useClustersQuery(['us-east-1'], { states: ['UNINITIALIZED', 'INITIALIZED'] }), wrapper);
    const expected = (await backend.records('us-east-1')).clusters.filter((c) => c.State === 'UNINITIALIZED' || c.State === 'INITIALIZED');
    expect(result.current.rows.map((r) => r.cluster.ClusterId).sort()).toEqual(expected.map((c) => c.ClusterId).sort());
    expect(log.of('DescribeClusters')[0]!.input['Filters']).toEqual({ states: ['INITIALIZED', 'UNINITIALIZED'] });
    expect(queryClient.getQueryData(['clusters', 'us-east-1', 'list', { states: ['INITIALIZED', 'UNINITIALIZED'] }])).toHaveLength(
      expected.length,
    );
  });
});

describe('useClusterQuery', () => {
  it('returns one cluster with its extras, and null for an id that does not exist', async () => {
    const { wrapper } = hookHarness(backend);
    const record = (await backend.records('eu-west-1')).clusters.find((c) => c.State === 'ACTIVE')!;
    const { result } = renderHook(
      () => ({ one: useClusterQuery('eu-west-1', record.ClusterId), none: useClusterQuery('eu-west-1', 'cluster-aaaaaaaaaaa') }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.one.isSuccess && result.current.none.isSuccess).toBe(true));
    expect(result.current.one.data).toMatchObject({
      ClusterId: record.ClusterId,
      State: 'ACTIVE',
      Mode: record.Mode,
      NetworkType: record.NetworkType,
      HsmType: record.HsmType,
    });
    expect(result.current.none.data).toBeNull();
  });
});
