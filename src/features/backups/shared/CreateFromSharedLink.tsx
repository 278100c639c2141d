/**
 * "Create cluster from this backup" for a backup another account shares: the create form with the backup's
 * ARN as its source (CreateCluster takes another account's backup only by its full ARN). Off, saying why,
 * for a backup that is not READY and in a read-only session.
 */
import { Link } from 'react-router';
import { useShownRegions, type BackupWithExtras } from '../../../aws';
import { buttonClass } from '../../../ui/buttons';
import { ActionButton, useReadOnlyReason } from '../../../ui/actions';
import { createClusterBlockedReason } from '../actions/backupRules';
import { createClusterParams } from '../actions/createClusterPath';

export function CreateFromSharedLink({
  region,
  backup,
  account,
}: {
  region: string;
  backup: BackupWithExtras;
  /** The shown account it is shared with (undefined: the base account). */
  account?: string;
}) {
  const { linkTo } = useShownRegions();
  const readOnly = useReadOnlyReason();
  const source = backup.BackupArn ?? '';
  const reason =
    readOnly ??
    // The create form makes clusters with the base credentials only; another account's share would be refused there.
    (account !== undefined
      ? `Shared with account ${account}: the dashboard creates clusters in the base account only. Use that account's console or CLI (create-cluster --source-backup-id <ARN>).`
      : null) ??
    createClusterBlockedReason(backup) ??
    (source === '' ? 'The service did not give this backup’s ARN, which CreateCluster needs.' : null);
  // The visible words, plus the backup for a list of several (the name starts with what is seen).
  const name = `Create cluster from this backup (${backup.BackupId ?? ''})`;
  if (reason !== null) {
    return (
      <ActionButton disabledReason={reason} aria-label={name} data-testid="create-from-shared">
        Create cluster from this backup
      </ActionButton>
    );
  }
  return (
    <Link
      className={`${buttonClass.secondary} whitespace-nowrap`}
      to={linkTo('/clusters/new', { params: createClusterParams(region, source) })}
      aria-label={name}
      data-testid="create-from-shared"
    >
      Create cluster from this backup
    </Link>
  );
}
