/**
 * Backups at any scale: each region's backups newest first (`SortAscending: false`), fetched page by page
 * only until a page reaches past the start of the window the view shows. Widening the window (zoom out, pan
 * into the past, "load older") fetches further pages and keeps the ones it has: every page is its own query,
 * chained by the previous page's NextToken, so nothing is fetched twice and nothing refetches the whole
 * history. Regions fan out in parallel and are drawn as their pages arrive.
 *
 * Polling follows only what can change: a region's newest page, while it holds a backup in transition, and
 * the transitional backups deeper in the window, looked up by id (fast while CREATE_IN_PROGRESS, slowly while
 * PENDING_DELETION). Pages themselves never poll. Leaving the view cancels its requests (`signal`).
 */
import { useQueries, useQueryClient, type QueryClient, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useAwsSettings, type AwsSettings } from '../context';
import { errorContext, withAwsErrors, type AwsRequestError } from '../errors';
import type { BackupWithExtras } from '../extensions/extras';
import { accountOf, backupKeys, regionOf, scopeOf, type BackupFilters, type Where } from '../keys';
import { DEFAULT_POLL_INTERVAL_MS, PENDING_DELETION_SLOWDOWN } from '../polling';
import type { RegionalBackup } from './backups';
import { accountRegionParts, asAwsRequestError, type FanOutFailure, type FanOutPart } from './fanOut';
import {
  coverage,
  loadedSinceAll,
  mergeRegionBackups,
  needsNextPage,
  transitionalIds,
  type RegionWindowProgress,
} from './backupWindowModel';
import { describeBackupsByIds, describeBackupsPage, PAGE_LIMITS, type BackupPage } from './fetchers';

export interface BackupWindowOptions {
  /** API filters (clusterIds, states, neverExpires, sourceBackupIds), applied in every region. */
  filters?: BackupFilters;
  /** Load every backup created since this instant; null loads the whole history. */
  since: Date | null;
  /** Default true. */
  enabled?: boolean;
  /** The accounts to ask (undefined in it, or the option left out: the base account); each with every region. */
  accounts?: readonly (string | undefined)[];
}

export interface BackupWindowResult {
  /** Every loaded backup of every region, newest first per region (regions in the given order). */
  rows: RegionalBackup[];
  regions: RegionWindowProgress[];
  /** Every region covers the window (or failed). */
  isComplete: boolean;
  /** No region has answered yet. */
  isPending: boolean;
  isFetching: boolean;
  errors: FanOutFailure[];
  /** Everything since this instant is loaded in every region that answered. */
  loadedSince: Date | null;
  /** Fetch one more page in every region that has more (for "load older"). */
  loadMore: () => void;
}

type PageQuery = UseQueryOptions<BackupPage, AwsRequestError, BackupPage, readonly unknown[]>;
type LiveQuery = UseQueryOptions<BackupWithExtras[], AwsRequestError, BackupWithExtras[], readonly unknown[]>;

const PAGE_SIZE = PAGE_LIMITS.backups;

function pageQuery(settings: AwsSettings, queryClient: QueryClient, where: Where, filters: BackupFilters, index: number): PageQuery {
  return {
    queryKey: backupKeys.windowPage(where, filters, index),
    queryFn: ({ signal }) => {
      const previous = index === 0 ? undefined : queryClient.getQueryData<BackupPage>(backupKeys.windowPage(where, filters, index - 1));
      if (index > 0 && !previous?.nextToken)
        throw new Error(`Page ${index + 1} of ${scopeOf(where)}'s backups asked before the page before it.`);
      return withAwsErrors(errorContext('DescribeBackups', where), () =>
        describeBackupsPage(
          settings.clients.forRegion(regionOf(where), accountOf(where)),
          filters,
          PAGE_SIZE,
          previous?.nextToken,
          signal,
          false,
        ),
      );
    },
    // A page is what it was when fetched: the newest page and the transitional backups are polled instead.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  };
}

/** The newest page again, while it holds a backup in transition (new backups appear at the top). */
function headQuery(
  settings: AwsSettings,
  where: Where,
  filters: BackupFilters,
  firstPage: BackupPage | undefined,
  firstPageAt: number,
): LiveQuery {
  const moving = firstPage ? firstPage.backups.some((b) => b.BackupState === 'CREATE_IN_PROGRESS') : false;
  return {
    queryKey: backupKeys.windowHead(where, filters),
    queryFn: async ({ signal }) =>
      (
        await withAwsErrors(errorContext('DescribeBackups', where), () =>
          describeBackupsPage(settings.clients.forRegion(regionOf(where), accountOf(where)), filters, PAGE_SIZE, undefined, signal, false),
        )
      ).backups,
    enabled: moving,
    // It starts as the first page (no second fetch of it), then polls.
    ...(firstPage && { initialData: firstPage.backups, initialDataUpdatedAt: firstPageAt }),
    staleTime: settings.pollIntervalMs,
    refetchInterval: moving ? settings.pollIntervalMs : false,
    refetchIntervalInBackground: false,
  };
}

/**
 * Transitional backups beyond the newest page, by id, polled until they settle. They start as the pages
 * showed them (no second fetch right away).
 */
function liveQuery(
  settings: AwsSettings,
  where: Where,
  seen: readonly BackupWithExtras[],
  seenAt: number,
  intervalMs: number,
  kind: string,
): LiveQuery {
  const ids = seen.map((b) => b.BackupId!);
  return {
    queryKey: backupKeys.windowLive(where, kind, ids),
    queryFn: ({ signal }) =>
      withAwsErrors(errorContext('DescribeBackups', where), () =>
        describeBackupsByIds(settings.clients.forRegion(regionOf(where), accountOf(where)), ids, signal),
      ),
    enabled: ids.length > 0,
    initialData: [...seen],
    initialDataUpdatedAt: seenAt,
    refetchInterval: intervalMs,
    refetchIntervalInBackground: false,
    staleTime: intervalMs,
  };
}

interface RegionPlan {
  region: string;
  /** Undefined: the base account. */
  account?: string;
  /** Indexes into the query list. */
  pages: number[];
  head: number;
  live: number[];
  liveIds: string[];
}

/** The queries each region needs now: its chain of pages up to the window's start, its head and live lookups. */
function planQueries(
  settings: AwsSettings,
  queryClient: QueryClient,
  places: readonly FanOutPart[],
  filters: BackupFilters,
  since: number | null,
  extra: number,
) {
  const queries: (PageQuery | LiveQuery)[] = [];
  const plans: RegionPlan[] = [];
  for (const place of places) {
    const region: Where = place.account ? { region: place.region, account: place.account } : place.region;
    const plan: RegionPlan = { ...place, pages: [], head: -1, live: [], liveIds: [] };
    let wantedBeyond = extra;
    for (let index = 0; ; index++) {
      plan.pages.push(queries.length);
      queries.push(pageQuery(settings, queryClient, region, filters, index));
      const page = queryClient.getQueryData<BackupPage>(backupKeys.windowPage(region, filters, index));
      if (!page) break;
      if (needsNextPage(page, since)) continue;
      if (page.nextToken && wantedBeyond > 0) {
        wantedBeyond--;
        continue;
      }
      break;
    }
    const firstKey = backupKeys.windowPage(region, filters, 0);
    const firstPage = queryClient.getQueryData<BackupPage>(firstKey);
    plan.head = queries.length;
    queries.push(headQuery(settings, region, filters, firstPage, queryClient.getQueryState(firstKey)?.dataUpdatedAt ?? 0));
    // Transitional backups beyond the first page (the head covers that one).
    let seenAt = 0;
    const deeper = plan.pages.slice(1).flatMap((_, i) => {
      const key = backupKeys.windowPage(region, filters, i + 1);
      seenAt = Math.max(seenAt, queryClient.getQueryState(key)?.dataUpdatedAt ?? 0);
      return queryClient.getQueryData<BackupPage>(key)?.backups ?? [];
    });
    const { creating, pendingDeletion } = transitionalIds(deeper);
    const interval = settings.pollIntervalMs || DEFAULT_POLL_INTERVAL_MS;
    const byId = new Map(deeper.map((b) => [b.BackupId, b]));
    for (const [kind, ids, every] of [
      ['creating', creating, interval],
      ['pending-deletion', pendingDeletion, interval * PENDING_DELETION_SLOWDOWN],
    ] as const) {
      if (ids.length === 0) continue;
      plan.live.push(queries.length);
      plan.liveIds.push(...ids);
      queries.push(
        liveQuery(
          settings,
          region,
          ids.map((id) => byId.get(id)!),
          seenAt,
          every,
          kind,
        ),
      );
    }
    plans.push(plan);
  }
  return { queries, plans };
}

function combine(
  plans: readonly RegionPlan[],
  results: readonly UseQueryResult<unknown, AwsRequestError>[],
  since: number | null,
): Omit<BackupWindowResult, 'loadMore'> {
  const rows: RegionalBackup[] = [];
  const progress: RegionWindowProgress[] = [];
  const errors: FanOutFailure[] = [];
  for (const plan of plans) {
    const pageResults = plan.pages.map((i) => results[i]!);
    const pages = pageResults.map((r) => r.data as BackupPage | undefined);
    const live = plan.live.map((i) => results[i]!);
    const fresher = [
      results[plan.head]!.data as BackupWithExtras[] | undefined,
      ...live.map((r) => r.data as BackupWithExtras[] | undefined),
    ];
    // A backup looked up by id and not found any more was purged.
    const found = new Set(live.flatMap((r) => (r.data as BackupWithExtras[] | undefined)?.map((b) => b.BackupId) ?? []));
    const gone = new Set(live.every((r) => r.isSuccess) ? plan.liveIds.filter((id) => !found.has(id)) : []);
    const account = plan.account ? { account: plan.account } : {};
    for (const backup of mergeRegionBackups(pages, fresher, gone)) rows.push({ region: plan.region, ...account, backup });
    const failed = pageResults.find((r) => r.error);
    if (failed?.error)
      errors.push({
        region: plan.region,
        ...account,
        error: asAwsRequestError(failed.error, 'DescribeBackups', plan.region, plan.account),
        stale: failed.data !== undefined,
        retry: async () => {
          await failed.refetch();
        },
      });
    const covered = coverage(pages, since);
    progress.push({
      region: plan.region,
      ...account,
      status: failed ? 'error' : pages[0] === undefined ? 'loading' : 'ready',
      ...covered,
      fetching: pageResults.some((r) => r.isFetching),
    });
  }
  return {
    rows,
    regions: progress,
    isComplete: progress.every((p) => p.status === 'error' || p.coversWindow),
    isPending: progress.every((p) => p.status === 'loading'),
    isFetching: results.some((r) => r.isFetching),
    errors,
    loadedSince: loadedSinceAll(progress),
  };
}

/** The backups of `regions` since `options.since`, newest first, fetched as described above. */
export function useBackupWindow(regions: readonly string[], options: BackupWindowOptions): BackupWindowResult {
  const settings = useAwsSettings();
  // Pages wanted beyond the window, per "load older" press.
  const [extraPages, setExtraPages] = useState(0);
  const queryClient = useQueryClient();
  const since = options.since ? options.since.getTime() : null;
  const filters = options.filters ?? {};
  // The plan is recomputed on every render: a page arriving re-renders this hook, which then asks for the next.
  const places = accountRegionParts(options.accounts ?? [undefined], regions);
  const { queries, plans } = planQueries(settings, queryClient, places, filters, since, extraPages);
  const enabled = options.enabled ?? true;
  const results = useQueries({ queries: queries.map((q) => ({ ...q, enabled: enabled && q.enabled !== false })) }) as UseQueryResult<
    unknown,
    AwsRequestError
  >[];
  // Recombined only when a query's data or status changed, so the rows keep their identity between renders and
  // the views' memos downstream (filters, layout) do not redo their work on every render.
  const signature = `${since}|${plans.map((p) => `${p.account ?? ''}/${p.region}:${p.pages.length}:${p.live.length}`).join(',')}|${results
    .map((r) => `${r.dataUpdatedAt}.${r.errorUpdatedAt}.${r.status}.${r.fetchStatus}`)
    .join(',')}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the signature stands for plans and results
  const combined = useMemo(() => combine(plans, results, since), [signature]);
  const loadMore = useCallback(() => setExtraPages((n) => n + 1), []);
  return useMemo(() => ({ ...combined, loadMore }), [combined, loadMore]);
}

/**
 * Puts a backup's new state into every windowed query of its region that holds it (pages, heads, live
 * lookups), so a change to one backup shows without refetching any window. Returns how many entries changed.
 */
export function patchBackupInWindows(queryClient: QueryClient, region: Where, backup: BackupWithExtras): number {
  let patched = 0;
  const replace = (list: readonly BackupWithExtras[]): BackupWithExtras[] =>
    list.map((b) => {
      if (b.BackupId !== backup.BackupId) return b;
      patched++;
      return backup;
    });
  for (const query of queryClient.getQueryCache().findAll({ queryKey: backupKeys.windows(region) })) {
    const data = query.state.data;
    if (Array.isArray(data)) queryClient.setQueryData(query.queryKey, replace(data as BackupWithExtras[]));
    else if (data && typeof data === 'object' && Array.isArray((data as BackupPage).backups)) {
      queryClient.setQueryData(query.queryKey, { ...(data as BackupPage), backups: replace((data as BackupPage).backups) });
    }
  }
  return patched;
}
