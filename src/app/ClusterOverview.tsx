import { useClustersQuery, type ClusterWithExtras } from '../aws';

const nameOf = (cluster: ClusterWithExtras): string => cluster.TagList?.find((t) => t.Key === 'Name')?.Value ?? '';

export function ClusterOverview({ regions }: { regions: string[] }) {
  const { rows, isPending, errors } = useClustersQuery(regions);

  return (
    <section aria-labelledby="clusters-heading">
      <h2 id="clusters-heading" className="mb-3 text-lg font-medium">
        Clusters
      </h2>
      {errors.map(({ region, error }) => (
        <p key={region} role="alert" className="mb-2 rounded border border-red-300 bg-red-50 p-2 text-red-800 dark:bg-red-950 dark:text-red-200">
          {error.info.operation} in {region} failed: {error.info.code}: {error.info.message}
          {error.info.requestId && <span className="ml-1 text-xs opacity-75">(request {error.info.requestId})</span>}
        </p>
      ))}
      {isPending && <p aria-live="polite">Loading clusters…</p>}
      {!isPending && rows.length === 0 && errors.length === 0 && <p>No clusters in {regions.join(', ')}.</p>}
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
              <th className="py-2 pr-4">Mode</th>
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
                <td className="py-2 pr-4" data-testid="cluster-mode">
                  {cluster.Mode}
                </td>
                <td className="py-2 pr-4">{cluster.CreateTimestamp?.toISOString().slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
