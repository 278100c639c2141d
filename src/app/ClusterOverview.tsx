import { ClusterList } from '../features/clusters/list';

/** The `/clusters` view: the cluster list of the chosen regions. */
export function ClusterOverview({ regions }: { regions: string[] }) {
  return <ClusterList regions={regions} />;
}
