/** The time axis (ticks and their labels, decorative: the timeline's name says its window) and the "now" line. */
import type { AxisTick } from '../ticks';
import { AXIS_HEIGHT, LABEL_WIDTH } from './geometry';

export function TimelineAxis({
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
    <g transform={`translate(${LABEL_WIDTH},0)`} aria-hidden="true">
      {ticks.map((tick) => (
        <g key={tick.time.getTime()} transform={`translate(${tick.x},0)`}>
          <line y1={AXIS_HEIGHT - 6} y2={height} className="stroke-slate-200 dark:stroke-slate-800" />
          <text y={AXIS_HEIGHT - 10} textAnchor="middle" className="fill-current text-[11px]">
            {tick.label}
          </text>
        </g>
      ))}
      {nowX >= 0 && nowX <= axisWidth && (
        <g transform={`translate(${nowX},0)`}>
          <line y1={AXIS_HEIGHT - 4} y2={height} strokeDasharray="2 3" className="stroke-slate-500" />
        </g>
      )}
    </g>
  );
}
