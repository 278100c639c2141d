/**
 * One mark of the timeline, a button in the SVG: a backup (its shape and tone from its state, ∞ when it never
 * expires, a ring when selected) or a group of backups too close to tell apart (a pill with the count). Its
 * accessible name is the mark's label; the roving tabindex makes the whole timeline one tab stop.
 */
import type { KeyboardEvent } from 'react';
import type { BackupMark, ClusterMark, TimelineMark } from '../types';
import { MARK_R, MarkShape } from './MarkShape';

/** What the timeline does when a mark is used; the marks only report. */
export interface MarkEvents {
  register: (id: string, element: SVGGElement | null) => void;
  onKeyDown: (event: KeyboardEvent<SVGGElement>, mark: TimelineMark) => void;
  onClick: (mark: TimelineMark) => void;
  onFocus: (mark: TimelineMark) => void;
  /** Pointer or focus left the mark: its tooltip goes. */
  onLeave: (mark: TimelineMark) => void;
  onHover: (mark: TimelineMark) => void;
}

interface MarkViewProps {
  mark: TimelineMark;
  selected: boolean;
  /** The one mark in the tab order. */
  tabbable: boolean;
  events: MarkEvents;
  /** Where the mark sits vertically in the SVG it is drawn in (its lane's centre line); default mark.y. */
  y?: number;
}

const FOCUS_RING = 'focus-ring pointer-events-none fill-none stroke-blue-600 opacity-0 dark:stroke-blue-400';

export function TimelineMarkView({ mark, selected, tabbable, events, y = mark.y }: MarkViewProps) {
  const common = {
    ref: (element: SVGGElement | null) => events.register(mark.id, element),
    role: 'button',
    tabIndex: tabbable ? 0 : -1,
    'aria-label': mark.label,
    'data-testid': 'timeline-mark',
    'data-mark-id': mark.id,
    'data-selected': selected ? 'true' : undefined,
    transform: `translate(${mark.x},${y})`,
    className: 'cursor-pointer outline-none [&:focus-visible>.focus-ring]:opacity-100',
    onKeyDown: (event: KeyboardEvent<SVGGElement>) => events.onKeyDown(event, mark),
    onClick: () => events.onClick(mark),
    onFocus: () => events.onFocus(mark),
    onBlur: () => events.onLeave(mark),
    onMouseEnter: () => events.onHover(mark),
    onMouseLeave: () => events.onLeave(mark),
  };
  if (mark.type === 'cluster') {
    return (
      <g {...common} data-kind="cluster" data-count={mark.count} data-worst-state={mark.worstState}>
        <GroupPill mark={mark} selected={selected} />
      </g>
    );
  }
  return (
    <g {...common} data-kind={mark.kind} data-state={mark.state} data-never-expires={mark.neverExpires ? 'true' : undefined}>
      <BackupGlyph mark={mark} selected={selected} />
    </g>
  );
}

/**
 * A group: a pill with the count, and on its left the shape of its worst member's state (in that state's
 * tone), so a group hiding a pending deletion looks like one; its name says the count and the worst state.
 */
function GroupPill({ mark, selected }: { mark: ClusterMark; selected: boolean }) {
  const textW = String(mark.count).length * 6.5;
  const w = Math.max(26, 18 + textW);
  const left = -w / 2;
  return (
    <>
      <circle r={w / 2 + 5} className={FOCUS_RING} strokeWidth={2} />
      <rect
        x={left}
        y={-8}
        width={w}
        height={16}
        rx={8}
        className={`fill-white stroke-slate-500 dark:fill-slate-900 dark:stroke-slate-400 ${selected ? 'stroke-blue-600 dark:stroke-blue-400' : ''}`}
        strokeWidth={selected ? 3 : 1}
      />
      <g transform={`translate(${left + 8},0) scale(0.6)`}>
        <MarkShape style={mark.worstStyle} tone={mark.worstStatus.tone} />
      </g>
      <text x={left + 14 + textW / 2} y={4} textAnchor="middle" className="fill-current text-[10px] font-semibold" aria-hidden="true">
        {mark.count}
      </text>
    </>
  );
}

function BackupGlyph({ mark, selected }: { mark: BackupMark; selected: boolean }) {
  return (
    <>
      {/* A larger hit area than the shape. */}
      <rect x={-7} y={-9} width={14} height={18} fill="transparent" />
      <circle r={MARK_R + 5} className={FOCUS_RING} strokeWidth={2} />
      {selected && (
        <circle
          r={MARK_R + 3}
          className="pointer-events-none fill-none stroke-blue-600 dark:stroke-blue-400"
          strokeWidth={2}
          data-testid="timeline-selected"
        />
      )}
      <MarkShape style={mark.style} tone={mark.status.tone} />
      {mark.neverExpires && (
        <text y={-9} textAnchor="middle" className="fill-current text-[11px] font-bold" aria-hidden="true">
          ∞
        </text>
      )}
    </>
  );
}
