/**
 * The backups ticked for bulk actions, by row id. Kept while filters change (the bar says how many of them
 * the filters hide); backups that are gone (purged) simply drop out.
 */
import { useMemo, useState } from 'react';
import type { ListSelection } from '../list/BackupList';
import { rowId, type BackupRow } from '../filterBackups';

/** `ids` with `rows` added (`on`) or removed. */
function withRows(ids: ReadonlySet<string>, rows: readonly BackupRow[], on: boolean): Set<string> {
  const next = new Set(ids);
  for (const row of rows) {
    if (on) next.add(rowId(row));
    else next.delete(rowId(row));
  }
  return next;
}

/** `rows`: every loaded backup; `shown`: those the filters let through, in the list's order. */
export function useBulkSelection(rows: readonly BackupRow[], shown: readonly BackupRow[]) {
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set());
  const checkedRows = useMemo(() => rows.filter((row) => checked.has(rowId(row))), [rows, checked]);
  const hiddenCount = useMemo(() => {
    const visible = new Set(shown.map(rowId));
    return checkedRows.filter((row) => !visible.has(rowId(row))).length;
  }, [shown, checkedRows]);
  const selection: ListSelection = {
    checked,
    onCheck: (row, on) => setChecked((current) => withRows(current, [row], on)),
    // The header checkbox: every row shown.
    onCheckAll: (on) => setChecked((current) => withRows(current, shown, on)),
  };
  return {
    selection,
    checkedRows,
    hiddenCount,
    clear: () => setChecked(new Set()),
    /** After a bulk delete: what it deleted leaves the selection. */
    uncheck: (done: BackupRow[]) => setChecked((current) => withRows(current, done, false)),
  };
}
