/** Step 1: is the cluster ready (UNINITIALIZED, an ACTIVE HSM, a CSR), and if not, exactly what is missing. */
import type { ClusterWithExtras } from '../../../../aws';
import { ResourceStatus } from '../../../../ui/StatusIndicator';
import { ClusterTabLink } from '../ClusterTabLink';
import type { Readiness } from '../flow';

export function PrerequisitesStep({
  cluster,
  region,
  account,
  readiness,
}: {
  cluster: ClusterWithExtras;
  region: string;
  account: string | undefined;
  readiness: Readiness;
}) {
  const clusterId = cluster.ClusterId ?? '';
  const activeHsm = cluster.Hsms?.find((h) => h.State === 'ACTIVE');
  return (
    <div data-testid="init-readiness" data-kind={readiness.kind}>
      <p className="mb-2 text-sm">
        Cluster state: <ResourceStatus kind="cluster" state={cluster.State} />
      </p>
      {readiness.kind === 'ready' && (
        <p>
          <span aria-hidden="true">✓ </span>
          The cluster is UNINITIALIZED, its HSM <span className="font-mono">{activeHsm?.HsmId}</span> is ACTIVE and it has a certificate
          signing request (CSR). You can initialize it.
        </p>
      )}
      {readiness.kind === 'waiting' && (
        <>
          <p className="font-medium">{readiness.reason}</p>
          <p className="mt-1 text-sm">
            {readiness.addHsm ? 'Add an HSM on the ' : 'See the HSMs on the '}
            <ClusterTabLink region={region} clusterId={clusterId} account={account} tab="hsms" className="underline">
              cluster&apos;s HSMs tab
            </ClusterTabLink>
            .
          </p>
        </>
      )}
      {(readiness.kind === 'already' || readiness.kind === 'impossible') && (
        <>
          <p className="font-medium">{readiness.reason}</p>
          <p className="mt-1 text-sm">
            Back to the{' '}
            <ClusterTabLink region={region} clusterId={clusterId} account={account} tab="overview" className="underline">
              cluster {clusterId}
            </ClusterTabLink>
            .
          </p>
        </>
      )}
    </div>
  );
}
