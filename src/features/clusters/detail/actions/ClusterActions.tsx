/** The cluster's actions, under its heading: initialize (when due), add HSM, backup retention, delete. */
import { useReadOnlyReason } from '../../../../ui/actions';
import { AddHsmButton } from '../hsms/AddHsmDialog';
import { actionNotes } from './clusterActionRules';
import type { ClusterActionProps } from './ClusterDialogButton';
import { DeleteClusterButton } from './DeleteClusterButton';
import { InitializeEntry } from './InitializeEntry';
import { RetentionButton } from '../retention/RetentionDialog';

export function ClusterActions({ cluster, region, account, onNotice }: ClusterActionProps) {
  const readOnly = useReadOnlyReason();
  // Under the bar, not beside each button, so long reasons do not make the bar wrap raggedly; each button
  // still has its own reason as its description. A read-only session is said once, by the shell's banner.
  const notes = readOnly ? [] : actionNotes(cluster);
  return (
    <div role="group" aria-label="Cluster actions" className="mb-4" data-testid="cluster-actions">
      <div className="flex flex-wrap items-center gap-2">
        <InitializeEntry cluster={cluster} region={region} account={account} />
        <AddHsmButton cluster={cluster} region={region} account={account} onNotice={onNotice} />
        <RetentionButton cluster={cluster} region={region} account={account} onNotice={onNotice} />
        <DeleteClusterButton cluster={cluster} region={region} account={account} onNotice={onNotice} />
      </div>
      {notes.length > 0 && (
        <ul className="mt-2 flex flex-col gap-0.5 text-sm text-slate-700 dark:text-slate-300" data-testid="actions-note">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
