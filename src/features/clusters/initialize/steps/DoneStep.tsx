/**
 * Step 6: activation. It is not an API call: `cluster activate` in the CloudHSM CLI sets the admin password and
 * makes the cluster ACTIVE. In emulator mode there is no HSM for the CLI, so the dashboard offers the emulator's
 * stand-in (POST /api/emulator/activate-cluster).
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useSessionQuery } from '../../../../aws';
import { useActivateClusterInEmulatorMutation } from '../../../../aws/actions';
import { ActionButton, ActionError } from '../../../../ui/actions';

const ACTIVATE_DOC = 'https://docs.aws.amazon.com/cloudhsm/latest/userguide/activate-cluster.html';

export function DoneStep({
  state,
  region,
  account,
  clusterId,
  noteRef,
}: {
  state: string | undefined;
  region: string;
  /** The cluster's account (undefined: the base account); the emulator's stand-in activates the base account's only. */
  account?: string | undefined;
  clusterId: string;
  noteRef?: RefObject<HTMLDivElement | null>;
}) {
  const session = useSessionQuery();
  const emulator = session.data?.mode === 'emulator';
  const [activated, setActivated] = useState(false);
  const focusedAfterActivation = useRef(false);
  // The activate button goes away once the cluster is ACTIVE: focus moves to the note saying so, not to <body>. Once.
  useEffect(() => {
    if (activated && state === 'ACTIVE' && !focusedAfterActivation.current) {
      focusedAfterActivation.current = true;
      noteRef?.current?.focus();
    }
  }, [activated, state, noteRef]);
  return (
    <div
      className="space-y-2 rounded text-sm focus-visible:outline-2 focus-visible:outline-blue-600"
      data-testid="init-activation-note"
      ref={noteRef}
      tabIndex={-1}
    >
      {state === 'ACTIVE' ? (
        <p className="font-medium">The cluster is ACTIVE: it was initialized and activated. Nothing is left to do here.</p>
      ) : (
        <p className="font-medium">
          {state === 'INITIALIZED' ? 'The cluster is initialized. ' : ''}Activation is not an API call: it happens in the CloudHSM CLI,
          against the cluster&apos;s HSM.
        </p>
      )}
      {state !== 'ACTIVE' && (
        <>
          <p>
            On an EC2 instance that can reach the HSM, with the CloudHSM client installed and your trust anchor copied to{' '}
            <span className="font-mono">/opt/cloudhsm/etc/customerCA.crt</span>, run:
          </p>
          <pre
            className="overflow-x-auto rounded bg-slate-100 p-3 font-mono text-xs dark:bg-slate-900"
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling <pre> must be reachable by keyboard (axe: scrollable-region-focusable)
            tabIndex={0}
            aria-label="Activation command"
          >
            cloudhsm-cli cluster activate
          </pre>
          <p>
            It sets the password of the cluster&apos;s initial admin user. The cluster becomes ACTIVE after that, and this dashboard shows
            it. See{' '}
            <a href={ACTIVATE_DOC} className="underline" target="_blank" rel="noreferrer">
              Activate the cluster in AWS CloudHSM
            </a>
            .
          </p>
        </>
      )}
      {emulator && state === 'INITIALIZED' && (
        <EmulatorActivation region={region} account={account} clusterId={clusterId} onActivated={() => setActivated(true)} />
      )}
    </div>
  );
}

/** Why the emulator cannot activate another account's cluster: its activate-cluster call takes no account. */
export const OTHER_ACCOUNT_ACTIVATION_REASON =
  'The emulator’s activate-cluster call (POST /api/emulator/activate-cluster) works on the base account’s clusters only; this cluster is in another account.';

function EmulatorActivation({
  region,
  account,
  clusterId,
  onActivated,
}: {
  region: string;
  account: string | undefined;
  clusterId: string;
  onActivated: () => void;
}) {
  const activate = useActivateClusterInEmulatorMutation(region);
  return (
    <div className="rounded border border-slate-300 p-2 dark:border-slate-700" data-testid="init-emulator-note">
      <p className="mb-2">
        In the emulator there is no HSM for the CLI to talk to. The emulator can do what <span className="font-mono">cluster activate</span>{' '}
        does: the cluster becomes ACTIVE and takes its first backup.
      </p>
      {activate.error && <ActionError error={activate.error} what="Could not activate the cluster" />}
      {/* Still pending after success, until the cluster shows ACTIVE and this box goes away. */}
      <ActionButton
        variant="primary"
        disabledReason={account ? OTHER_ACCOUNT_ACTIVATION_REASON : null}
        showReason
        pending={activate.isPending || activate.isSuccess}
        pendingLabel="Activating…"
        onClick={() => activate.mutate({ ClusterId: clusterId }, { onSuccess: onActivated })}
      >
        Activate in the emulator
      </ActionButton>
    </div>
  );
}
