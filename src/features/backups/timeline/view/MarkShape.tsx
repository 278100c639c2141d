/**
 * How a backup mark is drawn: its SHAPE says the state without colour (circle, ring, cross, diamond; see
 * MARK_STYLES), and its colour is the status model's tone for the state, which only repeats it. Shared by the
 * timeline and its legend, so the legend shows exactly what the timeline draws.
 */
import type { StatusTone } from '../../../../cloudhsm/status';
import type { MarkStyle } from '../types';

/** Radius of a backup mark, in px. */
export const MARK_R = 6;

/**
 * Fill and stroke per tone. The kit's TONE_TEXT colours words; shapes need fills, a shade lighter so dense
 * lanes of marks stay readable (and a pair for the dark theme).
 */
export const TONE_SHAPE: Record<StatusTone, string> = {
  ok: 'fill-green-600 stroke-green-700 dark:fill-green-400 dark:stroke-green-300',
  progress: 'fill-sky-600 stroke-sky-700 dark:fill-sky-400 dark:stroke-sky-300',
  warning: 'fill-amber-600 stroke-amber-700 dark:fill-amber-400 dark:stroke-amber-300',
  error: 'fill-red-600 stroke-red-700 dark:fill-red-400 dark:stroke-red-300',
  neutral: 'fill-slate-500 stroke-slate-600 dark:fill-slate-300 dark:stroke-slate-300',
};

export function MarkShape({ style, tone }: { style: MarkStyle; tone: StatusTone }) {
  const { shape, hollow, faded } = style;
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
