/** The success line after "Add HSM": it follows the new HSM until it is ACTIVE instead of repeating its first state. */
import { Link } from 'react-router';
import { useClusterQuery } from '../../../aws';

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

export function HsmCreatedNotice({ region, clusterId, hsmId, zone }: { region: string; clusterId: string; hsmId: string; zone: string }) {
  const cluster = useClusterQuery(region, clusterId);
  const state = cluster.data?.Hsms?.find((h) => h.HsmId === hsmId)?.State;
  return (
    <span data-testid="hsm-created-notice" data-state={state ?? ''}>
      HSM <span className="font-mono">{hsmId}</span> in {zone} {hsmCreatedSentence(state)}{' '}
      <Link to="?tab=hsms" className="underline">
        See it on the HSMs tab
      </Link>
    </span>
  );
}
