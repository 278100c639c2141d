/**
 * Delete a backup: a confirmation that says what happens (PENDING_DELETION, restorable for 7 days, then
 * purged), the AWS refusal in place, and afterwards a line saying so with the purge countdown.
 */
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { type BackupWithExtras } from '../../../aws';
import { useDeleteBackupMutation } from '../../../aws/actions';
import { ActionButton, ActionSuccess, ConfirmDialog } from '../../../ui/actions';
import { deleteBlockedReason, isCopy } from './backupRules';
import { focusSoon } from './focusSoon';
import { PurgeCountdown } from './PurgeCountdown';

export interface DeleteBackupButtonProps {
  region: string;
  backup: BackupWithExtras;
  /** Query string for links (the shell's regions). */
  linkSearch: string;
}

export function DeleteBackupButton({ region, backup, linkSearch }: DeleteBackupButtonProps) {
  const backupId = backup.BackupId ?? '';
  const mutation = useDeleteBackupMutation(region);
  const [open, setOpen] = useState(false);
  const [deleted, setDeleted] = useState<BackupWithExtras | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const changeOpen = (next: boolean) => {
    setOpen(next);
    if (!next) focusSoon(button.current);
  };
  const confirm = () =>
    mutation.mutate(
      { BackupId: backupId },
      {
        onSuccess: (result) => {
          setDeleted(result ?? { ...backup, BackupState: 'PENDING_DELETION' });
          changeOpen(false);
        },
      },
    );
  const openDialog = () => {
    mutation.reset();
    setDeleted(null);
    setOpen(true);
  };
  return (
    <div className="flex flex-col gap-1">
      <div>
        <ActionButton ref={button} variant="danger" disabledReason={deleteBlockedReason(backup)} onClick={openDialog} pending={mutation.isPending} pendingLabel="Deleting…" data-testid="delete-backup">
          Delete backup
        </ActionButton>
      </div>
      {deleted && backup.BackupState === 'PENDING_DELETION' && (
        <ActionSuccess testId="delete-success">
          <Link className="font-mono underline" to={{ pathname: `/backups/${region}/${backupId}`, search: linkSearch }}>
            {backupId}
          </Link>{' '}
          is PENDING_DELETION: <PurgeCountdown deleteAt={backup.DeleteTimestamp ?? deleted.DeleteTimestamp} /> unless you restore it.
        </ActionSuccess>
      )}
      <ConfirmDialog
        open={open}
        onOpenChange={changeOpen}
        testId="delete-backup-dialog"
        danger
        title={
          <>
            Delete backup <span className="font-mono">{backupId}</span>?
          </>
        }
        description="It becomes PENDING_DELETION and can be restored for 7 days; after that it is purged."
        confirmLabel="Delete backup"
        pendingLabel="Deleting…"
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
          {isCopy(backup) && <li>It is a copy of {backup.SourceBackup} from {backup.SourceRegion ?? 'another region'}; the source is not touched.</li>}
          <li>A cluster cannot be created from it while it is PENDING_DELETION.</li>
        </ul>
      </ConfirmDialog>
    </div>
  );
}
