/** Where "Create cluster from this backup" goes: the create form (/clusters/new), told the backup and its region (pure). */
export function createClusterParams(region: string, backupId: string): Record<string, string> {
  return { region, sourceBackup: backupId };
}
