/**
 * Step 6: activation. It is not an API call: `cluster activate` in the CloudHSM CLI sets the admin password and
 * makes the cluster ACTIVE. In emulator mode there is no HSM for the CLI, so the dashboard offers the emulator's
 * stand-in (POST /api/emulator/activate-cluster).
 */
import { useSessionQuery } from '../../../../aws';
import { useActivateClusterInEmulatorMutation } from '../../../../aws/actions';
import { ActionButton, ActionError } from '../../../../ui/actions';

const ACTIVATE_DOC = 'https://docs.aws.amazon.com/cloudhsm/latest/userguide/activate-cluster.html';

export function DoneStep({ state, region, clusterId }: { state: string | undefined; region: string; clusterId: string }) {
  const session = useSessionQuery();
  const emulator = session.data?.mode === 'emulator';
  return (
    <div className="space-y-2 text-sm" data-testid="init-activation-note">
      {state === 'ACTIVE' ? (
        <p className="font-medium">The cluster is ACTIVE: it was initialized and activated. Nothing is left to do here.</p>
      ) : (
        <p className="font-medium">
          {state === 'INITIALIZED' ? 'The cluster is initialized. ' : ''}Activation is not an API call: it happens in the CloudHSM CLI, against the cluster&apos;s HSM.
        </p>
      )}
      {state !== 'ACTIVE' && (
        <>
          <p>
            On an EC2 instance that can reach the HSM, with the CloudHSM client installed and your trust anchor copied to{' '}
            <span className="font-mono">/opt/cloudhsm/etc/customerCA.crt</span>, run:
          </p>
          <pre className="overflow-x-auto rounded bg-slate-100 p-3 font-mono text-xs dark:bg-slate-900" tabIndex={0} aria-label="Activation command">
            cloudhsm-cli cluster activate
          </pre>
          <p>
            It sets the password of the cluster&apos;s initial admin user. The cluster becomes ACTIVE after that, and this dashboard shows it. See{' '}
            <a href={ACTIVATE_DOC} className="underline" target="_blank" rel="noreferrer">
              Activate the cluster in AWS CloudHSM
            </a>
            .
          </p>
        </>
      )}
      {emulator && state === 'INITIALIZED' && <EmulatorActivation region={region} clusterId={clusterId} />}
    </div>
  );
}

function EmulatorActivation({ region, clusterId }: { region: string; clusterId: string }) {
  const activate = useActivateClusterInEmulatorMutation(region);
  return (
    <div className="rounded border border-slate-300 p-2 dark:border-slate-700" data-testid="init-emulator-note">
      <p className="mb-2">
        In the emulator there is no HSM for the CLI to talk to. The emulator can do what <span className="font-mono">cluster activate</span> does: the
        cluster becomes ACTIVE and takes its first backup.
      </p>
      {activate.error && <ActionError error={activate.error} what="Could not activate the cluster" />}
      <ActionButton variant="primary" pending={activate.isPending} pendingLabel="Activating…" onClick={() => activate.mutate({ ClusterId: clusterId })}>
        Activate in the emulator
      </ActionButton>
    </div>
  );
}
