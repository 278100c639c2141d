/**
 * "Change backup retention": ModifyCluster with a new BackupRetentionPolicy (7–379 days). Lowering it sends
 * the cluster's older backups to PENDING_DELETION at once, so the dialog counts them first (from the
 * cluster's backups, by the service's rule) and asks for an explicit confirmation; after saving it says how
 * many actually went, with a link to them.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { backupKeys, useAllBackupsQuery, useShownRegions, type BackupWithExtras, type ClusterWithExtras } from '../../../aws';
import { ClusterTabLink } from '../initialize/ClusterTabLink';
import { useModifyClusterMutation } from '../../../aws/actions';
import { ActionButton, ActionError, Dialog, DialogActions } from '../../../ui/actions';
import { buttonClass, inputClass } from '../../../ui/buttons';
import { checkRetentionDays, MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from '../create/retention';
import { changeRetentionReason } from './clusterActionRules';
import { formatRetention } from './format';
import type { ShowNotice } from './notice';
import { backupsPurgedByRetention, countNewlyPendingDeletion, readyBackupIds, retentionWarning } from './retentionImpact';
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

/** The backups page filtered to the cluster's backups pending deletion. */
/** The backup list showing the cluster's backups pending deletion (in its region only). */
export function pendingDeletionLink(region: string, clusterId: string): { regions: string[]; params: Record<string, string> } {
  return { regions: [region], params: { region, cluster: clusterId, state: 'PENDING_DELETION' } };
}

function RetentionDialog({ cluster, region, mutation, onClose, onNotice }: RetentionDialogProps) {
  const current = cluster.BackupRetentionPolicy?.Value ?? '';
  const [days, setDays] = useState(current);
  const [touched, setTouched] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const ids = { input: useId(), help: useId(), error: useId(), impact: useId(), confirm: useId(), confirmError: useId() };
  const check = checkRetentionDays(days);
  const problem = check.ok ? null : check.error;
  const showProblem = problem !== null && touched;
  const unchanged = check.ok && check.value === current;
  const clusterId = cluster.ClusterId ?? '';
  const refresh = useRefreshCluster(region, clusterId);
  const queryClient = useQueryClient();
  const { linkTo } = useShownRegions();
  const backups = useAllBackupsQuery([region], { clusterIds: [clusterId] });
  const clusterBackups = useMemo(() => backups.rows.map((r) => r.backup), [backups.rows]);
  const backupsKnown = !backups.isPending && backups.errors.length === 0;
  const purged = check.ok && backupsKnown ? backupsPurgedByRetention(clusterBackups, clusterId, Number(check.value), new Date()) : [];
  const warning = check.ok ? retentionWarning(purged.length, Number(check.value)) : null;
  // Lowering the retention with backups at stake needs an explicit yes; raising it (nothing purged) does not.
  const needsConfirmation = purged.length > 0;
  const [confirmMissing, setConfirmMissing] = useState(false);
  const busy = mutation.isPending || finishing;

  /** After the save: read the cluster's backups again and count those that went to PENDING_DELETION. */
  const countPurged = async (readyBefore: ReadonlySet<string>): Promise<number | null> => {
    try {
      await queryClient.invalidateQueries({ queryKey: backupKeys.lists(region) });
      const now = queryClient.getQueryData<BackupWithExtras[]>(backupKeys.list(region, { clusterIds: [clusterId] }));
      return now ? countNewlyPendingDeletion(readyBefore, now) : null;
    } catch {
      return null;
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!check.ok || unchanged || busy) return;
    if (needsConfirmation && !understood) {
      setConfirmMissing(true);
      document.getElementById(ids.confirm)?.focus();
      return;
    }
    const readyBefore = readyBackupIds(clusterBackups, clusterId);
    const expected = purged.length;
    mutation.mutate(
      { ClusterId: clusterId, BackupRetentionPolicy: { Type: 'DAYS', Value: check.value } },
      {
        onError: refresh,
        onSuccess: async (updated) => {
          setFinishing(true);
          const went = backupsKnown ? await countPurged(readyBefore) : null;
          setFinishing(false);
          onClose();
          const count = went ?? expected;
          onNotice(
            <>
              Backups of cluster <span className="font-mono">{clusterId}</span> are now kept for {formatRetention(updated?.BackupRetentionPolicy ?? { Type: 'DAYS', Value: check.value })}.{' '}
              {count > 0 ? (
                <span data-testid="retention-purged">
                  {count} {count === 1 ? 'backup' : 'backups'} went to pending deletion (<code>PENDING_DELETION</code>, restorable for 7 days):{' '}
                  <Link to={linkTo('/backups', pendingDeletionLink(region, clusterId))} className="underline">
                    see {count === 1 ? 'it' : 'them'} in the backup list
                  </Link>
                </span>
              ) : (
                <>
                  No backup was deleted.{' '}
                  <ClusterTabLink region={region} clusterId={clusterId} tab="overview" className="underline">
                    See the overview
                  </ClusterTabLink>
                </>
              )}
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
      busy={busy}
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
              // A new number is a new count: the confirmation was for the old one.
              setUnderstood(false);
              setConfirmMissing(false);
            }}
            disabled={busy}
            aria-invalid={showProblem || undefined}
            aria-describedby={[showProblem ? ids.error : null, warning ? ids.impact : null, ids.help].filter(Boolean).join(' ')}
          />
          <p id={ids.help} className="text-xs text-slate-600 dark:text-slate-400">
            {MIN_RETENTION_DAYS} to {MAX_RETENTION_DAYS} days. Older backups go to pending deletion (<code>PENDING_DELETION</code>, restorable for 7 days); the cluster’s newest backup and
            backups marked “never expires” are always kept.
          </p>
          {showProblem && (
            <p id={ids.error} className="text-sm text-red-700 dark:text-red-300" data-testid="retention-error">
              {problem}
            </p>
          )}
        </div>
        {check.ok && !unchanged && (
          <RetentionImpact
            id={ids.impact}
            loading={backups.isPending}
            failed={backups.errors[0]?.error.info.message}
            warning={warning}
          />
        )}
        {needsConfirmation && !unchanged && (
          <div className="flex flex-col gap-1">
            <label className="flex items-center gap-2 text-sm font-medium">
              <input
                id={ids.confirm}
                type="checkbox"
                checked={understood}
                disabled={busy}
                onChange={(e) => {
                  setUnderstood(e.target.checked);
                  setConfirmMissing(false);
                }}
                aria-invalid={confirmMissing || undefined}
                aria-describedby={confirmMissing ? ids.confirmError : ids.impact}
              />
              I understand {purged.length} {purged.length === 1 ? 'backup' : 'backups'} will be deleted
            </label>
            {confirmMissing && (
              <p id={ids.confirmError} className="text-sm text-red-700 dark:text-red-300" data-testid="retention-confirm-error">
                Tick the box to confirm, or keep a longer retention: nothing was changed.
              </p>
            )}
          </div>
        )}
        {mutation.error && <ActionError error={mutation.error} what="Could not change the backup retention" />}
        <DialogActions busy={busy}>
          <button type="submit" className={buttonClass.primary} disabled={busy || unchanged} aria-busy={busy || undefined} title={unchanged ? 'This is the current retention.' : undefined}>
            {busy ? 'Saving…' : 'Save retention'}
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** What the new retention does to the cluster's backups, counted before anything is sent. */
function RetentionImpact({ id, loading, failed, warning }: { id: string; loading: boolean; failed: string | undefined; warning: string | null }) {
  if (loading) {
    return (
      <p id={id} className="text-sm" aria-live="polite">
        Counting the backups this retention would delete…
      </p>
    );
  }
  if (failed) {
    return (
      <p id={id} className="text-sm text-amber-900 dark:text-amber-200" data-testid="retention-impact">
        The cluster’s backups could not be listed ({failed}), so how many a shorter retention deletes is not known.
      </p>
    );
  }
  if (!warning) {
    return (
      <p id={id} className="text-sm" data-testid="retention-impact">
        No backup of this cluster is old enough to be deleted by this retention.
      </p>
    );
  }
  return (
    <p id={id} className="rounded border border-amber-400 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100" data-testid="retention-impact">
      <span aria-hidden="true">⚠ </span>
      {warning}
    </p>
  );
}
