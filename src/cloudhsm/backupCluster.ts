/**
 * Which cluster a backup belongs to, and where that cluster lives. A copy made by CopyBackupToRegion keeps its
 * source's cluster: `SourceCluster` (real listings may omit it and show only `ClusterId`, which a copy keeps as
 * its source's) in `SourceRegion`. Any other backup belongs to `ClusterId` in its own region.
 */
export interface BackupOrigin {
  ClusterId?: string | undefined;
  SourceCluster?: string | undefined;
  SourceRegion?: string | undefined;
}

/** The id of the cluster a backup (or copy) belongs to. */
export const backupClusterId = (backup: BackupOrigin): string | undefined => backup.SourceCluster ?? backup.ClusterId;

/** The region that cluster lives in, for a backup listed in `backupRegion`. */
export const backupClusterRegion = (backup: BackupOrigin, backupRegion: string): string => backup.SourceRegion ?? backupRegion;

/** Both, or undefined for a backup that names no cluster. */
export function backupCluster(backup: BackupOrigin, backupRegion: string): { region: string; clusterId: string } | undefined {
  const clusterId = backupClusterId(backup);
  return clusterId ? { region: backupClusterRegion(backup, backupRegion), clusterId } : undefined;
}
