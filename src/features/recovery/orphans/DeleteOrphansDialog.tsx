/**
 * "Delete N backups…" for one group of orphaned backups: what will go (every backup, newest first), typing the
 * former cluster id to enable the delete, then the bulk deletes (at most four at once, each in its region,
 * with progress and a per-backup result, AWS's message on a failure). Lazy: loaded when first opened.
 */
import { useMemo, useState, type FormEvent } from 'react';
import type { RegionalBackup } from '../../../aws';
import type { OrphanGroup } from '../../../cloudhsm/orphans';
import { DateTime, FormField, Input } from '../../../ui';
import { deleteBlockedReason } from '../../backups/actions/backupRules';
import { BulkDialog, DELETE_WORDS, pluralBackups, useBulkDialog } from '../../backups/actions/bulk/BulkDialog';
import { planBulk, type BulkReport } from '../../backups/actions/bulk/bulkRunner';
import { SkippedList } from '../../backups/actions/bulk/BulkResults';

export interface DeleteOrphansDialogProps {
  /** The group as it was when the dialog opened (it does not change under the person's eyes). */
  group: OrphanGroup<RegionalBackup>;
  onClose: (report: BulkReport<RegionalBackup> | null) => void;
}

export default function DeleteOrphansDialog({ group, onClose }: DeleteOrphansDialogProps) {
  const [typed, setTyped] = useState('');
  const plan = useMemo(() => planBulk(group.backups, (row) => deleteBlockedReason(row.backup)), [group]);
  const matches = typed.trim() === group.clusterId;
  const bulk = useBulkDialog({
    plan,
    work: (calls, row) => calls.deleteBackup(row.backup.BackupId ?? ''),
    startReason:
      plan.runnable.length === 0
        ? 'None of these backups can be deleted any more (only READY ones can)'
        : matches
          ? null
          : `Type ${group.clusterId} above to enable the delete`,
    onClose,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    bulk.start();
  };
  const what = group.copies > 0 ? 'copies' : 'backups';
  return (
    <BulkDialog
      bulk={bulk}
      words={DELETE_WORDS}
      title={`Delete ${pluralBackups(group.backups.length)} of ${group.clusterId} in ${group.region}?`}
      description="Each becomes PENDING_DELETION and stays restorable for 7 days (Restore on the backup's page); after that it is purged for good."
    >
      <p>
        The cluster {group.clusterId} {group.listedAsDeleted ? 'is DELETED' : 'no longer exists'}; these are its READY {what} in{' '}
        {group.region}
        {group.neverExpires > 0 && `, ${group.neverExpires} of them kept with “never expires”`}:
      </p>
      <ul className="max-h-48 list-disc overflow-y-auto pl-5 text-xs" data-testid="orphan-delete-list">
        {plan.runnable.map((row) => (
          <li key={row.backup.BackupId}>
            <span className="font-mono">{row.backup.BackupId}</span>, created{' '}
            <DateTime value={row.backup.CreateTimestamp} focusable={false} />
            {row.backup.NeverExpires && ', never expires'}
          </li>
        ))}
      </ul>
      <SkippedList skipped={plan.skipped} />
      <form onSubmit={submit}>
        <FormField
          label={`Type ${group.clusterId} to confirm`}
          constraintText="The former cluster id, exactly: the delete button stays off until it matches."
        >
          <Input
            className="w-full font-mono"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            data-testid="orphan-confirm-input"
          />
        </FormField>
      </form>
    </BulkDialog>
  );
}
