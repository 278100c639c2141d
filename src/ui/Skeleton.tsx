/**
 * Placeholders shaped like the content, for FIRST loads (a refresh keeps the old data and shows a quiet
 * "Updating…" instead). They are hidden from assistive tech: the region that loads carries aria-busy="true"
 * and a status line says "Loading clusters…" in words.
 *
 * They fade in only after a short delay (100 ms): a fast answer then shows no grey flash at all. Until then
 * they are transparent but keep their size, so the page does not jump when they appear or when the content
 * replaces them. The pulse stops where the person asked for reduced motion.
 */
import { useEffect, useState, type CSSProperties } from 'react';

/** How long a load must last before a placeholder is worth showing. */
export const SKELETON_DELAY_MS = 100;

/** False for the first `delayMs`, then true: one timer for a whole group of placeholders. */
export function useDelayedVisible(delayMs: number = SKELETON_DELAY_MS): boolean {
  const [visible, setVisible] = useState(delayMs <= 0);
  useEffect(() => {
    if (delayMs <= 0) return;
    const timer = setTimeout(() => setVisible(true), delayMs);
    return () => clearTimeout(timer);
  }, [delayMs]);
  return visible;
}

const BONE = 'block rounded bg-slate-200 motion-safe:animate-pulse dark:bg-slate-700 transition-opacity duration-200';

function Bone({ shown, className = '', style }: { shown: boolean; className?: string; style?: CSSProperties }) {
  return <span data-slot="skeleton" className={`${BONE} ${shown ? 'opacity-100' : 'opacity-0'} ${className}`} style={style} />;
}

export interface SkeletonProps {
  /** Size and shape, e.g. `h-4 w-32` (a line) or `h-24 w-full` (a card). Default: one text line. */
  className?: string;
  style?: CSSProperties;
  delayMs?: number;
}

/** One grey block. */
export function Skeleton({ className = 'h-4 w-full', style, delayMs }: SkeletonProps) {
  const shown = useDelayedVisible(delayMs);
  return (
    <span aria-hidden="true" className="block">
      <Bone shown={shown} className={className} style={style} />
    </span>
  );
}

// Ragged widths read as text, not as a grid of bars.
const LINE_WIDTHS = ['w-full', 'w-11/12', 'w-4/5', 'w-5/6', 'w-3/4'] as const;
const CELL_WIDTHS = ['w-3/4', 'w-1/2', 'w-2/3', 'w-5/6', 'w-2/5'] as const;

/** A paragraph: `lines` lines, the last one shorter. */
export function SkeletonText({ lines = 3, className = '', delayMs }: { lines?: number; className?: string; delayMs?: number }) {
  const shown = useDelayedVisible(delayMs);
  return (
    <span aria-hidden="true" className={`flex flex-col gap-2 py-0.5 ${className}`}>
      {Array.from({ length: lines }, (_, i) => (
        <Bone key={i} shown={shown} className={`h-3.5 ${i === lines - 1 && lines > 1 ? 'w-3/5' : LINE_WIDTHS[i % LINE_WIDTHS.length]}`} />
      ))}
    </span>
  );
}

export interface SkeletonRowsProps {
  rows?: number;
  columns: number;
  /** The table's own cell padding, so rows are as tall as the real ones (default `py-2 pr-4`). */
  cellClassName?: string;
  delayMs?: number;
}

/** Table rows for inside a <tbody>: as many columns as the real table, so the header stays put. */
export function SkeletonRows({ rows = 5, columns, cellClassName = 'py-2 pr-4', delayMs }: SkeletonRowsProps) {
  const shown = useDelayedVisible(delayMs);
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        <tr key={r} aria-hidden="true" data-slot="skeleton-row">
          {Array.from({ length: columns }, (_, c) => (
            <td key={c} className={cellClassName}>
              <Bone shown={shown} className={`h-4 min-w-8 ${CELL_WIDTHS[(r + c) % CELL_WIDTHS.length]}`} />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}

/** The same, for lists and card grids that are not tables: rows of `columns` bars. */
export function SkeletonList({
  rows = 5,
  columns = 1,
  className = '',
  delayMs,
}: {
  rows?: number;
  columns?: number;
  className?: string;
  delayMs?: number;
}) {
  const shown = useDelayedVisible(delayMs);
  return (
    <div aria-hidden="true" className={`flex flex-col gap-3 ${className}`}>
      {Array.from({ length: rows }, (_, r) => (
        <div key={r} className="flex gap-4" data-slot="skeleton-row">
          {Array.from({ length: columns }, (_, c) => (
            <Bone key={c} shown={shown} className={`h-4 flex-1 ${c > 0 ? 'max-w-40' : ''}`} />
          ))}
        </div>
      ))}
    </div>
  );
}
