/**
 * Step 6: activation. It is not an API call: `cluster activate` in the CloudHSM CLI sets the admin password and
 * makes the cluster ACTIVE. In emulator mode, says how the emulator stands in for it (only what is true).
 */
import { useSessionQuery } from '../../../../aws';

const ACTIVATE_DOC = 'https://docs.aws.amazon.com/cloudhsm/latest/userguide/activate-cluster.html';

export function DoneStep({ state, region, clusterId }: { state: string | undefined; region: string; clusterId: string }) {
  const session = useSessionQuery();
  const emulator = session.data?.mode === 'emulator';
  const activateBody = JSON.stringify({ region, clusterId });
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
      {emulator && state !== 'ACTIVE' && (
        <div className="rounded border border-slate-300 p-2 dark:border-slate-700" data-testid="init-emulator-note">
          <p>
            In the emulator there is no HSM for the CLI to talk to. The standalone emulator (<span className="font-mono">npm run emulator</span>) does what{' '}
            <span className="font-mono">cluster activate</span> does through its admin route:
          </p>
          <pre className="mt-1 overflow-x-auto rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-900" tabIndex={0} aria-label="Emulator activation command">
            {`curl -X POST http://127.0.0.1:4566/_emulator/activate-cluster -d '${activateBody}'`}
          </pre>
          <p className="mt-1">The emulator built into the dashboard (npm start) has no such route: a cluster initialized here stays INITIALIZED.</p>
        </div>
      )}
    </div>
  );
}
