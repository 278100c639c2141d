import type { ClusterWithExtras } from '../../../aws';
import { haStatus } from './state';

/** HSM count, the AZs they serve from, and a warning (icon and words) when the cluster is not highly available. */
export function HsmCell({ cluster }: { cluster: ClusterWithExtras }) {
  const ha = haStatus(cluster);
  return (
    <span className="inline-flex flex-col">
      <span>
        {ha.hsmCount}
        {ha.zones.length > 0 && (
          <span className="ml-1 text-xs text-slate-600 dark:text-slate-300" title={ha.zones.join(', ')}>
            in {ha.zones.length} AZ{ha.zones.length === 1 ? '' : 's'}
          </span>
        )}
      </span>
      {ha.warning && (
        <span className="text-xs font-medium text-amber-800 dark:text-amber-300" title={ha.message} data-testid="ha-warning">
          <span aria-hidden="true">⚠ </span>
          Not highly available<span className="sr-only">: {ha.message}</span>
        </span>
      )}
    </span>
  );
}
