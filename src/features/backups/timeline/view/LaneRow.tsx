/**
 * One lane (a cluster in a region): its name (cut, whole in its title) and, on the axis, its purge lines and
 * marks, drawn in an SVG of the lane's own height (marks on its centre line).
 */
import type { ClusterHealth } from '../../../../cloudhsm/health';
import { StatusIcon } from '../../../../ui/icons';
import { ROW_HEIGHTS } from '../rows';
import type { TimelineLane } from '../types';
import type { RowGeometry, RowNavigation } from './geometry';
import { PurgeLines } from './TimelineLinks';
import { TimelineMarkView } from './TimelineMarkView';

export interface LaneRowProps {
  lane: TimelineLane;
  top: number;
  geometry: RowGeometry;
  nav: Pick<RowNavigation, 'activeId' | 'isSelected' | 'events'>;
  /** The cluster's health, when known: a lane whose cluster needs attention says so beside its name. */
  health?: ClusterHealth | undefined;
}

export function LaneRow({ lane, top, geometry, nav, health }: LaneRowProps) {
  const { width, labelWidth, axisWidth, toX } = geometry;
  const { activeId, isSelected, events } = nav;
  const height = ROW_HEIGHTS.lane;
  const y = height / 2;
  const attention = health?.needsAttention ? health : undefined;
  return (
    <div data-testid="timeline-lane" data-lane={lane.key} className="absolute left-0 flex" style={{ top, height, width }}>
      <div
        className="shrink-0 truncate pr-2 pl-4 text-xs leading-8"
        style={{ width: labelWidth }}
        title={`${lane.label} (${lane.clusterId}) in ${lane.region}${attention ? `: ${attention.label}` : ''}`}
        data-attention={attention ? 'true' : undefined}
      >
        {attention && (
          // The same words and icon as the cluster list: the lane of a cluster in trouble is not a quiet row.
          <StatusIcon name={attention.icon} label={attention.label} className="mr-1 align-[-2px] text-amber-700 dark:text-amber-300" />
        )}
        {lane.label}
      </div>
      <svg width={width - labelWidth} height={height} className="shrink-0 overflow-visible text-slate-800 dark:text-slate-200">
        <line x1={0} x2={axisWidth} y1={y} y2={y} className="stroke-slate-200 dark:stroke-slate-700" />
        <PurgeLines marks={lane.marks} y={y} toX={toX} axisWidth={axisWidth} />
        {lane.marks.map((mark) => (
          <TimelineMarkView key={mark.id} mark={mark} y={y} selected={isSelected(mark)} tabbable={mark.id === activeId} events={events} />
        ))}
      </svg>
    </div>
  );
}
