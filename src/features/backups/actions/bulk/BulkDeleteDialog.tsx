/**
 * "Delete selected": one confirmation for the selection (how many, the 7-day note, what each puts at risk,
 * those first: deleteRisks.ts; which are skipped and why),
 * then the deletes, at most four at once, each in its own region, with progress ("3 of 10") and a report of
 * which were deleted and which AWS refused, with its code.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { BackupRow } from '../../filterBackups';
import { deleteBlockedReason } from '../backupRules';
import { planBulk, type BulkReport } from './bulkRunner';
import { BulkDialog, DELETE_WORDS, pluralBackups as plural, useBulkDialog } from './BulkDialog';
import { SkippedList } from './BulkResults';
import { deleteRisks } from './deleteRisks';
import { loadedBackups, loadedClusterNames } from './loadedBackups';

export interface BulkDeleteDialogProps {
  /** The selection when the dialog opened (it does not change under the person's eyes). */
  rows: BackupRow[];
  onClose: (report: BulkReport<BackupRow> | null) => void;
}

export default function BulkDeleteDialog({ rows, onClose }: BulkDeleteDialogProps) {
  const plan = useMemo(() => planBulk(rows, (row) => deleteBlockedReason(row.backup)), [rows]);
  const bulk = useBulkDialog({
    plan,
    work: (calls, row) => calls.deleteBackup(row.backup.BackupId ?? ''),
    startReason: plan.runnable.length === 0 ? 'None of the selected backups can be deleted (only READY ones can)' : null,
    onClose,
  });
  const regions = [...new Set(plan.runnable.map((r) => r.region))];
  // Rows of another account than the base carry it (issue 15): each delete goes to its own account.
  const otherAccounts = plan.runnable.some((r) => r.account !== undefined);
  const queryClient = useQueryClient();
  // Judged once, when the dialog opens, from what the page has loaded.
  const judged = useMemo(() => {
    const loaded = loadedBackups(queryClient);
    const names = loadedClusterNames(queryClient);
    return { list: deleteRisks(plan.runnable, loaded.rows, (id) => names.get(id) ?? id), regions: loaded.regions };
  }, [queryClient, plan.runnable]);
  const atRisk = judged.list.filter((r) => r.risks.length > 0).length;

  return (
    <BulkDialog
      bulk={bulk}
      words={DELETE_WORDS}
      title={`Delete ${plural(rows.length)}?`}
      description="Each becomes PENDING_DELETION and can be restored for 7 days; after that it is purged."
    >
      {plan.runnable.length > 0 && (
        <div>
          <p>
            {plural(plan.runnable.length)} will be deleted
            {otherAccounts
              ? `, each in its own account and region`
              : regions.length > 1
                ? `, each in its own region (${regions.join(', ')})`
                : ` in ${regions[0]}`}
            :
          </p>
          {atRisk > 0 && (
            <p className="font-medium" data-testid="bulk-delete-at-risk">
              {atRisk} of them {atRisk === 1 ? 'is' : 'are'} at risk (listed first).
            </p>
          )}
          <ul className="max-h-60 list-disc overflow-y-auto pl-5 text-xs" data-testid="bulk-delete-list">
            {judged.list.map(({ row, risks, unknown }) => (
              <li key={`${row.region}/${row.backup.BackupId}`} data-testid="bulk-delete-item">
                <span className="font-mono">{row.backup.BackupId}</span> ({row.region}
                {row.account ? `, account ${row.account}` : ''})
                {risks.length > 0 && (
                  <span className="font-semibold text-amber-800 dark:text-amber-300" data-testid="bulk-delete-risks">
                    {' '}
                    <span aria-hidden="true">⚠ </span>
                    {risks.join(', ')}
                  </span>
                )}
                {unknown.length > 0 && <span className="text-slate-600 dark:text-slate-400">; {unknown.join('; ')}</span>}
              </li>
            ))}
          </ul>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Judged from the backups loaded on this page ({judged.regions.join(', ') || 'none'}): copies in other regions, and backups not
            loaded yet, are not counted.
          </p>
        </div>
      )}
      <SkippedList skipped={plan.skipped} />
    </BulkDialog>
  );
}
