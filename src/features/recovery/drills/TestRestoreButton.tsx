/**
 * "Test restore" on a recovery row: a dialog that proposes a drill (StartDrillForm) or, while the last drill's
 * cluster still exists, shows how that drill goes and offers to delete its cluster. The drill is followed
 * here and in the row's LastDrill (useDrillFollower), so it goes on when the dialog is closed.
 */
import { useState } from 'react';
import type { RegionalBackup, RegionalCluster } from '../../../aws';
import { drillPhase, type DrillRecord } from '../../../cloudhsm/drills';
import { resourceName } from '../../../cloudhsm/names';
import { DateTime } from '../../../ui';
import { ActionButton, Dialog, DialogActions } from '../../../ui/actions';
import { DeleteDrillButton } from './DeleteDrillButton';
import { DrillBackupLink, DrillClusterLink } from './DrillCluster';
import { DrillStatus } from './DrillStatus';
import { useDrillRecord } from './drillStore';
import { StartDrillForm } from './StartDrillForm';
import { useDrillFollower, type DrillFollow } from './useDrillFollower';

export interface TestRestoreButtonProps {
  cluster: RegionalCluster;
  /** READY backups to restore from, best first: the newest copy in each DR region, then the newest local backup. */
  candidates: readonly RegionalBackup[];
}

export function TestRestoreButton({ cluster, candidates }: TestRestoreButtonProps) {
  const clusterId = cluster.cluster.ClusterId ?? '';
  const record = useDrillRecord(clusterId);
  const follow = useDrillFollower(record);
  // 'progress' shows the last drill (until the dialog closes, even once its cluster is deleted).
  const [open, setOpen] = useState<'form' | 'progress' | null>(null);
  const name = resourceName(cluster.cluster) ?? clusterId;
  // A drill whose cluster still exists is shown (and deleted) before another one starts.
  const current = record && drillPhase(record) !== 'deleted' ? record : undefined;
  const reason = !current && candidates.length === 0 ? 'No READY backup of this cluster to restore from.' : null;
  return (
    <>
      <ActionButton data-testid="test-restore" disabledReason={reason} onClick={() => setOpen(current ? 'progress' : 'form')}>
        Test restore<span className="sr-only"> {name}</span>
      </ActionButton>
      {open && (
        <Dialog
          open
          onOpenChange={(next) => (next ? undefined : setOpen(null))}
          wide
          testId="test-restore-dialog"
          title={`Test restore of ${name}`}
          description={
            open === 'progress'
              ? 'The last restore drill of this cluster: how it went, and its drill cluster.'
              : 'Restores a backup into a new drill cluster with one HSM and measures how long until the HSM is ACTIVE.'
          }
        >
          {open === 'progress' && record ? (
            <DrillProgress record={record} follow={follow} />
          ) : (
            <StartDrillForm cluster={cluster} candidates={candidates} onStarted={() => setOpen('progress')} />
          )}
        </Dialog>
      )}
    </>
  );
}

function DrillProgress({ record, follow }: { record: DrillRecord; follow: DrillFollow }) {
  return (
    <div className="flex flex-col gap-3 text-sm">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="font-medium">Started</dt>
        <dd>
          <DateTime value={record.startedAt} />
        </dd>
        <dt className="font-medium">From backup</dt>
        <dd>
          <DrillBackupLink record={record} />
        </dd>
        <dt className="font-medium">Drill cluster</dt>
        <dd>
          <DrillClusterLink record={record} />
        </dd>
      </dl>
      <DrillStatus record={record} cluster={follow.cluster} step={follow.step} />
      <p>You can close this dialog: the drill goes on, and its row says how it is going.</p>
      <DialogActions busy={false} closeLabel="Close">
        <DeleteDrillButton record={record} />
      </DialogActions>
    </div>
  );
}
