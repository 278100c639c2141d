/**
 * Cluster queries. `clusterQueries` holds the query options (key, fetcher with react-query's `signal`, polling)
 * for anyone who prefetches or reads the cache; `useClustersQuery` fans out one query per region, all in flight
 * at once, each paging through DescribeClusters; a region with a cluster (or HSM) in transition polls until it
 * settles.
 */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useAwsSettings } from '../context';
import type { AwsRequestError } from '../errors';
import type { ClusterWithExtras } from '../extensions/extras';
import { clusterKeys, type ClusterFilters } from '../keys';
import { isClusterTransitional, pollIntervalFor } from '../polling';
import { describedResourceQueries } from './describedResource';
import { accountRegionParts, useFanOutQueries, type FanOutPart, type FanOutResult } from './fanOut';
import { describeAllClusters, describeCluster } from './fetchers';

export interface RegionalCluster {
  region: string;
  /** The account it belongs to; absent for the base account. */
  account?: string;
  cluster: ClusterWithExtras;
}

export type ClustersQueryResult = FanOutResult<RegionalCluster>;

export const clusterQueries = describedResourceQueries<ClusterWithExtras, ClusterFilters>({
  operation: 'DescribeClusters',
  keys: clusterKeys,
  describeAll: describeAllClusters,
  describeOne: describeCluster,
  pollInterval: (clusters, intervalMs) => pollIntervalFor(clusters, isClusterTransitional, intervalMs),
});

const toRegionalCluster = (part: FanOutPart, cluster: ClusterWithExtras): RegionalCluster =>
  part.account ? { region: part.region, account: part.account, cluster } : { region: part.region, cluster };

/**
 * Every cluster (all pages) of each region of each account, queried in parallel. `accounts`: the accounts to
 * ask (undefined in it, or the parameter left out, is the base account).
 */
export function useClustersQuery(
  regions: readonly string[],
  filters: ClusterFilters = {},
  accounts: readonly (string | undefined)[] = [undefined],
): ClustersQueryResult {
  const settings = useAwsSettings();
  return useFanOutQueries(
    accountRegionParts(accounts, regions),
    (part) => clusterQueries.list(settings, part, filters),
    'DescribeClusters',
    toRegionalCluster,
  );
}

/** One cluster (null when there is no such cluster: DescribeClusters never says NotFound); `account` undefined: the base. */
export function useClusterQuery(
  region: string,
  clusterId: string | undefined,
  account?: string,
): UseQueryResult<ClusterWithExtras | null, AwsRequestError> {
  return useQuery(clusterQueries.detail(useAwsSettings(), { region, account }, clusterId ?? ''));
}
