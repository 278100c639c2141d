/**
 * The frame of a bulk dialog ("Delete selected", "Tag selected"): the dialog, the region workers, the dialog's
 * own content before the run, then progress while it runs and the report when done, and Cancel/Close next to
 * the button that starts the run (gone once it has run). useBulkDialog holds the run; BulkDialog draws it.
 */
import type { ReactNode } from 'react';
import { ActionButton, Dialog, DialogActions } from '../../../../ui/actions';
import type { BackupRow } from '../../filterBackups';
import type { BulkPlan, BulkReport } from './bulkRunner';
import { BulkProgressView, BulkReportView } from './BulkResults';
import { useRegionCalls, type RegionCalls } from './regionCalls';
import { useBulkRun } from './useBulkRun';

export const pluralBackups = (n: number): string => `${n} backup${n === 1 ? '' : 's'}`;

/** A bulk action's words: its name ("Delete": the start button, the test ids), the run's verb and the report's. */
export interface BulkWords {
  name: 'Delete' | 'Tag';
  /** "Deleting", "Tagging". */
  verb: string;
  /** What happened to the ones that worked, and the ones that did not ("now PENDING_DELETION", "could not be deleted"). */
  done: string;
  failedWhat: string;
  variant: 'primary' | 'danger';
}

/** The words of every dialog that deletes backups (the selection's, an orphaned group's). */
export const DELETE_WORDS: BulkWords = {
  name: 'Delete',
  verb: 'Deleting',
  done: 'now PENDING_DELETION (restorable for 7 days)',
  failedWhat: 'could not be deleted',
  variant: 'danger',
};

export interface BulkDialogInput {
  plan: BulkPlan<BackupRow>;
  /** One backup's calls, in its own account and region. */
  work: (calls: RegionCalls, row: BackupRow) => Promise<unknown>;
  /** Why the run cannot start now (nothing runnable, a problem in the form); null when it can. */
  startReason: string | null;
  onClose: (report: BulkReport<BackupRow> | null) => void;
}

/** A bulk run over a plan: the region workers, phase, progress and report, and starting it unless there is a reason not to. */
export function useBulkDialog({ plan, work, startReason, onClose }: BulkDialogInput) {
  const { workers, callsFor } = useRegionCalls(plan.runnable);
  const { phase, progress, report, run } = useBulkRun<BackupRow>();
  const start = () => {
    if (startReason === null) void run(plan.runnable, (row) => work(callsFor(row), row));
  };
  return { plan, workers, phase, progress, report, start, startReason, close: () => onClose(report) };
}

export type BulkDialogState = ReturnType<typeof useBulkDialog>;

export interface BulkDialogProps {
  bulk: BulkDialogState;
  words: BulkWords;
  title: string;
  description: string;
  /** What the dialog shows before the run (the list, the form). */
  children: ReactNode;
}

export function BulkDialog({ bulk, words, title, description, children }: BulkDialogProps) {
  const { plan, workers, phase, progress, report, start, startReason, close } = bulk;
  const { name, verb, done, failedWhat, variant } = words;
  const id = `bulk-${name.toLowerCase()}`;
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && close()}
      busy={phase === 'running'}
      wide
      testId={`${id}-dialog`}
      title={title}
      description={description}
    >
      {workers}
      <div className="flex flex-col gap-3 text-sm">
        {phase === 'ready' && children}
        {progress && phase !== 'ready' && <BulkProgressView verb={verb} progress={progress} />}
        {report && <BulkReportView report={report} skipped={plan.skipped} done={done} failedWhat={failedWhat} />}
        <DialogActions
          busy={phase === 'running'}
          closeLabel={phase === 'done' ? 'Close' : 'Cancel'}
          closeVariant={phase === 'done' ? 'primary' : 'secondary'}
        >
          {phase !== 'done' && (
            <ActionButton
              variant={variant}
              onClick={start}
              pending={phase === 'running'}
              pendingLabel={`${verb}…`}
              disabledReason={startReason}
              showReason
              data-testid={`${id}-confirm`}
            >
              {`${name} ${pluralBackups(plan.runnable.length)}`}
            </ActionButton>
          )}
        </DialogActions>
      </div>
    </Dialog>
  );
}
