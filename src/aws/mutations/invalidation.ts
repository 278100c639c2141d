/**
 * What each mutation changes, as the query keys to invalidate after it succeeds (pure, so the rules are
 * tested on their own). Every key is a prefix: a list key covers that region's lists with any filters,
 * complete or infinite. Nothing outside the affected region(s) is touched. `region` is a `Where` (keys.ts): a
 * plain region for the base account, `{ region, account }` for another, so a mutation in one account never
 * invalidates another account's data of the same region.
 *
 * The windowed backup queries (newest first, page by page) are refetched only when backups appear or go
 * anywhere in a region (`backupKeys.windows`); a change to one backup is patched into them instead
 * (`backupsChangedBy`, applied by useCloudHsmMutation), so editing one backup never refetches a window.
 */
import type { QueryKey } from '@tanstack/react-query';
import { backupKeys, clusterKeys, policyKeys, tagKeys, type Where } from '../keys';

const clusterChanged = (region: Where, clusterId: string): QueryKey[] => [clusterKeys.lists(region), clusterKeys.detail(region, clusterId)];
const backupChanged = (region: Where, backupId: string): QueryKey[] => [backupKeys.lists(region), backupKeys.detail(region, backupId)];
/** Backups appear or go somewhere in the region (a new backup, a copy, a purge): every list and window of it. */
const backupsAppearOrGo = (region: Where): QueryKey[] => [backupKeys.lists(region), backupKeys.windows(region)];

/** The keys a resource's TagList shows up under: a cluster's or a backup's lists and detail. */
function taggedResourceChanged(region: Where, resourceId: string): QueryKey[] {
  if (resourceId.startsWith('cluster-')) return clusterChanged(region, resourceId);
  if (resourceId.startsWith('backup-')) return backupChanged(region, resourceId);
  return [];
}

export const invalidationsFor = {
  /** A new cluster appears in the region's cluster lists. */
  createCluster: (region: Where): QueryKey[] => [clusterKeys.lists(region)],
  /** State and certificates of the cluster. */
  initializeCluster: (region: Where, clusterId: string): QueryKey[] => clusterChanged(region, clusterId),
  /** Retention policy or HSM type of the cluster, and the region's backups: a shorter retention purges some. */
  modifyCluster: (region: Where, clusterId: string): QueryKey[] => [...clusterChanged(region, clusterId), ...backupsAppearOrGo(region)],
  /** The cluster goes DELETE_IN_PROGRESS; its backups stay (unchanged). */
  deleteCluster: (region: Where, clusterId: string): QueryKey[] => clusterChanged(region, clusterId),
  /**
   * The cluster's Hsms. (An active cluster backs up once the new HSM is ACTIVE, later: the cluster query
   * polls until then, and backup lists pick the backup up on their next fetch.)
   */
  createHsm: (region: Where, clusterId: string): QueryKey[] => clusterChanged(region, clusterId),
  /** The cluster's Hsms, and the region's backups: an active cluster takes a backup when an HSM is removed. */
  deleteHsm: (region: Where, clusterId: string): QueryKey[] => [...clusterChanged(region, clusterId), ...backupsAppearOrGo(region)],
  /** The backup goes PENDING_DELETION. */
  deleteBackup: (region: Where, backupId: string): QueryKey[] => backupChanged(region, backupId),
  /** The backup goes back to READY. */
  restoreBackup: (region: Where, backupId: string): QueryKey[] => backupChanged(region, backupId),
  /** NeverExpires of the backup. */
  modifyBackupAttributes: (region: Where, backupId: string): QueryKey[] => backupChanged(region, backupId),
  /**
   * A new backup (CREATE_IN_PROGRESS) in the DESTINATION region's lists. The source backup and its region
   * do not change.
   */
  copyBackupToRegion: (destinationRegion: Where): QueryKey[] => backupsAppearOrGo(destinationRegion),
  /** The resource's tags, and its TagList in its cluster or backup lists and detail. */
  tagResource: (region: Where, resourceId: string): QueryKey[] => [
    tagKeys.of(region, resourceId),
    ...taggedResourceChanged(region, resourceId),
  ],
  untagResource: (region: Where, resourceId: string): QueryKey[] => [
    tagKeys.of(region, resourceId),
    ...taggedResourceChanged(region, resourceId),
  ],
  /** Emulator only (stands in for `cloudhsm-cli cluster activate`): the cluster goes ACTIVE and takes a backup. */
  activateClusterInEmulator: (region: Where, clusterId: string): QueryKey[] => [
    ...clusterChanged(region, clusterId),
    ...backupsAppearOrGo(region),
  ],
  /** Only the policy: backup listings do not show it. */
  putResourcePolicy: (region: Where, resourceArn: string): QueryKey[] => [policyKeys.of(region, resourceArn)],
  deleteResourcePolicy: (region: Where, resourceArn: string): QueryKey[] => [policyKeys.of(region, resourceArn)],
};

/** The backup a mutation changed in place, to patch into the windowed queries (null: none). */
export function backupChangedBy(
  operation: string,
  region: Where,
  input: { BackupId?: string; ResourceId?: string },
): { region: Where; backupId: string } | null {
  if (operation === 'DeleteBackup' || operation === 'RestoreBackup' || operation === 'ModifyBackupAttributes') {
    return input.BackupId ? { region, backupId: input.BackupId } : null;
  }
  if ((operation === 'TagResource' || operation === 'UntagResource') && input.ResourceId?.startsWith('backup-'))
    return { region, backupId: input.ResourceId };
  return null;
}
