/** The resource policy of a backup (by ARN): the JSON document, or null when it has none. */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useAwsSettings } from '../context';
import { withAwsErrors, type AwsRequestError } from '../errors';
import { policyKeys } from '../keys';
import { getResourcePolicy } from './fetchers';

export function useResourcePolicyQuery(region: string, resourceArn: string | undefined): UseQueryResult<string | null, AwsRequestError> {
  const { clients } = useAwsSettings();
  return useQuery<string | null, AwsRequestError>({
    queryKey: policyKeys.of(region, resourceArn ?? ''),
    queryFn: () => withAwsErrors({ operation: 'GetResourcePolicy', region }, () => getResourcePolicy(clients.forRegion(region), resourceArn!)),
    enabled: Boolean(resourceArn),
  });
}
