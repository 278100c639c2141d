/**
 * Above the backup list: how many backups are selected (and how many of them the filters hide), and the bulk
 * actions on them. The dialogs (with the tag editor) load when first opened.
 */
import { lazy, Suspense, useState } from 'react';
import { Button } from '../../../../ui';
import { ActionButton } from '../../../../ui/actions';
import type { BackupRow } from '../../filterBackups';
import type { BulkReport } from './bulkRunner';

const BulkDeleteDialog = lazy(() => import('./BulkDeleteDialog'));
const BulkTagDialog = lazy(() => import('./BulkTagDialog'));

export interface BulkActionsBarProps {
  selected: BackupRow[];
  /** Selected backups the current filters do not show. */
  hiddenCount: number;
  onClear: () => void;
  /** After a bulk delete: the backups it deleted (they leave the selection). */
  onDeleted: (rows: BackupRow[]) => void;
}

export function BulkActionsBar({ selected, hiddenCount, onClear, onDeleted }: BulkActionsBarProps) {
  // The selection is frozen when a dialog opens, so the list it confirms is the one it acts on.
  const [dialog, setDialog] = useState<{ kind: 'delete' | 'tag'; rows: BackupRow[] } | null>(null);
  const none = selected.length === 0 ? 'Select backups in the list first (the checkboxes)' : null;
  const closeDelete = (report: BulkReport<BackupRow> | null) => {
    setDialog(null);
    if (report) onDeleted(report.succeeded);
  };
  const closeTag = () => setDialog(null);
  return (
    <div role="toolbar" aria-label="Selected backups" className="mb-2 flex flex-wrap items-center gap-3 text-sm" data-testid="bulk-bar">
      <p aria-live="polite" data-testid="selection-count">
        {selected.length} selected
        {hiddenCount > 0 && `, ${hiddenCount} of them hidden by the filters`}
      </p>
      <ActionButton
        variant="danger"
        disabledReason={none}
        onClick={() => setDialog({ kind: 'delete', rows: selected })}
        data-testid="bulk-delete"
      >
        Delete selected
      </ActionButton>
      <ActionButton disabledReason={none} onClick={() => setDialog({ kind: 'tag', rows: selected })} data-testid="bulk-tag">
        Tag selected
      </ActionButton>
      {selected.length > 0 && (
        <Button variant="link" onClick={onClear}>
          Clear selection
        </Button>
      )}
      <Suspense fallback={null}>
        {dialog?.kind === 'delete' && <BulkDeleteDialog rows={dialog.rows} onClose={closeDelete} />}
        {dialog?.kind === 'tag' && <BulkTagDialog rows={dialog.rows} onClose={closeTag} />}
      </Suspense>
    </div>
  );
}
