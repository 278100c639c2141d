/**
 * A whole history of backups, for views that must read all of it (the orphaned backups): each region's
 * backups matching the filters, newest first, streamed page by page into one query per region, so the view
 * draws them as they arrive and leaving it cancels the scan (`signal`). Unlike the windowed queries
 * (backupWindow.ts), whose per-page queries suit a window that widens a page at a time, a scan is one query
 * per region: a page costs an append, not a re-plan of every page so far (on the large seed's 20,000 backups
 * that is the difference between seconds and half a minute).
 *
 * A scan reads at most `limit` backups per region (the newest), then stops until the view asks for more: a
 * default view must not read a whole history by itself. A larger limit goes on from where the last one
 * stopped (its rows and NextToken), reading nothing twice.
 *
 * Its key sits under the region's windows (`backupKeys.windows`), so it follows their rules: a change to one
 * backup is patched in (patchBackupInWindows), and backups appearing or going rescan the region, showing the
 * last scan until the new one is through.
 */
import {
  experimental_streamedQuery as streamedQuery,
  keepPreviousData,
  useQueries,
  useQueryClient,
  type QueryClient,
  type QueryFunctionContext,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { CloudHSMV2Client } from '@aws-sdk/client-cloudhsm-v2';
import { useMemo } from 'react';
import { useAwsSettings } from '../context';
import { withAwsErrors, type AwsRequestError } from '../errors';
import type { BackupWithExtras } from '../extensions/extras';
import { backupKeys, normalizeFilters, type BackupFilters } from '../keys';
import type { RegionalBackup } from './backups';
import { asAwsRequestError, type FanOutFailure } from './fanOut';
import { describeBackupsPage, PAGE_LIMITS, type BackupPage } from './fetchers';

export const backupScanKey = (region: string, filters: BackupFilters, limit: number) =>
  [...backupKeys.windows(region), normalizeFilters(filters), 'scan', limit] as const;

export interface RegionScanProgress {
  region: string;
  status: 'loading' | 'ready' | 'error';
  /** Backups read so far. */
  scanned: number;
  /** Every page is read. */
  complete: boolean;
  /** The scan read its limit and stopped with more to read. */
  stopped: boolean;
}

export interface BackupScanResult {
  /** Every backup read so far, newest first per region (regions in the given order). */
  rows: RegionalBackup[];
  regions: RegionScanProgress[];
  errors: FanOutFailure[];
  /** Every region is read to its end, or failed. */
  isComplete: boolean;
  /** Every region is read to its end or its limit, or failed: nothing is being read. */
  isSettled: boolean;
}

export interface BackupScanOptions {
  /** Backups to read per region at most, newest first. */
  limit: number;
  /** Default true. */
  enabled?: boolean;
}

async function* pagesOf(
  client: CloudHSMV2Client,
  region: string,
  filters: BackupFilters,
  from: BackupPage,
  limit: number,
  signal: AbortSignal,
) {
  let token = from.nextToken;
  let read = from.backups.length;
  if (read > 0 && !token) return;
  do {
    const page = await withAwsErrors({ operation: 'DescribeBackups', region }, () =>
      describeBackupsPage(client, filters, PAGE_LIMITS.backups, token, signal, false),
    );
    yield page;
    read += page.backups.length;
    token = page.nextToken;
  } while (token && read < limit);
}

type ScanQuery = UseQueryResult<BackupPage, AwsRequestError>;

function progressOf(region: string, result: ScanQuery): RegionScanProgress {
  return {
    region,
    status: result.error ? 'error' : result.data === undefined ? 'loading' : 'ready',
    scanned: result.data?.backups.length ?? 0,
    complete: result.isSuccess && result.fetchStatus === 'idle' && !result.data.nextToken,
    stopped: result.isSuccess && result.fetchStatus === 'idle' && Boolean(result.data.nextToken),
  };
}

/** Each region's rows, made once per data array (a page appended makes a new array). */
const rowsByData = new WeakMap<BackupWithExtras[], RegionalBackup[]>();
function rowsOf(region: string, data: BackupPage | undefined): RegionalBackup[] {
  if (!data) return [];
  let rows = rowsByData.get(data.backups);
  if (!rows) rowsByData.set(data.backups, (rows = data.backups.map((backup) => ({ region, backup }))));
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
    isSettled: progress.every((p) => p.status === 'error' || p.complete || p.stopped),
  };
}

const EMPTY: BackupPage = { backups: [] };

/** What a smaller limit's scan of the region read (the largest such), to go on from. */
function readBefore(queryClient: QueryClient, region: string, filters: BackupFilters, limit: number): BackupPage | undefined {
  let best: { limit: number; data: BackupPage } | undefined;
  for (const query of queryClient.getQueryCache().findAll({ queryKey: backupScanKey(region, filters, limit).slice(0, -1) })) {
    const keyLimit = query.queryKey.at(-1);
    const data = query.state.data as BackupPage | undefined;
    // Not from a scan that has since been invalidated: its rows may be out of date.
    if (typeof keyLimit !== 'number' || keyLimit >= limit || !data || query.state.isInvalidated) continue;
    if (!best || keyLimit > best.limit) best = { limit: keyLimit, data };
  }
  return best?.data;
}

/** The newest `limit` backups of each of `regions` matching `filters`, newest first, streamed as described above. */
export function useBackupScan(
  regions: readonly string[],
  filters: BackupFilters,
  { limit, enabled = true }: BackupScanOptions,
): BackupScanResult {
  const { clients } = useAwsSettings();
  const queryClient = useQueryClient();
  const results = useQueries({
    queries: regions.map((region) => ({
      queryKey: backupScanKey(region, filters, limit),
      // The last page's token tells whether the region has more than was read.
      queryFn: (context: QueryFunctionContext) => {
        // A refetch (backups appeared or went) reads from the newest; a larger limit goes on from the last one's end.
        const refetch = queryClient.getQueryData(context.queryKey) !== undefined;
        const from = refetch ? EMPTY : (readBefore(queryClient, region, filters, limit) ?? EMPTY);
        return streamedQuery<BackupPage, BackupPage>({
          streamFn: ({ signal }) => pagesOf(clients.forRegion(region), region, filters, from, limit, signal),
          reducer: (all, page) => ({ backups: [...all.backups, ...page.backups], nextToken: page.nextToken }),
          initialValue: from,
          refetchMode: 'replace',
        })(context);
      },
      enabled,
      // A larger limit reads again from the newest: the rows read so far stay on screen meanwhile.
      placeholderData: keepPreviousData,
      staleTime: Number.POSITIVE_INFINITY,
      refetchOnWindowFocus: false,
      // Thousands of backups: a page appended must not deep-compare everything read before it.
      structuralSharing: false,
    })),
  }) as ScanQuery[];
  // Recombined only when a region's query changed (a page arrived, a backup was patched, a state moved). Not
  // through useQueries' `combine`: its result is deep-compared with the last one, every backup of it, per page.
  const signature = `${regions.join(',')}|${results
    .map((r) => `${r.dataUpdatedAt}.${r.data?.backups.length ?? -1}.${r.errorUpdatedAt}.${r.status}.${r.fetchStatus}`)
    .join(',')}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the signature stands for regions and results
  return useMemo(() => combineScan(regions, results), [signature]);
}
