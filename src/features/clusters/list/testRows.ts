/** Test fixtures (used by the unit tests only). */
import type { ClusterWithExtras, Hsm } from '../../../aws';
import type { ClusterRow } from './types';

export const hsm = (az: string, state = 'ACTIVE', id = `hsm-${az}${state}`): Hsm => ({ HsmId: id, AvailabilityZone: az, State: state });

export function row(
  region: string,
  cluster: Partial<ClusterWithExtras> & { ClusterId: string },
  tags: Record<string, string> = {},
): ClusterRow {
  return { region, cluster: { TagList: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })), ...cluster } };
}
