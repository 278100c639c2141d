/**
 * The Sharing section of a backup's page: the accounts the backup is shared with (its resource policy),
 * "Share with account…", removing one, and AWS's note on RAM. Off, with the reason, for a backup that is not
 * READY, for another account's backup, and in a read-only session (ActionButton says so).
 */
import { useRef } from 'react';
import { AwsErrorMessage, SkeletonList } from '../../../../ui';
import { errorAdvice } from '../../../common/errorAdvice';
import { RamNote } from './RamNote';
import { ShareAccountForm } from './ShareAccountForm';
import { SharedAccounts } from './SharedAccounts';
import { useBackupSharing, type BackupSharingTarget } from './useBackupSharing';

export function BackupSharing(target: BackupSharingTarget) {
  const sharing = useBackupSharing(target);
  const { policy, ownedElsewhere, arn } = sharing;
  const reading = policy.isPending && arn !== '' && !ownedElsewhere;
  const heading = useRef<HTMLHeadingElement>(null);
  // The removed account's row (the control that opened the dialog) is gone: focus goes to the section, not
  // to the page's start. After the dialog has given focus back (it finds its opener gone).
  const afterRemove = () => setTimeout(() => heading.current?.focus(), 0);
  return (
    <section aria-labelledby="sharing-heading" data-testid="backup-sharing" className="flex flex-col gap-3">
      <h3 id="sharing-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold">
        Sharing
      </h3>
      <p className="text-sm">
        Accounts this backup is shared with can see it and create a cluster from it, with its keys and users. Sharing is its resource
        policy.
      </p>
      {ownedElsewhere ? (
        <p className="text-sm" data-testid="sharing-not-owner">
          {sharing.blockedReason}
        </p>
      ) : (
        <div aria-busy={reading || undefined}>
          {reading && (
            <>
              <p aria-live="polite" className="text-sm">
                Reading the resource policy…
              </p>
              <SkeletonList rows={2} columns={2} className="mt-2" />
            </>
          )}
          {policy.error && (
            <AwsErrorMessage
              error={policy.error}
              what="Could not read the backup’s resource policy"
              advice={errorAdvice(policy.error.info)}
            />
          )}
          {policy.isSuccess && <SharedAccounts sharing={sharing} onRemoved={afterRemove} />}
        </div>
      )}
      {!ownedElsewhere && <ShareAccountForm sharing={sharing} />}
      <RamNote />
    </section>
  );
}
