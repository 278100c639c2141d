/** The resource policy of a backup (by ARN): the JSON document, or null when it has none. */
import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useAwsSettings, type AwsSettings } from '../context';
import { errorContext, withAwsErrors, type AwsRequestError } from '../errors';
import { accountOf, policyKeys, regionOf, type Where } from '../keys';
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
  of: ({ clients }: AwsSettings, where: Where, resourceArn: string) =>
    queryOptions<string | null, AwsRequestError>({
      queryKey: policyKeys.of(where, resourceArn),
      queryFn: ({ signal }) =>
        withAwsErrors(errorContext('GetResourcePolicy', where), async () =>
          policyOrNull(await getResourcePolicy(clients.forRegion(regionOf(where), accountOf(where)), resourceArn, signal)),
        ),
      enabled: resourceArn !== '',
    }),
};

export function useResourcePolicyQuery(
  region: string,
  resourceArn: string | undefined,
  account?: string,
): UseQueryResult<string | null, AwsRequestError> {
  return useQuery(policyQueries.of(useAwsSettings(), { region, account }, resourceArn ?? ''));
}
