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
/** With several accounts (issue 15): an Account column after Region. */
export const COLUMNS_WITH_ACCOUNT =
  'grid grid-cols-[1.25rem_minmax(9.5rem,1.3fr)_minmax(5.5rem,0.6fr)_minmax(6.5rem,0.8fr)_minmax(6rem,1fr)_9.75rem_9.25rem_3.5rem_minmax(6rem,1fr)_9.5rem_11.5rem] items-center gap-1.5 px-2';
export const TABLE_MIN_WIDTH_WITH_ACCOUNT = 'min-w-[83rem]';
/** The grid and its least width, with or without the Account column. */
export const gridFor = (multiAccount: boolean): { columns: string; minWidth: string } =>
  multiAccount
    ? { columns: COLUMNS_WITH_ACCOUNT, minWidth: TABLE_MIN_WIDTH_WITH_ACCOUNT }
    : { columns: COLUMNS, minWidth: TABLE_MIN_WIDTH };
/** One line that never runs into the next cell: cut with an ellipsis, the whole text in its tooltip. */
export const ONE_LINE = 'block truncate whitespace-nowrap';

/**
 * Below the `sm` breakpoint (a phone) each row is a card of fixed height, so the list stays virtualised and
 * nothing scrolls sideways: checkbox, id and state; cluster and region; created and expires; the copy control.
 * Never expires and the source backup are left to the backup's page (the Expires cell says "never" or "copy").
 */
export const CARD_HEIGHT = 156;
export const CARD = 'grid grid-cols-[1.5rem_minmax(0,1fr)_minmax(0,1fr)] content-start items-start gap-x-2 gap-y-1 p-2';

export type CellName = 'check' | 'id' | 'region' | 'cluster' | 'state' | 'created' | 'never' | 'source' | 'expires' | 'copy';

/** Where each cell sits on a card. */
export const CARD_CELL: Record<CellName, string> = {
  check: 'col-start-1 row-start-1 pt-1',
  id: 'col-start-2 row-start-1',
  state: 'col-start-3 row-start-1 justify-self-end pt-1',
  cluster: 'col-start-2 row-start-2',
  region: 'col-start-3 row-start-2 justify-self-end',
  created: 'col-start-2 row-start-3',
  expires: 'col-start-3 row-start-3',
  never: 'hidden',
  source: 'hidden',
  copy: 'col-span-2 col-start-2 row-start-4',
};
