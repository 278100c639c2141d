/** The resource policy of a backup (by ARN): the JSON document, or null when it has none. */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useAwsSettings } from '../context';
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

export function useResourcePolicyQuery(region: string, resourceArn: string | undefined): UseQueryResult<string | null, AwsRequestError> {
  const { clients } = useAwsSettings();
  return useQuery<string | null, AwsRequestError>({
    queryKey: policyKeys.of(region, resourceArn ?? ''),
    queryFn: () =>
      withAwsErrors({ operation: 'GetResourcePolicy', region }, async () => policyOrNull(await getResourcePolicy(clients.forRegion(region), resourceArn!))),
    enabled: Boolean(resourceArn),
  });
}
