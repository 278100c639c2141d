/**
 * What the page's controls do to its URL state: zoom and pan the timeline, select a backup (from a mark or a
 * list row, bringing it into the window), open one, zoom into a group of marks, change the filters and order.
 * Filter, order, zoom and pan changes are history entries; selecting is not (`replace`).
 */
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { accountLinkParams, type useShownRegions } from '../../../aws';
import { rowTime, type BackupRow } from '../filterBackups';
import type { BackupListFilters, BackupPageParams } from '../params';
import { ZOOM_DURATION_MS, ZOOM_LEVELS, type BackupMark, type ClusterMark, type TimeWindow } from '../timeline';
import { centredEnd, panEnd } from '../timelineWindow';
import type { useBackupPageParams } from '../useBackupPageParams';
import type { MarkActions } from '../timeline/view/useMarkNavigation';

type SetParams = ReturnType<typeof useBackupPageParams>['setParams'];
type LinkTo = ReturnType<typeof useShownRegions>['linkTo'];

interface Context {
  params: BackupPageParams;
  setParams: SetParams;
  window: TimeWindow;
  now: Date;
  extent: TimeWindow | null;
  linkTo: LinkTo;
  /** The rows the marks come from: a mark's page names the account of its row (issue 15). */
  rows?: readonly BackupRow[];
}

/** The zoom level that shows a group of marks spanning `span` ms, one step in at least. */
function zoomLevelFor(span: number, current: BackupPageParams['zoom']) {
  const level = (['7d', '30d', '90d', '1y'] as const).find((l) => ZOOM_DURATION_MS[l] > span * 4) ?? '7d';
  return ZOOM_LEVELS.indexOf(level) < ZOOM_LEVELS.indexOf(current) ? level : '7d';
}

export function useTimelineControls({ params, setParams, window, now, extent, linkTo, rows }: Context) {
  const navigate = useNavigate();
  const update = useCallback(
    (change: Partial<BackupPageParams>, replace = false) => setParams((current) => ({ ...current, ...change }), { replace }),
    [setParams],
  );
  const setFilters = (change: Partial<BackupListFilters>, replace = false) =>
    setParams((current) => ({ ...current, filters: { ...current.filters, ...change } }), { replace });

  const selectFromTimeline = useCallback((id: string) => update({ selected: id }, true), [update]);
  const open = useCallback(
    (mark: BackupMark) => {
      const account = rows?.find((r) => r.region === mark.region && r.backup.BackupId === mark.backupId)?.account;
      void navigate(linkTo(`/backups/${mark.region}/${mark.backupId}`, { params: accountLinkParams(account) }));
    },
    [navigate, linkTo, rows],
  );
  const zoomInto = useCallback(
    (mark: ClusterMark) => {
      const next = zoomLevelFor(mark.end.getTime() - mark.start.getTime(), params.zoom);
      const end = centredEnd(next, (mark.start.getTime() + mark.end.getTime()) / 2, now, extent);
      setParams((current) => ({ ...current, zoom: next, end }));
    },
    [params.zoom, now, extent, setParams],
  );
  const selectFromList = (row: BackupRow) => {
    const t = rowTime(row);
    const outside = Number.isFinite(t) && (t < window.start.getTime() || t > window.end.getTime());
    // Bring the backup into view: centre the window on it.
    const end = params.zoom !== 'all' && outside ? centredEnd(params.zoom, t, now, extent) : params.end;
    update({ selected: `${row.region}/${row.backup.BackupId}`, end }, true);
  };

  const markActions: MarkActions = { selectedId: params.selected, onSelect: selectFromTimeline, onOpen: open, onZoomInto: zoomInto };

  return {
    /** What the timeline's marks do. */
    markActions,
    selectFromList,
    setFilters,
    clearFilters: (filters: BackupListFilters) => update({ filters }),
    setOrder: (order: BackupPageParams['order']) => update({ order }),
    zoomTo: (zoom: BackupPageParams['zoom']) => update({ zoom, end: null }),
    pan: (direction: 'earlier' | 'later') => update({ end: panEnd(window, direction, now, extent) }),
    toNow: () => update({ end: null }),
  };
}

export type TimelineControls = ReturnType<typeof useTimelineControls>;
