/**
 * A whole history of backups, for views that must read all of it (the orphaned backups): each region's
 * backups matching the filters, newest first, streamed page by page into one query per region, so the view
 * draws them as they arrive and leaving it cancels the scan (`signal`). Unlike the windowed queries
 * (backupWindow.ts), whose per-page queries suit a window that widens a page at a time, a scan is one query
 * per region: a page costs an append, not a re-plan of every page so far (on the large seed's 20,000 backups
 * that is the difference between seconds and half a minute).
 *
 * Its key sits under the region's windows (`backupKeys.windows`), so it follows their rules: a change to one
 * backup is patched in (patchBackupInWindows), and backups appearing or going rescan the region, showing the
 * last scan until the new one is through.
 */
import { experimental_streamedQuery as streamedQuery, useQueries, type UseQueryResult } from '@tanstack/react-query';
import type { CloudHSMV2Client } from '@aws-sdk/client-cloudhsm-v2';
import { useMemo } from 'react';
import { useAwsSettings } from '../context';
import { withAwsErrors, type AwsRequestError } from '../errors';
import type { BackupWithExtras } from '../extensions/extras';
import { backupKeys, normalizeFilters, type BackupFilters } from '../keys';
import type { RegionalBackup } from './backups';
import { asAwsRequestError, type FanOutFailure } from './fanOut';
import { describeBackupsPage, PAGE_LIMITS } from './fetchers';

export const backupScanKey = (region: string, filters: BackupFilters) =>
  [...backupKeys.windows(region), normalizeFilters(filters), 'scan'] as const;

export interface RegionScanProgress {
  region: string;
  status: 'loading' | 'ready' | 'error';
  /** Backups read so far. */
  scanned: number;
  /** Every page is read. */
  complete: boolean;
}

export interface BackupScanResult {
  /** Every backup read so far, newest first per region (regions in the given order). */
  rows: RegionalBackup[];
  regions: RegionScanProgress[];
  errors: FanOutFailure[];
  /** Every region is read to its end, or failed. */
  isComplete: boolean;
}

async function* pagesOf(client: CloudHSMV2Client, region: string, filters: BackupFilters, signal: AbortSignal) {
  let token: string | undefined;
  do {
    const page = await withAwsErrors({ operation: 'DescribeBackups', region }, () =>
      describeBackupsPage(client, filters, PAGE_LIMITS.backups, token, signal, false),
    );
    yield page.backups;
    token = page.nextToken;
  } while (token);
}

type ScanQuery = UseQueryResult<BackupWithExtras[], AwsRequestError>;

function progressOf(region: string, result: ScanQuery): RegionScanProgress {
  return {
    region,
    status: result.error ? 'error' : result.data === undefined ? 'loading' : 'ready',
    scanned: result.data?.length ?? 0,
    complete: result.isSuccess && result.fetchStatus === 'idle',
  };
}

/** Each region's rows, made once per data array (a page appended makes a new array). */
const rowsByData = new WeakMap<BackupWithExtras[], RegionalBackup[]>();
function rowsOf(region: string, data: BackupWithExtras[] | undefined): RegionalBackup[] {
  if (!data) return [];
  let rows = rowsByData.get(data);
  if (!rows) rowsByData.set(data, (rows = data.map((backup) => ({ region, backup }))));
  return rows;
}

function combineScan(regions: readonly string[], results: readonly ScanQuery[]): BackupScanResult {
  const progress = regions.map((region, i) => progressOf(region, results[i]!));
  const errors: FanOutFailure[] = [];
  regions.forEach((region, i) => {
    const result = results[i]!;
    if (result.error)
      errors.push({
        region,
        error: asAwsRequestError(result.error, 'DescribeBackups', region),
        stale: result.data !== undefined,
        retry: async () => {
          await result.refetch();
        },
      });
  });
  return {
    rows: regions.flatMap((region, i) => rowsOf(region, results[i]!.data)),
    regions: progress,
    errors,
    isComplete: progress.every((p) => p.status === 'error' || p.complete),
  };
}

/** Every backup of `regions` matching `filters`, newest first, streamed as described above. */
export function useBackupScan(regions: readonly string[], filters: BackupFilters): BackupScanResult {
  const { clients } = useAwsSettings();
  const results = useQueries({
    queries: regions.map((region) => ({
      queryKey: backupScanKey(region, filters),
      queryFn: streamedQuery<BackupWithExtras[], BackupWithExtras[]>({
        streamFn: ({ signal }) => pagesOf(clients.forRegion(region), region, filters, signal),
        reducer: (all, page) => [...all, ...page],
        initialValue: [],
        refetchMode: 'replace',
      }),
      staleTime: Number.POSITIVE_INFINITY,
      refetchOnWindowFocus: false,
      // Thousands of backups: a page appended must not deep-compare everything read before it.
      structuralSharing: false,
    })),
  }) as ScanQuery[];
  // Recombined only when a region's query changed (a page arrived, a backup was patched, a state moved). Not
  // through useQueries' `combine`: its result is deep-compared with the last one, every backup of it, per page.
  const signature = `${regions.join(',')}|${results
    .map((r) => `${r.dataUpdatedAt}.${r.data?.length ?? -1}.${r.errorUpdatedAt}.${r.status}.${r.fetchStatus}`)
    .join(',')}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the signature stands for regions and results
  return useMemo(() => combineScan(regions, results), [signature]);
}
