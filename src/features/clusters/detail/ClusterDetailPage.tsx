/**
 * The cluster detail page at `/clusters/:region/:clusterId`, with its tab in the query (`?tab=`), so back,
 * forward and reload keep it. The certificates tab is loaded on demand (it brings @peculiar/x509).
 */
import { Link, useParams } from 'react-router';
import { accountName, useAccountParam, useClusterQuery, useShownAccounts, useShownRegions, type ClusterWithExtras } from '../../../aws';
import { clusterHealth } from '../../../cloudhsm/health';
import { Alert, AwsErrorMessage, Button, Skeleton, SkeletonText, StatusSpecIndicator, useNow } from '../../../ui';
import { ActionSuccess } from '../../../ui/actions';
import { BackLink } from '../../common/BackLink';
import { ClusterActions } from './actions/ClusterActions';
import { ClusterHealthAlert } from './ClusterHealthAlert';
import { MigrationSection } from './migration/MigrationSection';
import { DetailTabs } from './DetailTabs';
import { useNotice } from './useNotice';
import { errorAdvice } from '../../common/errorAdvice';
import { resourceName } from '../../../cloudhsm/names';

const nameOf = (cluster: ClusterWithExtras): string | undefined => resourceName(cluster);

/** The first load: the page's shape (heading, action bar, tabs, fields) and the words for screen readers. */
function LoadingCluster({ region, clusterId }: { region: string; clusterId: string }) {
  return (
    <section aria-label="Cluster" aria-busy="true">
      <BackLink to="/clusters">All clusters</BackLink>
      <p role="status" className="mt-3 text-sm text-slate-600 dark:text-slate-300">
        Loading cluster {clusterId} in {region}…
      </p>
      <div className="mt-3 flex flex-col gap-4">
        <Skeleton className="h-6 w-80 max-w-full" />
        <Skeleton className="h-8 w-96 max-w-full" />
        <Skeleton className="h-8 w-full" />
        <SkeletonText lines={6} className="max-w-2xl" />
      </div>
    </section>
  );
}

/** "workload (444455556666)" for another account's cluster; undefined for the base account's (said nowhere, as before accounts). */
function useAccountLabel(account: string | undefined): string | undefined {
  const { infoOf } = useShownAccounts();
  return account ? accountName(infoOf(account) ?? { id: account, label: account }) : undefined;
}

function ClusterNotFound({ region, clusterId, accountLabel }: { region: string; clusterId: string; accountLabel: string | undefined }) {
  const { linkTo } = useShownRegions();
  return (
    <section aria-labelledby="cluster-heading">
      <h2 id="cluster-heading" className="mb-2 text-lg font-medium">
        Cluster not found
      </h2>
      <Alert type="error" live data-testid="cluster-not-found">
        There is no cluster <span className="font-mono">{clusterId}</span> in {region}
        {accountLabel ? ` of account ${accountLabel}` : ''}. It may have been deleted, or it is in another region
        {accountLabel ? ' or account' : ''}.
      </Alert>
      <p className="mt-2">
        Go back to the{' '}
        <Link to={linkTo('/clusters')} className="underline">
          cluster list
        </Link>
        .
      </p>
    </section>
  );
}

export function ClusterDetailPage() {
  const { region = '', clusterId = '' } = useParams();
  // Another account's cluster: `?account=` (issue 15); undefined is the base account. Read once here, and
  // every query, action and link of the page is given it.
  const account = useAccountParam();
  const query = useClusterQuery(region, clusterId, account);
  const accountLabel = useAccountLabel(account);
  const { notice, show: showNotice, ref: noticeRef } = useNotice(clusterId, query.data !== undefined && query.data !== null, account);
  const now = useNow();

  if (query.isPending) return <LoadingCluster region={region} clusterId={clusterId} />;
  if (query.error && query.data === undefined) {
    return (
      <section aria-labelledby="cluster-heading">
        <BackLink to="/clusters">All clusters</BackLink>
        <h2 id="cluster-heading" className="mt-3 mb-2 text-lg font-medium">
          Cluster <span className="font-mono">{clusterId}</span>
        </h2>
        <AwsErrorMessage
          error={query.error}
          what={`Could not load cluster ${clusterId} in ${region}`}
          advice={errorAdvice(query.error.info)}
        />
        <Button onClick={() => void query.refetch()}>Try again</Button>
      </section>
    );
  }
  const cluster = query.data;
  if (!cluster) return <ClusterNotFound region={region} clusterId={clusterId} accountLabel={accountLabel} />;

  const name = nameOf(cluster);
  // The state with its HSMs': an ACTIVE cluster with a DEGRADED HSM reads "Active · Degraded", not "Active".
  const health = clusterHealth(cluster, now);
  return (
    <section aria-labelledby="cluster-heading">
      <BackLink to="/clusters">All clusters</BackLink>
      <div className="mt-3 mb-4 flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id="cluster-heading" className="min-w-0 text-lg font-medium break-words">
          {name ? `${name} ` : 'Cluster '}
          <span className="font-mono text-base break-all text-slate-700 dark:text-slate-300">{cluster.ClusterId}</span>
        </h2>
        <span className="text-sm">{region}</span>
        {accountLabel && (
          <span className="text-sm" data-testid="cluster-account">
            Account {accountLabel}
          </span>
        )}
        <StatusSpecIndicator status={health} className="text-sm" data-state={cluster.State} data-testid="cluster-health" />
      </div>
      <ClusterHealthAlert health={health} />
      {notice && (
        // Focusable (not in the tab order) so an action whose control is gone can put focus here.
        <div ref={noticeRef} tabIndex={-1} className="outline-none focus-visible:ring-2 focus-visible:ring-blue-600" data-testid="notice">
          <ActionSuccess>{notice}</ActionSuccess>
        </div>
      )}
      {query.error && (
        <AwsErrorMessage
          error={query.error}
          what="Could not refresh this cluster (showing the last data)"
          advice={errorAdvice(query.error.info)}
        />
      )}
      <ClusterActions cluster={cluster} region={region} account={account} onNotice={showNotice} />
      <MigrationSection cluster={cluster} region={region} account={account} onNotice={showNotice} />
      <DetailTabs cluster={cluster} region={region} account={account} onNotice={showNotice} />
    </section>
  );
}
