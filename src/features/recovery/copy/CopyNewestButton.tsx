import type { RegionalBackup, RegionalCluster } from '../../../aws';

export interface CopyNewestSelection {
  cluster: RegionalCluster;
  /** The cluster's newest READY backup in its own region, when known. */
  newest: RegionalBackup | undefined;
}

export interface CopyNewestButtonProps {
  selected: readonly CopyNewestSelection[];
  /** The regions shown: the destinations offered. */
  regions: readonly string[];
}

// Contract stub: replaced by the safe-copies work.
export function CopyNewestButton(_props: CopyNewestButtonProps) {
  return null;
}
