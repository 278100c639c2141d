/**
 * The inside of the timeline's scrolling box: the sticky axis, then the rows drawn (the virtualised range):
 * region summaries and lanes, over one decorative SVG with the grid, the "now" line and the copy links
 * between the lanes on screen. The tooltip of the mark under the pointer or focus sits with the rows.
 */
import type { VirtualItem } from '@tanstack/react-virtual';
import { useMemo } from 'react';
import { densityOf, regionSummary, type Density } from '../density';
import { linksInView, ROW_HEIGHTS, type RowLink, type RowModel } from '../rows';
import type { TimelineLayout } from '../types';
import { AXIS_HEIGHT, type RowGeometry, type RowNavigation } from './geometry';
import { LaneRow } from './LaneRow';
import { MarkTooltip } from './MarkTooltip';
import { RegionRow } from './RegionRow';
import { TimelineAxis, TimelineGrid } from './TimelineAxis';
import { ArrowHead, CopyLinks } from './TimelineLinks';
import type { ClusterHealth } from '../../../../cloudhsm/health';

export interface TimelineRowsProps {
  layout: TimelineLayout;
  model: RowModel;
  items: readonly VirtualItem[];
  geometry: RowGeometry;
  nav: RowNavigation;
  clusterNames: ReadonlyMap<string, string>;
  clusterHealth?: ReadonlyMap<string, ClusterHealth> | undefined;
  onToggle: (region: string, isOpen: boolean) => void;
}

export function TimelineRows({ layout, model, items, geometry, nav, clusterNames, clusterHealth, onToggle }: TimelineRowsProps) {
  const { width, labelWidth, axisWidth } = geometry;
  const densities = useMemo(() => {
    const out = new Map<string, Density>();
    for (const row of model.rows) if (row.type === 'region') out.set(row.region, densityOf(row.lanes, layout.window, axisWidth));
    return out;
  }, [model, layout.window, axisWidth]);
  const drawnLanes = new Set<string>();
  for (const item of items) {
    const row = model.rows[item.index];
    if (row?.type === 'lane') drawnLanes.add(row.key);
  }
  const links = linksInView(layout.links, model, drawnLanes);
  const tipRow = nav.tipMark ? model.rowOfLane.get(nav.tipMark.laneKey) : undefined;

  return (
    <>
      <div
        data-testid="timeline-axis"
        className="sticky top-0 z-20 border-b border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-950"
      >
        <TimelineAxis ticks={layout.ticks} labelWidth={labelWidth} width={width} />
      </div>
      <div className="relative" style={{ height: model.totalHeight, width }}>
        <TimelineOverlay layout={layout} links={links} height={model.totalHeight} geometry={geometry} />
        {items.map((item) => {
          const row = model.rows[item.index];
          if (!row) return null;
          const top = item.start - AXIS_HEIGHT;
          if (row.type === 'lane') {
            const health = clusterHealth?.get(row.lane.clusterId);
            return <LaneRow key={row.key} lane={row.lane} top={top} geometry={geometry} nav={nav} health={health} />;
          }
          const density = densities.get(row.region)!;
          return (
            <RegionRow
              key={row.key}
              region={row.region}
              summary={regionSummary({
                region: row.region,
                density,
                window: layout.window,
                clusters: row.lanes.length,
                totalClusters: row.totalLanes,
              })}
              clusters={row.lanes.length}
              density={density}
              expanded={row.expanded}
              onToggle={() => onToggle(row.region, row.expanded)}
              top={top}
              width={width}
              labelWidth={labelWidth}
              axisWidth={axisWidth}
            />
          );
        })}
        {nav.tipMark && tipRow !== undefined && (
          <MarkTooltip
            mark={nav.tipMark}
            width={width}
            clusterNames={clusterNames}
            labelWidth={labelWidth}
            laneY={model.starts[tipRow]! + ROW_HEIGHTS.lane / 2}
          />
        )}
      </div>
    </>
  );
}

/** Under the rows, decorative: the grid, the "now" line and the copy links between the lanes drawn. */
function TimelineOverlay({
  layout,
  links,
  height,
  geometry,
}: {
  layout: TimelineLayout;
  links: readonly RowLink[];
  height: number;
  geometry: RowGeometry;
}) {
  const { width, labelWidth, axisWidth, nowX } = geometry;
  return (
    <svg
      width={width}
      height={height}
      aria-hidden="true"
      className="pointer-events-none absolute top-0 left-0 overflow-visible text-slate-800 dark:text-slate-200"
    >
      <ArrowHead />
      <g transform={`translate(${labelWidth},0)`}>
        <TimelineGrid ticks={layout.ticks} nowX={nowX} axisWidth={axisWidth} height={height} />
        <CopyLinks links={links} />
      </g>
    </svg>
  );
}
