/**
 * Backup queries:
 *  - `useBackupsQuery`: one region's backups page by page (useInfiniteQuery, NextToken) for lists a person
 *    scrolls;
 *  - `useAllBackupsQuery`: everything, for timelines and counts: every page (SDK paginator) of every region,
 *    and with `clusterIds` of every (region, cluster) pair, all queried in parallel;
 *  - `useBackupQuery`: one backup.
 * Data with a backup in transition (`CREATE_IN_PROGRESS`, `PENDING_DELETION`) polls until it settles.
 */
import {
  infiniteQueryOptions,
  useInfiniteQuery,
  useQuery,
  type InfiniteData,
  type UseInfiniteQueryResult,
  type UseQueryResult,
} from '@tanstack/react-query';
import { useAwsSettings, type AwsSettings } from '../context';
import { errorContext, withAwsErrors, type AwsRequestError } from '../errors';
import type { BackupWithExtras } from '../extensions/extras';
import { accountOf, backupKeys, regionOf, type BackupFilters, type Where } from '../keys';
import { backupPollInterval } from '../polling';
import { describedResourceQueries } from './describedResource';
import { accountRegionParts, useFanOutQueries, type FanOutPart, type FanOutResult } from './fanOut';
import { describeAllBackups, describeBackup, describeBackupsPage, PAGE_LIMITS, type BackupPage } from './fetchers';

export interface RegionalBackup {
  region: string;
  /** The account that was asked; absent for the base account. (The owner is in the backup's ARN.) */
  account?: string;
  backup: BackupWithExtras;
}

export type AllBackupsQueryResult = FanOutResult<RegionalBackup>;

export const backupQueries = {
  ...describedResourceQueries<BackupWithExtras, BackupFilters>({
    operation: 'DescribeBackups',
    keys: backupKeys,
    describeAll: describeAllBackups,
    describeOne: describeBackup,
    pollInterval: backupPollInterval,
  }),
  /** A region's backups a page at a time (NextToken), for lists a person scrolls. */
  infinite: ({ clients, pollIntervalMs }: AwsSettings, where: Where, filters: BackupFilters = {}, pageSize: number = PAGE_LIMITS.backups) =>
    infiniteQueryOptions<BackupPage, AwsRequestError, InfiniteData<BackupPage, string | undefined>, readonly unknown[], string | undefined>(
      {
        queryKey: backupKeys.infinite(where, filters, pageSize),
        queryFn: ({ pageParam, signal }) =>
          withAwsErrors(errorContext('DescribeBackups', where), () =>
            describeBackupsPage(clients.forRegion(regionOf(where), accountOf(where)), filters, pageSize, pageParam, signal),
          ),
        initialPageParam: undefined,
        getNextPageParam: (lastPage) => lastPage.nextToken,
        refetchInterval: (query) =>
          backupPollInterval(
            query.state.data?.pages.flatMap((page) => page.backups),
            pollIntervalMs,
          ),
      },
    ),
};

const toRegionalBackup = (part: FanOutPart, backup: BackupWithExtras): RegionalBackup =>
  part.account ? { region: part.region, account: part.account, backup } : { region: part.region, backup };

/** The parallel parts: each (account, region), or each (account, region, cluster) when cluster ids are given. */
export function backupFanOutParts(
  regions: readonly string[],
  clusterIds: readonly string[] | undefined,
  accounts: readonly (string | undefined)[] = [undefined],
): FanOutPart[] {
  const places = accountRegionParts(accounts, regions);
  if (!clusterIds) return places;
  return places.flatMap((place) => clusterIds.map((clusterId) => ({ ...place, clusterId })));
}

export interface AllBackupsOptions {
  /**
   * Fan out per cluster: one paginated DescribeBackups per (region, cluster), with the `clusterIds` filter.
   * Each id is asked in every region given, so pass just the cluster's region when you know it.
   */
  clusterIds?: readonly string[];
  /** Further filters (states, neverExpires, ...), applied to every part. */
  filters?: Omit<BackupFilters, 'clusterIds'>;
  /** The accounts to ask (undefined in it, or the option left out: the base account). */
  accounts?: readonly (string | undefined)[];
}

export function useAllBackupsQuery(regions: readonly string[], options: AllBackupsOptions = {}): AllBackupsQueryResult {
  const settings = useAwsSettings();
  return useFanOutQueries(
    backupFanOutParts(regions, options.clusterIds, options.accounts),
    ({ region, account, clusterId }) =>
      backupQueries.list(
        settings,
        { region, account },
        clusterId ? { ...options.filters, clusterIds: [clusterId] } : { ...options.filters },
      ),
    'DescribeBackups',
    toRegionalBackup,
  );
}

export interface BackupsQueryOptions {
  /** Backups per page, 1–50 (default 50). */
  pageSize?: number;
  /** The account (undefined: the base account). */
  account?: string;
}

/** One region's backups, a page at a time: `fetchNextPage()` while `hasNextPage`. */
export function useBackupsQuery(
  region: string,
  filters: BackupFilters = {},
  options: BackupsQueryOptions = {},
): UseInfiniteQueryResult<InfiniteData<BackupPage, string | undefined>, AwsRequestError> {
  return useInfiniteQuery(
    backupQueries.infinite(useAwsSettings(), { region, account: options.account }, filters, options.pageSize ?? PAGE_LIMITS.backups),
  );
}

/** One backup (null when there is none with that id in the region); `account` undefined: the base account. */
export function useBackupQuery(
  region: string,
  backupId: string | undefined,
  account?: string,
): UseQueryResult<BackupWithExtras | null, AwsRequestError> {
  return useQuery(backupQueries.detail(useAwsSettings(), { region, account }, backupId ?? ''));
}
