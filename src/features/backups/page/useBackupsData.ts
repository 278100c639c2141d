/**
 * What the backups page shows, and the one place it fetches: the backups of the shown regions since the start
 * of the timeline's window, newest first (useBackupWindow: pages stop at the window's edge, widening the window
 * fetches older pages and keeps the loaded ones), with the page's filters passed to the API where it has them
 * (backupQueryPlan), and the clusters (for their names and the cluster filter). Everything else (filtered and
 * ordered rows, the timeline's window, the filter options, the selected row) is derived here.
 */
import { useMemo } from 'react';
import { useBackupWindow, useClustersQuery, useShownAccounts } from '../../../aws';
import { useNow } from '../../../ui';
import { backupQueryPlan } from '../apiFilters';
import type { ClusterRetention, RetentionIndex } from '../expiry/expiryWords';
import { filterBackups, filterOptions, rowId, sortBackups } from '../filterBackups';
import type { BackupPageParams } from '../params';
import { dataExtent } from '../timeline';
import { panExtent, timelineWindow, wantedSince } from '../timelineWindow';
import { clusterHealth } from '../../../cloudhsm/health';
import { resourceName } from '../../../cloudhsm/names';

const HOUR = 3_600_000;

export function useBackupsData(regions: string[], params: BackupPageParams) {
  const plan = useMemo(() => backupQueryPlan(regions, params.filters), [regions, params.filters]);
  // What to load follows the URL alone (zoom and pan) and the clock to the minute, so data arriving never moves it.
  const clock = useNow();
  const sinceMs = wantedSince(params.zoom, params.end, new Date(clock))?.getTime() ?? null;
  const since = useMemo(() => (sinceMs === null ? null : new Date(sinceMs)), [sinceMs]);
  // Every shown account's backups and clusters (issue 15); one account: the base account only, as before.
  const { callAccounts } = useShownAccounts();
  const backups = useBackupWindow(plan.regions, { filters: plan.filters, since, accounts: callAccounts });
  const clusters = useClustersQuery(regions, {}, callAccounts);

  const { clusterNames, clusterTags, retention } = useMemo(() => {
    const names = new Map<string, string>();
    const tags = new Map<string, NonNullable<(typeof clusters.rows)[number]['cluster']['TagList']>>();
    const byId = new Map<string, ClusterRetention>();
    for (const { cluster } of clusters.rows) {
      if (!cluster.ClusterId) continue;
      const name = resourceName(cluster);
      if (name) names.set(cluster.ClusterId, name);
      if (cluster.TagList?.length) tags.set(cluster.ClusterId, cluster.TagList);
      byId.set(cluster.ClusterId, { name, policy: cluster.BackupRetentionPolicy });
    }
    const failed = new Map(clusters.errors.map(({ region, error }) => [region, error.info.code]));
    const retention: RetentionIndex = { byId, failed, loading: clusters.isPending };
    return { clusterNames: names, clusterTags: tags, retention };
  }, [clusters]);

  const rows = backups.rows;
  const filtered = useMemo(() => filterBackups(rows, params.filters), [rows, params.filters]);
  const sorted = useMemo(() => sortBackups(filtered, params.order), [filtered, params.order]);
  const dataSpan = useMemo(() => dataExtent(filtered), [filtered]);
  // Now, or the newest backup when the server's clock runs ahead (the emulator's can).
  const now = useMemo(() => new Date(Math.max(clock, (dataSpan?.end.getTime() ?? 0) + HOUR)), [clock, dataSpan]);
  const historyComplete = backups.regions.every((r) => r.complete || r.status === 'error');
  // While older pages exist, panning may go past the loaded data (and so loads it).
  const extent = useMemo(() => panExtent(dataSpan, historyComplete, now), [dataSpan, historyComplete, now]);
  const window = useMemo(() => timelineWindow(params.zoom, params.end, now, extent), [params.zoom, params.end, now, extent]);
  // The filter offers every shown region and every cluster of them (a filtered fetch holds only the chosen ones).
  const options = useMemo(() => {
    const clusterIds = clusters.rows.flatMap(({ cluster }) => (cluster.ClusterId ? [cluster.ClusterId] : []));
    return filterOptions(rows, clusterNames, { regions, clusterIds });
  }, [rows, clusters.rows, clusterNames, regions]);
  const selected = params.selected;
  const selectedRow = useMemo(() => (selected ? rows.find((row) => rowId(row) === selected) : undefined), [rows, selected]);

  const clusterHealths = useMemo(
    () =>
      new Map(
        clusters.rows.flatMap(({ cluster }) => (cluster.ClusterId ? [[cluster.ClusterId, clusterHealth(cluster, clock)] as const] : [])),
      ),
    [clusters.rows, clock],
  );
  const scope = useMemo(
    () => ({ window, now, clusterNames, clusterTags, clusterHealth: clusterHealths }),
    [window, now, clusterNames, clusterTags, clusterHealths],
  );

  return {
    /** Per-region progress and errors, loading and refresh state of the backups; `loadMore` for older pages. */
    backups,
    /** Errors per region of the clusters' names. */
    clusterErrors: clusters.errors,
    clusterNames,
    /** Each cluster's tags, for the timeline's filter box. */
    clusterTags,
    /** Each cluster's retention (and which regions' clusters failed or are loading), for the list's Expires. */
    retention,
    rows,
    filtered,
    sorted,
    extent,
    now,
    window,
    /** The timeline's window, "now", and the clusters' names and tags. */
    scope,
    options,
    selectedRow,
  };
}

export type BackupsData = ReturnType<typeof useBackupsData>;
