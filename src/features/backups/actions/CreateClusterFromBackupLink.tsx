/** "Create cluster from this backup": to the create-cluster form with the backup prefilled (READY backups only). */
import { Link } from 'react-router';
import { ActionButton, useReadOnlyReason } from '../../../ui/actions';
import { buttonClass } from '../../../ui/buttons';
import { createClusterBlockedReason, type BackupFacts } from './backupRules';
import { createClusterParams } from './createClusterPath';
import { useShownRegions } from '../../../aws';

/** The create-cluster form creates in the base account (issue 15), so another account's backup cannot go there. */
export const OTHER_ACCOUNT_CREATE_REASON =
  'The create-cluster form creates clusters in the base account only; this backup belongs to another account.';

export function CreateClusterFromBackupLink({ region, backup, account }: { region: string; backup: BackupFacts; account?: string }) {
  const { linkTo } = useShownRegions();
  const readOnly = useReadOnlyReason();
  const reason = readOnly ?? createClusterBlockedReason(backup) ?? (account ? OTHER_ACCOUNT_CREATE_REASON : null);
  const label = 'Create cluster from this backup';
  if (reason !== null) {
    return (
      <ActionButton disabledReason={reason} showReason data-testid="create-cluster-from-backup">
        {label}
      </ActionButton>
    );
  }
  return (
    <Link
      className={buttonClass.secondary}
      to={linkTo('/clusters/new', { params: createClusterParams(region, backup.BackupId ?? '') })}
      data-testid="create-cluster-from-backup"
    >
      {label}
    </Link>
  );
}
