/** "Change backup retention": ModifyCluster with a new BackupRetentionPolicy (7–379 days). */
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { type ClusterWithExtras } from '../../../aws';
import { useModifyClusterMutation } from '../../../aws/actions';
import { ActionButton, ActionError, Dialog, DialogClose } from '../../../ui/actions';
import { buttonClass, inputClass } from '../../../ui/buttons';
import { checkRetentionDays, MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from '../create/retention';
import { changeRetentionReason } from './clusterActionRules';
import { formatRetention } from './format';
import type { ShowNotice } from './notice';
import { useRefreshCluster } from './useRefreshCluster';

export function RetentionButton({ cluster, region, onNotice }: { cluster: ClusterWithExtras; region: string; onNotice: ShowNotice }) {
  const [open, setOpen] = useState(false);
  const mutation = useModifyClusterMutation(region);
  return (
    <>
      <ActionButton
       
        disabledReason={changeRetentionReason(cluster)}
        pending={mutation.isPending}
        pendingLabel="Changing retention…"
        onClick={() => {
          mutation.reset();
          setOpen(true);
        }}
      >
        Change backup retention
      </ActionButton>
      {open && <RetentionDialog cluster={cluster} region={region} mutation={mutation} onClose={() => setOpen(false)} onNotice={onNotice} />}
    </>
  );
}

interface RetentionDialogProps {
  cluster: ClusterWithExtras;
  region: string;
  mutation: ReturnType<typeof useModifyClusterMutation>;
  onClose: () => void;
  onNotice: ShowNotice;
}

function RetentionDialog({ cluster, region, mutation, onClose, onNotice }: RetentionDialogProps) {
  const current = cluster.BackupRetentionPolicy?.Value ?? '';
  const [days, setDays] = useState(current);
  const [touched, setTouched] = useState(false);
  const ids = { input: useId(), help: useId(), error: useId() };
  const check = checkRetentionDays(days);
  const problem = check.ok ? null : check.error;
  const showProblem = problem !== null && touched;
  const unchanged = check.ok && check.value === current;
  const clusterId = cluster.ClusterId ?? '';
  const refresh = useRefreshCluster(region, clusterId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!check.ok || unchanged || mutation.isPending) return;
    mutation.mutate(
      { ClusterId: clusterId, BackupRetentionPolicy: { Type: 'DAYS', Value: check.value } },
      {
        onError: refresh,
        onSuccess: (updated) => {
          onClose();
          onNotice(
            <>
              Backups of cluster <span className="font-mono">{clusterId}</span> are now kept for {formatRetention(updated?.BackupRetentionPolicy ?? { Type: 'DAYS', Value: check.value })}.{' '}
              <Link to="?tab=overview" className="underline">
                See the overview
              </Link>
            </>,
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
      title="Change backup retention"
      description={
        <>
          How long AWS keeps the backups of cluster <span className="font-mono">{clusterId}</span>. Currently {formatRetention(cluster.BackupRetentionPolicy)}.
        </>
      }
      testId="retention-dialog"
    >
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.input} className="text-sm font-medium">
            Keep backups for (days)
          </label>
          <input
            id={ids.input}
            className={`${inputClass} w-32`}
            type="number"
            min={MIN_RETENTION_DAYS}
            max={MAX_RETENTION_DAYS}
            step={1}
            value={days}
            onChange={(e) => {
              setDays(e.target.value);
              setTouched(true);
            }}
            disabled={mutation.isPending}
            aria-invalid={showProblem || undefined}
            aria-describedby={showProblem ? `${ids.error} ${ids.help}` : ids.help}
          />
          <p id={ids.help} className="text-xs text-slate-600 dark:text-slate-400">
            {MIN_RETENTION_DAYS} to {MAX_RETENTION_DAYS} days. Older backups go to PENDING_DELETION (restorable for 7 days); the cluster’s newest backup and
            backups marked “never expires” are always kept.
          </p>
          {showProblem && (
            <p id={ids.error} className="text-sm text-red-700 dark:text-red-300" data-testid="retention-error">
              {problem}
            </p>
          )}
        </div>
        {mutation.error && <ActionError error={mutation.error} what="Could not change the backup retention" />}
        <div className="mt-2 flex justify-end gap-2">
          <DialogClose asChild>
            <button type="button" className={buttonClass.secondary} disabled={mutation.isPending}>
              Cancel
            </button>
          </DialogClose>
          <button type="submit" className={buttonClass.primary} disabled={mutation.isPending || unchanged} aria-busy={mutation.isPending || undefined} title={unchanged ? 'This is the current retention.' : undefined}>
            {mutation.isPending ? 'Saving…' : 'Save retention'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
