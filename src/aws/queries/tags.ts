/** Tags of a cluster or backup (ListTags takes resource ids, not ARNs), every page. */
import type { Tag } from '@aws-sdk/client-cloudhsm-v2';
import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useAwsSettings, type AwsSettings } from '../context';
import { errorContext, withAwsErrors, type AwsRequestError } from '../errors';
import { accountOf, tagKeys, regionOf, type Where } from '../keys';
import { listAllTags, PAGE_LIMITS } from './fetchers';

export const tagQueries = {
  of: ({ clients }: AwsSettings, where: Where, resourceId: string) =>
    queryOptions<Tag[], AwsRequestError>({
      queryKey: tagKeys.of(where, resourceId),
      queryFn: ({ signal }) =>
        withAwsErrors(errorContext('ListTags', where), () =>
          listAllTags(clients.forRegion(regionOf(where), accountOf(where)), resourceId, PAGE_LIMITS.tags, signal),
        ),
      enabled: resourceId !== '',
    }),
};

export function useTagsQuery(region: string, resourceId: string | undefined, account?: string): UseQueryResult<Tag[], AwsRequestError> {
  return useQuery(tagQueries.of(useAwsSettings(), { region, account }, resourceId ?? ''));
}
