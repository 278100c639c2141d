/**
 * The backup timeline (SVG): a time axis, one lane per (region, cluster) grouped by region, a mark per backup
 * (shape, colour and its accessible label give the state, in the status model's words), NeverExpires and purge
 * times marked, and a link from each source backup to its copies. One tab stop: arrow keys move between marks
 * (roving tabindex), Enter opens the backup (or zooms into a group of backups), Space selects. Loaded on
 * demand (own chunk). The pieces are in timeline/view.
 */
import { formatUtcMinute, type BackupMark, type ClusterMark, type TimelineBackupItem, type TimeWindow } from './timeline';
import { AXIS_HEIGHT, HELP_ID, LABEL_WIDTH } from './timeline/view/geometry';
import { MarkTooltip } from './timeline/view/MarkTooltip';
import { TimelineAxis } from './timeline/view/TimelineAxis';
import { TimelineLanes } from './timeline/view/TimelineLanes';
import { ArrowHead, CopyLinks, PurgeLines } from './timeline/view/TimelineLinks';
import { TimelineMarkView } from './timeline/view/TimelineMarkView';
import { useMarkNavigation } from './timeline/view/useMarkNavigation';
import { useTimelineLayout } from './timeline/view/useTimelineLayout';

export interface BackupTimelineProps {
  backups: readonly TimelineBackupItem[];
  window: TimeWindow;
  now: Date;
  clusterNames: ReadonlyMap<string, string>;
  /** `${region}/${backupId}` of the selected backup. */
  selectedId: string | null;
  onSelect: (backupMarkId: string) => void;
  onOpen: (mark: BackupMark) => void;
  /** Enter or click on a group of backups drawn as one mark. */
  onZoomInto: (mark: ClusterMark) => void;
}

export default function BackupTimeline({
  backups,
  window,
  now,
  clusterNames,
  selectedId,
  onSelect,
  onOpen,
  onZoomInto,
}: BackupTimelineProps) {
  const { container, width, axisWidth, layout, toX } = useTimelineLayout({ backups, window, now, clusterNames });
  const { activeId, tipMark, isSelected, events } = useMarkNavigation(layout, { selectedId, onSelect, onOpen, onZoomInto });
  const height = AXIS_HEIGHT + layout.height + 8;

  return (
    <div ref={container} className="relative w-full" data-testid="backup-timeline">
      {layout.marks.length === 0 && (
        <p className="mb-2 text-sm text-slate-700 dark:text-slate-300" data-testid="timeline-empty">
          No backup in this time window: zoom out or pan to see more.
        </p>
      )}
      <svg
        width={width}
        height={height}
        role="group"
        aria-label={`Backup timeline, ${formatUtcMinute(window.start)} to ${formatUtcMinute(window.end)}`}
        aria-describedby={HELP_ID}
        className="block overflow-visible text-slate-800 dark:text-slate-200"
      >
        <ArrowHead />
        <TimelineAxis ticks={layout.ticks} nowX={toX(now)} axisWidth={axisWidth} height={height} />
        <TimelineLanes groups={layout.groups} width={width} axisWidth={axisWidth} />
        <g transform={`translate(${LABEL_WIDTH},${AXIS_HEIGHT})`}>
          <CopyLinks links={layout.links} />
          <PurgeLines marks={layout.marks} toX={toX} axisWidth={axisWidth} />
          {layout.marks.map((mark) => (
            <TimelineMarkView key={mark.id} mark={mark} selected={isSelected(mark)} tabbable={mark.id === activeId} events={events} />
          ))}
        </g>
      </svg>
      {tipMark && <MarkTooltip mark={tipMark} width={width} clusterNames={clusterNames} />}
      <p id={HELP_ID} className="mt-1 text-xs text-slate-600 dark:text-slate-300">
        Tab to the timeline, then use the arrow keys to move between backups (Home and End for the first and last), Enter to open a backup
        or zoom into a group, Space to select.
      </p>
    </div>
  );
}
