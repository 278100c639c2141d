/**
 * The end of a bulk dialog: progress while it runs, the report when done, and Cancel/Close next to the button
 * that starts the run (gone once it has run). Shared by "Delete selected" and "Tag selected".
 */
import type { ReactNode } from 'react';
import { ActionButton, DialogActions } from '../../../../ui/actions';
import type { BackupRow } from '../../filterBackups';
import type { BulkProgress, BulkReport } from './bulkRunner';
import { BulkProgressView, BulkReportView } from './BulkResults';
import type { BulkPhase } from './useBulkRun';

export const pluralBackups = (n: number): string => `${n} backup${n === 1 ? '' : 's'}`;

export interface BulkDialogFooterProps {
  phase: BulkPhase;
  progress: BulkProgress | null;
  report: BulkReport<BackupRow> | null;
  skipped: { item: BackupRow; reason: string }[];
  /** "Deleting", "Tagging". */
  verb: string;
  /** What happened to the ones that worked, and the ones that did not ("now PENDING_DELETION", "could not be deleted"). */
  done: string;
  failedWhat: string;
  start: () => void;
  startLabel: ReactNode;
  startReason: string | null;
  variant: 'primary' | 'danger';
  testId: string;
}

export function BulkDialogFooter(props: BulkDialogFooterProps) {
  const { phase, progress, report, skipped, verb, done, failedWhat, start, startLabel, startReason, variant, testId } = props;
  return (
    <>
      {progress && phase !== 'ready' && <BulkProgressView verb={verb} progress={progress} />}
      {report && <BulkReportView report={report} skipped={skipped} done={done} failedWhat={failedWhat} />}
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
            data-testid={testId}
          >
            {startLabel}
          </ActionButton>
        )}
      </DialogActions>
    </>
  );
}
