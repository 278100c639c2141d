/**
 * "Delete selected": one confirmation for the selection (how many, the 7-day note, which are skipped and why),
 * then the deletes, at most four at once, each in its own region, with progress ("3 of 10") and a report of
 * which were deleted and which AWS refused, with its code.
 */
import { useMemo } from 'react';
import type { BackupRow } from '../../filterBackups';
import { deleteBlockedReason } from '../backupRules';
import { planBulk, type BulkReport } from './bulkRunner';
import { BulkDialog, pluralBackups as plural, useBulkDialog, type BulkWords } from './BulkDialog';
import { SkippedList } from './BulkResults';

export interface BulkDeleteDialogProps {
  /** The selection when the dialog opened (it does not change under the person's eyes). */
  rows: BackupRow[];
  onClose: (report: BulkReport<BackupRow> | null) => void;
}

const DELETE: BulkWords = {
  name: 'Delete',
  verb: 'Deleting',
  done: 'now PENDING_DELETION (restorable for 7 days)',
  failedWhat: 'could not be deleted',
  variant: 'danger',
};

export default function BulkDeleteDialog({ rows, onClose }: BulkDeleteDialogProps) {
  const plan = useMemo(() => planBulk(rows, (row) => deleteBlockedReason(row.backup)), [rows]);
  const bulk = useBulkDialog({
    plan,
    work: (calls, row) => calls.deleteBackup(row.backup.BackupId ?? ''),
    startReason: plan.runnable.length === 0 ? 'None of the selected backups can be deleted (only READY ones can)' : null,
    onClose,
  });
  const regions = [...new Set(plan.runnable.map((r) => r.region))];

  return (
    <BulkDialog
      bulk={bulk}
      words={DELETE}
      title={`Delete ${plural(rows.length)}?`}
      description="Each becomes PENDING_DELETION and can be restored for 7 days; after that it is purged."
    >
      {plan.runnable.length > 0 && (
        <div>
          <p>
            {plural(plan.runnable.length)} will be deleted
            {regions.length > 1 ? `, each in its own region (${regions.join(', ')})` : ` in ${regions[0]}`}:
          </p>
          <ul className="max-h-40 list-disc overflow-y-auto pl-5 font-mono text-xs" data-testid="bulk-delete-list">
            {plan.runnable.map((row) => (
              <li key={`${row.region}/${row.backup.BackupId}`}>
                {row.backup.BackupId} <span className="font-sans">({row.region})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <SkippedList skipped={plan.skipped} />
    </BulkDialog>
  );
}
