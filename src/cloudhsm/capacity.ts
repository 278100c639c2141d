/**
 * Usage against CloudHSM's quotas for one account and region (cloudhsm-api.md §5.1): what the create-cluster
 * form and "Add HSM" say ("3 of 4 clusters in US East (N. Virginia)"), and, at the limit, what AWS will do and
 * how to raise it. Pure: usage is counted from DescribeClusters, the limits come from `GET /api/quotas`.
 */
import type { QuotaInfo } from './api';
import { DEFAULT_CLUSTER_QUOTA, DEFAULT_HSM_QUOTA, HSMS_PER_CLUSTER } from './quotas';
import { partitionOf, regionName } from './regions';

export type QuotaLimits = Pick<QuotaInfo, 'clusters' | 'hsms' | 'hsmsPerCluster' | 'source' | 'note'>;

/** What counting reads of a cluster (a structural subset of the SDK's Cluster). */
export interface CapacityCluster {
  State?: string;
  Hsms?: readonly unknown[];
}

export interface RegionUsage {
  clusters: number;
  hsms: number;
}

/** AWS's documented defaults, said as such, with why Service Quotas could not give the account's own. */
export function defaultQuota(region: string, account: string, note?: string): QuotaInfo {
  return {
    region,
    account,
    clusters: DEFAULT_CLUSTER_QUOTA,
    hsms: DEFAULT_HSM_QUOTA,
    hsmsPerCluster: HSMS_PER_CLUSTER,
    source: 'aws-default',
    ...(note !== undefined && { note }),
  };
}

/** Clusters that count against the quota (every one not DELETED) and the HSMs they hold, in any state. */
export function regionUsage(clusters: readonly CapacityCluster[]): RegionUsage {
  const counted = clusters.filter((c) => c.State !== 'DELETED');
  return { clusters: counted.length, hsms: counted.reduce((sum, c) => sum + (c.Hsms?.length ?? 0), 0) };
}

export type CapacityLineId = 'clusters' | 'hsms' | 'cluster-hsms';

export interface CapacityLine {
  id: CapacityLineId;
  text: string;
  used: number;
  limit: number;
  /** One more would exceed the limit. */
  full: boolean;
}

export interface QuotaRaise {
  /** The quota's name in Service Quotas. */
  quota: string;
  consoleUrl: string;
  /** AWS CLI commands: find the quota's code, then ask for more. */
  cli: string[];
  /** In the emulator: the flag that raises it. */
  emulatorFlag?: string;
}

export interface Capacity {
  lines: CapacityLine[];
  /** At or over a limit: what AWS will most likely do with one more. */
  warning: string | null;
  /** How to raise the limit that is reached (null when none is, or the reached one is fixed). */
  raise: QuotaRaise | null;
  /** Where the limits come from, in words. */
  source: string;
}

export interface CapacityInput {
  region: string;
  quota: QuotaLimits;
  usage: RegionUsage;
  /** What the person is about to add. */
  adding: 'cluster' | 'hsm';
  /** For 'hsm': the HSMs the cluster holds now. */
  clusterHsms?: number;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function quotaSource(quota: Pick<QuotaLimits, 'source' | 'note'>): string {
  switch (quota.source) {
    case 'emulator':
      return 'Limits from the emulator.';
    case 'service-quotas':
      return 'Limits from Service Quotas.';
    case 'aws-default':
      return quota.note
        ? `AWS’s default limits: Service Quotas could not be read because ${quota.note.replace(/\.$/, '')}.`
        : 'AWS’s default limits: Service Quotas could not be read.';
  }
}

function serviceQuotasConsole(region: string): string {
  const host = partitionOf(region) === 'aws-us-gov' ? 'console.amazonaws-us-gov.com' : 'console.aws.amazon.com';
  return `https://${host}/servicequotas/home/services/cloudhsm/quotas?region=${encodeURIComponent(region)}`;
}

function raiseOf(region: string, which: 'clusters' | 'hsms', quota: QuotaLimits, used: number): QuotaRaise {
  const name = which === 'clusters' ? 'Clusters' : 'HSMs';
  const wanted = Math.max(used, which === 'clusters' ? quota.clusters : quota.hsms) + 1;
  return {
    quota: name,
    consoleUrl: serviceQuotasConsole(region),
    cli: [
      `aws service-quotas list-service-quotas --service-code cloudhsm --region ${region}`,
      `aws service-quotas request-service-quota-increase --service-code cloudhsm --quota-code <the ${name} quota's code> --desired-value ${wanted} --region ${region}`,
    ],
    ...(quota.source === 'emulator' && { emulatorFlag: `--quota ${which}=${wanted}` }),
  };
}

/** The usage lines and, at a limit, the warning and the way to raise it. */
export function capacityFor({ region, quota, usage, adding, clusterHsms = 0 }: CapacityInput): Capacity {
  const where = regionName(region);
  const clusters: CapacityLine = {
    id: 'clusters',
    text: `${usage.clusters} of ${quota.clusters} clusters in ${where}`,
    used: usage.clusters,
    limit: quota.clusters,
    full: usage.clusters >= quota.clusters,
  };
  const hsms: CapacityLine = {
    id: 'hsms',
    text: `HSMs: ${usage.hsms} of ${quota.hsms} in the region`,
    used: usage.hsms,
    limit: quota.hsms,
    full: usage.hsms >= quota.hsms,
  };
  const source = quotaSource(quota);
  if (adding === 'cluster') {
    const warning = clusters.full
      ? `This account has ${usage.clusters} of ${plural(quota.clusters, 'cluster')} in ${where}${usage.clusters > quota.clusters ? ', over its limit' : ''}: AWS will most likely refuse another one, and nothing will be created.`
      : null;
    return { lines: [clusters, hsms], warning, raise: clusters.full ? raiseOf(region, 'clusters', quota, usage.clusters) : null, source };
  }
  const inCluster: CapacityLine = {
    id: 'cluster-hsms',
    text: `This cluster: ${clusterHsms} of ${quota.hsmsPerCluster} HSMs`,
    used: clusterHsms,
    limit: quota.hsmsPerCluster,
    full: clusterHsms >= quota.hsmsPerCluster,
  };
  const lines = [inCluster, hsms, clusters];
  if (inCluster.full) {
    return {
      lines,
      warning: `This cluster has ${clusterHsms} of ${quota.hsmsPerCluster} HSMs, the most a cluster can have: AWS will refuse another one. This limit is fixed; put more HSMs in another cluster.`,
      raise: null,
      source,
    };
  }
  if (hsms.full) {
    return {
      lines,
      warning: `This account has ${usage.hsms} of ${plural(quota.hsms, 'HSM')} in ${where}${usage.hsms > quota.hsms ? ', over its limit' : ''}: AWS will most likely refuse another one, and nothing will be created.`,
      raise: raiseOf(region, 'hsms', quota, usage.hsms),
      source,
    };
  }
  return { lines, warning: null, raise: null, source };
}
