/**
 * What "Tag selected" sends to each backup: TagResource with the tags to add or overwrite, and UntagResource
 * with the keys to remove, checked against the API's constraints (TagKey, TagKeyList) before anything is
 * sent. Keys to remove are typed as a comma- or line-separated list (commas and line breaks cannot be part of
 * a tag key); spaces around each are dropped. Pure.
 */
import type { Tag } from '../../../../aws';
import { TagKey, TagKeyList, TagList } from '../../../../aws/constraints';
import { nameCharacters } from '../../../tags/characterNames';
import { forbiddenCharacters } from '../../../tags/validateTags';

export interface BulkTagPlan {
  tagList: Tag[];
  removeKeys: string[];
  /** Problems with the keys to remove (shown by that field). */
  keyProblems: string[];
  /** Every reason the plan cannot be sent, keyProblems included; empty when it can. */
  problems: string[];
}

export function parseKeyList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\n\r]+/)
        .map((key) => key.trim())
        .filter((key) => key !== ''),
    ),
  ];
}

function keyProblem(key: string): string | null {
  const length = [...key].length;
  if (TagKey.max !== undefined && length > TagKey.max)
    return `Key to remove "${key.slice(0, 20)}…" is ${length} characters; at most ${TagKey.max}`;
  const bad = forbiddenCharacters(key, TagKey);
  if (bad.length > 0) return `Key to remove "${key}" contains characters tag keys cannot have: ${nameCharacters(bad)}`;
  if (key.toLowerCase().startsWith('aws:')) return `Key to remove "${key}": keys starting with aws: are reserved for AWS`;
  return null;
}

export function planBulkTagChange(addTags: readonly Tag[], removeText: string): BulkTagPlan {
  const removeKeys = parseKeyList(removeText);
  const keyProblems: string[] = [];
  for (const key of removeKeys) {
    const problem = keyProblem(key);
    if (problem) keyProblems.push(problem);
  }
  const maxKeys = TagKeyList.max ?? 50;
  if (removeKeys.length > maxKeys) keyProblems.push(`At most ${maxKeys} keys can be removed at once; this names ${removeKeys.length}`);
  const added = new Set(addTags.map((t) => t.Key ?? ''));
  for (const key of removeKeys) if (added.has(key)) keyProblems.push(`Key "${key}" is both added and removed; choose one`);
  const problems = [...keyProblems];
  if (addTags.length === 0 && removeKeys.length === 0) problems.push('Add at least one tag, or name a key to remove');
  return { tagList: addTags.map((t) => ({ Key: t.Key, Value: t.Value })), removeKeys, keyProblems, problems };
}

/** At most this many tags per resource (TagList's max). */
const MAX_TAGS = TagList.max ?? 50;

/** How many tags a resource with `existing` tags has after adding `tagList` and removing `removeKeys`. */
export function tagCountAfter(existing: readonly Tag[], change: Pick<BulkTagPlan, 'tagList' | 'removeKeys'>): number {
  const keys = new Set(existing.map((t) => t.Key ?? ''));
  for (const key of change.removeKeys) keys.delete(key);
  for (const tag of change.tagList) keys.add(tag.Key ?? '');
  return keys.size;
}

/**
 * Why the change cannot be made on a backup with these tags (AWS would refuse it: more than TagList's max),
 * or null. The limit applies to the result, removals included (see `untagFirst` for the order that makes
 * this true). Unknown tags (not listed by DescribeBackups) are not judged: AWS then decides.
 */
export function tagLimitReason(existing: readonly Tag[] | undefined, change: Pick<BulkTagPlan, 'tagList' | 'removeKeys'>): string | null {
  if (!existing || change.tagList.length === 0) return null;
  const count = tagCountAfter(existing, change);
  if (count <= MAX_TAGS) return null;
  return `it has ${existing.length} tags; this change would make ${count}, over the limit of ${MAX_TAGS} per backup`;
}

/**
 * Whether UntagResource must go before TagResource on this backup: tagging first is safer (a failed removal
 * loses nothing) but would pass the limit before the removals make room.
 */
export function untagFirst(existing: readonly Tag[] | undefined, change: Pick<BulkTagPlan, 'tagList' | 'removeKeys'>): boolean {
  if (!existing || change.removeKeys.length === 0 || change.tagList.length === 0) return false;
  return tagCountAfter(existing, { tagList: change.tagList, removeKeys: [] }) > MAX_TAGS;
}
