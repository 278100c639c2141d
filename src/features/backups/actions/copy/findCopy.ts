/**
 * CopyBackupToRegion returns no id: the copy is found in the destination region with DescribeBackups and the
 * `sourceBackupIds` filter. Earlier copies of the same backup match that filter too, so the copy this click
 * made is the one with the newest CopyTimestamp at or after the click. The click time is the browser's clock
 * and CopyTimestamp the service's, so a minute of clock skew is allowed. Pure.
 */
import type { BackupWithExtras } from '../../../../aws';

export const CLOCK_SKEW_ALLOWANCE_MS = 60_000;

export interface CopyQuery {
  sourceBackupId: string;
  sourceRegion: string;
  /** When the copy was asked for (epoch ms, browser clock). */
  since: number;
  allowanceMs?: number;
}

export function findCopy(candidates: readonly BackupWithExtras[], query: CopyQuery): BackupWithExtras | null {
  const earliest = query.since - (query.allowanceMs ?? CLOCK_SKEW_ALLOWANCE_MS);
  let best: BackupWithExtras | null = null;
  let bestTime = Number.NEGATIVE_INFINITY;
  for (const backup of candidates) {
    if (backup.SourceBackup !== query.sourceBackupId) continue;
    if (backup.SourceRegion !== undefined && backup.SourceRegion !== query.sourceRegion) continue;
    const copied = backup.CopyTimestamp?.getTime();
    if (copied === undefined || !Number.isFinite(copied) || copied < earliest) continue;
    if (copied > bestTime) {
      best = backup;
      bestTime = copied;
    }
  }
  return best;
}
