/** Tags of a cluster or backup (ListTags takes resource ids, not ARNs), every page. */
import type { Tag } from '@aws-sdk/client-cloudhsm-v2';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useAwsSettings } from '../context';
import { withAwsErrors, type AwsRequestError } from '../errors';
import { tagKeys } from '../keys';
import { listAllTags } from './fetchers';

export function useTagsQuery(region: string, resourceId: string | undefined): UseQueryResult<Tag[], AwsRequestError> {
  const { clients } = useAwsSettings();
  return useQuery<Tag[], AwsRequestError>({
    queryKey: tagKeys.of(region, resourceId ?? ''),
    queryFn: () => withAwsErrors({ operation: 'ListTags', region }, () => listAllTags(clients.forRegion(region), resourceId!)),
    enabled: Boolean(resourceId),
  });
}
