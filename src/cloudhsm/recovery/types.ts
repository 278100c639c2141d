/**
 * The shapes the recovery model reads, structurally: the domain imports nothing of the data layer, so these
 * name only the fields of the SDK's Cluster and Backup (and the `{ region, ... }` rows of the queries) it uses.
 */

export interface BackupLike {
  BackupId?: string;
  BackupState?: string;
  ClusterId?: string;
  /** For a copy, the source backup's creation time: the moment its key material is from. */
  CreateTimestamp?: Date;
  SourceRegion?: string;
  SourceCluster?: string;
}

export interface ClusterLike {
  ClusterId?: string;
  State?: string;
  CreateTimestamp?: Date;
}

export interface Located<B extends BackupLike = BackupLike> {
  region: string;
  backup: B;
}

export interface LocatedCluster<C extends ClusterLike = ClusterLike> {
  region: string;
  cluster: C;
}

/** How far a region's backups are read, newest first (what the windowed backup query reports). */
export interface RegionCoverage {
  region: string;
  status: 'loading' | 'ready' | 'error';
  /**
   * Every backup of the region created since this instant (epoch ms) is loaded; 0 when the whole history is;
   * null before the first page.
   */
  loadedSince: number | null;
}

/** Recovery point objectives, in hours: how old the newest local backup and the newest DR copy may be. */
export interface Targets {
  localHours: number;
  drHours: number;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
