/** A link to a tab of the cluster's page that keeps the shown regions. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useShownRegions } from '../../../aws';
import { clusterTabPath } from './flow';

export function ClusterTabLink({
  region,
  clusterId,
  tab,
  className,
  children,
}: {
  region: string;
  clusterId: string;
  tab: 'hsms' | 'certificates' | 'overview';
  className?: string;
  children: ReactNode;
}) {
  const { linkTo } = useShownRegions();
  const { pathname, params } = clusterTabPath(region, clusterId, tab);
  return (
    <Link to={linkTo(pathname, { params })} className={className}>
      {children}
    </Link>
  );
}
