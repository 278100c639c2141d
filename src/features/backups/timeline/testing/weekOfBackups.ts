/** The timeline tests' week: 700 px wide is 100 px a day, "now" at its end, and backups placed by day. */
import type { BackupWithExtras } from '../../../../aws/extensions/extras';
import { layoutTimeline, type TimelineBackupItem } from '../layoutTimeline';

export const now = new Date('2026-11-21T00:00:00Z');
export const window = { start: new Date('2026-11-14T00:00:00Z'), end: now };

/** A READY backup of `clusterId` in `region`, created at midnight `day` days after the week's start. */
export function item(
  region: string,
  id: string,
  clusterId: string,
  day: number,
  extra: Partial<BackupWithExtras> = {},
): TimelineBackupItem {
  return {
    region,
    backup: { BackupId: id, ClusterId: clusterId, BackupState: 'READY', CreateTimestamp: new Date(Date.UTC(2026, 10, 14 + day)), ...extra },
  };
}

/** The week laid out at 700 px. */
export const layoutWeek = (backups: readonly TimelineBackupItem[], clusterNames?: ReadonlyMap<string, string>) =>
  layoutTimeline({ backups, window, width: 700, now, clusterNames });
