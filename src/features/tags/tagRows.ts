/**
 * The editor's rows: a tag plus a stable id, so React keeps focus and per-row state on the right row while
 * rows are added and removed. The id is the editor's own and is never sent to AWS.
 */
import type { Tag } from '../../aws';

export interface TagRow {
  id: string;
  key: string;
  value: string;
}

let nextRowNumber = 0;

export function newTagRow(key = '', value = ''): TagRow {
  nextRowNumber += 1;
  return { id: `tag-row-${nextRowNumber}`, key, value };
}

export function rowsFromTags(tags: readonly Tag[]): TagRow[] {
  return tags.map((tag) => newTagRow(tag.Key ?? '', tag.Value ?? ''));
}

/** A row with neither key nor value is a placeholder the person has not filled in: it is no tag. */
export const isBlankRow = (row: TagRow): boolean => row.key === '' && row.value === '';

/** The tags the rows stand for, exactly as typed (spaces are legal in tags, so nothing is trimmed). */
export function tagsFromRows(rows: readonly TagRow[]): Tag[] {
  return rows.filter((row) => !isBlankRow(row)).map((row) => ({ Key: row.key, Value: row.value }));
}
