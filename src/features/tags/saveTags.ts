/**
 * Saving an edit is up to two calls: TagResource (added and changed tags) and UntagResource (removed keys).
 * They are ordered so that a failure of the second call loses no tag, and the outcome is worded from the
 * steps that were applied and the ones that were not.
 */
import type { Tag } from '../../aws';
import { tagResourceList, untagKeyList, type TagDiff } from './diffTags';
import { MAX_TAGS } from './validateTags';

export type TagSaveStep = { kind: 'tag'; tags: Tag[] } | { kind: 'untag'; keys: string[] };

/**
 * TagResource first, so if UntagResource then fails the old tags are still there (nothing lost, at worst a
 * tag too many). Unless adding first would take the resource over the limit: then UntagResource first.
 */
export function planTagSave(diff: TagDiff, current: readonly Tag[], maxTags = MAX_TAGS): TagSaveStep[] {
  const tags = tagResourceList(diff);
  const keys = untagKeyList(diff);
  const tagStep: TagSaveStep[] = tags.length > 0 ? [{ kind: 'tag', tags }] : [];
  const untagStep: TagSaveStep[] = keys.length > 0 ? [{ kind: 'untag', keys }] : [];
  const countAfterTagging = new Set([...current.map((tag) => tag.Key ?? ''), ...tags.map((tag) => tag.Key ?? '')]).size;
  return countAfterTagging > maxTags ? [...untagStep, ...tagStep] : [...tagStep, ...untagStep];
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "Added 1, changed 1, removed 2 tags": only the non-zero parts. */
export function summarizeDiff(diff: TagDiff): string {
  const parts: [string, number][] = [
    ['added', diff.added.length],
    ['changed', diff.changed.length],
    ['removed', diff.removed.length],
  ];
  const shown = parts.filter(([, count]) => count > 0);
  if (shown.length === 0) return 'No tags changed';
  const total = shown.reduce((sum, [, count]) => sum + count, 0);
  const text = shown.map(([verb, count]) => `${verb} ${count}`).join(', ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} ${total === 1 ? 'tag' : 'tags'}`;
}

const quoted = (keys: readonly string[]): string => keys.map((key) => `“${key}”`).join(', ');

/** One step in words, naming the keys: "TagResource (add or change 2 tags: “Env”, “Owner”)". */
export function describeStep(step: TagSaveStep): string {
  return step.kind === 'tag'
    ? `TagResource (add or change ${plural(step.tags.length, 'tag')}: ${quoted(step.tags.map((tag) => tag.Key ?? ''))})`
    : `UntagResource (remove ${plural(step.keys.length, 'tag')}: ${quoted(step.keys)})`;
}

/** The tags after a step was applied to `tags`. */
export function applyStep(tags: readonly Tag[], step: TagSaveStep): Tag[] {
  if (step.kind === 'untag') {
    const gone = new Set(step.keys);
    return tags.filter((tag) => !gone.has(tag.Key ?? ''));
  }
  const written = new Map(step.tags.map((tag) => [tag.Key ?? '', tag.Value ?? '']));
  const kept = tags.map((tag) => (written.has(tag.Key ?? '') ? { Key: tag.Key, Value: written.get(tag.Key ?? '') } : tag));
  const existing = new Set(tags.map((tag) => tag.Key ?? ''));
  return [...kept, ...step.tags.filter((tag) => !existing.has(tag.Key ?? ''))];
}
