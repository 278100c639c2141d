/**
 * The orphan scan: every READY backup of the shown regions, newest first, streamed page by page
 * (useBackupScan), grouped into orphans against the listed clusters as the pages arrive.
 */
import { useDeferredValue, useMemo } from 'react';
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

export interface OrphanScanResult extends OrphanScan<RegionalBackup> {
  /** Backups read so far. */
  scanned: number;
  regions: RegionScanProgress[];
  /** Every region read to its end (or failed). */
  done: boolean;
  errors: FanOutFailure[];
}

export function useOrphanScan(
  regions: readonly string[],
  clusters: readonly RegionalCluster[],
  answeredRegions: readonly string[],
): OrphanScanResult {
  const scan = useBackupScan(regions, SCAN_FILTERS);
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
    errors: scan.errors,
  };
}
