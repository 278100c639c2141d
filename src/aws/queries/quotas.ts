/**
 * Capacity: the account's CloudHSM quotas in a region (`GET /api/quotas`, answered by the local server from
 * the emulator or Service Quotas) and the usage counted from the region's DescribeClusters (the same query,
 * and cache entry, as the cluster list). A server without the route (404) gives AWS's documented defaults,
 * said as such: capacity is advice, the service decides.
 */
import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { QuotaInfo } from '../../cloudhsm/api';
import { defaultQuota, regionUsage, type RegionUsage } from '../../cloudhsm/capacity';
import { useAwsSettings } from '../context';
import { AwsRequestError } from '../errors';
import { requestLocalApi } from '../localApi';
import { clusterQueries } from './clusters';

export type { QuotaInfo } from '../../cloudhsm/api';

export const quotaKeys = {
  all: ['quotas'] as const,
  of: (region: string, account?: string) => ['quotas', region, account ?? ''] as const,
};

export async function fetchQuotas(baseUrl: string | undefined, region: string, account?: string, signal?: AbortSignal): Promise<QuotaInfo> {
  const params = new URLSearchParams({ region, ...(account ? { account } : {}) });
  try {
    return await requestLocalApi<QuotaInfo>({
      baseUrl,
      path: `/api/quotas?${params.toString()}`,
      signal,
      operation: 'GET /api/quotas',
      region,
    });
  } catch (error) {
    // An older server has no such route: the documented defaults still tell the person roughly where they stand.
    if (error instanceof AwsRequestError && error.info.status === 404) {
      return defaultQuota(region, account ?? '', 'the dashboard server does not answer GET /api/quotas (404)');
    }
    throw error;
  }
}

export const quotaQuery = (baseUrl: string | undefined, region: string, account?: string) =>
  queryOptions<QuotaInfo, AwsRequestError>({
    queryKey: quotaKeys.of(region, account),
    queryFn: ({ signal }) => fetchQuotas(baseUrl, region, account, signal),
    enabled: region !== '',
    staleTime: 60_000,
    retry: 1,
  });

/** The quotas of a region (of an account; the base one when absent). */
export function useQuotasQuery(region: string | undefined, account?: string): UseQueryResult<QuotaInfo, AwsRequestError> {
  return useQuery(quotaQuery(useAwsSettings().clients.baseUrl, region ?? '', account));
}

export interface CapacityData {
  quota: QuotaInfo | undefined;
  usage: RegionUsage | undefined;
  isPending: boolean;
  /** The first failure (quotas or DescribeClusters): capacity cannot be said. */
  error: AwsRequestError | null;
}

/** Quotas and usage of a region, for the create-cluster form and "Add HSM". */
export function useRegionCapacity(region: string | undefined, account?: string): CapacityData {
  const settings = useAwsSettings();
  const quotas = useQuotasQuery(region, account);
  const clusters = useQuery({ ...clusterQueries.list(settings, region ?? ''), enabled: (region ?? '') !== '' });
  return {
    quota: quotas.data,
    usage: clusters.data ? regionUsage(clusters.data) : undefined,
    isPending: quotas.isPending || clusters.isPending,
    error: quotas.error ?? clusters.error ?? null,
  };
}
