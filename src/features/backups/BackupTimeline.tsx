/**
 * The backup timeline (SVG): a time axis, one lane per (region, cluster) grouped by region, a mark per backup
 * (shape, colour and its accessible label give the state), NeverExpires and purge times marked, and a link
 * from each source backup to its copies. One tab stop: arrow keys move between marks (roving tabindex),
 * Enter opens the backup (or zooms into a group of backups), Space selects. Loaded on demand (own chunk).
 */
import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  DEFAULT_CLUSTER_DISTANCE,
  formatUtcMinute,
  layoutTimeline,
  markOrder,
  nextMark,
  type ArrowDirection,
  type BackupMark,
  type ClusterMark,
  type MarkTone,
  type TimelineBackupItem,
  type TimelineMark,
  type TimeWindow,
} from './timeline';

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

const LABEL_WIDTH = 190;
const RIGHT_PAD = 16;
const AXIS_HEIGHT = 30;
const MARK_R = 6;
const DAY_MS = 86_400_000;

const TONE_SHAPE: Record<MarkTone, string> = {
  success: 'fill-green-600 stroke-green-700 dark:fill-green-400 dark:stroke-green-300',
  info: 'fill-sky-600 stroke-sky-700 dark:fill-sky-400 dark:stroke-sky-300',
  warning: 'fill-amber-600 stroke-amber-700 dark:fill-amber-400 dark:stroke-amber-300',
  muted: 'fill-slate-400 stroke-slate-500',
  neutral: 'fill-slate-500 stroke-slate-600 dark:fill-slate-300 dark:stroke-slate-300',
};

const ARROWS: Record<string, ArrowDirection> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

function MarkShape({ mark }: { mark: BackupMark }) {
  const { shape, hollow, faded, tone } = mark.style;
  const cls = `${TONE_SHAPE[tone]} ${hollow ? 'fill-white dark:fill-slate-950' : ''} ${faded ? 'opacity-50' : ''}`;
  switch (shape) {
    case 'ring':
      return <circle r={MARK_R - 1} strokeWidth={2.5} className={cls} />;
    case 'cross':
      return (
        <g className={cls} strokeWidth={3} strokeLinecap="round">
          <line x1={-MARK_R + 1} y1={-MARK_R + 1} x2={MARK_R - 1} y2={MARK_R - 1} />
          <line x1={-MARK_R + 1} y1={MARK_R - 1} x2={MARK_R - 1} y2={-MARK_R + 1} />
        </g>
      );
    case 'diamond':
      return <path d={`M0 ${-MARK_R} L${MARK_R} 0 L0 ${MARK_R} L${-MARK_R} 0 Z`} strokeWidth={2} className={cls} />;
    default:
      return <circle r={MARK_R} strokeWidth={1} className={cls} />;
  }
}

export default function BackupTimeline({ backups, window, now, clusterNames, selectedId, onSelect, onOpen, onZoomInto }: BackupTimelineProps) {
  const container = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(900);
  useLayoutEffect(() => {
    const el = container.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(320, Math.floor(el.getBoundingClientRect().width)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const axisWidth = Math.max(100, width - LABEL_WIDTH - RIGHT_PAD);

  // Daily backups stay single marks while a day is wide enough for one; coarser, nearby marks merge into
  // counted groups spaced so that their pills do not overlap.
  const pxPerDay = axisWidth / ((window.end.getTime() - window.start.getTime()) / DAY_MS);
  const clusterDistance = pxPerDay >= 8 ? DEFAULT_CLUSTER_DISTANCE : 24;
  const layout = useMemo(
    () => layoutTimeline({ backups, window, width: axisWidth, now, clusterNames, clusterDistance }),
    [backups, window, axisWidth, now, clusterNames, clusterDistance],
  );
  const order = useMemo(() => markOrder(layout), [layout]);
  // Home and End go to the oldest and newest mark in time (whatever its lane), as the help text says.
  const byTime = useMemo(() => {
    const x = new Map(layout.marks.map((m) => [m.id, m.x]));
    return [...order].sort((a, b) => (x.get(a) ?? 0) - (x.get(b) ?? 0));
  }, [layout, order]);
  const markById = useMemo(() => new Map(layout.marks.map((m) => [m.id, m])), [layout]);

  const [focusId, setFocusId] = useState<string | null>(null);
  const [tipId, setTipId] = useState<string | null>(null);
  const refs = useRef(new Map<string, SVGGElement>());
  const selectedVisible = selectedId ? layout.visibleMarkOf(selectedId) : null;
  const activeId = (focusId && markById.has(focusId) ? focusId : null) ?? selectedVisible ?? order[0] ?? null;

  const moveTo = (id: string | null) => {
    if (!id) return;
    setFocusId(id);
    refs.current.get(id)?.focus();
  };
  const activate = (mark: TimelineMark) => {
    if (mark.type === 'backup') {
      onSelect(mark.id);
      onOpen(mark);
    } else onZoomInto(mark);
  };
  const onKeyDown = (event: KeyboardEvent<SVGGElement>, mark: TimelineMark) => {
    const direction = ARROWS[event.key];
    if (direction) {
      event.preventDefault();
      moveTo(nextMark(layout, mark.id, direction));
    } else if (event.key === 'Home') {
      event.preventDefault();
      moveTo(byTime[0] ?? null);
    } else if (event.key === 'End') {
      event.preventDefault();
      moveTo(byTime[byTime.length - 1] ?? null);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      activate(mark);
    } else if (event.key === ' ') {
      event.preventDefault();
      if (mark.type === 'backup') onSelect(mark.id);
      else onZoomInto(mark);
    } else if (event.key === 'Escape') {
      setTipId(null);
    }
  };

  const height = AXIS_HEIGHT + layout.height + 8;
  const tipMark = tipId ? markById.get(tipId) : undefined;
  const toX = (t: Date) => ((t.getTime() - window.start.getTime()) / (window.end.getTime() - window.start.getTime())) * axisWidth;
  const nowX = toX(now);

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
        aria-describedby="timeline-help"
        className="block overflow-visible text-slate-800 dark:text-slate-200"
      >
        <defs>
          <marker id="timeline-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M0 0 L10 5 L0 10 Z" className="fill-slate-500" />
          </marker>
        </defs>
        {/* Axis */}
        <g transform={`translate(${LABEL_WIDTH},0)`} aria-hidden="true">
          {layout.ticks.map((tick) => (
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
        {/* Groups and lanes */}
        <g transform={`translate(0,${AXIS_HEIGHT})`}>
          {layout.groups.map((group) => (
            <g key={group.region} data-testid="timeline-group" data-region={group.region}>
              <rect x={0} y={group.y} width={width} height={group.headerHeight} className="fill-slate-100 dark:fill-slate-900" />
              <text x={6} y={group.y + group.headerHeight / 2 + 4} className="fill-current text-xs font-semibold">
                {group.region}
              </text>
              {group.lanes.map((lane) => (
                <g key={lane.key} data-testid="timeline-lane" data-lane={lane.key}>
                  <line x1={LABEL_WIDTH} x2={LABEL_WIDTH + axisWidth} y1={lane.y} y2={lane.y} className="stroke-slate-200 dark:stroke-slate-700" />
                  <text x={14} y={lane.y + 4} className="fill-current text-xs">
                    <title>{`${lane.label} (${lane.clusterId}) in ${lane.region}`}</title>
                    {lane.label.length > 26 ? `${lane.label.slice(0, 25)}…` : lane.label}
                  </text>
                </g>
              ))}
            </g>
          ))}
        </g>
        <g transform={`translate(${LABEL_WIDTH},${AXIS_HEIGHT})`}>
          {/* Copy links: source -> copy */}
          <g aria-hidden="true">
            {layout.links.map((link) => {
              const { source: s, target: t } = link;
              const mid = (s.y + t.y) / 2;
              return (
                <path
                  key={link.id}
                  data-testid="timeline-link"
                  data-source={`${s.region}/${s.backupId}`}
                  data-target={`${t.region}/${t.backupId}`}
                  d={`M${s.x} ${s.y} C${s.x} ${mid}, ${t.x} ${mid}, ${t.x} ${t.y}`}
                  fill="none"
                  strokeWidth={1.5}
                  strokeDasharray={s.offscreen || t.offscreen ? '4 3' : undefined}
                  markerEnd="url(#timeline-arrow)"
                  className="stroke-slate-500 dark:stroke-slate-400"
                />
              );
            })}
          </g>
          {/* Purge times of PENDING_DELETION backups: a dashed line from the mark to the purge instant (decorative; the label says it). */}
          <g aria-hidden="true" className="pointer-events-none">
            {layout.marks.map((mark) => {
              if (mark.type !== 'backup' || !mark.purgeAt) return null;
              const purgeAt = toX(mark.purgeAt);
              const x2 = Math.min(purgeAt, axisWidth);
              return (
                // Under the lane's marks, not through them: later backups must not look as if they were being deleted.
                <g key={mark.id} data-testid="timeline-purge" transform={`translate(0,${mark.y + 9})`}>
                  <line x1={mark.x} x2={x2} y1={0} y2={0} strokeDasharray="3 2" strokeWidth={1.5} className="stroke-amber-600 dark:stroke-amber-400" />
                  {purgeAt <= axisWidth && <line x1={x2} x2={x2} y1={-4} y2={4} strokeWidth={1.5} className="stroke-amber-600 dark:stroke-amber-400" />}
                </g>
              );
            })}
          </g>
          {/* Marks */}
          {layout.marks.map((mark) => {
            const selected = mark.type === 'backup' ? mark.id === selectedId : selectedVisible === mark.id;
            const common = {
              ref: (el: SVGGElement | null) => {
                if (el) refs.current.set(mark.id, el);
                else refs.current.delete(mark.id);
              },
              role: 'button',
              tabIndex: mark.id === activeId ? 0 : -1,
              'aria-label': mark.label,
              'data-testid': 'timeline-mark',
              'data-mark-id': mark.id,
              'data-selected': selected ? 'true' : undefined,
              transform: `translate(${mark.x},${mark.y})`,
              className: 'cursor-pointer outline-none [&:focus-visible>.focus-ring]:opacity-100',
              onKeyDown: (e: KeyboardEvent<SVGGElement>) => onKeyDown(e, mark),
              onClick: () => {
                setFocusId(mark.id);
                activate(mark);
              },
              onFocus: () => {
                setFocusId(mark.id);
                setTipId(mark.id);
              },
              onBlur: () => setTipId((t) => (t === mark.id ? null : t)),
              onMouseEnter: () => setTipId(mark.id),
              onMouseLeave: () => setTipId((t) => (t === mark.id ? null : t)),
            };
            if (mark.type === 'cluster') {
              const w = Math.max(18, 8 + String(mark.count).length * 7);
              return (
                <g key={mark.id} {...common} data-kind="cluster">
                  <circle r={w / 2 + 5} className="focus-ring pointer-events-none fill-none stroke-blue-600 opacity-0 dark:stroke-blue-400" strokeWidth={2} />
                  <rect x={-w / 2} y={-8} width={w} height={16} rx={8} className={`fill-slate-600 dark:fill-slate-300 ${selected ? 'stroke-blue-600 dark:stroke-blue-400' : ''}`} strokeWidth={selected ? 3 : 0} />
                  <text y={4} textAnchor="middle" className="fill-white text-[10px] font-semibold dark:fill-slate-900" aria-hidden="true">
                    {mark.count}
                  </text>
                </g>
              );
            }
            return (
              <g key={mark.id} {...common} data-kind={mark.kind} data-state={mark.state} data-never-expires={mark.neverExpires ? 'true' : undefined}>
                <rect x={-7} y={-9} width={14} height={18} fill="transparent" />
                <circle r={MARK_R + 5} className="focus-ring pointer-events-none fill-none stroke-blue-600 opacity-0 dark:stroke-blue-400" strokeWidth={2} />
                {selected && <circle r={MARK_R + 3} className="pointer-events-none fill-none stroke-blue-600 dark:stroke-blue-400" strokeWidth={2} data-testid="timeline-selected" />}
                <MarkShape mark={mark} />
                {mark.neverExpires && (
                  <text y={-9} textAnchor="middle" className="fill-current text-[11px] font-bold" aria-hidden="true">
                    ∞
                  </text>
                )}
              </g>
            );
          })}
        </g>
      </svg>
      {tipMark && (
        <div
          role="tooltip"
          data-testid="timeline-tooltip"
          className="pointer-events-none absolute z-10 max-w-sm rounded border border-slate-300 bg-white p-2 text-xs shadow-lg dark:border-slate-600 dark:bg-slate-900"
          style={{
            left: Math.min(LABEL_WIDTH + tipMark.x + 12, Math.max(0, width - 300)),
            top: AXIS_HEIGHT + tipMark.y + 14 + (layout.marks.length === 0 ? 0 : 0),
          }}
        >
          <TooltipBody mark={tipMark} clusterNames={clusterNames} />
        </div>
      )}
      <p id="timeline-help" className="mt-1 text-xs text-slate-600 dark:text-slate-300">
        Tab to the timeline, then use the arrow keys to move between backups (Home and End for the first and last), Enter to open a backup or zoom into a
        group, Space to select.
      </p>
    </div>
  );
}

function TooltipBody({ mark, clusterNames }: { mark: TimelineMark; clusterNames: ReadonlyMap<string, string> }) {
  const label = mark.label;
  if (mark.type === 'cluster') {
    return (
      <>
        <p className="font-semibold">{mark.count} backups</p>
        <p>{label}</p>
        <p className="mt-1 italic">Enter or click to zoom in.</p>
      </>
    );
  }
  const b = mark.backup;
  return (
    <>
      <p className="font-mono font-semibold">{mark.backupId}</p>
      <p>
        {mark.state} · {mark.region} · {clusterNames.get(mark.clusterId) ?? mark.clusterId}
      </p>
      {b.CreateTimestamp && <p>Created {formatUtcMinute(b.CreateTimestamp)}</p>}
      {b.CopyTimestamp && <p>Copied {formatUtcMinute(b.CopyTimestamp)}</p>}
      {mark.copyOf && (
        <p>
          Copy of {mark.copyOf.backupId} in {mark.copyOf.region}
        </p>
      )}
      {mark.copies.length > 0 && <p>Copied to {mark.copies.map((c) => c.region).join(', ')}</p>}
      {mark.neverExpires && <p>∞ Never expires</p>}
      {mark.purgeAt && <p className="font-semibold">Will be purged {formatUtcMinute(mark.purgeAt)}</p>}
    </>
  );
}
