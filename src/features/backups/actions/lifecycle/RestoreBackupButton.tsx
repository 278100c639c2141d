/**
 * Restore a PENDING_DELETION backup (RestoreBackup → READY): no confirmation, nothing is lost by it. The
 * result (or the AWS refusal) goes to the page's one result line (BackupActions).
 */
import { type BackupWithExtras } from '../../../../aws';
import { useRestoreBackupMutation } from '../../../../aws/actions';
import type { ReportOutcome } from '../backupOutcome';
import { succeeded } from '../backupOutcome';
import { LifecycleButton } from './LifecycleButton';

export function RestoreBackupButton({
  region,
  backup,
  onOutcome,
  account,
}: {
  region: string;
  backup: BackupWithExtras;
  onOutcome: ReportOutcome;
  /** The backup's account (undefined: the base account). */
  account?: string;
}) {
  const backupId = backup.BackupId ?? '';
  const mutation = useRestoreBackupMutation(region, account);
  const restore = () => {
    onOutcome(null);
    mutation.mutate(
      { BackupId: backupId },
      {
        onSuccess: () => onOutcome(succeeded('restored', backupId)),
        onError: (error) => onOutcome({ kind: 'failed', backupId, what: `Could not restore ${backupId}`, error }),
      },
    );
  };
  return (
    <div>
      <LifecycleButton action="restore" backup={backup} pending={mutation.isPending} onClick={restore} />
    </div>
  );
}
