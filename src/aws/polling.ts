/**
 * When a query polls: while anything it shows is in a transitional state (`*_IN_PROGRESS`, or a backup
 * `PENDING_DELETION`), so the view follows it until it settles; settled data does not poll. Pure functions,
 * used by the hooks' `refetchInterval`. (A hidden tab never polls: react-query's
 * `refetchIntervalInBackground` is false by default, and the hooks leave it so.)
 */
import type { Backup, Cluster, Hsm } from '@aws-sdk/client-cloudhsm-v2';

/** Default poll period while something is in transition. */
export const DEFAULT_POLL_INTERVAL_MS = 5_000;

export function isTransitionalState(state: string | undefined): boolean {
  return state !== undefined && (state.endsWith('_IN_PROGRESS') || state === 'PENDING_DELETION');
}

export const isHsmTransitional = (hsm: Pick<Hsm, 'State'>): boolean => isTransitionalState(hsm.State);

/** A cluster is in transition when it is, or when any of its HSMs is (created or deleted). */
export const isClusterTransitional = (cluster: Pick<Cluster, 'State' | 'Hsms'>): boolean =>
  isTransitionalState(cluster.State) || (cluster.Hsms ?? []).some(isHsmTransitional);

export const isBackupTransitional = (backup: Pick<Backup, 'BackupState'>): boolean => isTransitionalState(backup.BackupState);

/** The `refetchInterval` value for data: `intervalMs` while anything is transitional, else `false`. */
export function pollIntervalFor<T>(
  items: readonly T[] | null | undefined,
  isTransitional: (item: T) => boolean,
  intervalMs: number,
): number | false {
  return items?.some(isTransitional) ? intervalMs : false;
}

/**
 * A PENDING_DELETION backup changes only when its 7 days run out (or someone restores it, which the
 * restoring mutation refreshes anyway): poll lists holding one this many times slower, not every 5 s for a week.
 */
export const PENDING_DELETION_SLOWDOWN = 12;

/** The `refetchInterval` for backups: fast while one is being created or copied, slow while one awaits deletion. */
export function backupPollInterval(backups: readonly Pick<Backup, 'BackupState'>[] | null | undefined, intervalMs: number): number | false {
  if (!backups) return false;
  if (backups.some((b) => b.BackupState === 'CREATE_IN_PROGRESS')) return intervalMs;
  if (backups.some((b) => b.BackupState === 'PENDING_DELETION')) return intervalMs * PENDING_DELETION_SLOWDOWN;
  return false;
}
