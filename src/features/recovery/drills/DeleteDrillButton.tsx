/**
 * "Delete drill cluster": marks the drill as being deleted; the follower then removes the HSM, waits for it
 * to go, and deletes the cluster (DeleteCluster refuses a cluster that still has HSMs). The drill cluster is
 * the drill's own (tagged Purpose=restore-drill), so one click, no confirmation.
 */
import { drillPhase, type DrillRecord } from '../../../cloudhsm/drills';
import { ActionButton } from '../../../ui/actions';
import { drillStore } from './drillStore';

export function DeleteDrillButton({ record }: { record: DrillRecord }) {
  const phase = drillPhase(record);
  if (phase === 'deleted') return null;
  const deleting = phase === 'deleting';
  return (
    <ActionButton
      variant="danger"
      data-testid="delete-drill"
      pending={deleting}
      pendingLabel="Deleting drill cluster…"
      onClick={() => drillStore.dispatch({ type: 'deleteRequested', sourceClusterId: record.sourceClusterId, localNow: Date.now() })}
    >
      Delete drill cluster<span className="sr-only"> {record.drillClusterId}</span>
    </ActionButton>
  );
}
