/** Where a backup sits on the time axis, and the time span of a set of backups. Pure. */
import type { BackupWithExtras } from '../../../aws/extensions/extras';
import type { TimelineBackupItem } from './types';
import type { TimeWindow } from './zoom';

export const toMs = (value: unknown): number | undefined => {
  if (value instanceof Date) {
    const t = value.getTime();
    return Number.isFinite(t) ? t : undefined;
  }
  return undefined;
};

/** Where a backup is placed on the axis: CopyTimestamp when present (copies), else CreateTimestamp. */
export function markTimeOf(backup: BackupWithExtras): { time: number; date: Date; source: 'created' | 'copied' } | null {
  const copied = toMs(backup.CopyTimestamp);
  if (copied !== undefined) return { time: copied, date: backup.CopyTimestamp!, source: 'copied' };
  const created = toMs(backup.CreateTimestamp);
  if (created !== undefined) return { time: created, date: backup.CreateTimestamp!, source: 'created' };
  return null;
}

/** Earliest and latest placement time of the backups (for `zoomWindow('all', now, extent)`), or null. */
export function dataExtent(backups: readonly TimelineBackupItem[]): TimeWindow | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const item of backups) {
    if (!item || !item.backup) continue;
    const placed = markTimeOf(item.backup);
    if (!placed) continue;
    if (placed.time < lo) lo = placed.time;
    if (placed.time > hi) hi = placed.time;
  }
  return lo === Infinity ? null : { start: new Date(lo), end: new Date(hi) };
}
