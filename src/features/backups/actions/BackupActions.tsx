/**
 * Every action on one backup, for its page: copy to another region, delete or restore, never expires, and
 * create a cluster from it. Each control says why when it is off (state, read-only), in visible text. The
 * result of the latest action shows in one place, and only while it is still true of the backup
 * (backupOutcome): a new action replaces it, and a later change of the backup drops it.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { accountLinkParams, useShownRegions, type BackupWithExtras } from '../../../aws';
import { ActionError, ActionSuccess } from '../../../ui/actions';
import { isCopy } from './backupRules';
import { nextOutcome, outcomeHolds, type BackupOutcome } from './backupOutcome';
import { CopyBackupButton } from './copy/CopyBackupButton';
import { CreateClusterFromBackupLink } from './CreateClusterFromBackupLink';
import { DeleteBackupButton } from './lifecycle/DeleteBackupButton';
import { NeverExpiresSwitch } from './lifecycle/NeverExpiresSwitch';
import { PurgeCountdown } from './lifecycle/PurgeCountdown';
import { RestoreBackupButton } from './lifecycle/RestoreBackupButton';

export interface BackupActionsProps {
  region: string;
  backup: BackupWithExtras;
  /** The backup's account (undefined: the base account): every action asks it. */
  account?: string;
}

export function BackupActions({ region, backup, account }: BackupActionsProps) {
  const [outcome, setOutcome] = useState<BackupOutcome | null>(null);
  // Each new description of the backup confirms the result or retires it (adjusted while rendering, the
  // React way for state that follows a prop: no extra pass with a stale result on screen).
  const [describedAs, setDescribedAs] = useState(backup);
  if (describedAs !== backup) {
    setDescribedAs(backup);
    setOutcome((current) => nextOutcome(current, backup));
  }
  return (
    <section aria-labelledby="backup-actions-heading" data-testid="backup-actions" className="flex flex-col gap-3">
      <h3 id="backup-actions-heading" className="text-lg font-semibold">
        Actions
      </h3>
      <div className="flex flex-col gap-1">
        <h4 className="text-sm font-medium">Copy to another region</h4>
        <CopyBackupButton region={region} backup={backup} account={account} />
      </div>
      {/* Both stay on the page (one of them off, saying why), so focus and the outcome stay put after either. */}
      <div className="flex flex-col gap-2">
        <DeleteBackupButton region={region} backup={backup} onOutcome={setOutcome} account={account} />
        <RestoreBackupButton region={region} backup={backup} onOutcome={setOutcome} account={account} />
      </div>
      <NeverExpiresSwitch region={region} backup={backup} onOutcome={setOutcome} account={account} />
      <div data-testid="backup-action-result">
        {outcome && outcomeHolds(outcome, backup) && <OutcomeMessage outcome={outcome} region={region} backup={backup} account={account} />}
      </div>
      <div>
        <CreateClusterFromBackupLink region={region} backup={backup} account={account} />
      </div>
    </section>
  );
}

function OutcomeMessage({
  outcome,
  region,
  backup,
  account,
}: {
  outcome: BackupOutcome;
  region: string;
  backup: BackupWithExtras;
  account: string | undefined;
}) {
  const { linkTo } = useShownRegions();
  const backupId = backup.BackupId ?? '';
  if (outcome.kind === 'failed') return <ActionError error={outcome.error} what={outcome.what} />;
  const link = (
    <Link className="font-mono underline" to={linkTo(`/backups/${region}/${backupId}`, { params: accountLinkParams(account) })}>
      {backupId}
    </Link>
  );
  switch (outcome.kind) {
    case 'deleted':
      return (
        <ActionSuccess testId="delete-success">
          {link} is PENDING_DELETION: <PurgeCountdown deleteAt={backup.DeleteTimestamp} /> unless you restore it.
        </ActionSuccess>
      );
    case 'restored':
      return (
        <ActionSuccess testId="restore-success">
          {link} is READY again.
          {!isCopy(backup) &&
            " If the cluster's retention policy had purged it, set Never expires or lengthen the retention now, or the policy purges it again (AWS advises this)."}
        </ActionSuccess>
      );
    case 'never-expires-on':
      return (
        <ActionSuccess testId="never-expires-success">{link} never expires now: the retention policy will not purge it.</ActionSuccess>
      );
    case 'never-expires-off':
      return <ActionSuccess testId="never-expires-success">{link} is under the retention policy again.</ActionSuccess>;
  }
}
