/**
 * NeverExpires on or off (ModifyBackupAttributes), as a switch. The state shown is the backup's as AWS last
 * reported it: while the change runs the switch says so, and it flips once the refreshed backup arrives. The
 * result (or the AWS refusal) goes to the page's one result line (BackupActions).
 */
import { useId } from 'react';
import { type BackupWithExtras } from '../../../../aws';
import { useModifyBackupAttributesMutation } from '../../../../aws/actions';
import { ActionButton } from '../../../../ui/actions';
import type { ReportOutcome } from '../backupOutcome';
import { succeeded } from '../backupOutcome';
import { isCopy, neverExpiresBlockedReason } from '../backupRules';

export const NEVER_EXPIRES_LABEL = "Never expires (exempt from the cluster's retention policy)";

export function NeverExpiresSwitch({
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
  const on = backup.NeverExpires === true;
  const mutation = useModifyBackupAttributesMutation(region, account);
  const noteId = useId();
  const toggle = () => {
    onOutcome(null);
    const next = !on;
    mutation.mutate(
      { BackupId: backupId, NeverExpires: next },
      {
        onSuccess: () => onOutcome(succeeded(next ? 'never-expires-on' : 'never-expires-off', backupId)),
        onError: (error) => onOutcome({ kind: 'failed', backupId, what: `Could not change Never expires of ${backupId}`, error }),
      },
    );
  };
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-x-2">
        <ActionButton
          role="switch"
          aria-checked={on}
          variant="secondary"
          disabledReason={neverExpiresBlockedReason(backup)}
          pending={mutation.isPending}
          onClick={toggle}
          aria-describedby={isCopy(backup) ? noteId : undefined}
          showReason
          data-testid="never-expires-switch"
        >
          <span
            aria-hidden="true"
            className={`relative inline-block h-4 w-7 rounded-full transition-colors ${on ? 'bg-blue-700 dark:bg-blue-500' : 'bg-slate-400'}`}
          >
            <span className={`absolute top-0.5 h-3 w-3 rounded-full bg-white transition-all ${on ? 'left-3.5' : 'left-0.5'}`} />
          </span>
          {NEVER_EXPIRES_LABEL}
        </ActionButton>
      </div>
      {isCopy(backup) && (
        <p id={noteId} className="text-xs text-slate-600 dark:text-slate-400">
          This is a copy: no retention policy applies to copies (they stay until deleted), so this setting does not change when it is
          purged.
        </p>
      )}
    </div>
  );
}
