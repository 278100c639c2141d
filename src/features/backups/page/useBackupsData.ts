/**
 * What the backups page shows, and the one place it fetches: every backup of the shown regions
 * (useAllBackupsQuery) and the clusters (for their names). Everything else (filtered and ordered rows, the
 * timeline's window, the filter options, the selected row) is derived here from those and the URL's
 * parameters, so a change of how the page fetches (e.g. newest-first windows) touches this hook only.
 */
import { useMemo } from 'react';
import { useAllBackupsQuery, useClustersQuery } from '../../../aws';
import { filterBackups, filterOptions, rowId, sortBackups } from '../filterBackups';
import type { BackupPageParams } from '../params';
import { dataExtent } from '../timeline';
import { timelineWindow } from '../timelineWindow';

const HOUR = 3_600_000;

export function useBackupsData(regions: string[], params: BackupPageParams) {
  const backups = useAllBackupsQuery(regions);
  const clusters = useClustersQuery(regions);

  const clusterNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const { cluster } of clusters.rows) {
      const name = cluster.TagList?.find((t) => t.Key === 'Name')?.Value;
      if (cluster.ClusterId && name) names.set(cluster.ClusterId, name);
    }
    return names;
  }, [clusters.rows]);

  const rows = backups.rows;
  const filtered = useMemo(() => filterBackups(rows, params.filters), [rows, params.filters]);
  const sorted = useMemo(() => sortBackups(filtered, params.order), [filtered, params.order]);
  const extent = useMemo(() => dataExtent(filtered), [filtered]);
  // Now, or the newest backup when the server's clock runs ahead (the emulator's can).
  const now = useMemo(() => new Date(Math.max(Date.now(), (extent?.end.getTime() ?? 0) + HOUR)), [extent]);
  const window = useMemo(() => timelineWindow(params.zoom, params.end, now, extent), [params.zoom, params.end, now, extent]);
  const options = useMemo(() => filterOptions(rows, clusterNames), [rows, clusterNames]);
  const selected = params.selected;
  const selectedRow = useMemo(() => (selected ? rows.find((row) => rowId(row) === selected) : undefined), [rows, selected]);

  return {
    /** Errors per region, loading and refresh state of the backups. */
    backups,
    /** Errors per region of the clusters' names. */
    clusterErrors: clusters.errors,
    clusterNames,
    rows,
    filtered,
    sorted,
    extent,
    now,
    window,
    options,
    selectedRow,
  };
}

export type BackupsData = ReturnType<typeof useBackupsData>;
