/**
 * The list and detail query options of a resource read through a Describe operation (clusters, backups):
 * a list is every page of a region matching filters, a detail is one resource by id (or null); both poll
 * while what they hold is in transition, and hand react-query's `signal` to the fetcher.
 */
import { queryOptions } from '@tanstack/react-query';
import type { CloudHSMV2Client } from '@aws-sdk/client-cloudhsm-v2';
import type { AwsSettings } from '../context';
import { errorContext, withAwsErrors, type AwsRequestError } from '../errors';
import { accountOf, regionOf, type Where } from '../keys';
import type { DescribeAll } from './fetchers';

export interface DescribedResource<Item, Filters> {
  operation: 'DescribeClusters' | 'DescribeBackups';
  keys: {
    list: (where: Where, filters?: Filters) => readonly unknown[];
    detail: (where: Where, id: string) => readonly unknown[];
  };
  /** Every page, at the fetcher's default page size (the service's maximum). */
  describeAll: DescribeAll<Filters, Item>;
  describeOne: (client: CloudHSMV2Client, id: string, signal?: AbortSignal) => Promise<Item | null>;
  /** The `refetchInterval` for what a query holds (polling.ts). */
  pollInterval: (items: readonly Item[] | undefined, intervalMs: number) => number | false;
}

export function describedResourceQueries<Item, Filters>({
  operation,
  keys,
  describeAll,
  describeOne,
  pollInterval,
}: DescribedResource<Item, Filters>) {
  return {
    /** Every one (all pages) of a region (of an account) matching the filters. */
    list: ({ clients, pollIntervalMs }: AwsSettings, where: Where, filters?: Filters) =>
      queryOptions<Item[], AwsRequestError>({
        queryKey: keys.list(where, filters),
        queryFn: ({ signal }) =>
          withAwsErrors(errorContext(operation, where), () =>
            describeAll(clients.forRegion(regionOf(where), accountOf(where)), filters, undefined, signal),
          ),
        refetchInterval: (query) => pollInterval(query.state.data, pollIntervalMs),
      }),
    /** One, or null when the region has none with that id. */
    detail: ({ clients, pollIntervalMs }: AwsSettings, where: Where, id: string) =>
      queryOptions<Item | null, AwsRequestError>({
        queryKey: keys.detail(where, id),
        queryFn: ({ signal }) =>
          withAwsErrors(errorContext(operation, where), () =>
            describeOne(clients.forRegion(regionOf(where), accountOf(where)), id, signal),
          ),
        enabled: id !== '',
        refetchInterval: (query) => pollInterval(query.state.data ? [query.state.data] : [], pollIntervalMs),
      }),
  };
}
