/**
 * The list's grid. Every column's least width holds its longest content (a backup id with its button,
 * "Create in progress", "Copy to ap-southeast-1 ▾", two lines of purge date and countdown); free text
 * (cluster, source) truncates with a tooltip. TABLE_MIN_WIDTH is their sum (plus gaps and padding): narrower
 * than that the list scrolls sideways instead of clipping its last column. It fits from 1280 px wide.
 */
export const ROW_HEIGHT = 44;
export const COLUMNS =
  'grid grid-cols-[1.25rem_minmax(9.5rem,1.3fr)_minmax(5.5rem,0.6fr)_minmax(6rem,1fr)_9.75rem_9.25rem_3.5rem_minmax(6rem,1fr)_9.5rem_11.5rem] items-center gap-1.5 px-2';
export const TABLE_MIN_WIDTH = 'min-w-[76rem]';
/** One line that never runs into the next cell: cut with an ellipsis, the whole text in its tooltip. */
export const ONE_LINE = 'block truncate whitespace-nowrap';
