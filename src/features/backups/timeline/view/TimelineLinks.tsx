/**
 * What the marks' labels already say, drawn: a curve from each source backup to its copies (dashed when one
 * end is outside the window), and for each PENDING_DELETION backup a dashed line to its purge time. Both are
 * decorative (hidden from assistive tech).
 */
import type { RowLink } from '../rows';
import type { TimelineMark } from '../types';
import { ARROW_ID } from './geometry';

export function ArrowHead() {
  return (
    <defs>
      <marker id={ARROW_ID} viewBox="0 0 10 10" refX="8" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
        <path d="M0 0 L10 5 L0 10 Z" className="fill-slate-500" />
      </marker>
    </defs>
  );
}

/** Links between the lanes on screen (rows.ts `linksInView`), in the rows' coordinates. */
export function CopyLinks({ links }: { links: readonly RowLink[] }) {
  return (
    <g aria-hidden="true">
      {links.map(({ link, x1, y1, x2, y2 }) => {
        const { source: s, target: t } = link;
        const mid = (y1 + y2) / 2;
        return (
          <path
            key={link.id}
            data-testid="timeline-link"
            data-source={`${s.region}/${s.backupId}`}
            data-target={`${t.region}/${t.backupId}`}
            d={`M${x1} ${y1} C${x1} ${mid}, ${x2} ${mid}, ${x2} ${y2}`}
            fill="none"
            strokeWidth={1.5}
            strokeDasharray={s.offscreen || t.offscreen ? '4 3' : undefined}
            markerEnd={`url(#${ARROW_ID})`}
            className="stroke-slate-500 dark:stroke-slate-400"
          />
        );
      })}
    </g>
  );
}

const PURGE_LINE = 'stroke-amber-600 dark:stroke-amber-400';

/** The purge lines of one lane's marks; `y` is the lane's centre line. */
export function PurgeLines({
  marks,
  y,
  toX,
  axisWidth,
}: {
  marks: readonly TimelineMark[];
  y: number;
  toX: (t: Date) => number;
  axisWidth: number;
}) {
  return (
    <g aria-hidden="true" className="pointer-events-none">
      {marks.map((mark) => {
        if (mark.type !== 'backup' || !mark.purgeAt) return null;
        const purgeAt = toX(mark.purgeAt);
        const x2 = Math.min(purgeAt, axisWidth);
        return (
          // Under the lane's marks, not through them: later backups must not look as if they were being deleted.
          <g key={mark.id} data-testid="timeline-purge" transform={`translate(0,${y + 9})`}>
            <line x1={mark.x} x2={x2} y1={0} y2={0} strokeDasharray="3 2" strokeWidth={1.5} className={PURGE_LINE} />
            {purgeAt <= axisWidth && <line x1={x2} x2={x2} y1={-4} y2={4} strokeWidth={1.5} className={PURGE_LINE} />}
          </g>
        );
      })}
    </g>
  );
}
