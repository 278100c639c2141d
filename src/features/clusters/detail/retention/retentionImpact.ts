/**
 * What lowering a cluster's backup retention does to its backups, mirroring the service's retention rule
 * (as src/emulator/lifecycle.ts applies it): a READY backup of the cluster older than the retention goes to
 * PENDING_DELETION, except backups marked NeverExpires, copies (no retention policy applies to them) and the
 * cluster's newest READY backup, which is always kept. Pure, so the dialog's warning is tested on its own.
 */
import type { BackupWithExtras } from '../../../../aws';

const DAY_MS = 86_400_000;

type RetentionBackup = Pick<
  BackupWithExtras,
  'BackupId' | 'BackupState' | 'ClusterId' | 'CreateTimestamp' | 'NeverExpires' | 'SourceRegion'
>;

const isOwnReady = (backup: RetentionBackup, clusterId: string): boolean =>
  backup.ClusterId === clusterId && backup.BackupState === 'READY' && !backup.SourceRegion;

const createdMs = (backup: RetentionBackup): number | null => {
  const t = backup.CreateTimestamp instanceof Date ? backup.CreateTimestamp.getTime() : NaN;
  return Number.isFinite(t) ? t : null;
};

/**
 * The cluster's backups a retention of `days` days sends to PENDING_DELETION at `now`. Empty for a
 * retention that is not a positive whole number of days (nothing can be said about it).
 */
export function backupsPurgedByRetention<B extends RetentionBackup>(
  backups: readonly B[],
  clusterId: string,
  days: number,
  now: Date,
): B[] {
  if (!Number.isInteger(days) || days <= 0 || !Number.isFinite(now.getTime())) return [];
  const ready = backups.filter((b) => isOwnReady(b, clusterId));
  let newest: B | undefined;
  for (const backup of ready) {
    const t = createdMs(backup);
    if (t !== null && (newest === undefined || t > (createdMs(newest) ?? -Infinity))) newest = backup;
  }
  return ready.filter((backup) => {
    if (backup === newest || backup.NeverExpires) return false;
    const t = createdMs(backup);
    return t !== null && t + days * DAY_MS <= now.getTime();
  });
}

/** How many of the backups that were READY before (`readyBefore`, by id) are PENDING_DELETION now. */
export function countNewlyPendingDeletion(readyBefore: ReadonlySet<string>, backupsNow: readonly RetentionBackup[]): number {
  return backupsNow.filter((b) => b.BackupState === 'PENDING_DELETION' && b.BackupId !== undefined && readyBefore.has(b.BackupId)).length;
}

/** The ids of the cluster's READY backups (what a retention change may purge). */
export const readyBackupIds = (backups: readonly RetentionBackup[], clusterId: string): Set<string> =>
  new Set(backups.filter((b) => isOwnReady(b, clusterId) && b.BackupId !== undefined).map((b) => b.BackupId as string));

/** "114 backups are older than 7 days and will be deleted (restorable for 7 days)". */
export function retentionWarning(count: number, days: number): string | null {
  if (count <= 0) return null;
  return `${count} ${count === 1 ? 'backup is' : 'backups are'} older than ${days} days and will be deleted (restorable for 7 days).`;
}
