/**
 * Bookkeeping for editing the tags of an existing resource: which row came from which loaded tag (for
 * per-row undo and for naming renames), and the `aws:` tags AWS manages, which nobody can edit.
 */
import type { Tag } from '../../aws';
import type { TagDiff } from './diffTags';
import { isBlankRow, newTagRow, rowsFromTags, type TagRow } from './tagRows';

/** Tags AWS itself adds (e.g. aws:cloudformation:stack-name): reserved, read-only, not counted in the 50. */
export const isAwsManagedTag = (tag: Tag): boolean => (tag.Key ?? '').toLowerCase().startsWith('aws:');

/** The editable tags and the AWS-managed ones of a resource. */
export function splitManagedTags(tags: readonly Tag[]): { editable: Tag[]; managed: Tag[] } {
  return { editable: tags.filter((tag) => !isAwsManagedTag(tag)), managed: tags.filter(isAwsManagedTag) };
}

/** An edit session: the rows, and for each row that came from a loaded tag, that tag (by row id). */
export interface TagEditSession {
  rows: TagRow[];
  origins: Record<string, Tag>;
}

export function startEditing(tags: readonly Tag[]): TagEditSession {
  const rows = rowsFromTags(tags);
  return { rows, origins: Object.fromEntries(rows.map((row) => [row.id, { Key: row.key, Value: row.value }])) };
}

export function rowIsEdited(session: TagEditSession, row: TagRow): boolean {
  const origin = session.origins[row.id];
  return origin !== undefined && (origin.Key !== row.key || origin.Value !== row.value);
}

/** Put one row back as it was loaded. */
export function undoRow(session: TagEditSession, rowId: string): TagEditSession {
  const origin = session.origins[rowId];
  if (!origin) return session;
  return {
    ...session,
    rows: session.rows.map((row) => (row.id === rowId ? { ...row, key: origin.Key ?? '', value: origin.Value ?? '' } : row)),
  };
}

/**
 * Bring back a removed tag: its row if it is still there (renamed or emptied), else a row with its old id at
 * its old place (clamped to the end).
 */
export function restoreTag(session: TagEditSession, key: string, loaded: readonly Tag[]): TagEditSession {
  const entry = Object.entries(session.origins).find(([, tag]) => tag.Key === key);
  if (!entry) return session;
  const [rowId, tag] = entry;
  if (session.rows.some((row) => row.id === rowId)) return undoRow(session, rowId);
  const at = Math.min(
    loaded.findIndex((t) => t.Key === key),
    session.rows.length,
  );
  const rows = [...session.rows];
  rows.splice(at < 0 ? rows.length : at, 0, { id: rowId, key: tag.Key ?? '', value: tag.Value ?? '' });
  return { ...session, rows };
}

export interface TagRename {
  from: string;
  to: string;
}

/** Rows whose loaded key was replaced by another (the diff has it as removed + added). */
export function findRenames(session: TagEditSession, diff: TagDiff): TagRename[] {
  const removed = new Set(diff.removed.map((tag) => tag.Key));
  const added = new Set(diff.added.map((tag) => tag.Key));
  return session.rows.flatMap((row) => {
    const origin = session.origins[row.id];
    if (!origin || isBlankRow(row) || origin.Key === row.key) return [];
    return removed.has(origin.Key) && added.has(row.key) ? [{ from: origin.Key ?? '', to: row.key }] : [];
  });
}

/** After part of a save was applied, the rows are measured against the new state of the resource. */
export function rebase(session: TagEditSession, applied: readonly Tag[]): TagEditSession {
  const values = new Map(applied.map((tag) => [tag.Key ?? '', tag.Value ?? '']));
  const origins: Record<string, Tag> = {};
  const matched = new Set<string>();
  for (const row of session.rows) {
    const value = values.get(row.key);
    if (value !== undefined && !matched.has(row.key)) {
      origins[row.id] = { Key: row.key, Value: value };
      matched.add(row.key);
    }
  }
  // Tags with no row (removed in the editor, not yet on AWS) keep an origin under a fresh id, so they can be restored.
  for (const tag of applied) {
    if (!matched.has(tag.Key ?? '')) origins[newTagRow().id] = { Key: tag.Key, Value: tag.Value };
  }
  return { ...session, origins };
}
