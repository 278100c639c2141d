/** Step 1: is the cluster ready (UNINITIALIZED, an ACTIVE HSM, a CSR), and if not, exactly what is missing. */
import { Link } from 'react-router';
import type { ClusterWithExtras } from '../../../../aws';
import { StatusText } from '../../detail/parts';
import { clusterTabPath, type Readiness } from '../flow.ts';

export function PrerequisitesStep({ cluster, region, readiness }: { cluster: ClusterWithExtras; region: string; readiness: Readiness }) {
  const clusterId = cluster.ClusterId ?? '';
  const activeHsm = cluster.Hsms?.find((h) => h.State === 'ACTIVE');
  return (
    <div data-testid="init-readiness" data-kind={readiness.kind}>
      <p className="mb-2 text-sm">
        Cluster state: <StatusText state={cluster.State} />
      </p>
      {readiness.kind === 'ready' && (
        <p>
          <span aria-hidden="true">✓ </span>
          The cluster is UNINITIALIZED, its HSM <span className="font-mono">{activeHsm?.HsmId}</span> is ACTIVE and it has a certificate signing request (CSR). You can
          initialize it.
        </p>
      )}
      {readiness.kind === 'waiting' && (
        <>
          <p className="font-medium">{readiness.reason}</p>
          <p className="mt-1 text-sm">
            {readiness.addHsm ? 'Add an HSM on the ' : 'See the HSMs on the '}
            <Link to={clusterTabPath(region, clusterId, 'hsms')} className="underline">
              cluster&apos;s HSMs tab
            </Link>
            .
          </p>
        </>
      )}
      {(readiness.kind === 'already' || readiness.kind === 'impossible') && (
        <>
          <p className="font-medium">{readiness.reason}</p>
          <p className="mt-1 text-sm">
            Back to the{' '}
            <Link to={clusterTabPath(region, clusterId, 'overview')} className="underline">
              cluster {clusterId}
            </Link>
            .
          </p>
        </>
      )}
    </div>
  );
}
