/**
 * CloudHSM's quotas as the emulator enforces them, per account and region (cloudhsm-api.md §5.1): clusters
 * that are not DELETED, HSMs of those clusters in any state, and the fixed 28 HSMs per cluster. The defaults
 * are AWS's (src/cloudhsm/quotas.ts); `--quota` sets them for every account, and a seed may raise its own
 * account's (parts --quota pins stay as given). Isomorphic.
 */
import { DEFAULT_CLUSTER_QUOTA, DEFAULT_HSM_QUOTA, HSMS_PER_CLUSTER } from '../cloudhsm/quotas';
import { EmulatorError } from './errors';
import type { RegionState } from './store';
import type { ClusterRecord } from './types';

export interface Quotas {
  /** Clusters per account and region. */
  clusters: number;
  /** HSMs per account and region, over all its clusters. */
  hsms: number;
}

/** An account's quotas in a region, with the fixed per-cluster limit (what `/api/quotas` reports). */
export interface QuotaLimits extends Quotas {
  hsmsPerCluster: number;
}

export const DEFAULT_QUOTAS: Quotas = { clusters: DEFAULT_CLUSTER_QUOTA, hsms: DEFAULT_HSM_QUOTA };

const isPositiveInteger = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n > 0;

/** Checks the parts given (positive integers), for the Emulator's options. */
export function checkQuotas(quotas: Partial<Quotas>): Partial<Quotas> {
  for (const [name, value] of Object.entries(quotas)) {
    if (value !== undefined && !isPositiveInteger(value))
      throw new Error(`The ${name} quota must be a positive integer, got ${String(value)}.`);
  }
  return quotas;
}

/** What counts against the quotas in one account's region. */
export function usage(state: RegionState): Quotas {
  let clusters = 0;
  let hsms = 0;
  for (const cluster of state.clusters.values()) {
    if (cluster.State === 'DELETED') continue;
    clusters += 1;
    hsms += cluster.Hsms.filter((hsm) => hsm.State !== 'DELETED').length;
  }
  return { clusters, hsms };
}

const limitExceeded = (message: string): EmulatorError => new EmulatorError('CloudHsmResourceLimitExceededException', message);

/** Before CreateCluster (also from a backup): one more cluster must fit the account's quota in the region. */
export function checkClusterQuota(state: RegionState, quotas: Quotas): void {
  if (usage(state).clusters < quotas.clusters) return;
  throw limitExceeded(
    `This account already has ${quotas.clusters} clusters in ${state.region}, its quota (clusters that are not DELETED count). Delete a cluster, or request a quota increase in Service Quotas.`,
  );
}

/** Before CreateHsm: one more HSM must fit the cluster's fixed limit and the account's quota in the region. */
export function checkHsmQuota(state: RegionState, cluster: ClusterRecord, quotas: Quotas): void {
  if (cluster.Hsms.filter((hsm) => hsm.State !== 'DELETED').length >= HSMS_PER_CLUSTER) {
    throw limitExceeded(`Cluster ${cluster.ClusterId} already has ${HSMS_PER_CLUSTER} HSMs, the most a cluster can have.`);
  }
  if (usage(state).hsms < quotas.hsms) return;
  throw limitExceeded(
    `This account already has ${quotas.hsms} HSMs in ${state.region}, its quota (HSMs of all its clusters count). Delete an HSM, or request a quota increase in Service Quotas.`,
  );
}
