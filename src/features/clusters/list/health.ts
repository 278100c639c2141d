/**
 * What the list says about a cluster's availability, taken from the status model's health (src/cloudhsm):
 * an ACTIVE cluster without HSMs, or whose serving HSMs sit in one Availability Zone, is not highly available.
 */
import type { ClusterWithExtras } from '../../../aws';
import { clusterHealth, type HealthProblem } from '../../../cloudhsm/health';

/** The problems of the health model that are about high availability. */
const HA_CODES: ReadonlySet<string> = new Set(['no-hsm', 'single-az']);

/** Why the cluster is not highly available (summary and message from the model), or undefined when it is or cannot be. */
export function availabilityProblem(cluster: Pick<ClusterWithExtras, 'State' | 'Hsms'>): HealthProblem | undefined {
  return clusterHealth(cluster).problems.find((p) => HA_CODES.has(p.code));
}
