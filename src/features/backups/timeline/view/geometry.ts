/** The timeline's drawing sizes, in px: the lane labels' column on the left, the axis row on top. */
export const LABEL_WIDTH = 190;
export const RIGHT_PAD = 16;
export const AXIS_HEIGHT = 30;
/** Ids of the one timeline a page shows (its help text and its arrow head). */
export const HELP_ID = 'timeline-help';
export const ARROW_ID = 'timeline-arrow';
