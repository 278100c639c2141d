/**
 * The time axis (ticks and their labels, decorative: the timeline's name says its window), drawn in the
 * sticky row above the lanes, and the grid under the lanes (a line per tick and the dashed "now" line).
 */
import type { AxisTick } from '../ticks';
import { AXIS_HEIGHT } from './geometry';

export function TimelineAxis({ ticks, labelWidth, width }: { ticks: readonly AxisTick[]; labelWidth: number; width: number }) {
  return (
    <svg width={width} height={AXIS_HEIGHT} aria-hidden="true" className="block text-slate-800 dark:text-slate-200">
      <g transform={`translate(${labelWidth},0)`}>
        {ticks.map((tick) => (
          <g key={tick.time.getTime()} transform={`translate(${tick.x},0)`}>
            <line y1={AXIS_HEIGHT - 6} y2={AXIS_HEIGHT} className="stroke-slate-300 dark:stroke-slate-700" />
            <text y={AXIS_HEIGHT - 10} textAnchor="middle" className="fill-current text-[11px]">
              {tick.label}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}

export function TimelineGrid({
  ticks,
  nowX,
  axisWidth,
  height,
}: {
  ticks: readonly AxisTick[];
  nowX: number;
  axisWidth: number;
  height: number;
}) {
  return (
    <g aria-hidden="true">
      {ticks.map((tick) => (
        <line key={tick.time.getTime()} x1={tick.x} x2={tick.x} y1={0} y2={height} className="stroke-slate-200 dark:stroke-slate-800" />
      ))}
      {nowX >= 0 && nowX <= axisWidth && <line x1={nowX} x2={nowX} y1={0} y2={height} strokeDasharray="2 3" className="stroke-slate-500" />}
    </g>
  );
}
