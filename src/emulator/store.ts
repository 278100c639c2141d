/**
 * Emulator state: one RegionState per (account, region), plus the clock offset.
 *
 * Every change goes through `touch*` so the store knows which records changed since the last `drain()`;
 * the persistence adapter writes exactly those records (an append log), so a write is small whatever the
 * size of the state.
 */
import type { BackupRecord, ClusterRecord, SubnetRecord, VpcRecord } from './types';

export interface RegionState {
  readonly account: string;
  readonly region: string;
  readonly clusters: Map<string, ClusterRecord>;
  readonly backups: Map<string, BackupRecord>;
  readonly vpcs: Map<string, VpcRecord>;
  readonly subnets: Map<string, SubnetRecord>;
  /** Backups sorted by (CreateTimestamp, BackupId); rebuilt lazily after an insert or removal. */
  sortedBackups: BackupRecord[] | null;
  /** Clusters sorted by (CreateTimestamp, ClusterId). */
  sortedClusters: ClusterRecord[] | null;
}

export type RecordKind = 'cluster' | 'backup' | 'vpc' | 'subnet';
export type RecordOf<K extends RecordKind> = K extends 'cluster'
  ? ClusterRecord
  : K extends 'backup'
    ? BackupRecord
    : K extends 'vpc'
      ? VpcRecord
      : SubnetRecord;

export type Change =
  | { kind: RecordKind; account: string; region: string; id: string; value: ClusterRecord | BackupRecord | VpcRecord | SubnetRecord | null }
  | { kind: 'clock'; offsetSeconds: number };

export interface Snapshot {
  clockOffsetSeconds: number;
  regions: {
    account: string;
    region: string;
    clusters: ClusterRecord[];
    backups: BackupRecord[];
    vpcs: VpcRecord[];
    subnets: SubnetRecord[];
  }[];
}

const regionKey = (account: string, region: string): string => `${account}/${region}`;
const changeKey = (kind: RecordKind, account: string, region: string, id: string): string => `${kind}/${account}/${region}/${id}`;
const RECORD_KINDS: readonly RecordKind[] = ['cluster', 'backup', 'vpc', 'subnet'];

export function emptyRegionState(account: string, region: string): RegionState {
  return {
    account,
    region,
    clusters: new Map(),
    backups: new Map(),
    vpcs: new Map(),
    subnets: new Map(),
    sortedBackups: null,
    sortedClusters: null,
  };
}

/** Drops the sorted list of `kind`'s records, to be rebuilt on the next read (vpcs and subnets keep none). */
function forgetOrder(state: RegionState, kind: RecordKind): void {
  if (kind === 'cluster') state.sortedClusters = null;
  else if (kind === 'backup') state.sortedBackups = null;
}

export class Store {
  private readonly regions = new Map<string, RegionState>();
  private readonly dirty = new Map<string, { kind: RecordKind; account: string; region: string; id: string }>();
  private clockDirty = false;
  private readonly wireMemo = new WeakMap<object, object>();
  /** See keepCommitted. */
  private committed: Map<string, string> | null = null;
  private committedClock = 0;
  clockOffsetSeconds = 0;
  /** Called when a region is first created, to lay down its fake network. */
  onNewRegion: ((state: RegionState) => void) | null = null;

  region(account: string, region: string): RegionState {
    const key = regionKey(account, region);
    let state = this.regions.get(key);
    if (!state) {
      state = emptyRegionState(account, region);
      this.regions.set(key, state);
      this.onNewRegion?.(state);
    }
    return state;
  }

  /** The region's state if it exists, without creating it (reads of a never-used region stay free). */
  peekRegion(account: string, region: string): RegionState | undefined {
    return this.regions.get(regionKey(account, region));
  }

  allRegions(): IterableIterator<RegionState> {
    return this.regions.values();
  }

  /**
   * The wire form of a record, built once per change of the record (every change goes through put*, as
   * persistence requires). Describe pages reuse it, and the HTTP layer its serialized JSON.
   * Callers must not modify what it returns.
   */
  wireOf<T extends object>(record: ClusterRecord | BackupRecord, build: () => T): T {
    let wire = this.wireMemo.get(record) as T | undefined;
    if (!wire) {
      wire = build();
      this.wireMemo.set(record, wire);
    }
    return wire;
  }

  putCluster(state: RegionState, record: ClusterRecord): void {
    this.put('cluster', state, record.ClusterId, record);
  }
  removeCluster(state: RegionState, id: string): void {
    this.remove('cluster', state, id);
  }
  putBackup(state: RegionState, record: BackupRecord): void {
    this.put('backup', state, record.BackupId, record);
  }
  removeBackup(state: RegionState, id: string): void {
    this.remove('backup', state, id);
  }
  putVpc(state: RegionState, record: VpcRecord): void {
    this.put('vpc', state, record.VpcId, record);
  }
  putSubnet(state: RegionState, record: SubnetRecord): void {
    this.put('subnet', state, record.SubnetId, record);
  }
  setClockOffset(seconds: number): void {
    this.clockOffsetSeconds = seconds;
    this.clockDirty = true;
  }

  private put<K extends RecordKind>(kind: K, state: RegionState, id: string, record: RecordOf<K>): void {
    this.wireMemo.delete(record);
    const map = this.mapOf(state, kind);
    // Only a new id changes the sorted order: records are changed in place and put again.
    if (!map.has(id)) forgetOrder(state, kind);
    map.set(id, record);
    this.mark(kind, state, id);
  }

  private remove(kind: RecordKind, state: RegionState, id: string): void {
    this.mapOf(state, kind).delete(id);
    forgetOrder(state, kind);
    this.mark(kind, state, id);
  }

  private mark(kind: RecordKind, state: RegionState, id: string): void {
    this.dirty.set(changeKey(kind, state.account, state.region, id), { kind, account: state.account, region: state.region, id });
  }

  /** The changes since the last drain, each with the record's current value (null: removed). */
  drain(): Change[] {
    const changes: Change[] = [];
    if (this.clockDirty) changes.push({ kind: 'clock', offsetSeconds: this.clockOffsetSeconds });
    for (const { kind, account, region, id } of this.dirty.values()) {
      const state = this.peekRegion(account, region);
      const map = state ? this.mapOf(state, kind) : undefined;
      changes.push({ kind, account, region, id, value: map?.get(id) ?? null });
    }
    this.dirty.clear();
    this.clockDirty = false;
    return changes;
  }

  /**
   * From now on keep each record's JSON as last committed, taking the current state as committed (it is on
   * disk): records are changed in place, so only a copy can undo a commit the disk refused. Memory-only
   * emulators cannot fail a commit and keep nothing.
   */
  keepCommitted(on: boolean): void {
    this.committed = on ? new Map() : null;
    this.committedClock = this.clockOffsetSeconds;
    if (!this.committed) return;
    for (const state of this.regions.values()) {
      for (const kind of RECORD_KINDS) {
        for (const [id, record] of this.mapOf(state, kind))
          this.committed.set(changeKey(kind, state.account, state.region, id), JSON.stringify(record));
      }
    }
  }

  /** Drained changes that were written: what a later failed commit goes back to. */
  committedChanges(changes: readonly Change[]): void {
    if (!this.committed) return;
    for (const change of changes) {
      if (change.kind === 'clock') this.committedClock = change.offsetSeconds;
      else if (change.value === null) this.committed.delete(changeKey(change.kind, change.account, change.region, change.id));
      else this.committed.set(changeKey(change.kind, change.account, change.region, change.id), JSON.stringify(change.value));
    }
  }

  /**
   * Drained changes whose write failed: their records go back to the last committed values and a region
   * the changes created goes away, so memory holds exactly what a restart would load.
   */
  rollback(changes: readonly Change[]): void {
    const committed = this.committed;
    if (!committed) throw new Error('rollback needs keepCommitted(true)');
    const undo: Change[] = changes.map((change) => {
      if (change.kind === 'clock') return { kind: 'clock', offsetSeconds: this.committedClock };
      const json = committed.get(changeKey(change.kind, change.account, change.region, change.id));
      return { ...change, value: json === undefined ? null : (JSON.parse(json) as NonNullable<typeof change.value>) };
    });
    this.apply(undo);
    for (const change of changes) {
      if (change.kind === 'clock') continue;
      const state = this.peekRegion(change.account, change.region);
      // A committed region always holds its network; an empty one was made by the refused commit.
      if (state && RECORD_KINDS.every((kind) => this.mapOf(state, kind).size === 0))
        this.regions.delete(regionKey(change.account, change.region));
    }
  }

  hasPendingChanges(): boolean {
    return this.clockDirty || this.dirty.size > 0;
  }

  private mapOf(state: RegionState, kind: RecordKind): Map<string, ClusterRecord | BackupRecord | VpcRecord | SubnetRecord> {
    switch (kind) {
      case 'cluster':
        return state.clusters;
      case 'backup':
        return state.backups;
      case 'vpc':
        return state.vpcs;
      case 'subnet':
        return state.subnets;
    }
  }

  /** Applies changes read back from a log, without marking anything dirty. */
  apply(changes: readonly Change[]): void {
    for (const change of changes) {
      if (change.kind === 'clock') {
        this.clockOffsetSeconds = change.offsetSeconds;
        continue;
      }
      const state = this.regionWithoutNetwork(change.account, change.region);
      const map = this.mapOf(state, change.kind);
      if (change.value === null) map.delete(change.id);
      else map.set(change.id, change.value);
      forgetOrder(state, change.kind);
    }
  }

  /** Loading must not lay a fresh network over the one being read back. */
  private regionWithoutNetwork(account: string, region: string): RegionState {
    const hook = this.onNewRegion;
    this.onNewRegion = null;
    try {
      return this.region(account, region);
    } finally {
      this.onNewRegion = hook;
    }
  }

  snapshot(): Snapshot {
    return {
      clockOffsetSeconds: this.clockOffsetSeconds,
      regions: [...this.regions.values()].map((s) => ({
        account: s.account,
        region: s.region,
        clusters: [...s.clusters.values()],
        backups: [...s.backups.values()],
        vpcs: [...s.vpcs.values()],
        subnets: [...s.subnets.values()],
      })),
    };
  }

  load(snapshot: Snapshot): void {
    this.clear();
    this.clockOffsetSeconds = snapshot.clockOffsetSeconds;
    for (const r of snapshot.regions) {
      const state = this.regionWithoutNetwork(r.account, r.region);
      for (const c of r.clusters) state.clusters.set(c.ClusterId, c);
      for (const b of r.backups) state.backups.set(b.BackupId, b);
      for (const v of r.vpcs) state.vpcs.set(v.VpcId, v);
      for (const n of r.subnets) state.subnets.set(n.SubnetId, n);
    }
  }

  clear(): void {
    this.regions.clear();
    this.dirty.clear();
    this.clockDirty = false;
    this.clockOffsetSeconds = 0;
  }
}

const byTimeThenId =
  <T extends { CreateTimestamp: number }>(id: (t: T) => string) =>
  (a: T, b: T): number =>
    a.CreateTimestamp - b.CreateTimestamp || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0);

export const compareBackups = byTimeThenId<BackupRecord>((b) => b.BackupId);
export const compareClusters = byTimeThenId<ClusterRecord>((c) => c.ClusterId);

export function sortedBackups(state: RegionState): BackupRecord[] {
  state.sortedBackups ??= [...state.backups.values()].sort(compareBackups);
  return state.sortedBackups;
}
export function sortedClusters(state: RegionState): ClusterRecord[] {
  state.sortedClusters ??= [...state.clusters.values()].sort(compareClusters);
  return state.sortedClusters;
}
