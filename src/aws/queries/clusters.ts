/**
 * Cluster queries. `clusterQueries` holds the query options (key, fetcher with react-query's `signal`, polling)
 * for anyone who prefetches or reads the cache; `useClustersQuery` fans out one query per region, all in flight
 * at once, each paging through DescribeClusters; a region with a cluster (or HSM) in transition polls until it
 * settles.
 */
import { queryOptions, useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useAwsSettings, type AwsSettings } from '../context';
import { withAwsErrors, type AwsRequestError } from '../errors';
import type { ClusterWithExtras } from '../extensions/extras';
import { clusterKeys, type ClusterFilters } from '../keys';
import { isClusterTransitional, pollIntervalFor } from '../polling';
import { combineFanOut, type FanOutPart, type FanOutResult } from './fanOut';
import { describeAllClusters, describeCluster, PAGE_LIMITS } from './fetchers';

export interface RegionalCluster {
  region: string;
  cluster: ClusterWithExtras;
}

export type ClustersQueryResult = FanOutResult<RegionalCluster>;

export const clusterQueries = {
  /** Every cluster (all pages) of a region matching the filters. */
  list: ({ clients, pollIntervalMs }: AwsSettings, region: string, filters: ClusterFilters = {}) =>
    queryOptions<ClusterWithExtras[], AwsRequestError>({
      queryKey: clusterKeys.list(region, filters),
      queryFn: ({ signal }) =>
        withAwsErrors({ operation: 'DescribeClusters', region }, () =>
          describeAllClusters(clients.forRegion(region), filters, PAGE_LIMITS.clusters, signal),
        ),
      refetchInterval: (query) => pollIntervalFor(query.state.data, isClusterTransitional, pollIntervalMs),
    }),
  /** One cluster, or null (DescribeClusters never says NotFound). */
  detail: ({ clients, pollIntervalMs }: AwsSettings, region: string, clusterId: string) =>
    queryOptions<ClusterWithExtras | null, AwsRequestError>({
      queryKey: clusterKeys.detail(region, clusterId),
      queryFn: ({ signal }) =>
        withAwsErrors({ operation: 'DescribeClusters', region }, () => describeCluster(clients.forRegion(region), clusterId, signal)),
      enabled: clusterId !== '',
      refetchInterval: (query) => pollIntervalFor(query.state.data ? [query.state.data] : [], isClusterTransitional, pollIntervalMs),
    }),
};

const toRegionalCluster = (part: FanOutPart, cluster: ClusterWithExtras): RegionalCluster => ({ region: part.region, cluster });

/** Every cluster (all pages) of each region, queried in parallel. */
export function useClustersQuery(regions: readonly string[], filters: ClusterFilters = {}): ClustersQueryResult {
  const settings = useAwsSettings();
  const regionsKey = regions.join(',');
  // Keyed on the regions' values, not the array's identity (callers may pass a new array each render).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const parts = useMemo<FanOutPart[]>(() => regions.map((region) => ({ region })), [regionsKey]);
  const combine = useCallback(
    (results: UseQueryResult<ClusterWithExtras[]>[]) => combineFanOut(parts, results, 'DescribeClusters', toRegionalCluster),
    [parts],
  );
  return useQueries({ queries: parts.map(({ region }) => clusterQueries.list(settings, region, filters)), combine });
}

/** One cluster (null when there is no such cluster: DescribeClusters never says NotFound). */
export function useClusterQuery(region: string, clusterId: string | undefined): UseQueryResult<ClusterWithExtras | null, AwsRequestError> {
  return useQuery(clusterQueries.detail(useAwsSettings(), region, clusterId ?? ''));
}
