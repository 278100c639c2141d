/**
 * When the service will remove a backup, by its retention rule (../shared/cloudhsm-api.md §4 "Retention"):
 * a backup is purged (sent to PENDING_DELETION) once it is older than its cluster's retention, unless it is
 * marked NeverExpires or is a cross-region copy (copies have no retention policy); a PENDING_DELETION backup
 * is gone for good at its DeleteTimestamp; the service never purges a cluster's last backup. Pure data: the
 * views put it into words.
 */

const DAY_MS = 86_400_000;

export interface ExpiryBackup {
  BackupState?: string;
  CreateTimestamp?: Date;
  DeleteTimestamp?: Date;
  NeverExpires?: boolean;
  SourceRegion?: string;
}

export interface RetentionPolicyLike {
  Type?: string;
  Value?: string;
}

export type BackupExpiry =
  /** Under its cluster's retention: purged at `at` (creation + `days`). */
  | { kind: 'retention'; at: Date; days: number }
  /** Marked NeverExpires: the retention does not apply. */
  | { kind: 'never' }
  /** A cross-region copy: no retention applies; someone must delete it. */
  | { kind: 'copy' }
  /** PENDING_DELETION: gone for good at `at` unless restored. */
  | { kind: 'purge'; at: Date }
  /** Already deleted. */
  | { kind: 'deleted' }
  /** Nothing can be said: the cluster's retention (or the backup's creation time) is not known. */
  | { kind: 'unknown' };

/** The retention in days, when the policy is one the service applies (DAYS, a whole number). */
export function retentionDays(policy: RetentionPolicyLike | undefined): number | undefined {
  if (!policy || (policy.Type !== undefined && policy.Type !== 'DAYS')) return undefined;
  const days = Number(policy.Value);
  return Number.isInteger(days) && days > 0 ? days : undefined;
}

const validDate = (value: Date | undefined): value is Date => value instanceof Date && Number.isFinite(value.getTime());

/** When `backup` will be removed, given its cluster's retention policy (undefined when the cluster is not known). */
export function backupExpiry(backup: ExpiryBackup, policy: RetentionPolicyLike | undefined): BackupExpiry {
  if (backup.BackupState === 'DELETED') return { kind: 'deleted' };
  if (backup.BackupState === 'PENDING_DELETION')
    return validDate(backup.DeleteTimestamp) ? { kind: 'purge', at: backup.DeleteTimestamp } : { kind: 'unknown' };
  if (backup.SourceRegion) return { kind: 'copy' };
  if (backup.NeverExpires) return { kind: 'never' };
  const days = retentionDays(policy);
  if (days === undefined || !validDate(backup.CreateTimestamp)) return { kind: 'unknown' };
  return { kind: 'retention', at: new Date(backup.CreateTimestamp.getTime() + days * DAY_MS), days };
}
