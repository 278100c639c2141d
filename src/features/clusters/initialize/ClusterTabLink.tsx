/** A link to a tab of the cluster's page that keeps the shown regions (and names another account's cluster's account). */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { accountLinkParams, useShownRegions } from '../../../aws';
import { clusterTabPath } from './flow';

export function ClusterTabLink({
  region,
  clusterId,
  tab,
  account,
  className,
  children,
}: {
  region: string;
  clusterId: string;
  tab: 'hsms' | 'certificates' | 'overview';
  /** The cluster's account (undefined: the base account). */
  account?: string | undefined;
  className?: string;
  children: ReactNode;
}) {
  const { linkTo } = useShownRegions();
  const { pathname, params } = clusterTabPath(region, clusterId, tab);
  return (
    <Link to={linkTo(pathname, { params: { ...params, ...accountLinkParams(account) } })} className={className}>
      {children}
    </Link>
  );
}
