/**
 * The backup list under the timeline: virtualised rows (tens of thousands stay smooth), the current backup
 * shared with the timeline, a checkbox per row for the bulk actions (the header's selects every row shown),
 * and a compact copy control per row.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type MouseEvent } from 'react';
import { Link } from 'react-router';
import { useShownRegions } from '../../aws';
import { CopyBackupButton } from './actions/copy/CopyBackupButton';
import { PurgeCountdown } from './actions/lifecycle/PurgeCountdown';
import { rowId, type BackupRow } from './filterBackups';
import { BackupStateText, formatTimestamp, NONE } from './parts';

const ROW_HEIGHT = 44;
// Every column's least width holds its longest content (a backup id with its button, CREATE_IN_PROGRESS,
// "Copy to ap-southeast-1 ▾", two lines of purge date and countdown); free text (cluster, source) truncates
// with a tooltip. TABLE_MIN_WIDTH is their sum (plus gaps and padding): narrower than that the list scrolls
// sideways instead of clipping its last column. It fits from 1280 px wide.
const COLUMNS =
  'grid grid-cols-[1.25rem_minmax(9.5rem,1.3fr)_minmax(5.5rem,0.6fr)_minmax(6rem,1fr)_9.75rem_9.25rem_3.5rem_minmax(6rem,1fr)_9.5rem_11.5rem] items-center gap-1.5 px-2';
const TABLE_MIN_WIDTH = 'min-w-[76rem]';
/** One line that never runs into the next cell: cut with an ellipsis, the whole text in its tooltip. */
const ONE_LINE = 'block truncate whitespace-nowrap';

/** Controls inside a row act on their own, not as a click on the row (which selects it on the timeline). */
const keepInside = (event: MouseEvent) => event.stopPropagation();

export interface ListSelection {
  /** Row ids (`region/backupId`) ticked for bulk actions. */
  checked: ReadonlySet<string>;
  onCheck: (row: BackupRow, checked: boolean) => void;
  /** The header checkbox: tick or untick every row shown. */
  onCheckAll: (checked: boolean) => void;
}

export function BackupList({
  rows,
  clusterNames,
  selectedId,
  onSelect,
  selection,
}: {
  rows: readonly BackupRow[];
  clusterNames: ReadonlyMap<string, string>;
  selectedId: string | null;
  onSelect: (row: BackupRow) => void;
  selection: ListSelection;
}) {
  const { linkTo } = useShownRegions();
  const scroller = useRef<HTMLDivElement>(null);
  const checkAll = useRef<HTMLInputElement>(null);
  const shownChecked = rows.reduce((n, row) => (selection.checked.has(rowId(row)) ? n + 1 : n), 0);
  const allChecked = rows.length > 0 && shownChecked === rows.length;
  const someChecked = shownChecked > 0 && !allChecked;
  // `indeterminate` is a property only, not an attribute React can set.
  useEffect(() => {
    if (checkAll.current) checkAll.current.indeterminate = someChecked;
  }, [someChecked]);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });

  // Keep the selected row in view when the selection changes (from the timeline or the URL).
  useEffect(() => {
    if (!selectedId) return;
    const index = rows.findIndex((r) => rowId(r) === selectedId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [selectedId, rows]);

  return (
    <div role="table" aria-label="Backups" aria-rowcount={rows.length + 1} className="overflow-x-auto rounded border border-slate-200 text-sm dark:border-slate-800">
      <div role="rowgroup" className={`${TABLE_MIN_WIDTH} border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900`}>
        <div role="row" aria-rowindex={1} className={`${COLUMNS} py-2 font-medium`}>
          <span role="columnheader">
            <input
              ref={checkAll}
              type="checkbox"
              aria-label={`Select all ${rows.length} shown backups`}
              checked={allChecked}
              onChange={(e) => selection.onCheckAll(e.target.checked)}
              data-testid="select-all-backups"
            />
          </span>
          <span role="columnheader">Backup</span>
          <span role="columnheader">Region</span>
          <span role="columnheader">Cluster</span>
          <span role="columnheader">State</span>
          <span role="columnheader">Created / copied</span>
          <span role="columnheader">Never expires</span>
          <span role="columnheader">Source backup</span>
          <span role="columnheader">Purge / deleted</span>
          <span role="columnheader">Copy</span>
        </div>
      </div>
      <div ref={scroller} className={`max-h-[28rem] ${TABLE_MIN_WIDTH} overflow-y-auto`} data-testid="backup-list-scroller">
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const b = row.backup;
            const id = rowId(row);
            const selected = id === selectedId;
            const name = b.ClusterId ? clusterNames.get(b.ClusterId) : undefined;
            const source = b.SourceBackup ? `${b.SourceBackup}${b.SourceRegion ? ` (${b.SourceRegion})` : ''}` : null;
            return (
              <div
                key={id}
                role="row"
                aria-rowindex={item.index + 2}
                aria-current={selected ? 'true' : undefined}
                data-testid="backup-row"
                data-backup-id={b.BackupId}
                data-region={row.region}
                data-selected={selected ? 'true' : undefined}
                onClick={() => onSelect(row)}
                className={`${COLUMNS} absolute left-0 top-0 w-full cursor-pointer border-b border-slate-100 dark:border-slate-800 ${
                  selected ? 'bg-blue-50 outline outline-2 -outline-offset-2 outline-blue-600 dark:bg-blue-950' : 'hover:bg-slate-50 dark:hover:bg-slate-900'
                }`}
                style={{ height: item.size, transform: `translateY(${item.start}px)` }}
              >
                <span role="cell" onClick={keepInside}>
                  <input
                    type="checkbox"
                    aria-label={`Select ${b.BackupId} in ${row.region}`}
                    checked={selection.checked.has(id)}
                    onChange={(e) => selection.onCheck(row, e.target.checked)}
                    data-testid="select-backup"
                  />
                </span>
                <span role="cell" className="truncate font-mono text-xs" title={b.BackupId}>
                  <Link to={linkTo(`/backups/${row.region}/${b.BackupId}`)} className="underline" onClick={(e) => e.stopPropagation()}>
                    {b.BackupId}
                  </Link>
                  <button
                    type="button"
                    className="ml-1 rounded px-1 text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-700"
                    aria-label={`Show ${b.BackupId} on the timeline`}
                    aria-pressed={selected}
                    onClick={(e) => {
                      e.stopPropagation();
                      onSelect(row);
                    }}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                </span>
                <span role="cell" className={`${ONE_LINE} text-xs`} title={row.region}>
                  {row.region}
                </span>
                <span role="cell" className="truncate" title={name ? `${name} (${b.ClusterId ?? NONE})` : b.ClusterId}>
                  {name ?? <span className="font-mono text-xs">{b.ClusterId ?? NONE}</span>}
                </span>
                <span role="cell" className={`${ONE_LINE} text-xs`} title={b.BackupState}>
                  <BackupStateText state={b.BackupState} />
                </span>
                <span role="cell" className="text-xs leading-tight">
                  {b.CopyTimestamp ? (
                    <>
                      <span className="block text-slate-600 dark:text-slate-400">copied</span>
                      <span className={ONE_LINE}>{formatTimestamp(b.CopyTimestamp)}</span>
                    </>
                  ) : (
                    <span className={ONE_LINE}>{formatTimestamp(b.CreateTimestamp)}</span>
                  )}
                </span>
                <span role="cell">{b.NeverExpires ? <span data-testid="never-expires">∞ Yes</span> : 'No'}</span>
                <span role="cell" className={`${ONE_LINE} font-mono text-xs`} title={source ?? undefined}>
                  {source && b.SourceRegion ? (
                    // A link, so keyboard and screen-reader users get the whole (truncated) id and can open it.
                    <Link
                      to={linkTo(`/backups/${b.SourceRegion}/${b.SourceBackup}`)}
                      className="underline"
                      aria-label={`Source backup ${source}`}
                      onClick={(e) => e.stopPropagation()}
                    >
                      {source}
                    </Link>
                  ) : (
                    (source ?? NONE)
                  )}
                </span>
                <span role="cell" className="min-w-0 text-xs leading-tight" data-testid="purge-at">
                  {b.BackupState === 'PENDING_DELETION' ? (
                    <>
                      <PurgeCountdown deleteAt={b.DeleteTimestamp} className={`${ONE_LINE} font-semibold`} />
                      <span className={ONE_LINE} title={`purge ${formatTimestamp(b.DeleteTimestamp)}`}>
                        <span className="sr-only">purge </span>
                        {formatTimestamp(b.DeleteTimestamp)}
                      </span>
                    </>
                  ) : b.BackupState === 'DELETED' ? (
                    <>
                      <span className="block text-slate-600 dark:text-slate-400">deleted</span>
                      <span className={ONE_LINE}>{formatTimestamp(b.DeleteTimestamp)}</span>
                    </>
                  ) : (
                    NONE
                  )}
                </span>
                <span role="cell" className="min-w-0" onClick={keepInside}>
                  <CopyBackupButton region={row.region} backup={b} compact />
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
