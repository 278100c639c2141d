/**
 * A cluster's recovery posture: its newest READY backup in its own region and, for each other region that holds
 * copies of its backups, the newest READY copy, each judged against its target.
 *
 * The backups come from a newest-first window (pages fetched per region until they reach back past the
 * window's start), so a region's loaded backups are every backup since its oldest loaded one: the newest
 * backup of a cluster found there is its true newest. A cluster with none loaded has none since then
 * ("older"), which is behind any target inside the window; only a region read to its end can say "no backup".
 *
 * A copy names its source cluster: SourceCluster when the listing carries it, else ClusterId (a copy keeps
 * its source's cluster id; real listings show only BackupId, BackupState, ClusterId and CreateTimestamp). Its
 * CreateTimestamp is the source backup's, the moment its key material is from, so ages compare alike.
 */
import { backupClusterId } from '../backupCluster';
import { HOUR_MS, type BackupLike, type ClusterLike, type Located, type RegionCoverage, type Targets } from './types';

/** 'not-initialized': the cluster holds no keys yet (never initialized): nothing to back up, nothing at risk. */
export type LocalStatus = 'on-target' | 'behind' | 'no-backup' | 'not-initialized' | 'unknown';

/** States in which a cluster has never held keys: it has nothing to back up (CreateCluster from a backup starts ACTIVE). */
const HOLDS_NO_KEYS: ReadonlySet<string> = new Set(['CREATE_IN_PROGRESS', 'UNINITIALIZED', 'INITIALIZE_IN_PROGRESS']);
export type DrStatus = 'on-target' | 'behind' | 'copying';

/** What is known of a cluster's newest READY local backup. */
export type Newest<B> =
  | { kind: 'found'; backup: B; ageMs: number }
  /** None at all: its region was read to the end (or asked directly). */
  | { kind: 'none' }
  /** None since `sinceMs`: older ones may exist ("older than N days"). */
  | { kind: 'older'; sinceMs: number }
  | { kind: 'unknown'; reason: 'loading' | 'error' };

export interface DrRegionPosture<B> {
  region: string;
  newest: B | undefined;
  ageMs: number | undefined;
  /** A copy is in flight (CREATE_IN_PROGRESS) in that region. */
  copying: boolean;
  status: DrStatus;
}

export interface ClusterPosture<B> {
  local: Newest<B>;
  status: LocalStatus;
  /** Regions holding copies, by region code. */
  dr: DrRegionPosture<B>[];
  /** The worst of the DR regions; null when no region holds a copy (that the loaded backups show). */
  drStatus: DrStatus | null;
  targets: Targets;
}

interface RegionCopies<B> {
  newestReady: B | undefined;
  copying: boolean;
}

export interface ClusterBackups<B> {
  newestLocal: B | undefined;
  copies: Map<string, RegionCopies<B>>;
}

const timeOf = (b: BackupLike): number => b.CreateTimestamp?.getTime() ?? Number.NEGATIVE_INFINITY;
const newer = <B extends BackupLike>(a: B | undefined, b: B): B => (a && timeOf(a) >= timeOf(b) ? a : b);

/**
 * The loaded backups by cluster: the newest READY one in the cluster's own region, and per other region the
 * newest READY copy and whether one is in flight. Backups of clusters not listed (`regionOf` says undefined)
 * are left out: they are orphans, another section's business.
 */
export function indexBackups<B extends BackupLike>(
  backups: readonly Located<B>[],
  regionOf: (clusterId: string) => string | undefined,
): Map<string, ClusterBackups<B>> {
  const index = new Map<string, ClusterBackups<B>>();
  for (const { region, backup } of backups) {
    const clusterId = backupClusterId(backup);
    const home = clusterId ? regionOf(clusterId) : undefined;
    if (!clusterId || !home) continue;
    const ready = backup.BackupState === 'READY';
    const inFlight = backup.BackupState === 'CREATE_IN_PROGRESS';
    if (!ready && !inFlight) continue;
    let entry = index.get(clusterId);
    if (!entry) index.set(clusterId, (entry = { newestLocal: undefined, copies: new Map() }));
    if (region === home) {
      if (ready) entry.newestLocal = newer(entry.newestLocal, backup);
      continue;
    }
    const copies = entry.copies.get(region) ?? { newestReady: undefined, copying: false };
    if (ready) copies.newestReady = newer(copies.newestReady, backup);
    else copies.copying = true;
    entry.copies.set(region, copies);
  }
  return index;
}

/** An exact answer asked for one cluster ("Find newest"): per region, its newest READY backup there, or null for none. */
export type NewestLookup<B> = ReadonlyMap<string, B | null>;

export interface PostureInput<B extends BackupLike> {
  region: string;
  cluster: ClusterLike;
  backups: ClusterBackups<B> | undefined;
  /** By region. */
  coverage: ReadonlyMap<string, RegionCoverage>;
  targets: Targets;
  now: number;
  lookup?: NewestLookup<B>;
}

function localNewest<B extends BackupLike>({ region, cluster, backups, coverage, now, lookup }: PostureInput<B>): Newest<B> {
  const found = backups?.newestLocal;
  const asked = lookup?.get(region);
  const best = asked ? newer(found, asked) : found;
  if (best) return { kind: 'found', backup: best, ageMs: now - timeOf(best) };
  if (asked === null) return { kind: 'none' };
  const covered = coverage.get(region);
  if (!covered || covered.status === 'loading' || covered.loadedSince === null)
    return { kind: 'unknown', reason: covered?.status === 'error' ? 'error' : 'loading' };
  if (covered.status === 'error') return { kind: 'unknown', reason: 'error' };
  if (covered.loadedSince === 0) return { kind: 'none' };
  // Nothing before the cluster was created: read back past its birth, the region has none of its backups.
  const born = cluster.CreateTimestamp?.getTime();
  if (born !== undefined && covered.loadedSince <= born) return { kind: 'none' };
  return { kind: 'older', sinceMs: covered.loadedSince };
}

function localStatus<B>(newest: Newest<B>, targets: Targets, now: number): LocalStatus {
  const limit = targets.localHours * HOUR_MS;
  switch (newest.kind) {
    case 'found':
      return newest.ageMs <= limit ? 'on-target' : 'behind';
    case 'none':
      return 'no-backup';
    case 'older':
      // Behind only once the loaded pages reach back past the target; until then the answer may still come.
      return newest.sinceMs <= now - limit ? 'behind' : 'unknown';
    case 'unknown':
      return 'unknown';
  }
}

const DR_RANK: Record<DrStatus, number> = { behind: 0, copying: 1, 'on-target': 2 };

function drRegions<B extends BackupLike>({ region: home, backups, targets, now, lookup }: PostureInput<B>): DrRegionPosture<B>[] {
  const regions = new Map<string, RegionCopies<B>>(backups?.copies ?? []);
  for (const [region, asked] of lookup ?? []) {
    if (region === home || !asked) continue;
    const had = regions.get(region);
    regions.set(region, { newestReady: newer(had?.newestReady, asked), copying: had?.copying ?? false });
  }
  return [...regions.entries()]
    .map(([region, { newestReady, copying }]) => {
      const ageMs = newestReady ? now - timeOf(newestReady) : undefined;
      const status: DrStatus =
        // With no READY copy yet, the one in flight is all there is; otherwise the READY one is judged (and the
        // row also says "copying").
        ageMs === undefined ? 'copying' : ageMs <= targets.drHours * HOUR_MS ? 'on-target' : 'behind';
      return { region, newest: newestReady, ageMs, copying, status };
    })
    .sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));
}

export function clusterPosture<B extends BackupLike>(input: PostureInput<B>): ClusterPosture<B> {
  const local = localNewest(input);
  const dr = drRegions(input);
  const drStatus = dr.reduce<DrStatus | null>(
    (worst, r) => (worst === null || DR_RANK[r.status] < DR_RANK[worst] ? r.status : worst),
    null,
  );
  const keyless = local.kind !== 'found' && HOLDS_NO_KEYS.has(input.cluster.State ?? '');
  const status = keyless ? 'not-initialized' : localStatus(local, input.targets, input.now);
  return { local, status, dr, drStatus, targets: input.targets };
}
