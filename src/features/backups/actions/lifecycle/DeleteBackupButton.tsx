/**
 * Delete a backup: a confirmation that says what happens (PENDING_DELETION, restorable for 7 days, then
 * purged) and the AWS refusal in place; the success goes to the page's one result line (BackupActions).
 */
import { useState } from 'react';
import { type BackupWithExtras } from '../../../../aws';
import { useDeleteBackupMutation } from '../../../../aws/actions';
import { ConfirmDialog } from '../../../../ui/actions';
import type { ReportOutcome } from '../backupOutcome';
import { succeeded } from '../backupOutcome';
import { deleteBlockedReason, isCopy } from '../backupRules';
import { LIFECYCLE, LifecycleButton } from './LifecycleButton';

export interface DeleteBackupButtonProps {
  region: string;
  backup: BackupWithExtras;
  onOutcome: ReportOutcome;
  /** The backup's account (undefined: the base account). */
  account?: string;
}

export function DeleteBackupButton({ region, backup, onOutcome, account }: DeleteBackupButtonProps) {
  const backupId = backup.BackupId ?? '';
  const mutation = useDeleteBackupMutation(region, account);
  const [open, setOpen] = useState(false);
  const confirm = () => {
    // Confirming starts the action: the previous result goes (cancelling keeps it).
    onOutcome(null);
    mutation.mutate(
      { BackupId: backupId },
      {
        onSuccess: () => {
          onOutcome(succeeded('deleted', backupId));
          setOpen(false);
        },
      },
    );
  };
  const openDialog = () => {
    mutation.reset();
    setOpen(true);
  };
  return (
    <div className="flex flex-col gap-1">
      <div>
        <LifecycleButton action="delete" backup={backup} pending={mutation.isPending} onClick={openDialog} />
      </div>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        testId="delete-backup-dialog"
        danger
        title={
          <>
            Delete backup <span className="font-mono">{backupId}</span>?
          </>
        }
        description="It becomes PENDING_DELETION and can be restored for 7 days; after that it is purged."
        // While the deletion is running the backup is still READY; afterwards (or after a refusal and refresh) this says why not.
        blockedReason={mutation.isPending ? null : deleteBlockedReason(backup)}
        confirmLabel={LIFECYCLE.delete.label}
        pendingLabel={LIFECYCLE.delete.pendingLabel}
        pending={mutation.isPending}
        error={mutation.error}
        errorWhat={`Could not delete ${backupId}`}
        onConfirm={confirm}
      >
        <ul className="list-disc pl-5 text-sm">
          <li>
            In {region}
            {backup.ClusterId ? (
              <>
                , of cluster <span className="font-mono">{backup.ClusterId}</span>
              </>
            ) : null}
            .
          </li>
          {backup.NeverExpires && <li>It is marked never expires; deleting it still purges it after 7 days.</li>}
          {isCopy(backup) && (
            <li>
              It is a copy of {backup.SourceBackup} from {backup.SourceRegion ?? 'another region'}; the source is not touched.
            </li>
          )}
          <li>A cluster cannot be created from it while it is PENDING_DELETION.</li>
        </ul>
      </ConfirmDialog>
    </div>
  );
}
