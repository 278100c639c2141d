/**
 * "Roll back to hsm1.medium": ModifyCluster with HsmType hsm1.medium while HsmTypeRollbackExpiration is
 * ahead (ROLLBACK_IN_PROGRESS, then ACTIVE on hsm1.medium), and the time left, said in words.
 */
import type { ClusterWithExtras } from '../../../../aws';
import type { useModifyClusterMutation } from '../../../../aws/actions';
import { formatRemaining, HSM1, HSM2M, LIMITED_WRITE } from '../../../../cloudhsm/migration';
import { DateTime } from '../../../../ui';
import { ConfirmDialog } from '../../../../ui/actions';
import type { ShowNotice } from '../notice';
import { useRefreshCluster } from '../useRefreshCluster';

/** "Rollback possible for 23 h 41 min, until 2026-12-09 03:00:00 UTC" (follows `now`, which ticks each minute). */
export function RollbackTimeLeft({ until, now }: { until: Date; now: number }) {
  return (
    <p className="text-sm" data-testid="rollback-countdown">
      Rollback to {HSM1} possible for {formatRemaining(until.getTime() - now)}, until <DateTime value={until} />.
    </p>
  );
}

export function RollbackDialog({
  cluster,
  region,
  account,
  mutation,
  until,
  now,
  onClose,
  onNotice,
}: {
  cluster: ClusterWithExtras;
  region: string;
  account?: string | undefined;
  mutation: ReturnType<typeof useModifyClusterMutation>;
  until: Date | undefined;
  now: number;
  onClose: () => void;
  onNotice: ShowNotice;
}) {
  const clusterId = cluster.ClusterId ?? '';
  const refresh = useRefreshCluster(region, clusterId, account);
  const closed = until === undefined || until.getTime() <= now;
  return (
    <ConfirmDialog
      open
      onOpenChange={(next) => (next ? undefined : onClose())}
      title={`Roll back to ${HSM1}`}
      description={
        <>
          Puts the HSMs of cluster <span className="font-mono">{clusterId}</span> back on {HSM1} (ModifyCluster), one at a time.
        </>
      }
      confirmLabel={`Roll back to ${HSM1}`}
      pendingLabel="Starting rollback…"
      danger
      pending={mutation.isPending}
      error={mutation.error}
      errorWhat="Could not start the rollback"
      blockedReason={closed ? `The rollback window has closed: the cluster stays on ${HSM2M}.` : null}
      onConfirm={() =>
        mutation.mutate(
          { ClusterId: clusterId, HsmType: HSM1 },
          {
            onError: refresh,
            onSuccess: () => {
              onClose();
              onNotice(
                <>
                  Rollback of <span className="font-mono">{clusterId}</span> to {HSM1} started; this page follows it.
                </>,
                { focus: true },
              );
            },
          },
        )
      }
      testId="rollback-dialog"
    >
      {until && !closed && <RollbackTimeLeft until={until} now={now} />}
      <p className="text-sm">
        The cluster is in limited-write mode until the rollback ends. {LIMITED_WRITE.refuses} Afterwards it runs {HSM1} again, which has
        reached end of support.
      </p>
    </ConfirmDialog>
  );
}
