/**
 * The orphan scan: every READY backup of the shown regions, newest first, page by page (the windowed backup
 * queries with no start, so pages arrive and are grouped as they come, and the Recovery table's READY pages
 * are the same cached queries), grouped into orphans against the listed clusters.
 */
import { useMemo } from 'react';
import {
  useBackupWindow,
  type BackupFilters,
  type FanOutFailure,
  type RegionalBackup,
  type RegionalCluster,
  type RegionWindowProgress,
} from '../../../aws';
import { findOrphans, type OrphanScan } from '../../../cloudhsm/orphans';
import { isScanDone } from './scanProgress';

/** Only READY backups can be deleted, and only they are worth cleaning up. */
const SCAN_FILTERS: BackupFilters = { states: ['READY'] };

export interface OrphanScanResult extends OrphanScan<RegionalBackup> {
  /** Backups read so far. */
  scanned: number;
  regions: RegionWindowProgress[];
  /** Every region read to its end (or failed). */
  done: boolean;
  errors: FanOutFailure[];
}

export function useOrphanScan(
  regions: readonly string[],
  clusters: readonly RegionalCluster[],
  answeredRegions: readonly string[],
): OrphanScanResult {
  const scan = useBackupWindow(regions, { since: null, filters: SCAN_FILTERS });
  // Pages re-render this on every arrival; regrouped only when the rows or what they are judged against change
  // (the page may hand a new but equal list of answered regions on each render).
  const answeredKey = answeredRegions.join(',');
  const orphans = useMemo(
    () => findOrphans(scan.rows, clusters, answeredKey ? answeredKey.split(',') : []),
    [scan.rows, clusters, answeredKey],
  );
  return {
    ...orphans,
    scanned: scan.rows.length,
    regions: scan.regions,
    done: isScanDone(scan.regions),
    errors: scan.errors,
  };
}
