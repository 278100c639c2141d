/**
 * The result of the latest action on a backup's page, shown in one place (BackupActions). A success message
 * is a claim about the backup ("is PENDING_DELETION", "never expires now"): it shows only while the backup as
 * last described still matches it, and is dropped for good once it stopped matching after having matched (a
 * later change, here or elsewhere, made it untrue). Right after the call the refreshed backup may not have
 * arrived yet: the claim then waits, unshown, instead of being dropped. Pure.
 */
import type { AwsRequestError, BackupWithExtras } from '../../../aws';

export type BackupOutcomeKind = 'deleted' | 'restored' | 'never-expires-on' | 'never-expires-off';

export type BackupOutcome =
  | { kind: BackupOutcomeKind; backupId: string; /** The backup has been seen in the claimed state. */ confirmed: boolean }
  | { kind: 'failed'; backupId: string; what: string; error: AwsRequestError };

export type BackupState = Pick<BackupWithExtras, 'BackupId' | 'BackupState' | 'NeverExpires'>;

/** A success just reported by AWS, before the refreshed backup confirms it. */
export const succeeded = (kind: BackupOutcomeKind, backupId: string): BackupOutcome => ({ kind, backupId, confirmed: false });

/** Whether what the outcome says is true of the backup as described now. A failure is always shown. */
export function outcomeHolds(outcome: BackupOutcome, backup: BackupState): boolean {
  if (outcome.backupId !== backup.BackupId) return false;
  switch (outcome.kind) {
    case 'failed':
      return true;
    case 'deleted':
      return backup.BackupState === 'PENDING_DELETION';
    case 'restored':
      return backup.BackupState === 'READY';
    case 'never-expires-on':
      return backup.NeverExpires === true && backup.BackupState === 'READY';
    case 'never-expires-off':
      return backup.NeverExpires !== true && backup.BackupState === 'READY';
  }
}

/**
 * The outcome to keep once the backup is described anew: confirmed when it now holds, dropped (null) when it
 * held before and no longer does, or when it is about another backup; unchanged otherwise.
 */
export function nextOutcome(outcome: BackupOutcome | null, backup: BackupState): BackupOutcome | null {
  if (outcome === null) return null;
  if (outcome.backupId !== backup.BackupId) return null;
  if (outcome.kind === 'failed') return outcome;
  const holds = outcomeHolds(outcome, backup);
  if (holds) return outcome.confirmed ? outcome : { ...outcome, confirmed: true };
  return outcome.confirmed ? null : outcome;
}

/** How an action on the backup page reports what it did (or null to clear the last result). */
export type ReportOutcome = (outcome: BackupOutcome | null) => void;
