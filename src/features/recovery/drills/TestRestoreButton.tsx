import type { RegionalBackup, RegionalCluster } from '../../../aws';

export interface TestRestoreButtonProps {
  cluster: RegionalCluster;
  /** READY backups to restore from, best first: the newest copy in each DR region, then the newest local backup. */
  candidates: readonly RegionalBackup[];
}

export interface LastDrillProps {
  clusterId: string;
}

// Contract stubs: replaced by the restore-drill work.
export function TestRestoreButton(_props: TestRestoreButtonProps) {
  return null;
}

export function LastDrill(_props: LastDrillProps) {
  return null;
}
