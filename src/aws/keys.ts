/**
 * The one query-key factory. Every key starts with the resource kind and then the region, so a region's
 * data can be invalidated (or dropped) as a prefix:
 *
 *   ['clusters', region, 'list', filters]          every cluster matching filters (all pages)
 *   ['clusters', region, 'detail', clusterId]
 *   ['backups',  region, 'list', filters]          every backup matching filters (all pages)
 *   ['backups',  region, 'list', filters, 'infinite', pageSize]   pages loaded as a person scrolls
 *   ['backups',  region, 'detail', backupId]
 *   ['backups',  region, 'window', filters, 'page', n]   page n of the newest-first window (chained by NextToken)
 *   ['backups',  region, 'window', filters, 'head']      the newest page again, polled while it moves
 *   ['backups',  region, 'window', 'live', kind, ids]    transitional backups looked up by id
 *   ['tags',     region, resourceId]
 *   ['policies', region, resourceArn]
 *
 * Filters are normalized (empty lists dropped, values sorted) so equal filters give equal keys.
 */

export const CLUSTER_FILTER_NAMES = ['clusterIds', 'vpcIds', 'states'] as const;
export const BACKUP_FILTER_NAMES = ['backupIds', 'sourceBackupIds', 'clusterIds', 'states', 'neverExpires'] as const;

export type ClusterFilters = Partial<Record<(typeof CLUSTER_FILTER_NAMES)[number], readonly string[]>>;
export type BackupFilters = Partial<Record<(typeof BACKUP_FILTER_NAMES)[number], readonly string[]>>;

/** Filters as AWS takes them (`Record<string, string[]>`), normalized. */
export type NormalizedFilters = Record<string, string[]>;

export function normalizeFilters(filters: Readonly<Record<string, readonly string[] | undefined>> = {}): NormalizedFilters {
  const out: NormalizedFilters = {};
  for (const name of Object.keys(filters).sort()) {
    const values = filters[name];
    if (values && values.length > 0) out[name] = [...new Set(values)].sort();
  }
  return out;
}

export const clusterKeys = {
  all: ['clusters'] as const,
  region: (region: string) => ['clusters', region] as const,
  lists: (region: string) => ['clusters', region, 'list'] as const,
  list: (region: string, filters: ClusterFilters = {}) => ['clusters', region, 'list', normalizeFilters(filters)] as const,
  details: (region: string) => ['clusters', region, 'detail'] as const,
  detail: (region: string, clusterId: string) => ['clusters', region, 'detail', clusterId] as const,
};

export const backupKeys = {
  all: ['backups'] as const,
  region: (region: string) => ['backups', region] as const,
  /** Prefix of every backup list of a region, complete or infinite. */
  lists: (region: string) => ['backups', region, 'list'] as const,
  list: (region: string, filters: BackupFilters = {}) => ['backups', region, 'list', normalizeFilters(filters)] as const,
  infinite: (region: string, filters: BackupFilters = {}, pageSize: number) =>
    ['backups', region, 'list', normalizeFilters(filters), 'infinite', pageSize] as const,
  details: (region: string) => ['backups', region, 'detail'] as const,
  detail: (region: string, backupId: string) => ['backups', region, 'detail', backupId] as const,
  /** Prefix of every windowed query of a region (pages, heads, live lookups). */
  windows: (region: string) => ['backups', region, 'window'] as const,
  windowPage: (region: string, filters: BackupFilters, index: number) =>
    ['backups', region, 'window', normalizeFilters(filters), 'page', index] as const,
  windowHead: (region: string, filters: BackupFilters) => ['backups', region, 'window', normalizeFilters(filters), 'head'] as const,
  windowLive: (region: string, kind: string, ids: readonly string[]) =>
    ['backups', region, 'window', 'live', kind, [...ids].sort()] as const,
};

export const tagKeys = {
  all: ['tags'] as const,
  region: (region: string) => ['tags', region] as const,
  of: (region: string, resourceId: string) => ['tags', region, resourceId] as const,
};

export const policyKeys = {
  all: ['policies'] as const,
  region: (region: string) => ['policies', region] as const,
  of: (region: string, resourceArn: string) => ['policies', region, resourceArn] as const,
};
