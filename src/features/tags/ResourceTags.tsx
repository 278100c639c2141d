/**
 * The tags of one cluster or backup: chips, and an editor that shows the diff before saving and saves it
 * with TagResource and UntagResource (useResourceTagEdit). The diff is always measured against the tags the
 * edit started from, so a refetch (or a change in another tab) never rewrites what the person is typing.
 * Results are kit Alerts: the save (success, announced), a change made elsewhere meanwhile, a failure.
 */
import { useTagsQuery, type Tag } from '../../aws';
import { Alert, AwsErrorMessage, Button, SkeletonList } from '../../ui';
import { ActionButton, ActionError, ActionSuccess } from '../../ui/actions';
import { isEmptyDiff } from './diffTags';
import { describeStep } from './saveTags';
import { TagChips } from './TagChips';
import { TagDiffView } from './TagDiffView';
import { TagEditor } from './TagEditor';
import { restoreTag, rowIsEdited, splitManagedTags, startEditing, undoRow } from './tagEdits';
import { useResourceTagEdit, type ResourceTagEdit, type SaveFailure } from './useResourceTagEdit';
import { MAX_TAGS } from './validateTags';

export interface ResourceTagsProps {
  region: string;
  resourceId: string;
  kind: 'cluster' | 'backup';
  /** Why the tags cannot be edited now (e.g. the cluster is deleted); Edit tags and Save are off with it, shown as text. */
  disabledReason?: string | null;
  /** The resource's account (undefined: the base account), issue 15. */
  account?: string;
}

const sameTags = (a: readonly Tag[], b: readonly Tag[]): boolean => {
  const key = (tags: readonly Tag[]) => JSON.stringify(tags.map((t) => [t.Key, t.Value]).sort());
  return key(a) === key(b);
};

export function ResourceTags(props: ResourceTagsProps) {
  // A new resource (the page moved from one backup to another) starts a new view: no edit carries over.
  return <ResourceTagsOf key={`${props.account ?? ''}/${props.region}/${props.resourceId}`} {...props} />;
}

/** The resource the views show, with "no reason" said one way. */
type Resource = ResourceTagsProps & { disabledReason: string | null };
type TagEditState = ReturnType<typeof useResourceTagEdit>;

function ResourceTagsOf(props: ResourceTagsProps) {
  const resource: Resource = { ...props, disabledReason: props.disabledReason ?? null };
  const tags = useTagsQuery(props.region, props.resourceId, props.account);
  const tagEdit = useResourceTagEdit(props.region, props.resourceId, tags, props.account);

  if (tags.isPending) {
    return (
      <div aria-busy="true">
        <p aria-live="polite">Loading tags…</p>
        <SkeletonList rows={1} columns={3} className="mt-2" />
      </div>
    );
  }
  // A failed refresh keeps the last tags (and any edit in progress); only a failed first load has nothing to show.
  if (tags.data === undefined) return <AwsErrorMessage error={tags.error} what="Could not load the tags" />;
  if (!tagEdit.edit.editing) return <TagsView resource={resource} tags={tags.data} refreshError={tags.error} tagEdit={tagEdit} />;
  return <TagsEditorView resource={resource} current={tags.data} tagEdit={tagEdit} />;
}

interface TagsViewProps {
  resource: Resource;
  tags: Tag[];
  refreshError: ReturnType<typeof useTagsQuery>['error'];
  tagEdit: TagEditState;
}

function TagsView({ resource: { kind, disabledReason }, tags, refreshError, tagEdit: { edit, editButton } }: TagsViewProps) {
  return (
    <div className="flex flex-col gap-3" data-testid="resource-tags">
      {edit.success && (
        // No link: what changed is the chips right below, on this page.
        <ActionSuccess testId="tags-saved">{edit.success} The tags below are the ones saved.</ActionSuccess>
      )}
      {refreshError && <AwsErrorMessage error={refreshError} what="Could not refresh the tags; these are the last ones loaded" />}
      {tags.length === 0 ? <p>No tags: this {kind} has no tags.</p> : <TagChips tags={tags} />}
      <div>
        <ActionButton
          ref={editButton}
          onClick={() => edit.startEdit(tags)}
          disabledReason={disabledReason}
          showReason={disabledReason !== null}
        >
          Edit tags
        </ActionButton>
      </div>
    </div>
  );
}

/** Why Save is off: the page's reason, problems in the rows, or nothing changed. */
function saveBlockedReason(edit: ResourceTagEdit, disabledReason: string | null): string | null {
  if (disabledReason) return disabledReason;
  const problems = edit.validation.list.length;
  if (!edit.validation.valid) return `Fix ${problems === 1 ? 'the problem' : `the ${problems} problems`} above before saving`;
  return isEmptyDiff(edit.diff) ? 'Nothing to save: no tag was changed' : null;
}

interface TagsEditorViewProps {
  resource: Resource;
  /** The tags as last loaded (they may have changed since the edit started). */
  current: Tag[];
  tagEdit: TagEditState;
}

function TagsEditorView({ resource: { resourceId, disabledReason }, current, tagEdit: { edit, editorBox } }: TagsEditorViewProps) {
  const editing = edit.editing!;
  const managed = splitManagedTags(editing.loaded).managed;
  const changedElsewhere = !edit.saving && !sameTags(current, editing.loaded);
  const undoLink = (row: (typeof edit.rows)[number], index: number) =>
    editing.session.origins[row.id] && rowIsEdited(editing.session, row) ? (
      <Button variant="link" className="ml-2" onClick={() => edit.setSession((session) => undoRow(session, row.id))}>
        Undo<span className="sr-only"> changes to row {index + 1}</span>
      </Button>
    ) : null;

  return (
    <section
      aria-label={`Edit the tags of ${resourceId}`}
      className="flex flex-col gap-3"
      data-testid="resource-tags-editor"
      ref={editorBox}
    >
      {managed.length > 0 && (
        <div className="text-sm">
          <p className="mb-1">Tags AWS manages (aws: prefix) cannot be changed here:</p>
          <TagChips tags={managed} />
        </div>
      )}
      {/* Standing polite region: the notice is said when it appears, not on top of what the person is typing. */}
      <div role="status">
        {changedElsewhere && (
          <Alert
            type="warning"
            live={false}
            data-testid="tags-changed-elsewhere"
            action={
              <Button size="sm" onClick={() => edit.startEdit(current)}>
                Start over from the current tags
              </Button>
            }
          >
            The tags of {resourceId} changed since you started editing. Saving applies only the changes listed below.
          </Alert>
        )}
      </div>
      <TagEditor
        rows={edit.rows}
        onChange={(next) => edit.setSession((session) => ({ ...session, rows: next }))}
        label={`Tags of ${resourceId}`}
        disabled={edit.saving}
        maxTags={MAX_TAGS}
        rowActions={undoLink}
      />
      <TagDiffView
        diff={edit.diff}
        renames={edit.renames}
        excludedRows={edit.preview.excludedRows}
        disabled={edit.saving}
        onRestore={(key) => edit.setSession((session) => restoreTag(session, key, editing.baseline))}
      />
      {edit.failure && <SaveFailureMessage failure={edit.failure} resourceId={resourceId} />}
      <EditorButtons edit={edit} saveReason={saveBlockedReason(edit, disabledReason)} />
    </section>
  );
}

function EditorButtons({ edit, saveReason }: { edit: ResourceTagEdit; saveReason: string | null }) {
  const baseline = edit.editing?.baseline ?? [];
  return (
    <div className="flex flex-wrap items-center gap-2">
      <ActionButton
        variant="primary"
        onClick={() => void edit.save()}
        pending={edit.saving}
        pendingLabel="Saving…"
        disabledReason={saveReason}
        showReason
      >
        Save tags
      </ActionButton>
      {/* Natively disabled (out of the tab order) while there is nothing to undo or the save runs, as before. */}
      <Button onClick={() => edit.setSession(() => startEditing(baseline))} disabled={edit.saving || isEmptyDiff(edit.typed)}>
        Undo all changes
      </Button>
      <Button onClick={edit.stopEdit} disabled={edit.saving}>
        Cancel
      </Button>
    </div>
  );
}

function SaveFailureMessage({ failure, resourceId }: { failure: SaveFailure; resourceId: string }) {
  if (failure.applied.length === 0) return <ActionError error={failure.error} what={`Could not save the tags of ${resourceId}`} />;
  return (
    <div data-testid="tags-partly-saved" className="flex flex-col gap-2">
      <Alert type="warning" live={false} header="Saved in part">
        <p>
          Applied: {failure.applied.map(describeStep).join('; ')}. Not applied: {failure.notApplied.map(describeStep).join('; ')}. The
          changes below are what is left; Save tries them again.
        </p>
      </Alert>
      <AwsErrorMessage error={failure.error} what={`Could not finish saving the tags of ${resourceId}`} />
    </div>
  );
}
