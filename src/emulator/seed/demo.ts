/**
 * The `demo` seed: a plausible account to show the dashboard with. Nine clusters over three regions in the
 * states a real account passes through, months of daily backups, cross-region DR copies (one still
 * copying), a backup pending deletion, kept (NeverExpires) snapshots and the backups of a deleted cluster.
 *
 * Everything lies inside the lifecycle's rules, so the first tick changes nothing but what is meant to
 * finish by itself (a cluster being created, one being deleted, a copy in flight).
 */
import { WORK_SECONDS } from '../clock';
import type { Emulator } from '../emulator';
import type { RegionState } from '../store';
import type { BackupRecord, ClusterRecord } from '../types';
import {
  addHsm,
  buildBackup,
  buildCluster,
  buildCopy,
  continueDailyBackups,
  createRng,
  dailyBackups,
  DAY,
  deletedClusterSource,
  DELETING_MESSAGE,
  EniAddresses,
  HOUR,
  INITIALIZED_MESSAGE,
  keptForever,
  markPendingDeletion,
  MINUTE,
  regionNetwork,
  sourceOf,
  tags,
} from './builders';
import { certificateMaterial } from './certificates';

export const DEMO_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'] as const;

/** Tags a user put on the payments backups they replicate, so the copies carry them too. */
const REPLICATION_TAGS = tags({ Replication: 'cross-region-dr', Owner: 'payments-platform' });

export async function seedDemo(emulator: Emulator): Promise<void> {
  const { store } = emulator;
  const { account, speed } = emulator.config;
  const now = emulator.now();
  const rng = createRng(0x5eed_de70);
  /** In-flight work is half done: the rest takes half the realistic duration, at the emulator's speed. */
  const remaining = (work: keyof typeof WORK_SECONDS): number => WORK_SECONDS[work] / 2 / speed;
  const ago = (days: number, hours = 0): number => now - days * DAY - hours * HOUR;

  const east = store.region(account, 'us-east-1');
  const west = store.region(account, 'us-west-2');
  const eu = store.region(account, 'eu-west-1');
  const net = {
    eastHsm: regionNetwork(east, 'hsm'),
    westHsm: regionNetwork(west, 'hsm'),
    westDefault: regionNetwork(west, 'default'),
    euHsm: regionNetwork(eu, 'hsm'),
    euDefault: regionNetwork(eu, 'default'),
  };
  const ips = { east: new EniAddresses(east, rng), west: new EniAddresses(west, rng), eu: new EniAddresses(eu, rng) };

  // ---- Clusters and HSMs (certificates are filled in once the keys are generated) ----

  const payments = buildCluster({
    createdAt: ago(121, 3.2),
    state: 'ACTIVE',
    network: net.eastHsm,
    retentionDays: 180,
    tags: tags({
      Name: 'payments-prod',
      Environment: 'production',
      Owner: 'payments-platform',
      CostCenter: 'CC-1042',
      Compliance: 'PCI-DSS',
    }),
  });
  for (const az of [0, 1, 2]) addHsm(payments, net.eastHsm, ips.east, az);

  // A legacy hsm1.medium cluster: the one to demo an HSM-type migration (ModifyCluster) on.
  const pki = buildCluster({
    createdAt: ago(412, 7.5),
    state: 'ACTIVE',
    hsmType: 'hsm1.medium',
    network: net.eastHsm,
    azCount: 2,
    retentionDays: 90,
    tags: tags({
      Name: 'pki-root-ca',
      Environment: 'production',
      Owner: 'security-pki',
      CostCenter: 'CC-2001',
      DataClassification: 'restricted',
    }),
  });
  for (const az of [0, 1]) addHsm(pki, net.eastHsm, ips.east, az);

  const tokenization = buildCluster({
    createdAt: ago(0, 3),
    state: 'UNINITIALIZED',
    network: net.eastHsm,
    retentionDays: 30,
    tags: tags({ Name: 'tokenization-staging', Environment: 'staging', Owner: 'tokenization-team', CostCenter: 'CC-3307' }),
  });
  const tokenizationHsm = addHsm(tokenization, net.eastHsm, ips.east, 0);

  const identity = buildCluster({
    createdAt: ago(75, 1.5),
    state: 'ACTIVE',
    network: net.euHsm,
    retentionDays: 30,
    tags: tags({ Name: 'identity-eu-prod', Environment: 'production', Owner: 'identity-team', CostCenter: 'CC-5120', DataResidency: 'EU' }),
  });
  addHsm(identity, net.euHsm, ips.eu, 0);
  addHsm(identity, net.euHsm, ips.eu, 1, { state: 'DEGRADED' });
  addHsm(identity, net.euHsm, ips.eu, 2);

  // Initialized but not yet activated: `activateCluster` (cluster activate in the CLI) takes it to ACTIVE.
  const signing = buildCluster({
    createdAt: ago(1, 2),
    state: 'INITIALIZED',
    stateMessage: INITIALIZED_MESSAGE,
    network: net.euDefault,
    azCount: 2,
    tags: tags({ Name: 'code-signing-staging', Environment: 'staging', Owner: 'release-engineering', CostCenter: 'CC-6610' }),
  });
  const signingHsm = addHsm(signing, net.euDefault, ips.eu, 0);

  // ---- Certificates: three key pairs in parallel (each RSA generation costs ~100-400 ms) ----

  const [paymentsCerts, tokenizationCerts, signingCerts] = await Promise.all([
    certificateMaterial({
      clusterId: payments.ClusterId,
      hsmId: firstHsmId(payments),
      hsmType: payments.HsmType,
      mode: payments.Mode,
      issuedAt: payments.CreateTimestamp + 12 * MINUTE,
    }),
    certificateMaterial({
      clusterId: tokenization.ClusterId,
      hsmId: tokenizationHsm.HsmId,
      hsmType: tokenization.HsmType,
      mode: tokenization.Mode,
      issuedAt: tokenization.CreateTimestamp + 14 * MINUTE,
    }),
    certificateMaterial({
      clusterId: signing.ClusterId,
      hsmId: signingHsm.HsmId,
      hsmType: signing.HsmType,
      mode: signing.Mode,
      issuedAt: signing.CreateTimestamp + 11 * MINUTE,
    }),
  ]);
  // Active clusters share the payments certificate (only payments-dr needs it: it was restored from payments).
  const sharedCertificate = paymentsCerts.clusterCertificate;
  for (const cluster of [payments, pki, identity]) cluster.Certificates = { ClusterCertificate: sharedCertificate };
  tokenization.Certificates = { ...tokenizationCerts.hsm };
  signing.Certificates = { ClusterCertificate: signingCerts.clusterCertificate };

  // ---- us-east-1 backups ----

  const eastBackups: BackupRecord[] = [];
  const paymentsBackups = dailyBackups(sourceOf(payments), ago(0, 2.5), 121, rng);
  eastBackups.push(...paymentsBackups);
  const pkiBackups = dailyBackups(sourceOf(pki), ago(0, 5.2), 89, rng);
  eastBackups.push(...pkiBackups);
  // Snapshots kept past the 90-day retention on purpose.
  eastBackups.push(keptForever(buildBackup(sourceOf(pki), ago(372, 4)), { Purpose: 'annual-key-ceremony', Ticket: 'SEC-1187' }));
  eastBackups.push(keptForever(buildBackup(sourceOf(pki), ago(190, 6)), { Purpose: 'pre-firmware-upgrade', Ticket: 'CHG-18812' }));
  // A decommissioned cluster: gone, its backups remain (until the default 90-day retention takes them).
  const cardIssuingBackups = dailyBackups(deletedClusterSource(sharedCertificate), ago(20, 1), 60, rng);
  const finalBackup = cardIssuingBackups[0];
  if (finalBackup) finalBackup.Tags = tags({ Name: 'card-issuing-v1-final', Note: 'final backup before decommission' });
  eastBackups.push(...cardIssuingBackups);

  // ---- Cross-region copies of payments-prod (weekly DR copies; one to eu-west-1 still in flight) ----

  const westBackups: BackupRecord[] = [];
  const euBackups: BackupRecord[] = [];
  const copyOf = (daysAgo: number, into: BackupRecord[]): BackupRecord => {
    const source = paymentsBackups[daysAgo];
    if (!source) throw new Error(`payments-prod has no backup ${daysAgo} days back.`);
    source.Tags = REPLICATION_TAGS.map((t) => ({ ...t }));
    const copy = buildCopy(source, 'us-east-1', source.CreateTimestamp + rng.between(20, 50) * MINUTE);
    into.push(copy);
    return copy;
  };
  const drSeedCopy = copyOf(45, westBackups);
  for (const daysAgo of [35, 28, 21, 14, 7]) copyOf(daysAgo, westBackups);
  for (const daysAgo of [30, 14]) copyOf(daysAgo, euBackups);
  const latest = paymentsBackups[0];
  if (latest) {
    latest.Tags = REPLICATION_TAGS.map((t) => ({ ...t }));
    euBackups.push(buildCopy(latest, 'us-east-1', now - remaining('backupCopy'), now + remaining('backupCopy')));
  }

  // ---- us-west-2 ----

  // Restored from the copy of payments-prod: ACTIVE straight away, with the source's cluster certificate.
  const paymentsDr = buildCluster({
    createdAt: (drSeedCopy.CopyTimestamp ?? drSeedCopy.CreateTimestamp) + 70 * MINUTE,
    state: 'ACTIVE',
    network: net.westHsm,
    azCount: 2,
    retentionDays: 90,
    sourceBackupId: drSeedCopy.BackupId,
    certificates: { ClusterCertificate: sharedCertificate },
    tags: tags({
      Name: 'payments-dr',
      Environment: 'production',
      Owner: 'payments-platform',
      CostCenter: 'CC-1042',
      Role: 'disaster-recovery',
    }),
  });
  for (const az of [0, 1]) addHsm(paymentsDr, net.westHsm, ips.west, az);
  westBackups.push(...dailyBackups(sourceOf(paymentsDr), ago(0, 6), 44, rng));

  const analytics = buildCluster({
    createdAt: ago(2, 3),
    state: 'UNINITIALIZED',
    mode: 'NON_FIPS',
    network: net.westDefault,
    azCount: 2,
    retentionDays: 7,
    tags: tags({ Name: 'analytics-dev', Environment: 'dev', Owner: 'data-platform', CostCenter: 'CC-7730' }),
  });

  const canary = buildCluster({
    createdAt: now - remaining('clusterCreate'),
    state: 'CREATE_IN_PROGRESS',
    network: net.westHsm,
    azCount: 2,
    dueAt: now + remaining('clusterCreate'),
    tags: tags({ Name: 'payments-canary', Environment: 'staging', Owner: 'payments-platform', CostCenter: 'CC-1042' }),
  });

  // ---- eu-west-1 ----

  const identityBackups = dailyBackups(sourceOf(identity), ago(0, 4), 29, rng);
  const deleted = identityBackups[12];
  if (deleted) markPendingDeletion(deleted, ago(2, 3));
  euBackups.push(...identityBackups);
  euBackups.push(keptForever(buildBackup(sourceOf(identity), ago(61, 2)), { Purpose: 'pre-migration-snapshot', Ticket: 'CHG-20931' }));

  // Its HSMs were removed nine days ago (each removal took a backup); now the cluster itself is going.
  const poc = buildCluster({
    createdAt: ago(200, 5),
    state: 'DELETE_IN_PROGRESS',
    stateMessage: DELETING_MESSAGE,
    network: net.euDefault,
    retentionDays: 90,
    dueAt: now + remaining('clusterDelete'),
    certificates: { ClusterCertificate: sharedCertificate },
    tags: tags({ Name: 'hsm-poc', Environment: 'dev', Owner: 'security-architecture' }),
  });
  euBackups.push(...dailyBackups(sourceOf(poc), ago(9, 2), 21, rng));

  // ---- Write everything ----

  for (const cluster of [payments, pki, paymentsDr, identity]) {
    const newest = newestBackupOf(cluster.ClusterId, [...eastBackups, ...westBackups, ...euBackups]);
    if (newest) continueDailyBackups(cluster, newest.CreateTimestamp);
  }
  write(emulator, east, [payments, pki, tokenization], eastBackups);
  write(emulator, west, [paymentsDr, analytics, canary], westBackups);
  write(emulator, eu, [identity, signing, poc], euBackups);
}

function firstHsmId(cluster: ClusterRecord): string {
  const hsm = cluster.Hsms[0];
  if (!hsm) throw new Error(`Cluster ${cluster.ClusterId} has no HSM.`);
  return hsm.HsmId;
}

function newestBackupOf(clusterId: string, backups: readonly BackupRecord[]): BackupRecord | undefined {
  let newest: BackupRecord | undefined;
  for (const b of backups) {
    if (b.ClusterId !== clusterId || b.SourceRegion !== undefined) continue;
    if (!newest || b.CreateTimestamp > newest.CreateTimestamp) newest = b;
  }
  return newest;
}

function write(emulator: Emulator, state: RegionState, clusters: readonly ClusterRecord[], backups: readonly BackupRecord[]): void {
  for (const cluster of clusters) emulator.store.putCluster(state, cluster);
  for (const backup of backups) emulator.store.putBackup(state, backup);
}
