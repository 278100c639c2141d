import type { ClusterWithExtras } from '../../../aws';
import { servingZones } from '../../../cloudhsm/health';
import { StatusIndicator } from '../../../ui/StatusIndicator';
import { availabilityProblem } from './health';

/** HSM count, the AZs they serve from, and a warning (icon and words) when the cluster is not highly available. */
export function HsmCell({ cluster }: { cluster: ClusterWithExtras }) {
  const zones = servingZones(cluster.Hsms);
  const problem = availabilityProblem(cluster);
  return (
    <span className="inline-flex flex-col">
      <span>
        {cluster.Hsms?.length ?? 0}
        {zones.length > 0 && (
          <span className="ml-1 text-xs text-slate-600 dark:text-slate-300" title={zones.join(', ')}>
            in {zones.length} AZ{zones.length === 1 ? '' : 's'}
          </span>
        )}
      </span>
      {problem && (
        <StatusIndicator icon={problem.tone} className="text-xs" title={problem.message} data-testid="ha-warning">
          {/* The model's message starts with the summary's words: screen readers hear the message, once. */}
          <span aria-hidden="true">{problem.summary}</span>
          <span className="sr-only">{problem.message}</span>
        </StatusIndicator>
      )}
    </span>
  );
}
