/**
 * `/clusters/:region/:clusterId/initialize`: the guided initialize flow (download the CSR, sign it, give the
 * signed certificate and trust anchor, checked in the browser, InitializeCluster, then activation in the CLI).
 * Loaded on demand with its route, so @peculiar/x509 and this code stay out of the first view.
 */
import { useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { useAccountParam, useClusterQuery, useShownRegions } from '../../../aws';
import { AwsErrorMessage } from '../../../ui/AwsErrorMessage';
import { ClusterTabLink } from './ClusterTabLink';
import { InitializeFlow } from './InitializeFlow';

export function InitializeClusterPage() {
  const { region = '', clusterId = '' } = useParams();
  // Another account's cluster (`?account=`, issue 15): read once, given to the flow's calls and links.
  const account = useAccountParam();
  const query = useClusterQuery(region, clusterId, account);
  const { linkTo } = useShownRegions();
  const cluster = query.data;
  const heading = useRef<HTMLHeadingElement>(null);
  // Arriving from a link leaves focus on <body>: start keyboard and screen-reader users at the page's heading.
  useEffect(() => {
    if (document.activeElement === null || document.activeElement === document.body) heading.current?.focus();
  }, []);

  return (
    <section aria-labelledby="initialize-heading">
      <ClusterTabLink region={region} clusterId={clusterId} account={account} tab="overview" className="text-sm underline">
        ← Cluster {clusterId}
      </ClusterTabLink>
      <h2 id="initialize-heading" ref={heading} tabIndex={-1} className="mt-3 mb-1 text-lg font-medium focus:outline-none">
        Initialize cluster <span className="font-mono text-base">{clusterId}</span>
      </h2>
      <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
        {region}: the cluster gets its own certificate, signed by a certificate authority you control. Six steps; nothing changes until step
        5.
      </p>
      {query.isPending && (
        <p aria-live="polite">
          Loading cluster {clusterId} in {region}…
        </p>
      )}
      {query.error && cluster === undefined && (
        <>
          <AwsErrorMessage error={query.error} what={`Could not load cluster ${clusterId} in ${region}`} />
          <button
            type="button"
            className="rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-600"
            onClick={() => void query.refetch()}
          >
            Try again
          </button>
        </>
      )}
      {query.error && cluster && <AwsErrorMessage error={query.error} what="Could not refresh this cluster (showing the last data)" />}
      {cluster === null && (
        <p role="alert" data-testid="cluster-not-found">
          There is no cluster <span className="font-mono">{clusterId}</span> in {region}. Go back to the{' '}
          <Link to={linkTo('/clusters')} className="underline">
            cluster list
          </Link>
          .
        </p>
      )}
      {cluster && <InitializeFlow cluster={cluster} region={region} account={account} />}
    </section>
  );
}
