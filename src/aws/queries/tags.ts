/** Tags of a cluster or backup (ListTags takes resource ids, not ARNs), every page. */
import type { Tag } from '@aws-sdk/client-cloudhsm-v2';
import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useAwsSettings, type AwsSettings } from '../context';
import { withAwsErrors, type AwsRequestError } from '../errors';
import { tagKeys } from '../keys';
import { listAllTags, PAGE_LIMITS } from './fetchers';

export const tagQueries = {
  of: ({ clients }: AwsSettings, region: string, resourceId: string) =>
    queryOptions<Tag[], AwsRequestError>({
      queryKey: tagKeys.of(region, resourceId),
      queryFn: ({ signal }) =>
        withAwsErrors({ operation: 'ListTags', region }, () =>
          listAllTags(clients.forRegion(region), resourceId, PAGE_LIMITS.tags, signal),
        ),
      enabled: resourceId !== '',
    }),
};

export function useTagsQuery(region: string, resourceId: string | undefined): UseQueryResult<Tag[], AwsRequestError> {
  return useQuery(tagQueries.of(useAwsSettings(), region, resourceId ?? ''));
}
