/**
 * The page's filters as DescribeBackups takes them, so the API narrows what is fetched instead of the page
 * fetching everything and dropping most of it. `region` picks which regions are asked at all. `source` stays
 * a filter of the page: the API's `sourceBackupIds` gives the copies of a backup but not the backup itself,
 * and there is no filter for "every copy".
 */
import type { BackupFilters } from '../../aws';
import type { BackupListFilters } from './params';

export interface BackupQueryPlan {
  regions: string[];
  filters: BackupFilters;
}

export function backupQueryPlan(shown: readonly string[], f: BackupListFilters): BackupQueryPlan {
  const regions = f.region.length > 0 ? shown.filter((r) => f.region.includes(r)) : [...shown];
  const filters: Record<string, string[]> = {};
  if (f.cluster.length > 0) filters.clusterIds = [...f.cluster];
  if (f.state.length > 0) filters.states = [...f.state];
  if (f.neverExpires) filters.neverExpires = [f.neverExpires === 'yes' ? 'true' : 'false'];
  return { regions, filters };
}
