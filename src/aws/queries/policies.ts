/** The resource policy of a backup (by ARN): the JSON document, or null when it has none. */
import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useAwsSettings, type AwsSettings } from '../context';
import { withAwsErrors, type AwsRequestError } from '../errors';
import { policyKeys } from '../keys';
import { getResourcePolicy } from './fetchers';

/**
 * CloudHSM answers GetResourcePolicy on a backup without a policy with `{"Policy": "{}"}` (a recorded answer
 * of the real service), not with an absent Policy: an empty document is no policy, and is shown as none.
 */
export function policyOrNull(policy: string | null | undefined): string | null {
  if (policy === null || policy === undefined || policy.trim() === '') return null;
  try {
    const document: unknown = JSON.parse(policy);
    if (typeof document === 'object' && document !== null && !Array.isArray(document) && Object.keys(document).length === 0) return null;
  } catch {
    // Not JSON: shown as it came.
  }
  return policy;
}

export const policyQueries = {
  of: ({ clients }: AwsSettings, region: string, resourceArn: string) =>
    queryOptions<string | null, AwsRequestError>({
      queryKey: policyKeys.of(region, resourceArn),
      queryFn: ({ signal }) =>
        withAwsErrors({ operation: 'GetResourcePolicy', region }, async () =>
          policyOrNull(await getResourcePolicy(clients.forRegion(region), resourceArn, signal)),
        ),
      enabled: resourceArn !== '',
    }),
};

export function useResourcePolicyQuery(region: string, resourceArn: string | undefined): UseQueryResult<string | null, AwsRequestError> {
  return useQuery(policyQueries.of(useAwsSettings(), region, resourceArn ?? ''));
}
