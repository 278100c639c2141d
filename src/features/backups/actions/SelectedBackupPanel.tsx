/**
 * Under the timeline: the selected backup (a mark, or a list row) and what can be done with it right there,
 * copying it first of all; the rest is on its page.
 */
import { Link } from 'react-router';
import { accountLinkParams, useShownRegions, type BackupWithExtras } from '../../../aws';
import { ResourceStatus } from '../../../ui';
import { CopyBackupButton } from './copy/CopyBackupButton';
import { CreateClusterFromBackupLink } from './CreateClusterFromBackupLink';
import { PurgeCountdown } from './lifecycle/PurgeCountdown';

export interface SelectedBackupPanelProps {
  region: string;
  backup: BackupWithExtras;
  clusterName?: string;
  /** The backup's account (undefined: the base account): its link and copy go there. */
  account?: string;
}

export function SelectedBackupPanel({ region, backup, clusterName, account }: SelectedBackupPanelProps) {
  const { linkTo } = useShownRegions();
  const backupId = backup.BackupId ?? '';
  return (
    <section
      aria-label={`Selected backup ${backupId}`}
      data-testid="selected-backup"
      data-backup-id={backupId}
      className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2 rounded border border-slate-200 p-2 text-sm dark:border-slate-800"
    >
      <p>
        Selected:{' '}
        <Link className="font-mono underline" to={linkTo(`/backups/${region}/${backupId}`, { params: accountLinkParams(account) })}>
          {backupId}
        </Link>{' '}
        in {region}
        {clusterName || backup.ClusterId ? <> · {clusterName ?? <span className="font-mono">{backup.ClusterId}</span>}</> : null} ·{' '}
        <ResourceStatus kind="backup" state={backup.BackupState} data-testid="backup-state" />
        {backup.BackupState === 'PENDING_DELETION' && (
          <>
            {' '}
            · <PurgeCountdown deleteAt={backup.DeleteTimestamp} />
          </>
        )}
      </p>
      <CopyBackupButton region={region} backup={backup} account={account} />
      <CreateClusterFromBackupLink region={region} backup={backup} account={account} />
    </section>
  );
}
