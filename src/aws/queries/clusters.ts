/**
 * Cluster queries. `useClustersQuery` fans out one query per region, all in flight at once, each paging
 * through DescribeClusters with the SDK paginator; a region with a cluster (or HSM) in transition polls
 * until it settles.
 */
import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useAwsSettings } from '../context';
import { withAwsErrors, type AwsRequestError } from '../errors';
import type { ClusterWithExtras } from '../extensions/extras';
import { clusterKeys, type ClusterFilters } from '../keys';
import { isClusterTransitional, pollIntervalFor } from '../polling';
import { combineFanOut, type FanOutPart, type FanOutResult } from './fanOut';
import { describeAllClusters, describeCluster } from './fetchers';

export interface RegionalCluster {
  region: string;
  cluster: ClusterWithExtras;
}

export type ClustersQueryResult = FanOutResult<RegionalCluster>;

const toRegionalCluster = (part: FanOutPart, cluster: ClusterWithExtras): RegionalCluster => ({ region: part.region, cluster });

/** Every cluster (all pages) of each region, queried in parallel. */
export function useClustersQuery(regions: readonly string[], filters: ClusterFilters = {}): ClustersQueryResult {
  const { clients, pollIntervalMs } = useAwsSettings();
  const regionsKey = regions.join(',');
  // Keyed on the regions' values, not the array's identity (callers may pass a new array each render).
  const parts = useMemo<FanOutPart[]>(() => regions.map((region) => ({ region })), [regionsKey]);
  const combine = useCallback(
    (results: UseQueryResult<ClusterWithExtras[]>[]) => combineFanOut(parts, results, 'DescribeClusters', toRegionalCluster),
    [parts],
  );
  return useQueries({
    queries: parts.map(({ region }) => ({
      queryKey: clusterKeys.list(region, filters),
      queryFn: () => withAwsErrors({ operation: 'DescribeClusters', region }, () => describeAllClusters(clients.forRegion(region), filters)),
      refetchInterval: (query: { state: { data?: ClusterWithExtras[] } }) => pollIntervalFor(query.state.data, isClusterTransitional, pollIntervalMs),
    })),
    combine,
  });
}

/** One cluster (null when there is no such cluster: DescribeClusters never says NotFound). */
export function useClusterQuery(region: string, clusterId: string | undefined): UseQueryResult<ClusterWithExtras | null, AwsRequestError> {
  const { clients, pollIntervalMs } = useAwsSettings();
  return useQuery<ClusterWithExtras | null, AwsRequestError>({
    queryKey: clusterKeys.detail(region, clusterId ?? ''),
    queryFn: () => withAwsErrors({ operation: 'DescribeClusters', region }, () => describeCluster(clients.forRegion(region), clusterId!)),
    enabled: Boolean(clusterId),
    refetchInterval: (query) => pollIntervalFor(query.state.data ? [query.state.data] : [], isClusterTransitional, pollIntervalMs),
  });
}
