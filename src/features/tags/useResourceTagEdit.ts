/**
 * The state of editing one resource's tags: the edit session (measured against the tags the edit started
 * from, so a refetch never rewrites what the person is typing), what a save would send, the save itself
 * (TagResource and UntagResource, in the order planTagSave gives), its result, and where focus goes.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { AwsRequestError, toAwsErrorInfo, type Tag, type useTagsQuery } from '../../aws';
import { useTagResourceMutation, useUntagResourceMutation } from '../../aws/actions';
import { diffTags } from './diffTags';
import { applyStep, planTagSave, summarizeDiff, type TagSaveStep } from './saveTags';
import { findRenames, rebase, splitManagedTags, startEditing, type TagEditSession } from './tagEdits';
import { previewTags } from './tagPreview';
import { tagsFromRows, type TagRow } from './tagRows';
import { validateTagRows } from './validateTags';

export interface Editing {
  /** The editable tags the edit is measured against (the loaded ones, or what a partial save left). */
  baseline: Tag[];
  /** Everything ListTags returned when the edit started, to notice changes made elsewhere. */
  loaded: Tag[];
  session: TagEditSession;
}

export type SaveFailure = { error: AwsRequestError; applied: TagSaveStep[]; notApplied: TagSaveStep[] };

type TagsQuery = ReturnType<typeof useTagsQuery>;

const EMPTY_SESSION: TagEditSession = { rows: [], origins: {} };
const NO_ROWS: TagRow[] = [];

/** What the edit would change, counting only rows without problems (the diff shows what a save would send). */
function useEditDerived(editing: Editing | null) {
  const rows = editing?.session.rows ?? NO_ROWS;
  const validation = useMemo(() => validateTagRows(rows), [rows]);
  const preview = useMemo(() => previewTags(editing?.session ?? EMPTY_SESSION, validation), [editing?.session, validation]);
  const diff = useMemo(() => diffTags(editing?.baseline ?? [], preview.after), [editing?.baseline, preview.after]);
  // Everything typed, problems included: whether there is anything to undo.
  const typed = useMemo(() => diffTags(editing?.baseline ?? [], tagsFromRows(rows)), [editing?.baseline, rows]);
  const renames = useMemo(() => (editing ? findRenames(editing.session, diff) : []), [editing, diff]);
  return { rows, validation, preview, diff, typed, renames };
}

/** Focus goes once the view it belongs to has rendered: into the editor, or back to Edit tags. */
function useFocusAfterRender() {
  const editButton = useRef<HTMLButtonElement>(null);
  const editorBox = useRef<HTMLElement>(null);
  const focusAfter = useRef<'editor' | 'edit-button' | null>(null);
  useEffect(() => {
    const target = focusAfter.current;
    if (target === null) return;
    focusAfter.current = null;
    if (target === 'edit-button') editButton.current?.focus();
    else editorBox.current?.querySelector<HTMLElement>('input, button:not([aria-disabled="true"])')?.focus();
  });
  return { editButton, editorBox, focusNext: (target: 'editor' | 'edit-button') => (focusAfter.current = target) };
}

export function useResourceTagEdit(region: string, resourceId: string, tags: TagsQuery, account?: string) {
  const tagMutation = useTagResourceMutation(region, account);
  const untagMutation = useUntagResourceMutation(region, account);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const focus = useFocusAfterRender();
  const derived = useEditDerived(editing);

  const startEdit = (from: readonly Tag[]) => {
    const editable = splitManagedTags(from).editable;
    setEditing({ baseline: editable, loaded: [...from], session: startEditing(editable) });
    setFailure(null);
    setSuccess(null);
    focus.focusNext('editor');
  };
  const stopEdit = () => {
    setEditing(null);
    setFailure(null);
    focus.focusNext('edit-button');
  };
  const setSession = (update: (session: TagEditSession) => TagEditSession) =>
    setEditing((current) => (current ? { ...current, session: update(current.session) } : current));

  /** A partial save: what did go through is now the starting point, so the diff shows only what is left. */
  const keepApplied = (applied: TagSaveStep[], from: Editing) => {
    const baseline = applied.reduce(applyStep, from.baseline);
    setEditing((current) =>
      current
        ? { baseline, loaded: [...splitManagedTags(current.loaded).managed, ...baseline], session: rebase(current.session, baseline) }
        : current,
    );
  };

  const save = async () => {
    if (!editing || saving) return;
    const steps = planTagSave(derived.diff, splitManagedTags(tags.data ?? editing.baseline).editable);
    const summary = summarizeDiff(derived.diff);
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
      const error =
        caught instanceof AwsRequestError ? caught : new AwsRequestError(toAwsErrorInfo(caught, { operation, region }), { cause: caught });
      setFailure({ error, applied: [...applied], notApplied: steps.slice(applied.length) });
      if (applied.length > 0) keepApplied(applied, editing);
      // Show the truth either way (a failed call does not invalidate anything by itself).
      void tags.refetch();
    } finally {
      setSaving(false);
    }
  };

  const edit = { editing, saving, failure, success, ...derived, startEdit, stopEdit, setSession, save };
  // The refs apart from the state, so that reading the state during render reads no ref.
  return { edit, editButton: focus.editButton, editorBox: focus.editorBox };
}

export type ResourceTagEdit = ReturnType<typeof useResourceTagEdit>['edit'];
