/** Restore a PENDING_DELETION backup (RestoreBackup → READY): no confirmation, nothing is lost by it. */
import { useState } from 'react';
import { Link } from 'react-router';
import { type BackupWithExtras } from '../../../aws';
import { useRestoreBackupMutation } from '../../../aws/actions';
import { ActionButton, ActionError, ActionSuccess } from '../../../ui/actions';
import { isCopy, restoreBlockedReason } from './backupRules';

export function RestoreBackupButton({ region, backup, linkSearch }: { region: string; backup: BackupWithExtras; linkSearch: string }) {
  const backupId = backup.BackupId ?? '';
  const mutation = useRestoreBackupMutation(region);
  const [restored, setRestored] = useState(false);
  const restore = () => {
    setRestored(false);
    mutation.mutate({ BackupId: backupId }, { onSuccess: () => setRestored(true) });
  };
  return (
    <div className="flex flex-col gap-1">
      <div>
        <ActionButton variant="primary" disabledReason={restoreBlockedReason(backup)} onClick={restore} pending={mutation.isPending} pendingLabel="Restoring…" data-testid="restore-backup">
          Restore backup
        </ActionButton>
      </div>
      {mutation.error && <ActionError error={mutation.error} what={`Could not restore ${backupId}`} />}
      {restored && backup.BackupState === 'READY' && (
        <ActionSuccess testId="restore-success">
          <Link className="font-mono underline" to={{ pathname: `/backups/${region}/${backupId}`, search: linkSearch }}>
            {backupId}
          </Link>{' '}
          is READY again.
          {!isCopy(backup) &&
            " If the cluster's retention policy had purged it, set Never expires or lengthen the retention now, or the policy purges it again (AWS advises this)."}
        </ActionSuccess>
      )}
    </div>
  );
}
