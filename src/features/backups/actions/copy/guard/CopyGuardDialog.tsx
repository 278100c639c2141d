/**
 * What a copy asks before it starts: the first copy of a cluster's backups to a region (it puts the cluster's
 * key material there, encrypted, and never expires), and copies a data-residency tag keeps out, which go only
 * with an explicit "I understand" override. For one backup (the copy button, the tags dialog) or for several
 * clusters at once (copy the newest of each): then clusters kept out by residency are skipped unless overridden,
 * and the rest are copied.
 */
import { useId, useState } from 'react';
import { regionName } from '../../../../../cloudhsm/regions';
import { Alert } from '../../../../../ui';
import { ActionButton, Dialog, DialogActions } from '../../../../../ui/actions';
import { clusterLabel, type CopyPrompt } from './copyChecks';

export interface CopyGuardAnswer {
  go: boolean;
  /** The person overrode the residency tags (those copies go too). */
  override: boolean;
}

export interface CopyGuardDialogProps {
  prompts: readonly CopyPrompt[];
  destination: string;
  onAnswer: (answer: CopyGuardAnswer) => void;
}

const where = (region: string) => {
  const name = regionName(region);
  return name === region ? region : `${name} (${region})`;
};

export function CopyGuardDialog({ prompts, destination, onAnswer }: CopyGuardDialogProps) {
  const [override, setOverride] = useState(false);
  const checkboxId = useId();
  const firsts = prompts.filter((p) => p.firstCopy);
  const kept = prompts.filter((p) => p.needsOverride);
  const single = prompts.length === 1;
  const one = prompts[0];
  if (!one) return null;
  // One backup kept out goes nowhere without the override; of several, the others may still go.
  const allKept = kept.length === prompts.length;
  const reason = kept.length > 0 && !override && allKept ? 'Tick “I understand…” first, or Cancel' : null;
  const title =
    kept.length > 0
      ? `Data residency: copy to ${destination}?`
      : single
        ? `First copy of ${clusterLabel(one.facts)} to ${destination}`
        : `First copies to ${destination}`;
  const description =
    kept.length > 0
      ? `A data residency tag keeps ${single ? 'this backup' : kept.length === 1 ? 'one of these backups' : 'some of these backups'} out of ${destination}.`
      : `${single ? 'This cluster has' : 'These clusters have'} no backups in ${where(destination)} yet.`;
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onAnswer({ go: false, override: false })}
      title={title}
      description={description}
      testId="copy-guard-dialog"
    >
      <div className="flex flex-col gap-3 text-sm">
        {kept.length > 0 && (
          <Alert type="warning" live={false} header="Data residency" data-testid="copy-residency">
            <ul className="list-disc pl-5">
              {kept.flatMap((p) => [
                ...p.facts.residency.map((block) => (
                  <li key={`${p.facts.source.backupId}/${block.kind}`}>
                    <span className="font-mono">{block.tag}</span>: {block.reason}
                  </li>
                )),
                ...p.facts.unreadable.map((what) => (
                  <li key={`${p.facts.source.backupId}/${what}`}>Could not read {what}, so its data residency could not be checked.</li>
                )),
              ])}
            </ul>
            <label htmlFor={checkboxId} className="mt-2 flex items-start gap-2">
              <input id={checkboxId} type="checkbox" className="mt-1" checked={override} onChange={(e) => setOverride(e.target.checked)} />
              <span>
                I understand: copy {kept.length === 1 ? 'it' : 'them'} to {destination} anyway, outside the data residency{' '}
                {kept.length === 1 ? 'tag' : 'tags'}.
              </span>
            </label>
            {!allKept && !override && (
              <p className="mt-1">
                Unless you tick this, {kept.length === 1 ? 'that backup is' : 'those backups are'} skipped and the others are copied.
              </p>
            )}
          </Alert>
        )}
        {firsts.length > 0 && (
          <div data-testid="copy-first">
            {single ? (
              <p>
                {clusterLabel(one.facts)} has no backups in {where(destination)} yet
                {one.facts.hasCopies === null ? ' (or it could not be checked)' : ''}.
              </p>
            ) : (
              <>
                <p>First copy to {where(destination)} for:</p>
                <ul className="list-disc pl-5">
                  {firsts.map((p) => (
                    <li key={p.facts.source.backupId}>
                      {clusterLabel(p.facts)}
                      {p.facts.hasCopies === null ? ' (could not check for copies there)' : ''}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <p className="mt-2">
              The copy will hold the cluster’s key material (encrypted) in {destination}. It <strong>never expires</strong>: no retention
              policy applies to a copy, so it stays there until someone deletes it by hand.
            </p>
          </div>
        )}
        <DialogActions busy={false}>
          <ActionButton
            variant={kept.length > 0 ? 'danger' : 'primary'}
            disabledReason={reason}
            showReason
            onClick={() => onAnswer({ go: true, override })}
            data-testid="copy-guard-confirm"
          >
            {kept.length > 0 && single ? 'Copy anyway' : `Copy to ${destination}`}
          </ActionButton>
        </DialogActions>
      </div>
    </Dialog>
  );
}
