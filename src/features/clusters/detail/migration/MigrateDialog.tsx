/**
 * "Migrate to hsm2m.medium": the checks AWS lists first (the two the API shows, the two the operator
 * confirms), what limited-write mode means, then ModifyCluster with HsmType hsm2m.medium. A failed check or a
 * missing confirmation keeps the button off with the reason; the service still has the last word.
 */
import { useState, type FormEvent } from 'react';
import type { ClusterWithExtras } from '../../../../aws';
import type { useModifyClusterMutation } from '../../../../aws/actions';
import {
  HSM2M,
  LIMITED_WRITE,
  migrationBlocker,
  migrationChecks,
  migrationDuration,
  ROLLBACK_WINDOW_HOURS,
  type CheckId,
  type MigrationCheck,
} from '../../../../cloudhsm/migration';
import { Alert, StatusIndicator } from '../../../../ui';
import { ActionButton, ActionError, Dialog, DialogActions } from '../../../../ui/actions';
import type { ShowNotice } from '../notice';
import { useRefreshCluster } from '../useRefreshCluster';

type ModifyMutation = ReturnType<typeof useModifyClusterMutation>;

function CheckItem({
  check,
  confirmed,
  onConfirm,
  disabled,
}: {
  check: MigrationCheck;
  confirmed: boolean;
  onConfirm: (yes: boolean) => void;
  disabled: boolean;
}) {
  const detailId = `migration-check-${check.id}`;
  if (check.status === 'confirm') {
    return (
      <li className="flex flex-col gap-0.5" data-testid={`check-${check.id}`} data-status={confirmed ? 'confirmed' : 'confirm'}>
        <label className="flex items-start gap-2 text-sm font-medium">
          <input
            type="checkbox"
            className="mt-0.5 size-4 shrink-0 accent-blue-700 dark:accent-blue-400"
            checked={confirmed}
            disabled={disabled}
            onChange={(e) => onConfirm(e.target.checked)}
            aria-describedby={detailId}
          />
          <span>I confirm: {check.label.charAt(0).toLowerCase() + check.label.slice(1)}</span>
        </label>
        <p id={detailId} className="ml-6 text-sm text-slate-700 dark:text-slate-300">
          {check.detail}
        </p>
      </li>
    );
  }
  const passed = check.status === 'passed';
  return (
    <li className="flex flex-col gap-0.5" data-testid={`check-${check.id}`} data-status={check.status}>
      <StatusIndicator icon={passed ? 'success' : 'error'} iconLabel={passed ? 'Passed' : 'Failed'} className="text-sm">
        {check.label}
      </StatusIndicator>
      <p className="ml-6 text-sm text-slate-700 dark:text-slate-300">{check.detail}</p>
    </li>
  );
}

export function MigrateDialog({
  cluster,
  region,
  account,
  mutation,
  onClose,
  onNotice,
}: {
  cluster: ClusterWithExtras;
  region: string;
  account?: string | undefined;
  mutation: ModifyMutation;
  onClose: () => void;
  onNotice: ShowNotice;
}) {
  const clusterId = cluster.ClusterId ?? '';
  const checks = migrationChecks(cluster);
  const [confirmed, setConfirmed] = useState<ReadonlySet<CheckId>>(new Set());
  const blocker = migrationBlocker(checks, confirmed);
  const refresh = useRefreshCluster(region, clusterId, account);
  const hsmCount = cluster.Hsms?.length ?? 0;

  const confirm = (id: CheckId, yes: boolean) =>
    setConfirmed((before) => {
      const next = new Set(before);
      if (yes) next.add(id);
      else next.delete(id);
      return next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (blocker || mutation.isPending) return;
    mutation.mutate(
      { ClusterId: clusterId, HsmType: HSM2M },
      {
        onError: refresh,
        onSuccess: () => {
          onClose();
          onNotice(
            <>
              Migration of <span className="font-mono">{clusterId}</span> to {HSM2M} started. The cluster is in limited-write mode until it
              ends; this page follows it.
            </>,
            { focus: true },
          );
        },
      },
    );
  };

  return (
    <Dialog
      open
      onOpenChange={(next) => (next ? undefined : onClose())}
      busy={mutation.isPending}
      title={`Migrate to ${HSM2M}`}
      description={
        <>
          Replaces the HSMs of cluster <span className="font-mono">{clusterId}</span> with {HSM2M} ones (ModifyCluster), one at a time:
          about 30 minutes each, {migrationDuration(hsmCount)} for this cluster.
        </>
      }
      testId="migrate-dialog"
    >
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <h3 className="text-sm font-semibold">Before you start</h3>
        <ul className="flex flex-col gap-2" aria-label="Checks before the migration" data-testid="migration-checks">
          {checks.map((check) => (
            <CheckItem
              key={check.id}
              check={check}
              confirmed={confirmed.has(check.id)}
              onConfirm={(yes) => confirm(check.id, yes)}
              disabled={mutation.isPending}
            />
          ))}
        </ul>
        <Alert type="info" header="Limited-write mode during the migration">
          <p>{LIMITED_WRITE.keeps}</p>
          <p className="mt-1">{LIMITED_WRITE.refuses}</p>
          <p className="mt-1">
            AWS backs the cluster up before replacing each HSM and rolls back by itself if a validation fails. You can roll back to
            hsm1.medium for {ROLLBACK_WINDOW_HOURS} hours after the start.
          </p>
        </Alert>
        {mutation.error && <ActionError error={mutation.error} what="Could not start the migration" />}
        <DialogActions busy={mutation.isPending}>
          <ActionButton
            type="submit"
            variant="primary"
            disabledReason={blocker}
            pending={mutation.isPending}
            pendingLabel="Starting migration…"
            data-testid="migrate-submit"
          >
            Migrate to {HSM2M}
          </ActionButton>
        </DialogActions>
      </form>
    </Dialog>
  );
}
