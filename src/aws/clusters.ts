import { paginateDescribeClusters, type Cluster } from '@aws-sdk/client-cloudhsm-v2';
import { cloudHsmClient } from './client';

/** Every cluster of a region, through the SDK's paginator. */
export async function fetchAllClusters(region: string): Promise<Cluster[]> {
  const clusters: Cluster[] = [];
  for await (const page of paginateDescribeClusters({ client: cloudHsmClient(region), pageSize: 25 }, {})) {
    clusters.push(...(page.Clusters ?? []));
  }
  return clusters;
}
