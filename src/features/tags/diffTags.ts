/**
 * What saving an edit would change on a resource: the tags added, changed (same key, new value) and removed.
 * Keys are case-sensitive, as in AWS, so `Env` → `env` is a removal plus an addition (a rename).
 */
import type { Tag } from '../../aws';

export interface TagChange {
  key: string;
  from: string;
  to: string;
}

export interface TagDiff {
  added: Tag[];
  changed: TagChange[];
  removed: Tag[];
  unchanged: Tag[];
}

const byKey = (tags: readonly Tag[]): Map<string, string> => new Map(tags.map((tag) => [tag.Key ?? '', tag.Value ?? '']));

/** Each list is in the order of the tags it comes from (`after` for added/changed/unchanged, `before` for removed). */
export function diffTags(before: readonly Tag[], after: readonly Tag[]): TagDiff {
  const old = byKey(before);
  const next = byKey(after);
  const diff: TagDiff = { added: [], changed: [], removed: [], unchanged: [] };
  for (const [key, value] of next) {
    const previous = old.get(key);
    if (previous === undefined) diff.added.push({ Key: key, Value: value });
    else if (previous !== value) diff.changed.push({ key, from: previous, to: value });
    else diff.unchanged.push({ Key: key, Value: value });
  }
  for (const [key, value] of old) {
    if (!next.has(key)) diff.removed.push({ Key: key, Value: value });
  }
  return diff;
}

/** The TagList TagResource must send: new keys and new values (TagResource overwrites an existing key's value). */
export function tagResourceList(diff: TagDiff): Tag[] {
  return [...diff.added, ...diff.changed.map((change) => ({ Key: change.key, Value: change.to }))];
}

/** The TagKeyList UntagResource must send. */
export function untagKeyList(diff: TagDiff): string[] {
  return diff.removed.map((tag) => tag.Key ?? '');
}

export const isEmptyDiff = (diff: TagDiff): boolean => diff.added.length === 0 && diff.changed.length === 0 && diff.removed.length === 0;
