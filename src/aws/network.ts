/**
 * The VPCs and subnets of a region, for the create-cluster form's subnet picker (`GET /api/network?region=`).
 * The local server answers from the emulator's network, or from EC2 DescribeVpcs/DescribeSubnets in AWS mode;
 * when EC2 refuses (no ec2:Describe* permission) it says so and the form takes typed subnet ids instead.
 * The shapes are the server's own (type-only import: no server code here).
 */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { NetworkInfo } from '../server/network';
import { useAwsSettings } from './context';

export type { NetworkInfo, NetworkSubnet, NetworkVpc } from '../server/network';

export const networkKeys = {
  all: ['network'] as const,
  of: (region: string) => ['network', region] as const,
};

export async function fetchNetwork(baseUrl: string, region: string): Promise<NetworkInfo> {
  const url = `${baseUrl.replace(/\/+$/, '')}/api/network?${new URLSearchParams({ region }).toString()}`;
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`GET /api/network answered ${response.status} without JSON: ${text.slice(0, 200)}`);
  }
  if (!response.ok) {
    const message = typeof body === 'object' && body !== null && 'message' in body ? String((body as { message: unknown }).message) : text.slice(0, 200);
    throw new Error(`Could not read the network of ${region}: ${message}`);
  }
  return body as NetworkInfo;
}

/** The region's VPCs and subnets (or why they cannot be listed); fetched when a region is chosen. */
export function useNetworkQuery(region: string | undefined): UseQueryResult<NetworkInfo, Error> {
  const { clients } = useAwsSettings();
  const baseUrl = clients.baseUrl ?? window.location.origin;
  return useQuery({
    queryKey: networkKeys.of(region ?? ''),
    queryFn: () => fetchNetwork(baseUrl, region ?? ''),
    enabled: Boolean(region),
    staleTime: 60_000,
    retry: 1,
  });
}
