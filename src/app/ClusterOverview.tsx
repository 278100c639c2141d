import { ClusterList } from '../features/clusters/list';

/** The `/clusters` view: the cluster list of the shown regions. */
export function ClusterOverview() {
  return <ClusterList />;
}
