/**
 * The `large` seed: scale data for paging, filtering and rendering tests. Exactly `clusters` clusters and
 * `backups` backups spread round-robin over the regions, in a realistic mix of states.
 *
 * Speed matters more than detail here: one certificate set is generated once (and cached for re-seeds),
 * every cluster shares it, and the layout comes from a seeded PRNG (only the ids differ between runs).
 */
import { WORK_SECONDS } from '../clock';
import type { Emulator } from '../emulator';
import { newEc2Id } from '../ids';
import { isCloudHsmRegion } from '../../cloudhsm/regions';
import type { RegionState, Store } from '../store';
import type { BackupRecord, ClusterMode, ClusterRecord, SubnetRecord } from '../types';
import {
  addHsm,
  buildBackup,
  buildCluster,
  buildCopy,
  continueDailyBackups,
  createRng,
  DAY,
  deletedClusterSource,
  EniAddresses,
  HOUR,
  INITIALIZED_MESSAGE,
  keptForever,
  markPendingDeletion,
  MINUTE,
  regionNetwork,
  sourceOf,
  subnetsOf,
  tags,
  type BackupSource,
  type ClusterSpec,
  type NetworkChoice,
  type Rng,
} from './builders';
import { certificateMaterial, type CertificateMaterial } from './certificates';

export interface LargeSeedOptions {
  /** Default 1000. */
  clusters?: number;
  /** Default 20000. */
  backups?: number;
  /** Default: us-east-1, us-west-2, eu-west-1, ap-southeast-1. */
  regions?: string[];
}

export const LARGE_DEFAULTS = {
  clusters: 1000,
  backups: 20_000,
  regions: ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-1'],
} as const;

/** Clusters per VPC before another VPC is added: 3 HSMs each at most keeps a /20 subnet under 1000 ENIs. */
const CLUSTERS_PER_VPC = 1000;
/** Backups stay within the last ~90 days (and within their cluster's retention). */
const BACKUP_HORIZON = 89 * DAY;
const RETENTIONS = [90, 90, 90, 90, 90, 30, 60, 180, 365, 7] as const;
const TEAMS = ['payments', 'identity', 'pki', 'tokenization', 'data-platform', 'risk', 'treasury', 'mobile', 'ledger', 'security'] as const;
const APPS = ['api', 'signing', 'vault', 'keystore', 'issuer', 'hsm', 'crypto', 'kms-bridge'] as const;
const ENVIRONMENTS = ['production', 'production', 'staging', 'dev'] as const;

let sharedMaterial: Promise<CertificateMaterial> | undefined;

/** One certificate set for every large-seed cluster, generated once per process. */
function largeSeedCertificates(issuedAt: number): Promise<CertificateMaterial> {
  sharedMaterial ??= certificateMaterial({
    clusterId: 'cluster-largeseedaaa',
    hsmId: 'hsm-largeseedaaa',
    hsmType: 'hsm2m.medium',
    mode: 'FIPS',
    issuedAt,
  }).catch((error: unknown) => {
    sharedMaterial = undefined;
    throw error;
  });
  return sharedMaterial;
}

/** A backup-bearing cluster: a live ACTIVE one, or a deleted one whose backups remain. */
interface Owner {
  state: RegionState;
  source: BackupSource;
  cluster?: ClusterRecord;
  newestAt: number;
  /** The backups lie in [newestAt - span, newestAt]. */
  span: number;
}

/** Per region: where the next cluster goes (the default VPC, then extra VPCs as it fills). */
class RegionPlacement {
  private count = 0;
  private readonly networks: NetworkChoice[];
  readonly addresses: EniAddresses;

  constructor(
    private readonly emulator: Emulator,
    readonly state: RegionState,
    rng: Rng,
  ) {
    this.networks = [regionNetwork(state, 'default')];
    this.addresses = new EniAddresses(state, rng);
  }

  next(): NetworkChoice {
    const index = Math.floor(this.count++ / CLUSTERS_PER_VPC);
    while (this.networks.length <= index) this.networks.push(this.addVpc(this.networks.length));
    const network = this.networks[index];
    if (!network) throw new Error('unreachable: the VPC list was just extended');
    return network;
  }

  /** Another VPC with a /20 subnet in each AZ of the default VPC (10.<n>.0.0/16). */
  private addVpc(n: number): NetworkChoice {
    const { store } = this.emulator;
    const vpc = { VpcId: newEc2Id('vpc'), CidrBlock: `10.${(100 + n) % 256}.0.0/16` };
    store.putVpc(this.state, vpc);
    const base = vpc.CidrBlock.split('.').slice(0, 2).join('.');
    const azs = (this.networks[0]?.subnets ?? []).map((s) => s.AvailabilityZone);
    azs.forEach((az, i) => {
      const subnet: SubnetRecord = {
        SubnetId: newEc2Id('subnet'),
        VpcId: vpc.VpcId,
        AvailabilityZone: az,
        CidrBlock: `${base}.${i * 16}.0/20`,
      };
      store.putSubnet(this.state, subnet);
    });
    return subnetsOf(this.state, vpc.VpcId);
  }
}

export async function seedLarge(emulator: Emulator, options: LargeSeedOptions = {}): Promise<void> {
  const clusterCount = Math.max(0, Math.floor(options.clusters ?? LARGE_DEFAULTS.clusters));
  const backupCount = Math.max(0, Math.floor(options.backups ?? LARGE_DEFAULTS.backups));
  // Deduplicated: two placements over one region would hand out the same ENI addresses twice.
  const regionNames = [...new Set(options.regions && options.regions.length > 0 ? options.regions : LARGE_DEFAULTS.regions)];
  const unknown = regionNames.filter((r) => !isCloudHsmRegion(r));
  if (unknown.length > 0) throw new Error(`Not CloudHSM regions: ${unknown.join(', ')}.`);
  const { store } = emulator;
  const { account, speed } = emulator.config;
  const now = emulator.now();
  const rng = createRng(0x1a_4e5e);
  const certs = await largeSeedCertificates(now - 400 * DAY);

  const placements = regionNames.map((r) => new RegionPlacement(emulator, store.region(account, r), rng));
  const owners: Owner[] = [];

  for (let i = 0; i < clusterCount; i++) {
    const placement = placements[i % placements.length];
    if (!placement) throw new Error('unreachable: at least one region');
    const cluster = largeCluster(i, placement, certs, rng, now, speed);
    store.putCluster(placement.state, cluster);
    const hasHsms = cluster.Hsms.length > 0;
    if (cluster.State === 'ACTIVE' && hasHsms) {
      const newestAt = now - rng.between(0.5, 20) * HOUR;
      const age = newestAt - cluster.CreateTimestamp - HOUR;
      const span = Math.max(0, Math.min(age, (cluster.RetentionDays - 2) * DAY, BACKUP_HORIZON));
      owners.push({ state: placement.state, source: sourceOf(cluster), cluster, newestAt, span });
    }
  }

  // Deleted clusters (about 1 in 50, at least one so a backup budget always has an owner): backups only.
  const ghostCount = backupCount > 0 ? Math.max(1, Math.round(clusterCount / 50)) : 0;
  for (let g = 0; g < ghostCount; g++) {
    const placement = placements[g % placements.length];
    if (!placement) throw new Error('unreachable: at least one region');
    const deletedAgo = rng.between(1, 60) * DAY;
    owners.push({
      state: placement.state,
      source: deletedClusterSource(certs.clusterCertificate),
      newestAt: now - deletedAgo,
      // A deleted cluster's backups fall under the default 90-day retention.
      span: Math.max(0, Math.min(30 * DAY, BACKUP_HORIZON - deletedAgo)),
    });
  }

  const copyCount = regionNames.length > 1 ? Math.floor(backupCount * 0.04) : 0;
  const copySources = spreadBackups(store, owners, backupCount - copyCount, rng, now);
  for (const owner of owners) {
    if (owner.cluster) continueDailyBackups(owner.cluster, owner.newestAt);
  }
  writeCopies(store, copySources, regionNames, copyCount, rng, now, speed);
}

function largeCluster(
  i: number,
  placement: RegionPlacement,
  certs: CertificateMaterial,
  rng: Rng,
  now: number,
  speed: number,
): ClusterRecord {
  const network = placement.next();
  const team = rng.pick(TEAMS);
  const environment = rng.pick(ENVIRONMENTS);
  const legacy = rng.next() < 0.05;
  const hsmType = legacy ? 'hsm1.medium' : 'hsm2m.medium';
  const mode: ClusterMode = !legacy && rng.next() < 0.1 ? 'NON_FIPS' : 'FIPS';
  const azCount = rng.int(2, Math.max(2, network.subnets.length));
  const base: Omit<ClusterSpec, 'createdAt' | 'state'> = {
    network,
    azCount,
    hsmType,
    mode,
    retentionDays: rng.pick(RETENTIONS),
    tags: tags({ Name: `${team}-${rng.pick(APPS)}-${environment}-${String(i).padStart(4, '0')}`, Environment: environment, Team: team }),
  };
  const roll = rng.next();
  const activeCertificates = { ClusterCertificate: certs.clusterCertificate };

  if (roll < 0.03) {
    const remaining = (WORK_SECONDS.clusterCreate / speed) * rng.between(0.1, 1);
    return buildCluster({
      ...base,
      createdAt: now - WORK_SECONDS.clusterCreate / speed + remaining,
      state: 'CREATE_IN_PROGRESS',
      dueAt: now + remaining,
    });
  }
  if (roll < 0.08) return buildCluster({ ...base, createdAt: now - rng.between(1, 240) * HOUR, state: 'UNINITIALIZED' });
  if (roll < 0.12) {
    const cluster = buildCluster({
      ...base,
      createdAt: now - rng.between(1, 72) * HOUR,
      state: 'UNINITIALIZED',
      certificates: { ...certs.hsm },
    });
    addHsm(cluster, network, placement.addresses, 0);
    return cluster;
  }
  if (roll < 0.14) {
    const cluster = buildCluster({
      ...base,
      createdAt: now - rng.between(2, 96) * HOUR,
      state: 'INITIALIZED',
      stateMessage: INITIALIZED_MESSAGE,
      certificates: activeCertificates,
    });
    addHsm(cluster, network, placement.addresses, 0);
    return cluster;
  }
  const cluster = buildCluster({ ...base, createdAt: now - rng.between(3, 500) * DAY, state: 'ACTIVE', certificates: activeCertificates });
  // A few active clusters have had all their HSMs removed (allowed; the next HSM restores the last backup).
  if (roll < 0.16) return cluster;
  const hsmCount = rng.int(1, azCount);
  const degradedAt = roll < 0.2 ? rng.int(0, hsmCount - 1) : -1;
  for (let az = 0; az < hsmCount; az++) {
    addHsm(cluster, network, placement.addresses, az, az === degradedAt ? { state: 'DEGRADED' } : {});
  }
  return cluster;
}

/**
 * Exactly `total` backups over the owners, in proportion to their time spans (so the density is even),
 * evenly spaced from each owner's newest backup back. Returns the READY ones (copy sources).
 */
function spreadBackups(store: Store, owners: readonly Owner[], total: number, rng: Rng, now: number): CopySource[] {
  if (total <= 0 || owners.length === 0) return [];
  const weights = owners.map((o) => o.span + DAY);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((total * w) / weightSum));
  let leftover = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; leftover > 0; k = (k + 1) % counts.length, leftover--) counts[k] = (counts[k] ?? 0) + 1;

  const sources: CopySource[] = [];
  owners.forEach((owner, index) => {
    const count = counts[index] ?? 0;
    const step = count > 1 ? owner.span / (count - 1) : 0;
    for (let k = 0; k < count; k++) {
      // Jitter stays well inside the spacing, so the newest stays newest and the oldest inside retention.
      const jitter = k === 0 || k === count - 1 ? 0 : rng.between(-0.1, 0.1) * Math.min(step, HOUR);
      const backup = buildBackup(owner.source, owner.newestAt - k * step + jitter);
      // The newest stays READY, so every owner has a backup to copy.
      if (k > 0) decorate(backup, rng, now);
      store.putBackup(owner.state, backup);
      if (backup.BackupState === 'READY') sources.push({ state: owner.state, backup });
    }
  });
  return sources;
}

/** A few backups are kept forever, tagged by hand, or deleted by a user (restorable for 7 days). */
function decorate(backup: BackupRecord, rng: Rng, now: number): void {
  const roll = rng.next();
  if (roll < 0.015) {
    const deletedAt = Math.max(backup.CreateTimestamp + MINUTE, now - rng.between(0, 6) * DAY);
    markPendingDeletion(backup, Math.min(deletedAt, now));
  } else if (roll < 0.035) {
    keptForever(backup, { Purpose: rng.pick(['audit-snapshot', 'pre-change-snapshot', 'key-ceremony']) });
  } else if (roll < 0.05) {
    backup.Tags = tags({ Ticket: `CHG-${rng.int(10000, 99999)}` });
  }
}

interface CopySource {
  state: RegionState;
  backup: BackupRecord;
}

/** Cross-region copies of random READY backups into the other seeded regions; the last two are still copying. */
function writeCopies(
  store: Store,
  sources: readonly CopySource[],
  regions: readonly string[],
  count: number,
  rng: Rng,
  now: number,
  speed: number,
): void {
  if (sources.length === 0) return;
  for (let c = 0; c < count; c++) {
    const { state, backup } = rng.pick(sources);
    const destinations = regions.filter((r) => r !== state.region);
    if (destinations.length === 0) return;
    const target = store.region(state.account, rng.pick(destinations));
    const inFlight = c >= count - 2;
    const copiedAt = inFlight
      ? now - (WORK_SECONDS.backupCopy / speed) * rng.between(0.1, 0.9)
      : Math.min(backup.CreateTimestamp + rng.between(5, 120) * MINUTE, now - 10 * MINUTE);
    const dueAt = inFlight ? copiedAt + WORK_SECONDS.backupCopy / speed : undefined;
    store.putBackup(target, buildCopy(backup, state.region, Math.max(copiedAt, backup.CreateTimestamp), dueAt));
  }
}
