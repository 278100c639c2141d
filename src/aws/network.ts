/**
 * The VPCs and subnets of a region, for the create-cluster form's subnet picker (`GET /api/network?region=`).
 * The local server answers from the emulator's network, or from EC2 DescribeVpcs/DescribeSubnets in AWS mode;
 * when EC2 refuses (no ec2:Describe* permission) it says so and the form takes typed subnet ids instead.
 */
import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { NetworkInfo } from '../cloudhsm/api';
import { useAwsSettings } from './context';
import type { AwsRequestError } from './errors';
import { requestLocalApi } from './localApi';

export type { NetworkInfo, NetworkSubnet, NetworkVpc } from '../cloudhsm/api';

export const networkKeys = {
  all: ['network'] as const,
  of: (region: string) => ['network', region] as const,
};

export function fetchNetwork(baseUrl: string | undefined, region: string, signal?: AbortSignal): Promise<NetworkInfo> {
  const path = `/api/network?${new URLSearchParams({ region }).toString()}`;
  return requestLocalApi<NetworkInfo>({ baseUrl, path, signal, operation: 'GET /api/network', region });
}

export const networkQuery = (baseUrl: string | undefined, region: string) =>
  queryOptions<NetworkInfo, AwsRequestError>({
    queryKey: networkKeys.of(region),
    queryFn: ({ signal }) => fetchNetwork(baseUrl, region, signal),
    enabled: region !== '',
    staleTime: 60_000,
    retry: 1,
  });

/** The region's VPCs and subnets (or why they cannot be listed); fetched when a region is chosen. */
export function useNetworkQuery(region: string | undefined): UseQueryResult<NetworkInfo, AwsRequestError> {
  return useQuery(networkQuery(useAwsSettings().clients.baseUrl, region ?? ''));
}
