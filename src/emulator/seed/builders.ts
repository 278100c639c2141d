/**
 * Record builders shared by the seed data sets. Seeds write records straight into the store (no API calls),
 * so these builders are what keeps seeded records shaped exactly like the ones the operations make.
 */
import { DAY } from '../clock';
import { newEc2Id, newResourceId } from '../ids';
import { ipToNumber, numberToIp, usableAddresses } from '../network';
import type { RegionState } from '../store';
import type {
  BackupRecord,
  ClusterMode,
  ClusterRecord,
  ClusterState,
  HsmRecord,
  HsmState,
  SubnetRecord,
  Tag,
  WireCertificates,
} from '../types';

export const MINUTE = 60;
export const HOUR = 3600;
export { DAY };

/** Epoch seconds with millisecond precision, as the service stamps resources. */
export const ms = (t: number): number => Math.round(t * 1000) / 1000;

/** The StateMessage the emulator's admin hook gives a DEGRADED HSM, so seeded ones read the same. */
export const DEGRADED_HSM_MESSAGE = 'HSM is degraded: the service detected a hardware fault and is replacing it.';
export const INITIALIZED_MESSAGE = 'Cluster is initialized. Activate it with the CloudHSM CLI (cluster activate).';
export const DELETING_MESSAGE = 'The cluster is being deleted.';

/** A small deterministic PRNG (mulberry32): seeds look the same on every run, only the ids differ. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  /** Uniform real in [min, max). */
  between(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick() needs a non-empty list.');
      return item;
    },
  };
}

export const tags = (pairs: Record<string, string>): Tag[] => Object.entries(pairs).map(([Key, Value]) => ({ Key, Value }));

// ---- Network ----

export interface NetworkChoice {
  vpcId: string;
  /** The VPC's subnets, one per AZ, in AZ order. */
  subnets: SubnetRecord[];
}

/**
 * One of the two VPCs `seedNetwork` lays down in every region: the default VPC (172.31.0.0/16, /20 subnets,
 * room for thousands of ENIs) or the dedicated HSM VPC (10.0.0.0/16, /24 subnets). Falls back to any VPC.
 */
export function regionNetwork(state: RegionState, kind: 'default' | 'hsm'): NetworkChoice {
  const prefix = kind === 'default' ? '172.31.' : '10.0.';
  const vpcs = [...state.vpcs.values()];
  const vpc = vpcs.find((v) => v.CidrBlock.startsWith(prefix)) ?? vpcs[0];
  if (!vpc) throw new Error(`Region ${state.region} has no VPC to seed clusters into.`);
  return subnetsOf(state, vpc.VpcId);
}

export function subnetsOf(state: RegionState, vpcId: string): NetworkChoice {
  const subnets = [...state.subnets.values()]
    .filter((s) => s.VpcId === vpcId)
    .sort((x, y) => (x.AvailabilityZone < y.AvailabilityZone ? -1 : x.AvailabilityZone > y.AvailabilityZone ? 1 : 0));
  return { vpcId, subnets };
}

/**
 * Hands out ENI addresses: inside the subnet's CIDR, past the 4 addresses AWS reserves, never twice in a
 * subnet (including addresses of HSMs already in the region). Picks scattered addresses, as real ENIs get.
 */
export class EniAddresses {
  private readonly used = new Map<string, Set<number>>();

  constructor(
    state: RegionState,
    private readonly rng: Rng,
  ) {
    for (const cluster of state.clusters.values()) {
      for (const hsm of cluster.Hsms) this.usedIn(hsm.SubnetId).add(ipToNumber(hsm._eniIp));
    }
  }

  private usedIn(subnetId: string): Set<number> {
    let set = this.used.get(subnetId);
    if (!set) {
      set = new Set();
      this.used.set(subnetId, set);
    }
    return set;
  }

  take(subnet: SubnetRecord): string {
    const { first, last } = usableAddresses(subnet.CidrBlock);
    const used = this.usedIn(subnet.SubnetId);
    // Random probes while the subnet is mostly free, then a scan (bounded work whatever the fill).
    for (let probe = 0; probe < 8; probe++) {
      const n = this.rng.int(first, last);
      if (!used.has(n)) {
        used.add(n);
        return numberToIp(n);
      }
    }
    for (let n = first; n <= last; n++) {
      if (!used.has(n)) {
        used.add(n);
        return numberToIp(n);
      }
    }
    throw new Error(`Subnet ${subnet.SubnetId} (${subnet.CidrBlock}) has no free address left for seeding.`);
  }
}

// ---- Clusters and HSMs ----

export interface ClusterSpec {
  createdAt: number;
  state: ClusterState;
  stateMessage?: string;
  hsmType?: string;
  mode?: ClusterMode;
  network: NetworkChoice;
  /** How many of the VPC's AZs the cluster maps (default: all). */
  azCount?: number;
  retentionDays?: number;
  tags?: Tag[];
  certificates?: WireCertificates;
  sourceBackupId?: string;
  dueAt?: number;
}

export function buildCluster(spec: ClusterSpec): ClusterRecord {
  const subnets = spec.network.subnets.slice(0, spec.azCount ?? spec.network.subnets.length);
  const cluster: ClusterRecord = {
    ClusterId: newResourceId('cluster'),
    CreateTimestamp: ms(spec.createdAt),
    HsmType: spec.hsmType ?? 'hsm2m.medium',
    Mode: spec.mode ?? 'FIPS',
    NetworkType: 'IPV4',
    State: spec.state,
    SubnetMapping: Object.fromEntries(subnets.map((s) => [s.AvailabilityZone, s.SubnetId])),
    VpcId: spec.network.vpcId,
    RetentionDays: spec.retentionDays ?? 90,
    Certificates: { ...(spec.certificates ?? {}) },
    Tags: spec.tags ?? [],
    Hsms: [],
  };
  // The security group is created while the cluster is being created (the lifecycle adds it on completion).
  if (spec.state !== 'CREATE_IN_PROGRESS') cluster.SecurityGroup = newEc2Id('sg');
  if (spec.stateMessage) cluster.StateMessage = spec.stateMessage;
  if (spec.sourceBackupId) cluster.SourceBackupId = spec.sourceBackupId;
  if (spec.dueAt !== undefined) cluster._dueAt = ms(spec.dueAt);
  return cluster;
}

/** Adds an HSM in the cluster's `azIndex`-th mapped AZ (an id can be given when certificates name it). */
export function addHsm(
  cluster: ClusterRecord,
  network: NetworkChoice,
  addresses: EniAddresses,
  azIndex: number,
  options: { state?: HsmState; stateMessage?: string; hsmId?: string } = {},
): HsmRecord {
  const subnetId = Object.values(cluster.SubnetMapping)[azIndex];
  const subnet = network.subnets.find((s) => s.SubnetId === subnetId);
  if (!subnet) throw new Error(`Cluster ${cluster.ClusterId} maps no subnet at AZ index ${azIndex}.`);
  const state = options.state ?? 'ACTIVE';
  const hsm: HsmRecord = {
    HsmId: options.hsmId ?? newResourceId('hsm'),
    ClusterId: cluster.ClusterId,
    AvailabilityZone: subnet.AvailabilityZone,
    SubnetId: subnet.SubnetId,
    HsmType: cluster.HsmType,
    State: state,
    StateMessage: options.stateMessage ?? (state === 'DEGRADED' ? DEGRADED_HSM_MESSAGE : 'HSM created.'),
    _eniId: newEc2Id('eni'),
    _eniIp: addresses.take(subnet),
  };
  cluster.Hsms.push(hsm);
  return hsm;
}

// ---- Backups ----

/** What a backup inherits from its cluster (a live cluster record, or what is left of a deleted one). */
export interface BackupSource {
  ClusterId: string;
  HsmType: string;
  Mode: ClusterMode;
  clusterCertificate?: string;
}

export const sourceOf = (cluster: ClusterRecord): BackupSource => {
  const source: BackupSource = { ClusterId: cluster.ClusterId, HsmType: cluster.HsmType, Mode: cluster.Mode };
  if (cluster.Certificates.ClusterCertificate) source.clusterCertificate = cluster.Certificates.ClusterCertificate;
  return source;
};

/** What is left of a deleted cluster (hsm2m.medium, FIPS) for its backups: an id no cluster has any more. */
export const deletedClusterSource = (clusterCertificate: string): BackupSource => ({
  ClusterId: newResourceId('cluster'),
  HsmType: 'hsm2m.medium',
  Mode: 'FIPS',
  clusterCertificate,
});

/** The lifecycle goes on taking a backup a day from the cluster's newest one. */
export function continueDailyBackups(cluster: ClusterRecord, newestAt: number): void {
  cluster._nextDailyBackupAt = ms(newestAt + DAY);
}

export function buildBackup(source: BackupSource, createdAt: number): BackupRecord {
  const backup: BackupRecord = {
    BackupId: newResourceId('backup'),
    ClusterId: source.ClusterId,
    CreateTimestamp: ms(createdAt),
    BackupState: 'READY',
    NeverExpires: false,
    HsmType: source.HsmType,
    Mode: source.Mode,
    Tags: [],
  };
  if (source.clusterCertificate) backup._clusterCertificate = source.clusterCertificate;
  return backup;
}

/**
 * Daily service backups, newest first: `newestAt`, then one a day before it (a few minutes of jitter, as
 * the real daily window drifts), `count` in all.
 */
export function dailyBackups(source: BackupSource, newestAt: number, count: number, rng: Rng): BackupRecord[] {
  const out: BackupRecord[] = [];
  for (let k = 0; k < count; k++) {
    const jitter = k === 0 ? 0 : rng.between(-12 * MINUTE, 12 * MINUTE);
    out.push(buildBackup(source, newestAt - k * DAY + jitter));
  }
  return out;
}

/** A user kept the backup past its retention (NeverExpires) and tagged it to say why. */
export function keptForever(backup: BackupRecord, tagPairs: Record<string, string>): BackupRecord {
  backup.NeverExpires = true;
  backup.Tags = tags(tagPairs);
  return backup;
}

/** A user deleted the backup at `deletedAt`: restorable for 7 days, then purged. */
export function markPendingDeletion(backup: BackupRecord, deletedAt: number): void {
  backup.BackupState = 'PENDING_DELETION';
  backup.DeleteTimestamp = ms(deletedAt + 7 * DAY);
}

/** The copy CopyBackupToRegion leaves in the destination region (same fields the operation sets). */
export function buildCopy(source: BackupRecord, sourceRegion: string, copiedAt: number, inProgressUntil?: number): BackupRecord {
  const copy: BackupRecord = {
    BackupId: newResourceId('backup'),
    ClusterId: source.ClusterId,
    CreateTimestamp: source.CreateTimestamp,
    CopyTimestamp: ms(copiedAt),
    BackupState: inProgressUntil === undefined ? 'READY' : 'CREATE_IN_PROGRESS',
    NeverExpires: false,
    SourceRegion: sourceRegion,
    SourceBackup: source.BackupId,
    SourceCluster: source.ClusterId,
    HsmType: source.HsmType,
    Mode: source.Mode,
    Tags: source.Tags.map((t) => ({ ...t })),
  };
  if (inProgressUntil !== undefined) copy._dueAt = ms(inProgressUntil);
  if (source._clusterCertificate) copy._clusterCertificate = source._clusterCertificate;
  return copy;
}
