/**
 * The create form hands the new cluster to its page through router state (history state, not the URL, so a
 * copied or shared link does not announce it); the page turns it into its success line.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface CreatedClusterState {
  createdCluster: { clusterId: string; region: string; restoredFrom?: string };
}

export const createdClusterState = (clusterId: string, region: string, restoredFrom?: string): CreatedClusterState => ({
  createdCluster: { clusterId, region, ...(restoredFrom ? { restoredFrom } : {}) },
});

function isCreatedState(state: unknown): state is CreatedClusterState {
  if (typeof state !== 'object' || state === null || !('createdCluster' in state)) return false;
  const created = (state as { createdCluster: unknown }).createdCluster;
  return typeof created === 'object' && created !== null && typeof (created as { clusterId?: unknown }).clusterId === 'string';
}

/** The success line for a cluster just created from the form, or null (other state, other cluster). */
export function createdNoticeOf(state: unknown, clusterId: string): ReactNode {
  if (!isCreatedState(state) || state.createdCluster.clusterId !== clusterId) return null;
  const { region, restoredFrom } = state.createdCluster;
  return (
    <>
      Cluster <span className="font-mono">{clusterId}</span> was created in {region}
      {restoredFrom ? <> from backup <span className="font-mono">{restoredFrom}</span></> : null}. AWS is setting it up (CREATE_IN_PROGRESS); this page follows it
      until it is {restoredFrom ? 'ACTIVE' : 'UNINITIALIZED'}.{' '}
      <Link to={{ pathname: '/clusters', search: `?${new URLSearchParams({ regions: region }).toString()}` }} className="underline">
        See it in the cluster list
      </Link>
    </>
  );
}
