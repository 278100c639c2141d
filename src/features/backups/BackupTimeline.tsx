/**
 * The backup timeline: a time axis that stays on top while the lanes scroll in a box of about one screen, a
 * summary row per region (a density strip of its backups per day, a button that shows or hides its
 * clusters: regions with more than 50 start collapsed) and one lane per (region, cluster) with a mark per
 * backup (shape, colour and its accessible label give the state, in the status model's words; a group of
 * backups too close to tell apart shows its count and its worst state), NeverExpires and purge times marked,
 * and a link from each source backup to its copies. Only the rows in view are drawn (TanStack Virtual).
 * A filter box finds a cluster by id, name or tag (not shown where one cluster is drawn). One tab stop for the marks: arrow keys move between them
 * (roving tabindex), Enter opens the backup (or zooms into a group), Space selects. Loaded on demand (own
 * chunk). The pieces are in timeline/view.
 */
import { useMemo, useState } from 'react';
import { EmptyState, Button } from '../../ui';
import { formatUtcMinute, type TimelineBackupItem, type TimeWindow } from './timeline';
import type { TagLike } from './timeline/rows';
import { HELP_ID, MAX_TIMELINE_HEIGHT } from './timeline/view/geometry';
import { TimelineFilters } from './timeline/view/TimelineFilters';
import { TimelineRows } from './timeline/view/TimelineRows';
import { useMarkNavigation, type MarkActions } from './timeline/view/useMarkNavigation';
import { useTimelineLayout } from './timeline/view/useTimelineLayout';
import { useTimelineRows, type ScrollRequest } from './timeline/view/useTimelineRows';
import { useVirtualRows } from './timeline/view/useVirtualRows';
import type { ClusterHealth } from '../../cloudhsm/health';

/** What the timeline is drawn against: its window and "now", and the clusters' names (and tags, for the filter box). */
export interface TimelineScope {
  window: TimeWindow;
  now: Date;
  clusterNames: ReadonlyMap<string, string>;
  /** Cluster id -> its tags, so the filter box finds clusters by tag too (optional: id and name without it). */
  clusterTags?: ReadonlyMap<string, readonly TagLike[]>;
  /** Cluster id -> its health, so a lane says when its cluster needs attention (optional: unknown clusters say nothing). */
  clusterHealth?: ReadonlyMap<string, ClusterHealth>;
}

export interface BackupTimelineProps {
  backups: readonly TimelineBackupItem[];
  scope: TimelineScope;
  /** The selected backup and what selecting, opening (Enter, click) and zooming into a group do. */
  actions: MarkActions;
  /** The box that finds a cluster and the "only clusters with backups" toggle (default shown); off where one cluster is drawn. */
  showFilters?: boolean;
}

export default function BackupTimeline({ backups, scope, actions, showFilters = true }: BackupTimelineProps) {
  const { window, now, clusterNames, clusterTags, clusterHealth } = scope;
  const { selectedId } = actions;
  const { container, width, labelWidth, axisWidth, layout, toX } = useTimelineLayout({ backups, window, now, clusterNames });
  const markById = useMemo(() => new Map(layout.marks.map((m) => [m.id, m])), [layout]);
  const [scrollRequest, requestScroll] = useState<ScrollRequest | null>(null);
  const rows = useTimelineRows({ layout, markById, clusterTags, selectedId, requestScroll });
  const { model } = rows;
  const nav = useMarkNavigation({ layout, markById, lanes: model.lanes, requestScroll }, actions);
  const selectedMarkId = selectedId ? layout.visibleMarkOf(selectedId) : null;
  const pinned = [nav.activeMark?.laneKey, selectedMarkId ? markById.get(selectedMarkId)?.laneKey : null];
  const virtual = useVirtualRows(model, container, pinned, scrollRequest);
  const nothingMatches = model.narrowed && model.rows.length === 0;

  return (
    <div className="relative w-full" data-testid="backup-timeline">
      {showFilters && <TimelineFilters rows={rows} searchesTags={clusterTags !== undefined} />}
      {layout.marks.length === 0 && (
        <p className="mb-2 text-sm text-slate-700 dark:text-slate-300" data-testid="timeline-empty">
          No backup in this time window: zoom out or pan to see more.
        </p>
      )}
      {nothingMatches && (
        <EmptyState
          variant="no-match"
          className="mb-2"
          data-testid="timeline-no-match"
          title="No cluster matches."
          action={
            <Button
              size="sm"
              onClick={() => {
                rows.setQuery('');
                rows.setOnlyWithBackups(false);
              }}
            >
              Clear the timeline's filter
            </Button>
          }
        />
      )}
      <div
        ref={container}
        role="group"
        aria-label={`Backup timeline, ${formatUtcMinute(window.start)} to ${formatUtcMinute(window.end)}`}
        aria-describedby={HELP_ID}
        data-testid="timeline-scroller"
        className="relative overflow-x-hidden overflow-y-auto rounded border border-slate-200 dark:border-slate-700"
        style={{ maxHeight: MAX_TIMELINE_HEIGHT, scrollbarGutter: 'stable' }}
      >
        <TimelineRows
          layout={layout}
          model={model}
          items={virtual.items}
          geometry={{ width, labelWidth, axisWidth, toX, nowX: toX(now) }}
          nav={nav}
          clusterNames={clusterNames}
          clusterHealth={clusterHealth}
          onToggle={rows.toggle}
        />
      </div>
      <p id={HELP_ID} className="mt-1 text-xs text-slate-600 dark:text-slate-300">
        Tab to the timeline, then use the arrow keys to move between backups (Up and Down go to the next cluster shown; clusters of a
        collapsed region are skipped: open the region with its button first), Home and End for the first and last, Enter to open a backup or
        zoom into a group, Space to select.
      </p>
    </div>
  );
}
