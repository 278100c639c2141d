/**
 * What the list says about a cluster's health, taken from the status model (src/cloudhsm): its state combined
 * with its HSMs' ("Active · Degraded"), and the availability problems the HSM cell warns about.
 */
import type { ClusterWithExtras } from '../../../aws';
import { clusterHealth, problemSentence, type ClusterHealth, type HealthProblem } from '../../../cloudhsm/health';

/** The problems of the health model that are about high availability. */
const HA_CODES: ReadonlySet<string> = new Set(['no-hsm', 'single-az']);

/** Why the cluster is not highly available (summary and message from the model), or undefined when it is or cannot be. */
export function availabilityProblem(cluster: Pick<ClusterWithExtras, 'State' | 'Hsms'>): HealthProblem | undefined {
  return clusterHealth(cluster).problems.find((p) => HA_CODES.has(p.code));
}

export type ClusterHealthInput = Pick<ClusterWithExtras, 'State' | 'Hsms' | 'CreateTimestamp'>;

export const healthOf = (cluster: ClusterHealthInput, now: number): ClusterHealth => clusterHealth(cluster, now);

/** Whether the cluster needs someone to look at it (a degraded HSM, no HA, not activated, ...). */
export const needsAttention = (cluster: ClusterHealthInput, now: number): boolean => healthOf(cluster, now).needsAttention;

/**
 * What the state cell says beyond its label, one sentence per line: each problem (with the service's words
 * about the HSM), then the cluster's own StateMessage. Empty when there is nothing more to say.
 */
export function healthDetails(health: ClusterHealth, stateMessage: string | undefined): string[] {
  const message = stateMessage?.trim();
  return [...health.problems.map(problemSentence), ...(message ? [message] : [])];
}
