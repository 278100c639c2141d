/**
 * "Copy the newest backup of each selected cluster to <region>" (Recovery view): choose the destination, then
 * the same guardrails as one copy (the clusters whose first copy it is there are listed together; clusters a
 * data-residency tag keeps out are skipped unless overridden), then one CopyBackupToRegion per cluster, at most
 * four at once, with progress and a per-cluster result.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useAwsSettings, type RegionalBackup, type RegionalCluster } from '../../../aws';
import { FormField, Options, Select } from '../../../ui';
import { ActionButton, Dialog, DialogActions } from '../../../ui/actions';
import { BulkProgressView, BulkReportView } from '../../backups/actions/bulk/BulkResults';
import { useRegionCalls } from '../../backups/actions/bulk/regionCalls';
import { useBulkRun } from '../../backups/actions/bulk/useBulkRun';
import { backupClusterRegion } from '../../../cloudhsm/backupCluster';
import { promptFor, type CopyPrompt } from '../../backups/actions/copy/guard/copyChecks';
import { fetchCopyFacts } from '../../backups/actions/copy/guard/copyFacts';
import { CopyGuardDialog, type CopyGuardAnswer } from '../../backups/actions/copy/guard/CopyGuardDialog';
import { useResidencyTagKey } from '../../backups/actions/copy/guard/useCopyGuard';
import { copyNewestBlockedReason, planCopyNewest } from './copyNewestPlan';

export interface CopyNewestSelection {
  cluster: RegionalCluster;
  /** The cluster's newest READY backup in its own region, when known. */
  newest: RegionalBackup | undefined;
}

export interface CopyNewestButtonProps {
  selected: readonly CopyNewestSelection[];
  /** The regions shown: the destinations offered. */
  regions: readonly string[];
}

export function CopyNewestButton({ selected, regions }: CopyNewestButtonProps) {
  const [open, setOpen] = useState<readonly CopyNewestSelection[] | null>(null);
  const [destination, setDestination] = useState(regions[0] ?? '');
  const reason = copyNewestBlockedReason(selected) ?? (regions.length === 0 ? 'No region is shown to copy to' : null);
  return (
    <>
      <ActionButton disabledReason={reason} onClick={() => setOpen(selected)} data-testid="copy-newest">
        Copy newest to…
      </ActionButton>
      {open && (
        <CopyNewestDialog
          selected={open}
          regions={regions}
          destination={regions.includes(destination) ? destination : (regions[0] ?? '')}
          onDestination={setDestination}
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}

type Step = { kind: 'choose' } | { kind: 'checking' } | { kind: 'confirm'; prompts: CopyPrompt[] };

function CopyNewestDialog({
  selected,
  regions,
  destination,
  onDestination,
  onClose,
}: {
  selected: readonly CopyNewestSelection[];
  regions: readonly string[];
  destination: string;
  onDestination: (region: string) => void;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const settings = useAwsSettings();
  const tagKey = useResidencyTagKey();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [extraSkipped, setExtraSkipped] = useState<{ item: RegionalBackup; reason: string }[]>([]);
  const plan = planCopyNewest(selected, destination);
  const { workers, callsFor } = useRegionCalls(plan.runnable);
  const { phase, progress, report, run } = useBulkRun<RegionalBackup>();

  const runCopies = (items: RegionalBackup[]) => void run(items, (b) => callsFor(b).copyBackup(b.backup.BackupId ?? '', destination));

  const check = async () => {
    setStep({ kind: 'checking' });
    const facts = await Promise.all(
      plan.runnable.map((b) =>
        fetchCopyFacts(
          queryClient,
          settings,
          {
            region: b.region,
            backupId: b.backup.BackupId ?? '',
            clusterId: b.backup.ClusterId,
            clusterRegion: backupClusterRegion(b.backup, b.region),
            ...(b.account && { account: b.account }),
          },
          destination,
          tagKey,
        ),
      ),
    );
    const prompts = facts.map(promptFor).filter((p): p is CopyPrompt => p !== null);
    if (prompts.length === 0) runCopies(plan.runnable);
    else setStep({ kind: 'confirm', prompts });
  };

  const answer = (prompts: CopyPrompt[], { go, override }: CopyGuardAnswer) => {
    setStep({ kind: 'choose' });
    if (!go) return;
    const kept = new Set(override ? [] : prompts.filter((p) => p.needsOverride).map((p) => p.facts.source.backupId));
    setExtraSkipped(
      plan.runnable
        .filter((b) => kept.has(b.backup.BackupId ?? ''))
        .map((item) => ({ item, reason: 'kept out by data residency (not overridden)' })),
    );
    runCopies(plan.runnable.filter((b) => !kept.has(b.backup.BackupId ?? '')));
  };

  const running = phase === 'running' || step.kind === 'checking';
  return (
    <Dialog
      open
      onOpenChange={(next) => !next && onClose()}
      busy={running}
      wide
      testId="copy-newest-dialog"
      title={`Copy the newest backup of each selected cluster to ${destination}`}
      description={`One copy per cluster (${selected.length} selected). A copy never expires: it stays until someone deletes it.`}
    >
      {workers}
      <div className="flex flex-col gap-3 text-sm">
        {phase === 'ready' && (
          <>
            <FormField label="Destination region">
              <Select className="w-60" value={destination} onChange={(e) => onDestination(e.target.value)} disabled={running}>
                <Options items={[...regions]} />
              </Select>
            </FormField>
            <ul className="list-disc pl-5" data-testid="copy-newest-list">
              {plan.runnable.map((b) => (
                <li key={`${b.account ?? ''}/${b.region}/${b.backup.BackupId}`}>
                  <span className="font-mono">{b.backup.BackupId}</span> from {b.region}
                  {b.account && ` (account ${b.account}; the copy stays in it)`}
                </li>
              ))}
            </ul>
          </>
        )}
        {progress && phase !== 'ready' && <BulkProgressView verb={`Copying to ${destination}`} progress={progress} />}
        {report && (
          <BulkReportView
            report={report}
            skipped={[...plan.skipped, ...extraSkipped]}
            done={`copy to ${destination} started (each arrives there as CREATE_IN_PROGRESS, then READY)`}
            failedWhat="could not be copied"
          />
        )}
        <DialogActions
          busy={running}
          closeLabel={phase === 'done' ? 'Close' : 'Cancel'}
          closeVariant={phase === 'done' ? 'primary' : 'secondary'}
        >
          {phase !== 'done' && (
            <ActionButton
              variant="primary"
              onClick={() => void check()}
              pending={running}
              pendingLabel={step.kind === 'checking' ? 'Checking…' : 'Copying…'}
              disabledReason={plan.runnable.length === 0 ? `Nothing to copy to ${destination}` : null}
              showReason
              data-testid="copy-newest-confirm"
            >
              {`Copy to ${destination}`}
            </ActionButton>
          )}
        </DialogActions>
      </div>
      {step.kind === 'confirm' && (
        <CopyGuardDialog prompts={step.prompts} destination={destination} onAnswer={(a) => answer(step.prompts, a)} />
      )}
    </Dialog>
  );
}
