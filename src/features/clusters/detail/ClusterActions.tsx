/** The cluster's actions, under its heading: initialize (when due), add HSM, backup retention, delete. */
import type { ClusterWithExtras } from '../../../aws';
import { useReadOnlyReason } from '../../../ui/actions';
import { AddHsmButton } from './AddHsmDialog';
import { DeleteClusterButton } from './DeleteClusterButton';
import { InitializeEntry } from './InitializeEntry';
import type { ShowNotice } from './notice';
import { RetentionButton } from './RetentionDialog';

export function ClusterActions({ cluster, region, onNotice }: { cluster: ClusterWithExtras; region: string; onNotice: ShowNotice }) {
  const readOnly = useReadOnlyReason();
  return (
    <div role="group" aria-label="Cluster actions" className="mb-4 flex flex-wrap items-center gap-2" data-testid="cluster-actions">
      {readOnly && (
        <p className="w-full text-sm text-slate-700 dark:text-slate-300" data-testid="read-only-note">
          {readOnly}
        </p>
      )}
      <InitializeEntry cluster={cluster} region={region} />
      <AddHsmButton cluster={cluster} region={region} onNotice={onNotice} />
      <RetentionButton cluster={cluster} region={region} onNotice={onNotice} />
      <DeleteClusterButton cluster={cluster} region={region} onNotice={onNotice} />
    </div>
  );
}
