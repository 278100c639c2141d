/**
 * The create form hands the new cluster to its page through router state (history state, not the URL, so a
 * copied or shared link does not announce it); the page turns it into its success line, which follows the
 * cluster's state as it settles. The page clears the history state once read, so a reload does not repeat it.
 */
import { Link } from 'react-router';
import { useClusterQuery, useShownRegions } from '../../../aws';

export interface CreatedCluster {
  clusterId: string;
  region: string;
  restoredFrom?: string;
}

export interface CreatedClusterState {
  createdCluster: CreatedCluster;
}

export const createdClusterState = (clusterId: string, region: string, restoredFrom?: string): CreatedClusterState => ({
  createdCluster: { clusterId, region, ...(restoredFrom ? { restoredFrom } : {}) },
});

function isCreatedState(state: unknown): state is CreatedClusterState {
  if (typeof state !== 'object' || state === null || !('createdCluster' in state)) return false;
  const created = (state as { createdCluster: unknown }).createdCluster;
  return typeof created === 'object' && created !== null && typeof (created as { clusterId?: unknown }).clusterId === 'string';
}

/** The cluster just created from the form, when the router state names this cluster; else null. */
export function createdClusterOf(state: unknown, clusterId: string): CreatedCluster | null {
  if (!isCreatedState(state) || state.createdCluster.clusterId !== clusterId) return null;
  return state.createdCluster;
}

/** The sentence for the cluster's state now: still being set up, ready for its next step, or something else. */
export function createdClusterSentence(created: CreatedCluster, state: string | undefined): { settled: boolean; text: string } {
  const target = created.restoredFrom ? 'ACTIVE' : 'UNINITIALIZED';
  if (state === undefined || state === 'CREATE_IN_PROGRESS') {
    return { settled: false, text: `AWS is setting it up (CREATE_IN_PROGRESS); this page follows it until it is ready (${target}).` };
  }
  if (state === 'UNINITIALIZED')
    return { settled: true, text: 'It is ready but not initialized (UNINITIALIZED): next, add its first HSM.' };
  if (state === 'ACTIVE')
    return { settled: true, text: 'It is ready and active (ACTIVE): add an HSM to restore the backup onto and use the cluster.' };
  return { settled: true, text: `It is now ${state}.` };
}

/** The success line for a cluster just created from the form. */
export function CreatedClusterNotice({ created, account }: { created: CreatedCluster; account?: string | undefined }) {
  const { clusterId, region, restoredFrom } = created;
  // The page's account (the form creates in the base account today, but the notice follows the page it is on).
  const cluster = useClusterQuery(region, clusterId, account);
  const sentence = createdClusterSentence(created, cluster.data?.State);
  const { linkTo } = useShownRegions();
  return (
    <span data-testid="created-cluster-notice" data-settled={sentence.settled ? 'true' : 'false'}>
      Cluster <span className="font-mono">{clusterId}</span> was created in {region}
      {restoredFrom ? (
        <>
          {' '}
          from backup <span className="font-mono">{restoredFrom}</span>
        </>
      ) : null}
      . {sentence.text}{' '}
      <Link to={linkTo('/clusters', { regions: [region] })} className="underline">
        See it in the cluster list
      </Link>
    </span>
  );
}
