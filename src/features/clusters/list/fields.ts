/** Field accessors shared by filtering, sorting, the table and the exports. */
import type { ClusterWithExtras } from '../../../aws';
import { resourceName } from '../../../cloudhsm/names';

export const clusterName = (cluster: ClusterWithExtras): string => resourceName(cluster) ?? '';

/** "90 days", or "" when the cluster has no retention policy. */
export function retentionLabel(cluster: ClusterWithExtras): string {
  const policy = cluster.BackupRetentionPolicy;
  if (!policy?.Value) return '';
  if (policy.Type === 'DAYS' || !policy.Type) return `${policy.Value} day${policy.Value === '1' ? '' : 's'}`;
  return `${policy.Value} ${policy.Type.toLowerCase()}`;
}

/** Retention in days for sorting (clusters without a policy sort last in ascending order). */
export function retentionDays(cluster: ClusterWithExtras): number | undefined {
  const n = Number(cluster.BackupRetentionPolicy?.Value);
  return cluster.BackupRetentionPolicy?.Value && Number.isFinite(n) ? n : undefined;
}
