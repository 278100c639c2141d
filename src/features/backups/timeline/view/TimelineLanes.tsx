/** One header row per region and one lane per (region, cluster), with the cluster's name (cut, whole in its title). */
import type { TimelineGroup } from '../types';
import { AXIS_HEIGHT, LABEL_WIDTH } from './geometry';

const MAX_LABEL = 26;

export function TimelineLanes({ groups, width, axisWidth }: { groups: readonly TimelineGroup[]; width: number; axisWidth: number }) {
  return (
    <g transform={`translate(0,${AXIS_HEIGHT})`}>
      {groups.map((group) => (
        <g key={group.region} data-testid="timeline-group" data-region={group.region}>
          <rect x={0} y={group.y} width={width} height={group.headerHeight} className="fill-slate-100 dark:fill-slate-900" />
          <text x={6} y={group.y + group.headerHeight / 2 + 4} className="fill-current text-xs font-semibold">
            {group.region}
          </text>
          {group.lanes.map((lane) => (
            <g key={lane.key} data-testid="timeline-lane" data-lane={lane.key}>
              <line
                x1={LABEL_WIDTH}
                x2={LABEL_WIDTH + axisWidth}
                y1={lane.y}
                y2={lane.y}
                className="stroke-slate-200 dark:stroke-slate-700"
              />
              <text x={14} y={lane.y + 4} className="fill-current text-xs">
                <title>{`${lane.label} (${lane.clusterId}) in ${lane.region}`}</title>
                {lane.label.length > MAX_LABEL ? `${lane.label.slice(0, MAX_LABEL - 1)}…` : lane.label}
              </text>
            </g>
          ))}
        </g>
      ))}
    </g>
  );
}
