import type { Cluster } from '@aws-sdk/client-cloudhsm-v2';
import { useQueries } from '@tanstack/react-query';
import { fetchAllClusters } from '../aws/clusters';

interface RegionCluster {
  region: string;
  cluster: Cluster;
}

const nameOf = (cluster: Cluster): string => cluster.TagList?.find((t) => t.Key === 'Name')?.Value ?? '';

export function ClusterOverview({ regions }: { regions: string[] }) {
  const results = useQueries({
    queries: regions.map((region) => ({ queryKey: ['clusters', region], queryFn: () => fetchAllClusters(region) })),
  });
  const loading = results.some((r) => r.isPending);
  const errors = results.flatMap((r, i) => (r.error ? [{ region: regions[i], error: r.error }] : []));
  const rows: RegionCluster[] = results.flatMap((r, i) => (r.data ?? []).map((cluster) => ({ region: regions[i]!, cluster })));

  return (
    <section aria-labelledby="clusters-heading">
      <h2 id="clusters-heading" className="mb-3 text-lg font-medium">
        Clusters
      </h2>
      {errors.map(({ region, error }) => (
        <p key={region} role="alert" className="mb-2 rounded border border-red-300 bg-red-50 p-2 text-red-800 dark:bg-red-950 dark:text-red-200">
          DescribeClusters in {region} failed: {error.name}: {error.message}
        </p>
      ))}
      {loading && <p aria-live="polite">Loading clusters…</p>}
      {!loading && rows.length === 0 && errors.length === 0 && <p>No clusters in {regions.join(', ')}.</p>}
      {rows.length > 0 && (
        <table className="w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300 dark:border-slate-700">
              <th className="py-2 pr-4">Cluster</th>
              <th className="py-2 pr-4">Name</th>
              <th className="py-2 pr-4">Region</th>
              <th className="py-2 pr-4">State</th>
              <th className="py-2 pr-4">HSMs</th>
              <th className="py-2 pr-4">HSM type</th>
              <th className="py-2 pr-4">Created</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ region, cluster }) => (
              <tr key={`${region}/${cluster.ClusterId}`} className="border-b border-slate-200 dark:border-slate-800" data-testid="cluster-row">
                <td className="py-2 pr-4 font-mono">{cluster.ClusterId}</td>
                <td className="py-2 pr-4">{nameOf(cluster)}</td>
                <td className="py-2 pr-4">{region}</td>
                <td className="py-2 pr-4">{cluster.State}</td>
                <td className="py-2 pr-4">{cluster.Hsms?.length ?? 0}</td>
                <td className="py-2 pr-4">{cluster.HsmType}</td>
                <td className="py-2 pr-4">{cluster.CreateTimestamp?.toISOString().slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
