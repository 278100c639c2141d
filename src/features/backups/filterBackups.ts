/** The backup list's filtering and ordering: pure functions over `{ region, backup }` rows. */
import { parseBackupArn } from '../../cloudhsm/ids';
import type { BackupWithExtras } from '../../aws/extensions/extras';
import type { BackupListFilters, SortOrder } from './params';
import { markTimeOf } from './timeline';

export interface BackupRow {
  region: string;
  /** The account asked (absent: the base account). */
  account?: string;
  backup: BackupWithExtras;
}

/** The account that owns a row's backup: from its ARN, else the account that was asked. */
export const rowAccount = (row: BackupRow): string | undefined => parseBackupArn(row.backup.BackupArn)?.account ?? row.account;

/** `${region}/${backupId}`: the id the timeline and the URL use. */
export const rowId = (row: BackupRow): string => `${row.region}/${row.backup.BackupId ?? ''}`;

/** Where a row sits in time: when it arrived in its region (CopyTimestamp for a copy), else CreateTimestamp. */
export const rowTime = (row: BackupRow): number => markTimeOf(row.backup)?.time ?? Number.NaN;

export function matchesFilters(row: BackupRow, f: BackupListFilters): boolean {
  const b = row.backup;
  if (f.region.length > 0 && !f.region.includes(row.region)) return false;
  if (f.account.length > 0 && !f.account.includes(rowAccount(row) ?? '')) return false;
  if (f.cluster.length > 0 && !f.cluster.includes(b.ClusterId ?? '')) return false;
  if (f.state.length > 0 && !f.state.includes(b.BackupState ?? 'UNKNOWN')) return false;
  if (f.neverExpires === 'yes' && b.NeverExpires !== true) return false;
  if (f.neverExpires === 'no' && b.NeverExpires === true) return false;
  const source = f.source.trim();
  if (source) {
    if (source.toLowerCase() === 'any') return Boolean(b.SourceBackup);
    // The source backup itself and every copy of it.
    if (b.SourceBackup !== source && b.BackupId !== source) return false;
  }
  return true;
}

export function filterBackups<T extends BackupRow>(rows: readonly T[], f: BackupListFilters): T[] {
  return rows.filter((row) => matchesFilters(row, f));
}

/** By time (see rowTime), then region, then id; rows with no time go last in either order. */
export function sortBackups<T extends BackupRow>(rows: readonly T[], order: SortOrder): T[] {
  const sign = order === 'asc' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, t: rowTime(row), id: rowId(row) }));
  keyed.sort((a, b) => {
    const aMissing = Number.isNaN(a.t);
    const bMissing = Number.isNaN(b.t);
    if (aMissing !== bMissing) return aMissing ? 1 : -1;
    if (!aMissing && a.t !== b.t) return (a.t - b.t) * sign;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return keyed.map((k) => k.row);
}

/**
 * Options for the filter controls: the regions and cluster ids (with names) of the data, plus those known
 * otherwise (`known`: the shown regions and their clusters, since an API-filtered fetch holds only the chosen).
 */
export function filterOptions(
  rows: readonly BackupRow[],
  clusterNames: ReadonlyMap<string, string>,
  known: { regions?: Iterable<string>; clusterIds?: Iterable<string> } = {},
): {
  regions: string[];
  clusters: { id: string; label: string }[];
} {
  const regions = new Set<string>(known.regions);
  const clusters = new Set<string>(known.clusterIds);
  for (const row of rows) {
    regions.add(row.region);
    if (row.backup.ClusterId) clusters.add(row.backup.ClusterId);
  }
  return {
    regions: [...regions].sort(),
    clusters: [...clusters]
      .map((id) => ({ id, label: clusterNames.get(id) ? `${clusterNames.get(id)} (${id})` : id }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  };
}
