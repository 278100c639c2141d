/**
 * Orphaned backups: READY backups whose cluster no longer exists (not listed any more, or listed as DELETED),
 * grouped by former cluster and region. Pure.
 *
 * A backup's ClusterId names the cluster it was taken of, in the region that cluster lived in. A copy
 * (CopyBackupToRegion) keeps its source's ClusterId, so its cluster lived elsewhere: in the copy's
 * SourceRegion, or, for a copy of a copy, further back along the SourceBackup chain. Whether a cluster is
 * gone can only be told when that region's cluster list answered; otherwise the backup is "undetermined".
 */

/** The members of a backup the grouping reads (the SDK's Backup fits). */
export interface OrphanBackupFacts {
  BackupId?: string | undefined;
  ClusterId?: string | undefined;
  BackupState?: string | undefined;
  CreateTimestamp?: Date | undefined;
  NeverExpires?: boolean | undefined;
  SourceRegion?: string | undefined;
  SourceBackup?: string | undefined;
}

export interface OrphanRow {
  region: string;
  backup: OrphanBackupFacts;
}

/** A listed cluster (any state) of a region whose list answered. */
export interface ListedCluster {
  region: string;
  cluster: { ClusterId?: string | undefined; State?: string | undefined };
}

export interface OrphanGroup<Row extends OrphanRow> {
  /** `${region}/${clusterId}`. */
  key: string;
  clusterId: string;
  /** Where these backups are. */
  region: string;
  /** Where the cluster lived (the backups' region, or the source region of copies). */
  clusterRegion: string;
  /** The cluster is still listed, as DELETED (otherwise it is not listed at all). */
  listedAsDeleted: boolean;
  /** Newest first (by CreateTimestamp). */
  backups: Row[];
  /** How many of them are cross-region copies. */
  copies: number;
  neverExpires: number;
  newest: Date | undefined;
  oldest: Date | undefined;
}

/** READY backups whose cluster's region is not known to have answered: whether it is gone cannot be told. */
export interface UndeterminedOrphans {
  /** The region the cluster lived in (as far as the backups say). */
  clusterRegion: string;
  backups: number;
  clusters: number;
}

export interface OrphanScan<Row extends OrphanRow> {
  /** By region, then former cluster id. */
  groups: OrphanGroup<Row>[];
  /** By cluster region. */
  undetermined: UndeterminedOrphans[];
}

const timeOf = (b: OrphanBackupFacts): number => b.CreateTimestamp?.getTime() ?? Number.NaN;

/**
 * The region the backup's cluster lived in: its own region, or for a copy its SourceRegion, followed back
 * through the copies of copies the scan holds (a source no longer READY ends the walk at its region).
 */
export function clusterRegionOf(row: OrphanRow, byId: ReadonlyMap<string, OrphanRow>): string {
  let region = row.region;
  let backup = row.backup;
  const seen = new Set<string>();
  while (backup.SourceRegion) {
    region = backup.SourceRegion;
    const source = backup.SourceBackup ? byId.get(backup.SourceBackup) : undefined;
    if (!source || seen.has(backup.SourceBackup ?? '')) break;
    seen.add(backup.SourceBackup ?? '');
    backup = source.backup;
  }
  return region;
}

function newGroup<Row extends OrphanRow>(
  clusterId: string,
  region: string,
  clusterRegion: string,
  listedAsDeleted: boolean,
): OrphanGroup<Row> {
  return {
    key: `${region}/${clusterId}`,
    clusterId,
    region,
    clusterRegion,
    listedAsDeleted,
    backups: [],
    copies: 0,
    neverExpires: 0,
    newest: undefined,
    oldest: undefined,
  };
}

function addTo<Row extends OrphanRow>(group: OrphanGroup<Row>, row: Row): void {
  group.backups.push(row);
  if (row.backup.SourceRegion) group.copies++;
  if (row.backup.NeverExpires) group.neverExpires++;
  const t = timeOf(row.backup);
  if (Number.isNaN(t)) return;
  if (!group.newest || t > group.newest.getTime()) group.newest = new Date(t);
  if (!group.oldest || t < group.oldest.getTime()) group.oldest = new Date(t);
}

/**
 * The orphaned READY backups among `rows` (backups of other states are ignored): a backup's cluster is gone
 * when no answered region lists it in a state other than DELETED and the region it lived in answered.
 */
export function findOrphans<Row extends OrphanRow>(
  rows: readonly Row[],
  clusters: readonly ListedCluster[],
  answeredRegions: readonly string[],
): OrphanScan<Row> {
  const answered = new Set(answeredRegions);
  const live = new Set<string>();
  const deleted = new Set<string>();
  for (const { cluster } of clusters) {
    if (!cluster.ClusterId) continue;
    if (cluster.State === 'DELETED') deleted.add(cluster.ClusterId);
    else live.add(cluster.ClusterId);
  }
  const byId = new Map<string, OrphanRow>();
  for (const row of rows) if (row.backup.BackupId) byId.set(row.backup.BackupId, row);

  const groups = new Map<string, OrphanGroup<Row>>();
  const unknown = new Map<string, { backups: number; clusters: Set<string> }>();
  for (const row of rows) {
    const { ClusterId: clusterId, BackupState } = row.backup;
    if (BackupState !== 'READY' || !clusterId || live.has(clusterId)) continue;
    const clusterRegion = clusterRegionOf(row, byId);
    if (!answered.has(clusterRegion)) {
      const entry = unknown.get(clusterRegion) ?? { backups: 0, clusters: new Set<string>() };
      entry.backups++;
      entry.clusters.add(clusterId);
      unknown.set(clusterRegion, entry);
      continue;
    }
    const key = `${row.region}/${clusterId}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = newGroup<Row>(clusterId, row.region, clusterRegion, deleted.has(clusterId))));
    addTo(group, row);
  }
  for (const group of groups.values())
    group.backups.sort((a, b) => (timeOf(b.backup) || 0) - (timeOf(a.backup) || 0) || compare(a.backup.BackupId, b.backup.BackupId));
  return {
    groups: [...groups.values()].sort((a, b) => compare(a.region, b.region) || compare(a.clusterId, b.clusterId)),
    undetermined: [...unknown.entries()]
      .map(([clusterRegion, { backups, clusters: ids }]) => ({ clusterRegion, backups, clusters: ids.size }))
      .sort((a, b) => compare(a.clusterRegion, b.clusterRegion)),
  };
}

function compare(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}
