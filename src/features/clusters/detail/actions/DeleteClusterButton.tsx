/**
 * "Delete cluster": type-the-id confirmation, then DeleteCluster. Off, with the reason, while the cluster has
 * HSMs (the service refuses to delete a cluster that has any).
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { accountLinkParams, useShownRegions } from '../../../../aws';
import { useDeleteClusterMutation } from '../../../../aws/actions';
import { ActionButton, ConfirmDialog } from '../../../../ui/actions';
import { deleteClusterReason } from './clusterActionRules';
import { formatRetention } from '../format';
import type { ClusterActionProps } from './ClusterDialogButton';
import { useRefreshCluster } from '../useRefreshCluster';

export function DeleteClusterButton({ cluster, region, account, onNotice }: ClusterActionProps) {
  const [open, setOpen] = useState(false);
  const { linkTo } = useShownRegions();
  const mutation = useDeleteClusterMutation(region, account);
  const clusterId = cluster.ClusterId ?? '';
  const reason = deleteClusterReason(cluster);
  const refresh = useRefreshCluster(region, clusterId, account);
  return (
    <>
      <ActionButton
        variant="danger"
        disabledReason={reason}
        pending={mutation.isPending}
        pendingLabel="Deleting…"
        onClick={() => {
          mutation.reset();
          setOpen(true);
        }}
      >
        Delete cluster
      </ActionButton>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Delete cluster ${clusterId}?`}
        description="The cluster and its security group are removed. This cannot be undone."
        confirmLabel="Delete cluster"
        pendingLabel="Deleting…"
        confirmText={clusterId}
        danger
        pending={mutation.isPending}
        error={mutation.error}
        errorWhat="Could not delete the cluster"
        testId="delete-cluster-dialog"
        onConfirm={() =>
          mutation.mutate(
            { ClusterId: clusterId },
            {
              onError: refresh,
              onSuccess: () => {
                setOpen(false);
                onNotice(
                  <>
                    Cluster <span className="font-mono">{clusterId}</span> is being deleted; this page follows it until it is gone
                    (DELETED). Its backups stay in{' '}
                    <Link
                      to={linkTo('/backups', { regions: [region], params: { cluster: clusterId, ...accountLinkParams(account) } })}
                      className="underline"
                    >
                      the backup list
                    </Link>
                    .
                  </>,
                );
              },
            },
          )
        }
      >
        <p className="text-sm">
          Its backups are not deleted: they are kept according to the retention policy ({formatRetention(cluster.BackupRetentionPolicy)};
          the newest backup is never purged), and a new cluster can be created from one of them.
        </p>
      </ConfirmDialog>
    </>
  );
}
