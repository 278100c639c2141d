/**
 * "Copy the newest backup of each selected cluster": why the button is off, and which clusters go, which are
 * skipped (already in the destination, no newest backup, kept out by data residency without the override).
 * Pure.
 */
import type { RegionalBackup } from '../../../aws';
import { resourceName } from '../../../cloudhsm/names';
import type { CopyNewestSelection } from './CopyNewestButton';

export const clusterNameOf = (s: CopyNewestSelection): string =>
  resourceName(s.cluster.cluster) ?? s.cluster.cluster.ClusterId ?? 'a cluster';

export function copyNewestBlockedReason(selected: readonly CopyNewestSelection[]): string | null {
  if (selected.length === 0) return 'Select clusters first';
  const without = selected.filter((s) => s.newest === undefined).map(clusterNameOf);
  if (without.length > 0) return `No known newest READY backup for ${without.join(', ')}`;
  return null;
}

export interface CopyNewestPlan {
  runnable: RegionalBackup[];
  skipped: { item: RegionalBackup; reason: string }[];
}

/** The newest backups to copy to `destination`; a cluster already in that region has nothing to copy there. */
export function planCopyNewest(selected: readonly CopyNewestSelection[], destination: string): CopyNewestPlan {
  const plan: CopyNewestPlan = { runnable: [], skipped: [] };
  for (const s of selected) {
    if (!s.newest) continue;
    if (s.newest.region === destination) plan.skipped.push({ item: s.newest, reason: `${clusterNameOf(s)} is in ${destination} already` });
    else plan.runnable.push(s.newest);
  }
  return plan;
}
