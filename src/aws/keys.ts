/**
 * The one query-key factory. Every key starts with the resource kind and then the scope: the region for the
 * base account, `region@account` for another account (issue 15), so one account's region can be invalidated
 * (or dropped) as a prefix, and never touches another account's data of the same region:
 *
 *   ['clusters', scopeOf(where), 'list', filters]          every cluster matching filters (all pages)
 *   ['clusters', scopeOf(where), 'detail', clusterId]
 *   ['backups',  region, 'list', filters]          every backup matching filters (all pages)
 *   ['backups',  region, 'list', filters, 'infinite', pageSize]   pages loaded as a person scrolls
 *   ['backups',  region, 'detail', backupId]
 *   ['backups',  region, 'window', filters, 'page', n]   page n of the newest-first window (chained by NextToken)
 *   ['backups',  region, 'window', filters, 'head']      the newest page again, polled while it moves
 *   ['backups',  region, 'window', 'live', kind, ids]    transitional backups looked up by id
 *   ['tags',     region, resourceId]
 *   ['policies', scopeOf(where), resourceArn]
 *
 * (`region` above is the scope.) Filters are normalized (empty lists dropped, values sorted) so equal filters
 * give equal keys. Every factory takes a `Where`: a plain region (the base account, as before accounts) or
 * `{ region, account }`, whose `account` undefined also means the base account.
 */

/** Where a call goes: a region of the base account, or `{ region, account }` (account undefined = the base). */
export type Where = string | { readonly region: string; readonly account?: string | undefined };

export const regionOf = (where: Where): string => (typeof where === 'string' ? where : where.region);
/** The account of a place; undefined for the base account. */
export const accountOf = (where: Where): string | undefined => (typeof where === 'string' ? undefined : where.account || undefined);

/** The key's second element: `region` for the base account, `region@account` for another. */
export function scopeOf(where: Where): string {
  const account = accountOf(where);
  return account ? `${regionOf(where)}@${account}` : regionOf(where);
}

/** The region and account a key's scope names (what a cache walker needs to call again). */
export function parseScope(scope: string): { region: string; account?: string } {
  const at = scope.indexOf('@');
  return at < 0 ? { region: scope } : { region: scope.slice(0, at), account: scope.slice(at + 1) };
}

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
  region: (where: Where) => ['clusters', scopeOf(where)] as const,
  lists: (where: Where) => ['clusters', scopeOf(where), 'list'] as const,
  list: (where: Where, filters: ClusterFilters = {}) => ['clusters', scopeOf(where), 'list', normalizeFilters(filters)] as const,
  details: (where: Where) => ['clusters', scopeOf(where), 'detail'] as const,
  detail: (where: Where, clusterId: string) => ['clusters', scopeOf(where), 'detail', clusterId] as const,
};

export const backupKeys = {
  all: ['backups'] as const,
  region: (where: Where) => ['backups', scopeOf(where)] as const,
  /** Prefix of every backup list of a region, complete or infinite. */
  lists: (where: Where) => ['backups', scopeOf(where), 'list'] as const,
  list: (where: Where, filters: BackupFilters = {}) => ['backups', scopeOf(where), 'list', normalizeFilters(filters)] as const,
  infinite: (where: Where, filters: BackupFilters = {}, pageSize: number) =>
    ['backups', scopeOf(where), 'list', normalizeFilters(filters), 'infinite', pageSize] as const,
  details: (where: Where) => ['backups', scopeOf(where), 'detail'] as const,
  detail: (where: Where, backupId: string) => ['backups', scopeOf(where), 'detail', backupId] as const,
  /** Prefix of every windowed query of a region (pages, heads, live lookups). */
  windows: (where: Where) => ['backups', scopeOf(where), 'window'] as const,
  windowPage: (where: Where, filters: BackupFilters, index: number) =>
    ['backups', scopeOf(where), 'window', normalizeFilters(filters), 'page', index] as const,
  windowHead: (where: Where, filters: BackupFilters) => ['backups', scopeOf(where), 'window', normalizeFilters(filters), 'head'] as const,
  windowLive: (where: Where, kind: string, ids: readonly string[]) =>
    ['backups', scopeOf(where), 'window', 'live', kind, [...ids].sort()] as const,
};

export const tagKeys = {
  all: ['tags'] as const,
  region: (where: Where) => ['tags', scopeOf(where)] as const,
  of: (where: Where, resourceId: string) => ['tags', scopeOf(where), resourceId] as const,
};

export const policyKeys = {
  all: ['policies'] as const,
  region: (where: Where) => ['policies', scopeOf(where)] as const,
  of: (where: Where, resourceArn: string) => ['policies', scopeOf(where), resourceArn] as const,
};
