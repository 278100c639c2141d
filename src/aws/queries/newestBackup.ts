/**
 * "Find newest": a cluster's newest READY backup in each of some regions, asked only when a view asks for
 * it (a cluster whose backups are older than the window the view loaded). One DescribeBackups per region,
 * filtered by the cluster's id and READY, newest first, a few results: never a whole history. A copy keeps
 * its source's ClusterId, so in another region the same filter finds the newest copy of that cluster's backups.
 */
import { useQueries, type UseQueryOptions } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useAwsSettings, type AwsSettings } from '../context';
import { errorContext, withAwsErrors, type AwsRequestError } from '../errors';
import type { BackupWithExtras } from '../extensions/extras';
import { accountOf, backupKeys, regionOf, type Where } from '../keys';
import { describeBackupsPage } from './fetchers';

/** Enough to skip the odd backup copied back into its own region while still one call. */
const NEWEST_PAGE_SIZE = 5;

export interface NewestBackupAsk {
  clusterId: string;
  /** The cluster's account (undefined: the base account); its copies are asked in the same account. */
  account?: string;
  /** The cluster's own region first, then the regions that may hold its copies. */
  regions: readonly string[];
}

export interface NewestBackupAnswer {
  /** Per region that answered: its newest READY backup of the cluster, or null when there is none. */
  byRegion: Map<string, BackupWithExtras | null>;
  pending: boolean;
  errors: { region: string; error: AwsRequestError }[];
}

type NewestQuery = UseQueryOptions<BackupWithExtras | null, AwsRequestError, BackupWithExtras | null, readonly unknown[]>;

/** Under the region's backup prefix, so refreshing or invalidating a region's backups covers it too. */
export const newestBackupKey = (region: Where, clusterId: string) => [...backupKeys.region(region), 'newest', clusterId] as const;

export function newestBackupQuery(settings: AwsSettings, region: Where, clusterId: string): NewestQuery {
  return {
    queryKey: newestBackupKey(region, clusterId),
    queryFn: async ({ signal }) => {
      const page = await withAwsErrors(errorContext('DescribeBackups', region), () =>
        describeBackupsPage(
          settings.clients.forRegion(regionOf(region), accountOf(region)),
          { clusterIds: [clusterId], states: ['READY'] },
          NEWEST_PAGE_SIZE,
          undefined,
          signal,
          false,
        ),
      );
      return page.backups[0] ?? null;
    },
    // An answer about the past: it changes only when a new backup is made, which the window shows anyway.
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  };
}

/** The answers for the clusters asked about, by cluster id. */
export function useNewestBackups(asks: readonly NewestBackupAsk[]): Map<string, NewestBackupAnswer> {
  const settings = useAwsSettings();
  const parts = asks.flatMap((ask) => ask.regions.map((region) => ({ clusterId: ask.clusterId, region, account: ask.account })));
  const results = useQueries({
    queries: parts.map((p) => newestBackupQuery(settings, { region: p.region, account: p.account }, p.clusterId)),
  });
  const signature = results
    .map((r, i) => `${parts[i]?.clusterId}@${parts[i]?.region}:${r.dataUpdatedAt}.${r.errorUpdatedAt}.${r.status}`)
    .join(',');
  return useMemo(() => {
    const answers = new Map<string, NewestBackupAnswer>();
    results.forEach((result, i) => {
      const part = parts[i];
      if (!part) return;
      let answer = answers.get(part.clusterId);
      if (!answer) answers.set(part.clusterId, (answer = { byRegion: new Map(), pending: false, errors: [] }));
      if (result.data !== undefined) answer.byRegion.set(part.region, result.data);
      if (result.isPending) answer.pending = true;
      if (result.error) answer.errors.push({ region: part.region, error: result.error });
    });
    return answers;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the signature stands for parts and results
  }, [signature]);
}
