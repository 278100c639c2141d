/**
 * What can be done to a backup in which state, with the reason when it cannot (shown on the disabled
 * control). The rules are the service's (cloudhsm-api.md §2.9–2.12, §4.3) as the emulator enforces them:
 * DeleteBackup, ModifyBackupAttributes, CopyBackupToRegion and CreateCluster need READY; RestoreBackup needs
 * PENDING_DELETION. Pure.
 */
import type { BackupWithExtras } from '../../../aws';

export type BackupFacts = Pick<BackupWithExtras, 'BackupId' | 'BackupState' | 'SourceBackup'>;

const stateOf = (b: BackupFacts): string => b.BackupState ?? 'in an unknown state';

export function copyBlockedReason(b: BackupFacts): string | null {
  return b.BackupState === 'READY' ? null : `Only READY backups can be copied; this one is ${stateOf(b)}`;
}

export function deleteBlockedReason(b: BackupFacts): string | null {
  if (b.BackupState === 'READY') return null;
  if (b.BackupState === 'PENDING_DELETION') return 'This backup is already PENDING_DELETION; restore it to keep it';
  return `Only READY backups can be deleted; this one is ${stateOf(b)}`;
}

export function restoreBlockedReason(b: BackupFacts): string | null {
  return b.BackupState === 'PENDING_DELETION' ? null : `Only PENDING_DELETION backups can be restored; this one is ${stateOf(b)}`;
}

export function neverExpiresBlockedReason(b: BackupFacts): string | null {
  return b.BackupState === 'READY' ? null : `Never expires can only be changed on a READY backup; this one is ${stateOf(b)}`;
}

export function createClusterBlockedReason(b: BackupFacts): string | null {
  return b.BackupState === 'READY' ? null : `A cluster can only be created from a READY backup; this one is ${stateOf(b)}`;
}

/** A copy made by CopyBackupToRegion: it is tied to no cluster in its region and no retention policy applies to it. */
export const isCopy = (b: Pick<BackupWithExtras, 'SourceBackup'>): boolean => Boolean(b.SourceBackup);
