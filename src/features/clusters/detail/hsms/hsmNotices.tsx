/**
 * The success lines after "Add HSM" and "Delete" on an HSM: each follows the HSM until it settles instead of
 * repeating its first state.
 */
import { ClusterTabLink } from '../../initialize/ClusterTabLink';
import { useClusterQuery } from '../../../../aws';

interface NoticeProps {
  region: string;
  /** The cluster's account (undefined: the base account). */
  account: string | undefined;
  clusterId: string;
  hsmId: string;
}

/** What to say about the new HSM in its state now (undefined: not listed yet, or gone). */
export function hsmCreatedSentence(state: string | undefined): string {
  switch (state) {
    case undefined:
    case 'CREATE_IN_PROGRESS':
      return 'is being created (CREATE_IN_PROGRESS); this page follows it until it is ready (ACTIVE).';
    case 'ACTIVE':
      return 'was created and is ready (ACTIVE).';
    default:
      return `was created and is now ${state}.`;
  }
}

export function HsmCreatedNotice({ region, account, clusterId, hsmId, zone }: NoticeProps & { zone: string }) {
  const cluster = useClusterQuery(region, clusterId, account);
  const state = cluster.data?.Hsms?.find((h) => h.HsmId === hsmId)?.State;
  return (
    <span data-testid="hsm-created-notice" data-state={state ?? ''}>
      HSM <span className="font-mono">{hsmId}</span> in {zone} {hsmCreatedSentence(state)}{' '}
      <ClusterTabLink region={region} clusterId={clusterId} account={account} tab="hsms" className="underline">
        See it on the HSMs tab
      </ClusterTabLink>
    </span>
  );
}

/** What to say about a deleted HSM in its state now (undefined: gone from the cluster, i.e. deleted). */
export function hsmDeletedSentence(state: string | undefined): string {
  if (state === undefined || state === 'DELETED') return 'was deleted.';
  return `is being deleted (${state}); it disappears from the cluster when AWS is done.`;
}

export function HsmDeletedNotice({ region, account, clusterId, hsmId }: NoticeProps) {
  const cluster = useClusterQuery(region, clusterId, account);
  const state = cluster.data?.Hsms?.find((h) => h.HsmId === hsmId)?.State;
  return (
    <span data-testid="hsm-deleted-notice" data-state={state ?? ''}>
      HSM <span className="font-mono">{hsmId}</span> {hsmDeletedSentence(state)}{' '}
      <ClusterTabLink region={region} clusterId={clusterId} account={account} tab="hsms" className="underline">
        See the HSMs tab
      </ClusterTabLink>
    </span>
  );
}
