/**
 * Step 5: what InitializeCluster will do, the button (enabled only when every check passes), the AWS error if the
 * service refuses, and the cluster's progress INITIALIZE_IN_PROGRESS → INITIALIZED as the cluster query polls.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { AwsRequestError } from '../../../../aws';
import { ActionButton } from '../../../../ui/actions/ActionButton';
import { ActionError, ActionSuccess } from '../../../../ui/actions/ActionResult';
import { ResourceStatus } from '../../../../ui/StatusIndicator';
import { ClusterTabLink } from '../ClusterTabLink';

export interface InitializeStepProps {
  clusterId: string;
  region: string;
  /** The cluster's account (undefined: the base account), for the link to its page. */
  account?: string | undefined;
  /** Why the button cannot be used now; null when it can. */
  disabledReason: string | null;
  pending: boolean;
  error: AwsRequestError | null;
  /** The service's answer, once it accepted the call. */
  accepted: { State?: string; StateMessage?: string } | undefined;
  /** Cluster states seen since the call was accepted, oldest first. */
  statesSeen: string[];
  onInitialize: () => void;
  /** The region that replaces the button once the call is accepted; it takes the focus then. */
  progressRef?: RefObject<HTMLDivElement | null>;
}

export function InitializeStep({
  clusterId,
  region,
  account,
  disabledReason,
  pending,
  error,
  accepted,
  statesSeen,
  onInitialize,
  progressRef,
}: InitializeStepProps) {
  const ownRef = useRef<HTMLDivElement>(null);
  const regionRef = progressRef ?? ownRef;
  const isAccepted = Boolean(accepted);
  // The button that had the focus is replaced by the progress: the focus goes there, not to <body>.
  useEffect(() => {
    if (isAccepted) regionRef.current?.focus();
  }, [isAccepted, regionRef]);
  return (
    <div className="space-y-3 text-sm">
      <ul className="list-disc space-y-1 pl-5">
        <li>
          The dashboard sends <span className="font-mono">InitializeCluster</span> for <span className="font-mono">{clusterId}</span> in{' '}
          {region} with the signed certificate and the trust anchor above.
        </li>
        <li>The cluster becomes INITIALIZE_IN_PROGRESS, then INITIALIZED (a few minutes on AWS). This page follows it.</li>
        <li>
          <strong>It cannot be undone:</strong> the cluster keeps this certificate and trusts this CA from now on. Using another CA means
          creating a new cluster.
        </li>
        <li>After that the cluster still has to be activated in the CloudHSM CLI (step 6) before it can be used.</li>
      </ul>
      {error && <ActionError error={error} what="InitializeCluster was refused" />}
      {!accepted && (
        <ActionButton
          variant="primary"
          disabledReason={disabledReason}
          showReason
          pending={pending}
          pendingLabel="Initializing…"
          onClick={onInitialize}
          data-testid="init-submit"
        >
          Initialize cluster
        </ActionButton>
      )}
      {accepted && (
        <div
          ref={regionRef}
          tabIndex={-1}
          role="region"
          aria-label="InitializeCluster progress"
          data-testid="init-progress-region"
          className="space-y-2 rounded focus-visible:outline-2 focus-visible:outline-blue-600"
        >
          <ActionSuccess testId="init-accepted">
            InitializeCluster accepted{accepted.StateMessage ? `: ${accepted.StateMessage}` : '.'}{' '}
            <ClusterTabLink region={region} clusterId={clusterId} account={account} tab="overview" className="underline">
              Open cluster {clusterId}
            </ClusterTabLink>
          </ActionSuccess>
          <Progress statesSeen={statesSeen} />
        </div>
      )}
    </div>
  );
}

function Progress({ statesSeen }: { statesSeen: string[] }) {
  const latest = statesSeen[statesSeen.length - 1];
  return (
    <>
      {statesSeen.length > 0 && (
        <div>
          <p aria-live="polite" data-testid="init-progress" data-state={latest}>
            Cluster state: <ResourceStatus kind="cluster" state={latest} />
            {latest === 'INITIALIZE_IN_PROGRESS' ? ' (checking again every few seconds)' : ''}
          </p>
          <ol aria-label="States seen" className="mt-1 flex flex-wrap gap-1 text-xs" data-testid="init-states-seen">
            {statesSeen.map((state, index) => (
              <li key={`${index}-${state}`} className="font-mono">
                {index > 0 && <span aria-hidden="true">→ </span>}
                {state}
              </li>
            ))}
          </ol>
        </div>
      )}
    </>
  );
}
