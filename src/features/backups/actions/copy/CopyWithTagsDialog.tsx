/**
 * "Copy with different tags…": the destination and the tag editor, prefilled with the source backup's tags.
 * Left unedited, TagList is left out and AWS copies the source's tags; edited, exactly the edited list is sent
 * (copyTags.ts, which also explains why "no tags at all" cannot be asked for). The dialog stays open while
 * AWS answers and shows its refusal in place; once accepted, the tracker panel follows the copy.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTagsQuery, type AwsRequestError } from '../../../../aws';
import { AwsErrorMessage, FormField, Options, Select, SkeletonList } from '../../../../ui';
import { ActionButton, ActionError, Dialog, DialogActions } from '../../../../ui/actions';
import { TagEditor } from '../../../tags/TagEditor';
import { rowsFromTags, tagsFromRows, type TagRow } from '../../../tags/tagRows';
import { validateTagRows } from '../../../tags/validateTags';
import { copyTagsInput } from './copyTags';
import type { CopySource } from './guard/copyChecks';
import { useCopyGuard } from './guard/useCopyGuard';
import { copyAccountNote } from './copyDestinations';
import type { CopyRequest } from './useCopyBackup';

export interface CopyWithTagsDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  region: string;
  /** The backup and its cluster (for the first-copy and residency guardrails). */
  source: CopySource;
  destinations: string[];
  preferred: string;
  copy: (request: CopyRequest) => Promise<AwsRequestError | null>;
  /** The backup's account (undefined: the base account); its tags are read there and the copy lands there. */
  account?: string;
}

const plural = (n: number) => `${n} tag${n === 1 ? '' : 's'}`;

/** What the copy's TagList will be, whether it can be sent (or why not), and the sentence that says which. */
function useCopyTagsPlan(region: string, backupId: string, account: string | undefined) {
  const tags = useTagsQuery(region, backupId, account);
  const [rows, setRows] = useState<TagRow[] | null>(null);
  // Prefill once the source's tags are known; without them (ListTags failed) start from none. Set while
  // rendering (state that follows the query once), so the editor never shows an empty first pass.
  if (rows === null && (tags.data || tags.error)) setRows(tags.data ? rowsFromTags(tags.data) : []);

  const sourceTags = useMemo(() => tags.data ?? [], [tags.data]);
  const editedTags = useMemo(() => tagsFromRows(rows ?? []), [rows]);
  const validation = useMemo(() => validateTagRows(rows ?? []), [rows]);
  const decision = copyTagsInput(sourceTags, editedTags);
  const blocked =
    rows === null ? 'Loading the source backup’s tags…' : !validation.valid ? 'Fix the tags first' : !decision.ok ? decision.reason : null;
  let summary: string | null = null;
  if (rows !== null && decision.ok && decision.TagList) summary = `Edited: the copy gets exactly these ${plural(decision.TagList.length)}.`;
  else if (rows !== null && decision.ok) {
    summary = tags.error
      ? "Unedited: TagList is left out, so AWS gives the copy the source's tags."
      : `Unedited: the copy gets the source's ${plural(sourceTags.length)} (TagList is left out and AWS copies them).`;
  }
  return { tagsError: tags.error, rows, setRows, validation, decision, blocked, summary };
}

export default function CopyWithTagsDialog({
  open,
  onOpenChange,
  region,
  source,
  destinations,
  preferred,
  copy,
  account,
}: CopyWithTagsDialogProps) {
  const { backupId } = source;
  const { guard, checking, dialog: guardDialog } = useCopyGuard(source);
  const { tagsError, rows, setRows, validation, decision, blocked, summary } = useCopyTagsPlan(region, backupId, account);
  const [destination, setDestination] = useState(preferred);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AwsRequestError | null>(null);
  const summaryId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (blocked !== null || pending || !decision.ok) return;
    setPending(true);
    setError(null);
    // Cancelled in the guard's dialog: nothing is copied and this dialog stays as it was.
    if (!(await guard(destination).catch(() => false))) {
      setPending(false);
      return;
    }
    const failure = await copy({
      destination,
      ...(decision.TagList ? { tagList: decision.TagList } : {}),
      tagsNote: decision.TagList ? `with the ${plural(decision.TagList.length)} you chose` : "with the source's tags",
      failuresInPanel: false,
    });
    setPending(false);
    if (failure) setError(failure);
    else onOpenChange(false);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      busy={pending}
      wide
      testId="copy-with-tags-dialog"
      title={
        <>
          Copy <span className="font-mono">{backupId}</span> with different tags
        </>
      }
      description="The copy gets exactly the tags below. Left as they are, AWS copies the source backup's tags."
    >
      <form onSubmit={submit} className="flex flex-col gap-4">
        {account && (
          <p className="text-sm" data-testid="copy-dialog-account-note">
            {copyAccountNote(account)}
          </p>
        )}
        <FormField label="Destination region">
          <Select className="w-60" value={destination} onChange={(e) => setDestination(e.target.value)} disabled={pending}>
            <Options items={destinations} />
          </Select>
        </FormField>
        {tagsError && (
          <AwsErrorMessage
            error={tagsError}
            what="Could not read the source backup's tags; tags you enter replace them, left empty AWS copies them"
          />
        )}
        {rows === null ? (
          <div aria-busy="true">
            <p aria-live="polite">Loading the source backup’s tags…</p>
            <SkeletonList rows={2} columns={2} className="mt-2" />
          </div>
        ) : (
          <TagEditor rows={rows} onChange={setRows} label={`Tags of the copy in ${destination}`} disabled={pending} />
        )}
        <CopyTagsSummary id={summaryId} summary={summary} problem={decision.ok ? null : decision.reason} problems={validation.list} />
        {error && <ActionError error={error} what={`Could not copy ${backupId} to ${destination}`} />}
        <DialogActions busy={pending}>
          <ActionButton
            type="submit"
            variant="primary"
            disabledReason={blocked}
            pending={pending}
            pendingLabel={checking ? 'Checking…' : `Copying to ${destination}…`}
            aria-describedby={summaryId}
          >
            Copy to {destination}
          </ActionButton>
        </DialogActions>
      </form>
      {guardDialog}
    </Dialog>
  );
}

/** What the copy's tags will be, or what stops it: one polite live region (the copy button is described by it). */
function CopyTagsSummary({
  id,
  summary,
  problem,
  problems,
}: {
  id: string;
  summary: string | null;
  problem: string | null;
  problems: string[];
}) {
  return (
    <div id={id} aria-live="polite" className="text-sm">
      {summary && <p data-testid="copy-tags-summary">{summary}</p>}
      {problem && (
        <p className="text-red-700 dark:text-red-300" data-testid="copy-tags-problem">
          {problem}
        </p>
      )}
      {problems.length > 0 && (
        <ul className="list-disc pl-5 text-red-700 dark:text-red-300">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
