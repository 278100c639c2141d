/**
 * The view's summary line, honest like the cluster list's count: it counts only the clusters whose posture is
 * known, and names the regions that failed or are still loading instead of counting them as fine or empty.
 */
import type { ClusterPosture, LocalStatus } from './posture';

export interface PostureCounts {
  onTarget: number;
  behind: number;
  noBackup: number;
  /** Never initialized: nothing to back up (not counted as without a backup). */
  notInitialized: number;
  /** Not decided yet (their region's backups are loading) or not decidable (could not be read). */
  unknown: number;
  /** Clusters with at least one DR region behind its target. */
  drBehind: number;
}

export function countPostures(postures: readonly Pick<ClusterPosture<unknown>, 'status' | 'drStatus'>[]): PostureCounts {
  const counts: PostureCounts = { onTarget: 0, behind: 0, noBackup: 0, notInitialized: 0, unknown: 0, drBehind: 0 };
  const key: Record<LocalStatus, keyof PostureCounts> = {
    'on-target': 'onTarget',
    behind: 'behind',
    'no-backup': 'noBackup',
    'not-initialized': 'notInitialized',
    unknown: 'unknown',
  };
  for (const p of postures) {
    counts[key[p.status]]++;
    if (p.drStatus === 'behind') counts.drBehind++;
  }
  return counts;
}

export interface SummaryInput {
  counts: PostureCounts;
  /** Regions whose cluster list failed (nothing known of their clusters). */
  clustersFailed: readonly string[];
  /** Regions whose cluster list has not answered yet. */
  clustersLoading: readonly string[];
  /** Regions whose backups could not be read. */
  backupsFailed: readonly string[];
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "7 on target, 2 behind, 3 without a backup; 1 with a DR copy behind; could not load clusters of eu-west-1". */
export function summarySentence({ counts, clustersFailed, clustersLoading, backupsFailed }: SummaryInput): string {
  const known = counts.onTarget + counts.behind + counts.noBackup + counts.notInitialized;
  const parts: string[] = [];
  if (known > 0 || (counts.unknown === 0 && clustersLoading.length === 0 && clustersFailed.length === 0))
    parts.push(
      `${counts.onTarget} on target, ${counts.behind} behind, ${counts.noBackup} without a backup` +
        (counts.notInitialized > 0 ? `, ${counts.notInitialized} not initialized (nothing to back up)` : ''),
    );
  if (counts.drBehind > 0) parts.push(`${plural(counts.drBehind, 'cluster', 'clusters')} with a DR copy behind`);
  if (counts.unknown > 0)
    parts.push(
      backupsFailed.length > 0
        ? `${plural(counts.unknown, 'cluster', 'clusters')} not known (could not read the backups of ${backupsFailed.join(', ')})`
        : `still checking ${plural(counts.unknown, 'cluster', 'clusters')}…`,
    );
  if (clustersFailed.length > 0) parts.push(`could not load the clusters of ${clustersFailed.join(', ')}`);
  if (clustersLoading.length > 0) parts.push(`still loading the clusters of ${clustersLoading.join(', ')}…`);
  const said = parts.join('; ');
  return said ? `${said.charAt(0).toUpperCase()}${said.slice(1)}` : 'Loading…';
}
