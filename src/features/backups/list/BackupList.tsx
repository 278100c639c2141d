/**
 * The backup list under the timeline: virtualised rows (tens of thousands stay smooth), the current backup
 * shared with the timeline, a checkbox per row for the bulk actions (the header's selects every row shown),
 * and a compact copy control per row (BackupListRow).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useShownRegions } from '../../../aws';
import { useNarrowScreen, useNow } from '../../../ui';
import type { RetentionIndex } from '../expiry/expiryWords';
import { rowId, type BackupRow } from '../filterBackups';
import { BackupListRow, type RowActions } from './BackupListRow';
import { useListAccounts } from '../../common/accounts/listAccounts';
import { CARD_HEIGHT, gridFor, ROW_HEIGHT } from './columns';

export interface ListSelection {
  /** Row ids (`region/backupId`) ticked for bulk actions. */
  checked: ReadonlySet<string>;
  onCheck: (row: BackupRow, checked: boolean) => void;
  /** The header checkbox: tick or untick every row shown. */
  onCheckAll: (checked: boolean) => void;
}

export interface BackupListProps {
  rows: readonly BackupRow[];
  clusterNames: ReadonlyMap<string, string>;
  selectedId: string | null;
  onSelect: (row: BackupRow) => void;
  selection: ListSelection;
  /** The clusters' retention, for each row's Expires. */
  retention: RetentionIndex;
}

const HEADERS = ['Backup', 'Region', 'Cluster', 'State', 'Created / copied', 'Never expires', 'Source backup', 'Expires', 'Copy'];
/** With several accounts (issue 15): an Account column after Region. */
const HEADERS_WITH_ACCOUNT = [...HEADERS.slice(0, 2), 'Account', ...HEADERS.slice(2)];

export function BackupList({ rows, clusterNames, selectedId, onSelect, selection, retention }: BackupListProps) {
  const { linkTo } = useShownRegions();
  const clock = useNow();
  const now = useMemo(() => new Date(clock), [clock]);
  const actions = useRowActions(onSelect, selection.onCheck);
  const scroller = useRef<HTMLDivElement>(null);
  // A phone gets cards (another fixed height, so virtualisation stays exact) and no sideways scrolling.
  const narrow = useNarrowScreen();
  const rowHeight = narrow ? CARD_HEIGHT : ROW_HEIGHT;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: narrow ? 3 : 8,
  });
  // The sizes it measured are the other layout's after a rotation or a resize across the breakpoint.
  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);
  const { multi } = useListAccounts();
  const grid = gridFor(multi);
  const width = narrow ? '' : grid.minWidth;

  // Keep the selected row in view when the selection changes (from the timeline or the URL).
  useEffect(() => {
    if (!selectedId) return;
    const index = rows.findIndex((r) => rowId(r) === selectedId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [selectedId, rows, virtualizer]);

  return (
    <div
      role="table"
      aria-label="Backups"
      aria-rowcount={rows.length + 1}
      className={`${narrow ? '' : 'overflow-x-auto'} rounded border border-slate-200 text-sm dark:border-slate-800`}
    >
      <div role="rowgroup" className={`${width} border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900`}>
        <div
          role="row"
          aria-rowindex={1}
          className={narrow ? 'flex items-center gap-2 px-2 py-2 font-medium' : `${grid.columns} py-2 font-medium`}
        >
          <span role="columnheader" className={narrow ? 'flex items-center gap-2' : undefined}>
            <SelectAll rows={rows} selection={selection} />
            {/* Cards have no columns to name: the header keeps the names for screen readers and says what the box does. */}
            {narrow && <span aria-hidden="true">Select all</span>}
          </span>
          {(multi ? HEADERS_WITH_ACCOUNT : HEADERS).map((header) => (
            <span key={header} role="columnheader" className={narrow ? 'sr-only' : undefined}>
              {header}
            </span>
          ))}
        </div>
      </div>
      <div ref={scroller} className={`max-h-[28rem] ${width} overflow-y-auto`} data-testid="backup-list-scroller">
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const id = rowId(row);
            return (
              <BackupListRow
                key={id}
                row={row}
                index={item.index}
                top={item.start}
                height={item.size}
                clusterName={row.backup.ClusterId ? clusterNames.get(row.backup.ClusterId) : undefined}
                selected={id === selectedId}
                checked={selection.checked.has(id)}
                actions={actions}
                linkTo={linkTo}
                retention={retention}
                now={now}
                narrow={narrow}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

/**
 * One stable object of row actions that always calls the latest handlers, so the rows' memoised cells do not
 * re-render because the page made new callbacks.
 */
function useRowActions(onSelect: (row: BackupRow) => void, onCheck: (row: BackupRow, checked: boolean) => void): RowActions {
  const latest = useRef({ onSelect, onCheck });
  useLayoutEffect(() => {
    latest.current = { onSelect, onCheck };
  });
  return useMemo(() => ({ select: (row) => latest.current.onSelect(row), check: (row, on) => latest.current.onCheck(row, on) }), []);
}

/** The header's checkbox: ticks every row shown, mixed when some are. */
function SelectAll({ rows, selection }: { rows: readonly BackupRow[]; selection: ListSelection }) {
  const checkAll = useRef<HTMLInputElement>(null);
  const shownChecked = rows.reduce((n, row) => (selection.checked.has(rowId(row)) ? n + 1 : n), 0);
  const allChecked = rows.length > 0 && shownChecked === rows.length;
  const someChecked = shownChecked > 0 && !allChecked;
  // `indeterminate` is a property only, not an attribute React can set.
  useEffect(() => {
    if (checkAll.current) checkAll.current.indeterminate = someChecked;
  }, [someChecked]);
  return (
    <input
      ref={checkAll}
      type="checkbox"
      aria-label={`Select all ${rows.length} shown backups`}
      checked={allChecked}
      onChange={(e) => selection.onCheckAll(e.target.checked)}
      data-testid="select-all-backups"
    />
  );
}
