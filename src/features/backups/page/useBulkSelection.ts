/**
 * The backups ticked for bulk actions. Kept while filters change (the bar says how many of them the filters
 * hide), even when a filter is sent to the API and the ticked backups are no longer among the loaded rows:
 * each is kept as it was last seen, and as it is now whenever it is loaded.
 */
import { useMemo, useState } from 'react';
import type { ListSelection } from '../list/BackupList';
import { rowId, type BackupRow } from '../filterBackups';

type Ticked = ReadonlyMap<string, BackupRow>;

/** `ticked` with `rows` added (`on`) or removed. */
function withRows(ticked: Ticked, rows: readonly BackupRow[], on: boolean): Map<string, BackupRow> {
  const next = new Map(ticked);
  for (const row of rows) {
    if (on) next.set(rowId(row), row);
    else next.delete(rowId(row));
  }
  return next;
}

/** `rows`: every loaded backup; `shown`: those the filters let through, in the list's order. */
export function useBulkSelection(rows: readonly BackupRow[], shown: readonly BackupRow[]) {
  const [ticked, setTicked] = useState<Ticked>(() => new Map());
  const checked = useMemo(() => new Set(ticked.keys()), [ticked]);
  const checkedRows = useMemo(() => {
    const loaded = new Map(rows.map((row) => [rowId(row), row]));
    return [...ticked].map(([id, seen]) => loaded.get(id) ?? seen);
  }, [rows, ticked]);
  const hiddenCount = useMemo(() => {
    const visible = new Set(shown.map(rowId));
    return checkedRows.filter((row) => !visible.has(rowId(row))).length;
  }, [shown, checkedRows]);
  const selection: ListSelection = {
    checked,
    onCheck: (row, on) => setTicked((current) => withRows(current, [row], on)),
    // The header checkbox: every row shown.
    onCheckAll: (on) => setTicked((current) => withRows(current, shown, on)),
  };
  return {
    selection,
    checkedRows,
    hiddenCount,
    clear: () => setTicked(new Map()),
    /** After a bulk delete: what it deleted leaves the selection. */
    uncheck: (done: BackupRow[]) => setTicked((current) => withRows(current, done, false)),
  };
}
