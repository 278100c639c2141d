/**
 * The orphan scan: the READY backups of the shown regions, newest first, streamed page by page
 * (useBackupScan), grouped into orphans against the listed clusters as the pages arrive.
 *
 * It reads the newest SCAN_STEP of each region by itself (the demo's whole history; ten calls a region on a
 * large account), once the clusters have answered; `scanFurther` reads the next SCAN_STEP, going on from where
 * it stopped. A default view never reads a whole history of tens of thousands of backups unasked.
 */
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import {
  useBackupScan,
  type BackupFilters,
  type FanOutFailure,
  type RegionalBackup,
  type RegionalCluster,
  type RegionScanProgress,
} from '../../../aws';
import { findOrphans, type OrphanScan } from '../../../cloudhsm/orphans';

/** Only READY backups can be deleted, and only they are worth cleaning up. */
const SCAN_FILTERS: BackupFilters = { states: ['READY'] };
/** Backups per region read at a time. */
export const SCAN_STEP = 500;

export interface OrphanScanResult extends OrphanScan<RegionalBackup> {
  /** Backups read so far. */
  scanned: number;
  regions: RegionScanProgress[];
  /** Every region read to its end (or failed). */
  done: boolean;
  /** Nothing is being read, but some region has older backups not read yet. */
  stopped: boolean;
  /** Backups per region read so far at most. */
  limit: number;
  /** Reads the next SCAN_STEP of every region that has more. */
  scanFurther: () => void;
  errors: FanOutFailure[];
}

export function useOrphanScan(
  regions: readonly string[],
  clusters: readonly RegionalCluster[],
  answeredRegions: readonly string[],
): OrphanScanResult {
  const [limit, setLimit] = useState(SCAN_STEP);
  // Backups are judged against the clusters: nothing to read before some region has listed them.
  const scan = useBackupScan(regions, SCAN_FILTERS, { limit, enabled: answeredRegions.length > 0 });
  const scanFurther = useCallback(() => setLimit((l) => l + SCAN_STEP), []);
  // Grouping reads every row so far: deferred, so while pages pour in React skips to the latest rows instead
  // of regrouping once per page (that would grow with the square of the history).
  const rows = useDeferredValue(scan.rows);
  // Regrouped only when the rows or what they are judged against change (the page may hand a new but equal
  // list of answered regions on each render).
  const answeredKey = answeredRegions.join(',');
  const orphans = useMemo(() => findOrphans(rows, clusters, answeredKey ? answeredKey.split(',') : []), [rows, clusters, answeredKey]);
  return {
    ...orphans,
    scanned: rows.length,
    regions: scan.regions,
    // Done once the grouping has caught up with the last page too.
    done: scan.isComplete && rows === scan.rows,
    stopped: scan.isSettled && !scan.isComplete && rows === scan.rows,
    limit,
    scanFurther,
    errors: scan.errors,
  };
}
