/**
 * The tags of one cluster or backup: chips, and an editor that shows the diff before saving and saves it
 * with TagResource and UntagResource. The diff is always measured against the tags the edit started from,
 * so a refetch (or a change in another tab) never rewrites what the person is typing.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { AwsRequestError, toAwsErrorInfo, useTagsQuery, type Tag } from '../../aws';
import { useTagResourceMutation, useUntagResourceMutation } from '../../aws/actions';
import { ActionButton, ActionError, ActionSuccess } from '../../ui/actions';
import { AwsErrorMessage } from '../../ui/AwsErrorMessage';
import { buttonClass } from '../../ui/buttons';
import { diffTags, isEmptyDiff } from './diffTags';
import { applyStep, describeStep, planTagSave, summarizeDiff, type TagSaveStep } from './saveTags';
import { TagChips } from './TagChips';
import { TagDiffView } from './TagDiffView';
import { TagEditor } from './TagEditor';
import { findRenames, rebase, restoreTag, rowIsEdited, splitManagedTags, startEditing, undoRow, type TagEditSession } from './tagEdits';
import { previewTags } from './tagPreview';
import { tagsFromRows } from './tagRows';
import { MAX_TAGS, validateTagRows } from './validateTags';

export interface ResourceTagsProps {
  region: string;
  resourceId: string;
  kind: 'cluster' | 'backup';
  /** Why the tags cannot be edited now (e.g. the cluster is deleted); Edit tags and Save are off with it, shown as text. */
  disabledReason?: string | null;
}

interface Editing {
  /** The editable tags the edit is measured against (the loaded ones, or what a partial save left). */
  baseline: Tag[];
  /** Everything ListTags returned when the edit started, to notice changes made elsewhere. */
  loaded: Tag[];
  session: TagEditSession;
}

type SaveFailure = { error: AwsRequestError; applied: TagSaveStep[]; notApplied: TagSaveStep[] };

const sameTags = (a: readonly Tag[], b: readonly Tag[]): boolean => {
  const key = (tags: readonly Tag[]) => JSON.stringify(tags.map((t) => [t.Key, t.Value]).sort());
  return key(a) === key(b);
};

export function ResourceTags(props: ResourceTagsProps) {
  // A new resource (the page moved from one backup to another) starts a new view: no edit carries over.
  return <ResourceTagsOf key={`${props.region}/${props.resourceId}`} {...props} />;
}

function ResourceTagsOf({ region, resourceId, kind, disabledReason = null }: ResourceTagsProps) {
  const tags = useTagsQuery(region, resourceId);
  const tagMutation = useTagResourceMutation(region);
  const untagMutation = useUntagResourceMutation(region);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const editorBox = useRef<HTMLElement>(null);
  const focusAfter = useRef<'editor' | 'edit-button' | null>(null);

  // Focus moves once the view it belongs to has rendered (the editor, or back to Edit tags).
  useEffect(() => {
    const target = focusAfter.current;
    if (target === null) return;
    focusAfter.current = null;
    if (target === 'edit-button') editButton.current?.focus();
    else editorBox.current?.querySelector<HTMLElement>('input, button:not([aria-disabled="true"])')?.focus();
  });

  const rows = editing?.session.rows ?? [];
  const validation = useMemo(() => validateTagRows(rows), [rows]);
  // The preview (and Save) count only rows without problems: the diff shows what a save would send.
  const preview = useMemo(() => previewTags(editing?.session ?? { rows: [], origins: {} }, validation), [editing?.session, validation]);
  const diff = useMemo(() => diffTags(editing?.baseline ?? [], preview.after), [editing?.baseline, preview.after]);
  // Everything typed, problems included: whether there is anything to undo.
  const typed = useMemo(() => diffTags(editing?.baseline ?? [], tagsFromRows(rows)), [editing?.baseline, rows]);
  const renames = useMemo(() => (editing ? findRenames(editing.session, diff) : []), [editing, diff]);

  const noun = kind === 'cluster' ? 'cluster' : 'backup';

  const startEdit = (from: readonly Tag[]) => {
    const editable = splitManagedTags(from).editable;
    setEditing({ baseline: editable, loaded: [...from], session: startEditing(editable) });
    setFailure(null);
    setSuccess(null);
    focusAfter.current = 'editor';
  };

  const setSession = (update: (session: TagEditSession) => TagEditSession) => setEditing((current) => (current ? { ...current, session: update(current.session) } : current));

  const stopEdit = () => {
    setEditing(null);
    setFailure(null);
    focusAfter.current = 'edit-button';
  };

  const save = async () => {
    if (!editing || saving) return;
    const steps = planTagSave(diff, splitManagedTags(tags.data ?? editing.baseline).editable);
    const summary = summarizeDiff(diff);
    const applied: TagSaveStep[] = [];
    setSaving(true);
    setFailure(null);
    try {
      for (const step of steps) {
        if (step.kind === 'tag') await tagMutation.mutateAsync({ ResourceId: resourceId, TagList: step.tags });
        else await untagMutation.mutateAsync({ ResourceId: resourceId, TagKeyList: step.keys });
        applied.push(step);
      }
      setSuccess(`${summary} on ${resourceId}.`);
      stopEdit();
    } catch (caught) {
      const operation = steps[applied.length]?.kind === 'untag' ? 'UntagResource' : 'TagResource';
      const error = caught instanceof AwsRequestError ? caught : new AwsRequestError(toAwsErrorInfo(caught, { operation, region }), { cause: caught });
      setFailure({ error, applied: [...applied], notApplied: steps.slice(applied.length) });
      if (applied.length > 0) {
        // What did go through is now the starting point, so the diff shows only what is left to save.
        const baseline = applied.reduce(applyStep, editing.baseline);
        setEditing((current) =>
          current ? { baseline, loaded: [...splitManagedTags(current.loaded).managed, ...baseline], session: rebase(current.session, baseline) } : current,
        );
      }
      // Show the truth either way (a failed call does not invalidate anything by itself).
      void tags.refetch();
    } finally {
      setSaving(false);
    }
  };

  if (tags.isPending) return <p aria-live="polite">Loading tags…</p>;
  // A failed refresh keeps the last tags (and any edit in progress); only a failed first load has nothing to show.
  if (tags.data === undefined) return <AwsErrorMessage error={tags.error} what="Could not load the tags" />;

  if (!editing) {
    return (
      <div className="flex flex-col gap-3" data-testid="resource-tags">
        {success && (
          // No link: what changed is the chips right below, on this page.
          <ActionSuccess testId="tags-saved">{success} The tags below are the ones saved.</ActionSuccess>
        )}
        {tags.error && <AwsErrorMessage error={tags.error} what="Could not refresh the tags; these are the last ones loaded" />}
        {tags.data.length === 0 ? <p>No tags: this {noun} has no tags.</p> : <TagChips tags={tags.data} />}
        <div>
          <ActionButton ref={editButton} onClick={() => startEdit(tags.data)} disabledReason={disabledReason} showReason={disabledReason !== null}>
            Edit tags
          </ActionButton>
        </div>
      </div>
    );
  }

  const managed = splitManagedTags(editing.loaded).managed;
  const changedElsewhere = !saving && !sameTags(tags.data, editing.loaded);
  const saveReason = disabledReason
    ? disabledReason
    : !validation.valid
    ? `Fix ${validation.list.length === 1 ? 'the problem' : `the ${validation.list.length} problems`} above before saving`
    : isEmptyDiff(diff)
      ? 'Nothing to save: no tag was changed'
      : null;

  return (
    <section aria-label={`Edit the tags of ${resourceId}`} className="flex flex-col gap-3" data-testid="resource-tags-editor" ref={editorBox}>
      {managed.length > 0 && (
        <div className="text-sm">
          <p className="mb-1">Tags AWS manages (aws: prefix) cannot be changed here:</p>
          <TagChips tags={managed} />
        </div>
      )}
      {changedElsewhere && (
        <div role="status" className="rounded border border-amber-400 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100" data-testid="tags-changed-elsewhere">
          The tags of {resourceId} changed since you started editing. Saving applies only the changes listed below.{' '}
          <button type="button" className="underline" onClick={() => startEdit(tags.data)}>
            Start over from the current tags
          </button>
        </div>
      )}
      <TagEditor
        rows={rows}
        onChange={(next) => setSession((session) => ({ ...session, rows: next }))}
        label={`Tags of ${resourceId}`}
        disabled={saving}
        maxTags={MAX_TAGS}
        rowActions={(row, index) =>
          editing.session.origins[row.id] && rowIsEdited(editing.session, row) ? (
            <button type="button" className={`${buttonClass.link} ml-2`} onClick={() => setSession((session) => undoRow(session, row.id))}>
              Undo<span className="sr-only"> changes to row {index + 1}</span>
            </button>
          ) : null
        }
      />
      <TagDiffView diff={diff} renames={renames} excludedRows={preview.excludedRows} disabled={saving} onRestore={(key) => setSession((session) => restoreTag(session, key, editing.baseline))} />
      {failure && <SaveFailureMessage failure={failure} resourceId={resourceId} />}
      <div className="flex flex-wrap items-center gap-2">
        <ActionButton variant="primary" onClick={() => void save()} pending={saving} pendingLabel="Saving…" disabledReason={saveReason} showReason>
          Save tags
        </ActionButton>
        <button type="button" className={buttonClass.secondary} onClick={() => setSession(() => startEditing(editing.baseline))} disabled={saving || isEmptyDiff(typed)}>
          Undo all changes
        </button>
        <button type="button" className={buttonClass.secondary} onClick={stopEdit} disabled={saving}>
          Cancel
        </button>
      </div>
    </section>
  );
}

function SaveFailureMessage({ failure, resourceId }: { failure: SaveFailure; resourceId: string }) {
  if (failure.applied.length === 0) return <ActionError error={failure.error} what={`Could not save the tags of ${resourceId}`} />;
  return (
    <div data-testid="tags-partly-saved">
      <p className="mb-1 text-sm font-medium">
        Saved in part. Applied: {failure.applied.map(describeStep).join('; ')}. Not applied: {failure.notApplied.map(describeStep).join('; ')}. The changes
        below are what is left; Save tries them again.
      </p>
      <AwsErrorMessage error={failure.error} what={`Could not finish saving the tags of ${resourceId}`} />
    </div>
  );
}
