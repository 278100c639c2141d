/**
 * "Delete" on an HSM row: a confirmation naming the HSM (and warning when it is the last HSM of an active
 * cluster), then DeleteHsm. The HSM goes DELETE_IN_PROGRESS and then disappears from the cluster.
 */
import { useState } from 'react';
import { type ClusterWithExtras, type Hsm } from '../../../../aws';
import { useDeleteHsmMutation } from '../../../../aws/actions';
import { Alert } from '../../../../ui';
import { ActionButton, ConfirmDialog } from '../../../../ui/actions';
import { HsmDeletedNotice } from './hsmNotices';
import { deleteHsmReason, isLastActiveHsm } from '../actions/clusterActionRules';
import type { ShowNotice } from '../notice';
import { useRefreshCluster } from '../useRefreshCluster';

interface DeleteHsmButtonProps {
  cluster: ClusterWithExtras;
  hsm: Hsm;
  region: string;
  /** The cluster's account (undefined: the base account). */
  account: string | undefined;
  onNotice: ShowNotice;
}

export function DeleteHsmButton({ cluster, hsm, region, account, onNotice }: DeleteHsmButtonProps) {
  const [open, setOpen] = useState(false);
  const mutation = useDeleteHsmMutation(region, account);
  const hsmId = hsm.HsmId ?? '';
  const clusterId = cluster.ClusterId ?? '';
  const last = isLastActiveHsm(cluster, hsm);
  const refresh = useRefreshCluster(region, clusterId, account);
  const active = cluster.State === 'ACTIVE' || cluster.State === 'DEGRADED';
  return (
    <>
      <ActionButton
        variant="secondary"
        className="px-2 py-0.5"
        aria-label={`Delete HSM ${hsmId}`}
        disabledReason={deleteHsmReason(cluster, hsm)}
        pending={mutation.isPending}
        onClick={() => {
          mutation.reset();
          setOpen(true);
        }}
      >
        Delete
      </ActionButton>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Delete HSM ${hsmId}?`}
        description={
          <>
            The HSM in {hsm.AvailabilityZone ?? 'its Availability Zone'} ({hsm.EniIp ?? 'no address yet'}) is removed from cluster{' '}
            <span className="font-mono">{clusterId}</span>. This cannot be undone.
          </>
        }
        confirmLabel="Delete HSM"
        pendingLabel="Deleting HSM…"
        danger
        pending={mutation.isPending}
        error={mutation.error}
        errorWhat={`Could not delete HSM ${hsmId}`}
        testId="delete-hsm-dialog"
        onConfirm={() =>
          mutation.mutate(
            { ClusterId: clusterId, HsmId: hsmId },
            {
              onError: refresh,
              onSuccess: () => {
                setOpen(false);
                onNotice(
                  <HsmDeletedNotice region={region} account={account} clusterId={clusterId} hsmId={hsmId} />,
                  // The row's Delete button goes with the HSM: focus the message rather than let it fall to <body>.
                  { focus: true },
                );
              },
            },
          )
        }
      >
        {last && (
          <Alert type="warning" data-testid="last-hsm-warning">
            This is the cluster’s last HSM: the cluster will have no HSMs and cannot serve requests until you add one (which restores the
            latest backup onto it).
          </Alert>
        )}
        {active && <p className="text-sm">AWS takes a backup of the cluster when an HSM is removed, so its keys and users are kept.</p>}
      </ConfirmDialog>
    </>
  );
}
