/**
 * "Change backup retention": ModifyCluster with a new BackupRetentionPolicy (7–379 days). Lowering it sends
 * the cluster's older backups to PENDING_DELETION at once, so the dialog counts them first (from the
 * cluster's backups, by the service's rule) and asks for an explicit confirmation; after saving it says how
 * many actually went, with a link to them (retentionSave).
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useAllBackupsQuery, type ClusterWithExtras } from '../../../../aws';
import { useModifyClusterMutation } from '../../../../aws/actions';
import { Button, FormField } from '../../../../ui';
import { ActionError, Dialog, DialogActions } from '../../../../ui/actions';
import { checkRetentionDays, MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from '../../create/retention';
import { RetentionDaysInput } from '../../create/RetentionDaysInput';
import { changeRetentionReason } from '../actions/clusterActionRules';
import { ClusterDialogButton, type ClusterActionProps, type ClusterDialogProps } from '../actions/ClusterDialogButton';
import { formatRetention } from '../format';
import { backupsPurgedByRetention, retentionWarning } from './retentionImpact';
import { ConfirmDeletion, RetentionImpact } from './RetentionConfirm';
import { useRetentionSave } from './retentionSave';

export function RetentionButton(props: ClusterActionProps) {
  const mutation = useModifyClusterMutation(props.region, props.account);
  return (
    <ClusterDialogButton
      {...props}
      mutation={mutation}
      dialog={RetentionDialog}
      disabledReason={changeRetentionReason(props.cluster)}
      pendingLabel="Changing retention…"
    >
      Change backup retention
    </ClusterDialogButton>
  );
}

type RetentionDialogProps = ClusterDialogProps<ReturnType<typeof useModifyClusterMutation>>;

/** The typed number, what it would delete (by the service's rule, from the cluster's backups now) and the confirmation. */
function useRetentionForm(cluster: ClusterWithExtras, region: string, account: string | undefined) {
  const clusterId = cluster.ClusterId ?? '';
  const current = cluster.BackupRetentionPolicy?.Value ?? '';
  const [days, setDaysValue] = useState(current);
  const [touched, setTouched] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const [confirmMissing, setConfirmMissing] = useState(false);
  const check = checkRetentionDays(days);
  const backups = useAllBackupsQuery([region], { clusterIds: [clusterId], accounts: [account] });
  const clusterBackups = useMemo(() => backups.rows.map((r) => r.backup), [backups.rows]);
  const backupsKnown = !backups.isPending && backups.errors.length === 0;
  const purged = check.ok && backupsKnown ? backupsPurgedByRetention(clusterBackups, clusterId, Number(check.value), new Date()) : [];
  const setDays = (value: string) => {
    setDaysValue(value);
    setTouched(true);
    // A new number is a new count: the confirmation was for the old one.
    setUnderstood(false);
    setConfirmMissing(false);
  };
  return {
    days,
    setDays,
    check,
    problem: check.ok || !touched ? null : check.error,
    unchanged: check.ok && check.value === current,
    backups,
    clusterBackups,
    backupsKnown,
    purged,
    warning: check.ok ? retentionWarning(purged.length, Number(check.value)) : null,
    understood,
    setUnderstood: (value: boolean) => {
      setUnderstood(value);
      setConfirmMissing(false);
    },
    confirmMissing,
    setConfirmMissing,
    touch: () => setTouched(true),
  };
}

function RetentionDaysField(props: {
  days: string;
  onDays: (days: string) => void;
  problem: string | null;
  impactId: string | undefined;
  disabled: boolean;
}) {
  const { days, onDays, problem, impactId, disabled } = props;
  return (
    <FormField
      label="Keep backups for (days)"
      constraintText={
        <>
          {MIN_RETENTION_DAYS} to {MAX_RETENTION_DAYS} days. Older backups go to pending deletion (<code>PENDING_DELETION</code>, restorable
          for 7 days); the cluster’s newest backup and backups marked “never expires” are always kept.
        </>
      }
      errorText={problem ? <span data-testid="retention-error">{problem}</span> : undefined}
    >
      {/* The count of backups it would delete is part of what the number means. */}
      <RetentionDaysInput value={days} onChange={onDays} disabled={disabled} describedBy={impactId} />
    </FormField>
  );
}

function RetentionDialog({ cluster, region, account, mutation, onClose, onNotice }: RetentionDialogProps) {
  const clusterId = cluster.ClusterId ?? '';
  const form = useRetentionForm(cluster, region, account);
  const { save, finishing } = useRetentionSave({ region, account, clusterId, mutation, onClose, onNotice });
  const ids = { impact: useId(), confirm: useId() };
  const busy = mutation.isPending || finishing;
  // Lowering the retention with backups at stake needs an explicit yes; raising it (nothing purged) does not.
  const needsConfirmation = form.purged.length > 0 && !form.unchanged;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    form.touch();
    if (!form.check.ok || form.unchanged || busy) return;
    if (needsConfirmation && !form.understood) {
      form.setConfirmMissing(true);
      document.getElementById(ids.confirm)?.focus();
      return;
    }
    save({ value: form.check.value, backups: form.clusterBackups, backupsKnown: form.backupsKnown, expected: form.purged.length });
  };

  return (
    <Dialog
      open
      onOpenChange={(next) => (next ? undefined : onClose())}
      busy={busy}
      title="Change backup retention"
      description={
        <>
          How long AWS keeps the backups of cluster <span className="font-mono">{clusterId}</span>. Currently{' '}
          {formatRetention(cluster.BackupRetentionPolicy)}.
        </>
      }
      testId="retention-dialog"
    >
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <RetentionDaysField
          days={form.days}
          onDays={form.setDays}
          problem={form.problem}
          impactId={form.warning ? ids.impact : undefined}
          disabled={busy}
        />
        {form.check.ok && !form.unchanged && (
          <RetentionImpact
            id={ids.impact}
            loading={form.backups.isPending}
            failed={form.backups.errors[0]?.error.info.message}
            warning={form.warning}
          />
        )}
        {needsConfirmation && (
          <ConfirmDeletion
            id={ids.confirm}
            count={form.purged.length}
            checked={form.understood}
            onChange={form.setUnderstood}
            missing={form.confirmMissing}
            describedBy={ids.impact}
            disabled={busy}
          />
        )}
        {mutation.error && <ActionError error={mutation.error} what="Could not change the backup retention" />}
        <DialogActions busy={busy}>
          <Button
            type="submit"
            variant="primary"
            loading={busy}
            loadingText="Saving…"
            disabledReason={form.unchanged ? 'This is the current retention.' : null}
          >
            Save retention
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
