/**
 * A region's summary row: a button that shows or hides the region's clusters (aria-expanded; its name is the
 * summary in words: backups in the window, clusters, the busiest day) and the density strip, a bar per day
 * (or hour, week) whose height is the number of backups then. The strip repeats the words, so it is hidden
 * from assistive tech.
 */
import { Button } from '../../../../ui';
import type { Density } from '../density';
import { ROW_HEIGHTS } from '../rows';

const STRIP_PAD = 6;

export interface RegionRowProps {
  region: string;
  /** The summary in words (density.ts `regionSummary`). */
  summary: string;
  clusters: number;
  density: Density;
  expanded: boolean;
  onToggle: () => void;
  top: number;
  width: number;
  labelWidth: number;
  axisWidth: number;
}

export function RegionRow({ region, summary, clusters, density, expanded, onToggle, top, width, labelWidth, axisWidth }: RegionRowProps) {
  const height = ROW_HEIGHTS.region;
  return (
    <div
      data-testid="timeline-group"
      data-region={region}
      data-expanded={expanded ? 'true' : 'false'}
      className="absolute left-0 flex items-center border-t border-slate-200 bg-slate-100 dark:border-slate-700 dark:bg-slate-900"
      style={{ top, height, width }}
    >
      <div className="shrink-0 px-1" style={{ width: labelWidth }}>
        <Button size="sm" aria-expanded={expanded} aria-label={summary} title={summary} onClick={onToggle} className="w-full">
          <span className="flex w-full min-w-0 items-center gap-1.5 text-left">
            <span aria-hidden="true" className="w-3 shrink-0 text-center">
              {expanded ? '▾' : '▸'}
            </span>
            <span className="min-w-0 leading-tight">
              <span className="block truncate font-semibold">{region}</span>
              <span className="block truncate text-[11px] font-normal text-slate-600 dark:text-slate-300">
                {clusters.toLocaleString('en-US')} {clusters === 1 ? 'cluster' : 'clusters'} · {density.total.toLocaleString('en-US')}{' '}
                {density.total === 1 ? 'backup' : 'backups'}
              </span>
            </span>
          </span>
        </Button>
      </div>
      <DensityStrip density={density} axisWidth={axisWidth} height={height} />
    </div>
  );
}

/** One path of bars (a handful of elements per region whatever the number of backups). */
function DensityStrip({ density, axisWidth, height }: { density: Density; axisWidth: number; height: number }) {
  const { counts, max, bucketMs } = density;
  const span = bucketMs * counts.length;
  const barW = (axisWidth * bucketMs) / span;
  const usable = height - 2 * STRIP_PAD;
  let d = '';
  counts.forEach((count, i) => {
    if (count === 0 || max === 0) return;
    const h = Math.max(2, (count / max) * usable);
    const x = i * barW;
    const w = Math.max(1, Math.min(barW - 1, axisWidth - x));
    d += `M${x.toFixed(1)} ${(height - STRIP_PAD - h).toFixed(1)}h${w.toFixed(1)}v${h.toFixed(1)}h${(-w).toFixed(1)}Z`;
  });
  return (
    <svg width={axisWidth} height={height} aria-hidden="true" data-testid="density-strip" className="shrink-0">
      <line x1={0} x2={axisWidth} y1={height - STRIP_PAD} y2={height - STRIP_PAD} className="stroke-slate-300 dark:stroke-slate-600" />
      {d && <path d={d} className="fill-slate-500 dark:fill-slate-400" />}
    </svg>
  );
}
