import type { RegionalCluster } from '../../../aws';

export interface OrphanedBackupsProps {
  /** The regions shown (the page's ?regions=). */
  regions: readonly string[];
  /** Every listed cluster of the regions that answered (DELETED ones included). */
  clusters: readonly RegionalCluster[];
  /** Regions whose cluster list answered: only there can a backup's cluster be known to be gone. */
  answeredRegions: readonly string[];
}

// Contract stub: replaced by the orphaned-backups work.
export function OrphanedBackups(_props: OrphanedBackupsProps) {
  return null;
}
