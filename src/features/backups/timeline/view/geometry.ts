import type { TimelineMark } from '../types';
import type { MarkEvents } from './TimelineMarkView';

/** The timeline's drawing sizes, in px: the lane labels' column on the left, the axis row on top. */
export const LABEL_WIDTH = 190;
/** The labels' column on a narrow screen (a phone), so the axis keeps most of the width. */
export const NARROW_LABEL_WIDTH = 128;
/** Below this width the labels take NARROW_LABEL_WIDTH. */
export const NARROW_BELOW = 560;
export const RIGHT_PAD = 16;
export const AXIS_HEIGHT = 30;
/** The timeline's scrolling box is never taller than this (about one screen, less on a short one). */
export const MAX_TIMELINE_HEIGHT = 'min(70vh, 640px)';
/** Ids of the one timeline a page shows (its help text and its arrow head). */
export const HELP_ID = 'timeline-help';
export const ARROW_ID = 'timeline-arrow';

/** Where a row draws: its width, the labels' column, the axis and the time scale. */
export interface RowGeometry {
  width: number;
  labelWidth: number;
  axisWidth: number;
  toX: (t: Date) => number;
  nowX: number;
}

export interface RowNavigation {
  activeId: string | null;
  tipMark: TimelineMark | undefined;
  isSelected: (mark: TimelineMark) => boolean;
  events: MarkEvents;
}
