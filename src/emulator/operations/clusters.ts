import { CALENDAR_SECONDS, secondsAfter } from '../clock';
import { RETENTION_DAYS, RETIRED_HSM_TYPES, SUPPORTED_HSM_TYPES } from '../../cloudhsm/rules';
import { workDoneAt, type OperationContext } from '../context';
import { EmulatorError, invalidRequest, notFound } from '../errors';
import { newResourceId } from '../ids';
import type { OperationInputs, RetentionPolicyInput } from '../model/inputs';
import { CLUSTER_FILTER_KEYS } from '../../cloudhsm/constraints';
import { CLUSTER_STATES } from '../../cloudhsm/states';
import { commitSubnetPlan, planSubnets } from '../network';
import { fingerprint, paginate } from '../pagination';
import { sortedClusters } from '../store';
import type { BackupRecord, ClusterRecord, ClusterState, WireCluster } from '../types';
import { toWireCluster } from '../wire';
import { verifyInitializationCertificates } from '../../pki';
import { findCluster, validateNewTags } from './common';
import { partitionOf } from '../../cloudhsm/regions';
import { checkFilters } from './filters';
import { checkClusterQuota } from '../quotas';

export { RETIRED_HSM_TYPES, SUPPORTED_HSM_TYPES };
export const DEFAULT_RETENTION_DAYS = RETENTION_DAYS.default;
export const MIN_RETENTION_DAYS = RETENTION_DAYS.min;
export const MAX_RETENTION_DAYS = RETENTION_DAYS.max;

function retentionDays(policy: RetentionPolicyInput | undefined, fallback: number): number {
  if (!policy) return fallback;
  if (policy.Type !== 'DAYS') throw invalidRequest('BackupRetentionPolicy.Type must be DAYS.');
  if (policy.Value === undefined) throw invalidRequest('BackupRetentionPolicy.Value is required.');
  const days = Number(policy.Value);
  if (!Number.isInteger(days) || days < MIN_RETENTION_DAYS || days > MAX_RETENTION_DAYS) {
    throw invalidRequest(`Backup retention must be between ${MIN_RETENTION_DAYS} and ${MAX_RETENTION_DAYS} days; got ${policy.Value}.`);
  }
  return days;
}

function checkHsmTypeForNewHsms(hsmType: string): void {
  if ((RETIRED_HSM_TYPES as readonly string[]).includes(hsmType)) {
    throw invalidRequest(`HSM type ${hsmType} has reached end of support and cannot be used for new clusters or HSMs. Use hsm2m.medium.`);
  }
  if (!(SUPPORTED_HSM_TYPES as readonly string[]).includes(hsmType)) {
    throw invalidRequest(`HSM type ${hsmType} is not supported. Supported HSM types: ${SUPPORTED_HSM_TYPES.join(', ')}.`);
  }
}

/** Resolves CreateCluster.SourceBackupId (an id, or an ARN for another account's shared backup). */
function resolveSourceBackup(ctx: OperationContext, source: string): BackupRecord {
  let account = ctx.account;
  let region = ctx.region;
  let backupId = source;
  const arn = /^arn:([^:]+):cloudhsm:([^:]+):(\d{12}):backup\/(backup-[2-7a-zA-Z]+)$/.exec(source);
  if (arn) {
    region = arn[2]!;
    account = arn[3]!;
    backupId = arn[4]!;
    // An ARN whose partition is not its region's names nothing.
    if (arn[1] !== partitionOf(region)) throw notFound(`Backup ${source} was not found: ${region} is not in partition ${arn[1]}.`);
  }
  if (region !== ctx.region) {
    throw invalidRequest(
      `Backup ${backupId} is in ${region}; a cluster can only be created from a backup in its own region (${ctx.region}). Copy the backup first.`,
    );
  }
  const state = ctx.store.peekRegion(account, region);
  const backup = state?.backups.get(backupId);
  if (!backup) throw notFound(`Backup ${source} was not found in ${region}.`);
  if (account !== ctx.account && !(backup.Policy ?? '').includes(ctx.account)) {
    throw new EmulatorError('CloudHsmAccessDeniedException', `Backup ${source} is not shared with account ${ctx.account}.`);
  }
  if (backup.BackupState !== 'READY') {
    throw invalidRequest(`Backup ${backupId} is ${backup.BackupState}; only a READY backup can be used to create a cluster.`);
  }
  return backup;
}

export function createCluster(ctx: OperationContext, input: OperationInputs['CreateCluster']): { Cluster: WireCluster } {
  checkHsmTypeForNewHsms(input.HsmType);
  const source = input.SourceBackupId === undefined ? undefined : resolveSourceBackup(ctx, input.SourceBackupId);
  // A backup restores only into a cluster of its own mode (cluster-hsm-types.html): the mode comes from the
  // backup unless given, and a different one is refused.
  const sourceMode = source?.Mode;
  if (sourceMode && input.Mode && input.Mode !== sourceMode) {
    throw invalidRequest(
      `Backup ${source.BackupId} was taken in ${sourceMode} mode; it can only restore a ${sourceMode} cluster, not a ${input.Mode} one.`,
    );
  }
  const mode = input.Mode ?? sourceMode ?? 'FIPS';
  if (mode === 'NON_FIPS' && input.HsmType !== 'hsm2m.medium') throw invalidRequest('NON_FIPS mode is only available with hsm2m.medium.');
  const days = retentionDays(input.BackupRetentionPolicy, DEFAULT_RETENTION_DAYS);
  const tags = validateNewTags(input.TagList);
  const plan = planSubnets(ctx.state, input.SubnetIds);
  checkClusterQuota(ctx.state, ctx.quotas);

  // Everything is valid: from here on the request changes state.
  commitSubnetPlan(ctx.store, ctx.state, plan);
  const cluster: ClusterRecord = {
    ClusterId: newResourceId('cluster'),
    CreateTimestamp: ctx.now,
    HsmType: input.HsmType,
    Mode: mode,
    NetworkType: input.NetworkType ?? 'IPV4',
    State: 'CREATE_IN_PROGRESS',
    SubnetMapping: Object.fromEntries(plan.subnets.map((s) => [s.AvailabilityZone, s.SubnetId])),
    VpcId: plan.vpc.VpcId,
    RetentionDays: days,
    Certificates: {},
    Tags: tags,
    Hsms: [],
    _dueAt: workDoneAt(ctx, 'clusterCreate'),
  };
  if (source) {
    cluster.SourceBackupId = source.BackupId;
    if (source._clusterCertificate) cluster._restoredClusterCertificate = source._clusterCertificate;
  }
  ctx.store.putCluster(ctx.state, cluster);
  ctx.scheduleChanged();
  return { Cluster: toWireCluster(cluster) };
}

export function describeClusters(
  ctx: OperationContext,
  input: OperationInputs['DescribeClusters'],
): { Clusters: WireCluster[]; NextToken?: string } {
  const filters = checkFilters(input.Filters, CLUSTER_FILTER_KEYS, { states: CLUSTER_STATES });
  const ids = filters.clusterIds ? new Set(filters.clusterIds) : null;
  const vpcs = filters.vpcIds ? new Set(filters.vpcIds) : null;
  const states = filters.states ? new Set<string>(filters.states) : null;
  const page = paginate(sortedClusters(ctx.state), (c) => [c.CreateTimestamp, c.ClusterId], {
    token: input.NextToken,
    fingerprint: fingerprint(['clusters', input.Filters ?? null]),
    limit: input.MaxResults ?? 25,
    descending: false,
    keep: (c) => (!ids || ids.has(c.ClusterId)) && (!vpcs || vpcs.has(c.VpcId)) && (!states || states.has(c.State)),
  });
  const out: { Clusters: WireCluster[]; NextToken?: string } = {
    Clusters: page.items.map((c) => ctx.store.wireOf(c, () => toWireCluster(c))),
  };
  if (page.nextToken) out.NextToken = page.nextToken;
  return out;
}

export async function initializeCluster(
  ctx: OperationContext,
  input: OperationInputs['InitializeCluster'],
): Promise<{ State: ClusterState; StateMessage: string }> {
  const cluster = findCluster(ctx.state, input.ClusterId);
  if (cluster.State !== 'UNINITIALIZED') {
    throw invalidRequest(`Cluster ${cluster.ClusterId} is ${cluster.State}; only an UNINITIALIZED cluster can be initialized.`);
  }
  const csr = cluster.Certificates.ClusterCsr;
  if (!cluster.Hsms.some((h) => h.State === 'ACTIVE')) {
    throw invalidRequest(
      `Cluster ${cluster.ClusterId} has no CSR yet, or no ACTIVE HSM to initialize: create an HSM and wait until it is ACTIVE before initializing the cluster.`,
    );
  }
  if (!csr) {
    throw invalidRequest(
      `Cluster ${cluster.ClusterId} has no CSR yet: create an HSM and wait until it is ACTIVE before initializing the cluster.`,
    );
  }
  const problem = await verifyInitializationCertificates({
    csrPem: csr,
    signedCertPem: input.SignedCert,
    trustAnchorPem: input.TrustAnchor,
    now: new Date(ctx.now * 1000),
  });
  if (problem) throw invalidRequest(problem);
  // The check above awaited: make sure nobody changed the cluster meanwhile.
  if (cluster.State !== 'UNINITIALIZED' || ctx.state.clusters.get(cluster.ClusterId) !== cluster) {
    throw invalidRequest(`Cluster ${cluster.ClusterId} changed while it was being initialized; try again.`);
  }
  cluster.State = 'INITIALIZE_IN_PROGRESS';
  cluster.StateMessage = 'Cluster is initializing. State will change to INITIALIZED upon completion.';
  cluster._pendingClusterCertificate = input.SignedCert.endsWith('\n') ? input.SignedCert : `${input.SignedCert}\n`;
  cluster._dueAt = workDoneAt(ctx, 'clusterInitialize');
  ctx.store.putCluster(ctx.state, cluster);
  ctx.scheduleChanged();
  return { State: cluster.State, StateMessage: cluster.StateMessage };
}

const MODIFIABLE_STATES: readonly ClusterState[] = ['UNINITIALIZED', 'INITIALIZED', 'ACTIVE', 'DEGRADED', 'MODIFY_IN_PROGRESS'];

export function modifyCluster(ctx: OperationContext, input: OperationInputs['ModifyCluster']): { Cluster: WireCluster } {
  const cluster = findCluster(ctx.state, input.ClusterId);
  if (input.BackupRetentionPolicy === undefined && input.HsmType === undefined) {
    throw invalidRequest('Specify BackupRetentionPolicy, HsmType, or both.');
  }
  const days = input.BackupRetentionPolicy === undefined ? undefined : retentionDays(input.BackupRetentionPolicy, cluster.RetentionDays);
  if (!MODIFIABLE_STATES.includes(cluster.State)) {
    throw invalidRequest(`Cluster ${cluster.ClusterId} is ${cluster.State} and cannot be modified now.`);
  }
  let migration: 'start' | 'rollback' | null = null;
  if (input.HsmType !== undefined && input.HsmType !== cluster.HsmType) {
    // HsmTypeRollbackExpiration is the deadline: rollback is allowed until then, during or after the migration.
    const rollbackOpen =
      (cluster.State === 'MODIFY_IN_PROGRESS' || cluster.State === 'ACTIVE') &&
      input.HsmType === cluster._previousHsmType &&
      cluster.HsmTypeRollbackExpiration !== undefined &&
      ctx.now < cluster.HsmTypeRollbackExpiration;
    if (rollbackOpen) migration = 'rollback';
    else {
      if (cluster.State !== 'ACTIVE') {
        throw invalidRequest(`Cluster ${cluster.ClusterId} is ${cluster.State}; the HSM type can only be changed on an ACTIVE cluster.`);
      }
      if (!(cluster.HsmType === 'hsm1.medium' && input.HsmType === 'hsm2m.medium')) {
        throw invalidRequest(
          `Changing the HSM type from ${cluster.HsmType} to ${input.HsmType} is not supported; only hsm1.medium to hsm2m.medium.`,
        );
      }
      migration = 'start';
    }
  } else if (input.HsmType !== undefined && cluster.State === 'MODIFY_IN_PROGRESS') {
    throw invalidRequest(`Cluster ${cluster.ClusterId} is already migrating to ${cluster.HsmType}.`);
  }

  if (days !== undefined) cluster.RetentionDays = days;
  if (migration === 'start') {
    cluster._previousHsmType = cluster.HsmType;
    cluster.HsmType = input.HsmType!;
    cluster.State = 'MODIFY_IN_PROGRESS';
    cluster.StateMessage = `Migrating HSMs to ${cluster.HsmType}. The cluster is in limited-write mode.`;
    cluster.HsmTypeRollbackExpiration = secondsAfter(ctx.now, CALENDAR_SECONDS.migrationRollbackWindow);
    const perHsm = workDoneAt(ctx, 'hsmMigration') - ctx.now;
    cluster._dueAt = secondsAfter(ctx.now, perHsm * Math.max(1, cluster.Hsms.length));
  } else if (migration === 'rollback') {
    cluster.HsmType = cluster._previousHsmType!;
    delete cluster._previousHsmType;
    delete cluster.HsmTypeRollbackExpiration;
    cluster.State = 'ROLLBACK_IN_PROGRESS';
    cluster.StateMessage = `Rolling back HSMs to ${cluster.HsmType}.`;
    const perHsm = workDoneAt(ctx, 'hsmMigration') - ctx.now;
    cluster._dueAt = secondsAfter(ctx.now, perHsm * Math.max(1, cluster.Hsms.length));
  }
  ctx.store.putCluster(ctx.state, cluster);
  ctx.scheduleChanged();
  return { Cluster: toWireCluster(cluster) };
}

const DELETABLE_STATES: readonly ClusterState[] = ['UNINITIALIZED', 'INITIALIZED', 'ACTIVE', 'DEGRADED'];

export function deleteCluster(ctx: OperationContext, input: OperationInputs['DeleteCluster']): { Cluster: WireCluster } {
  const cluster = findCluster(ctx.state, input.ClusterId);
  if (!DELETABLE_STATES.includes(cluster.State)) {
    throw invalidRequest(`Cluster ${cluster.ClusterId} is ${cluster.State} and cannot be deleted now.`);
  }
  if (cluster.Hsms.length > 0) {
    throw invalidRequest(
      `Cluster ${cluster.ClusterId} still contains ${cluster.Hsms.length} HSM(s) (${cluster.Hsms.map((h) => h.HsmId).join(', ')}). Delete all HSMs before deleting the cluster.`,
    );
  }
  cluster.State = 'DELETE_IN_PROGRESS';
  cluster.StateMessage = 'The cluster is being deleted.';
  cluster._dueAt = workDoneAt(ctx, 'clusterDelete');
  delete cluster._nextDailyBackupAt;
  ctx.store.putCluster(ctx.state, cluster);
  ctx.scheduleChanged();
  return { Cluster: toWireCluster(cluster) };
}
