import { describe, expect, it } from 'vitest';
import { diffTags, isEmptyDiff, tagResourceList, untagKeyList } from './diffTags';

const t = (Key: string, Value: string) => ({ Key, Value });

describe('diffTags', () => {
  it('finds added, changed, removed and unchanged tags', () => {
    const diff = diffTags([t('Env', 'dev'), t('Team', 'ops'), t('Name', 'a')], [t('Env', 'prod'), t('Name', 'a'), t('Owner', 'me')]);
    expect(diff).toEqual({
      added: [t('Owner', 'me')],
      changed: [{ key: 'Env', from: 'dev', to: 'prod' }],
      removed: [t('Team', 'ops')],
      unchanged: [t('Name', 'a')],
    });
    expect(tagResourceList(diff)).toEqual([t('Owner', 'me'), t('Env', 'prod')]);
    expect(untagKeyList(diff)).toEqual(['Team']);
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it('treats a renamed key as removed plus added, so both calls are made', () => {
    const diff = diffTags([t('owner', 'me')], [t('Owner', 'me')]);
    expect(diff.removed).toEqual([t('owner', 'me')]);
    expect(diff.added).toEqual([t('Owner', 'me')]);
    expect(tagResourceList(diff)).toEqual([t('Owner', 'me')]);
    expect(untagKeyList(diff)).toEqual(['owner']);
  });

  it('is empty when nothing changed, whatever the order', () => {
    const diff = diffTags([t('A', '1'), t('B', '2')], [t('B', '2'), t('A', '1')]);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.unchanged).toHaveLength(2);
    expect(tagResourceList(diff)).toEqual([]);
    expect(untagKeyList(diff)).toEqual([]);
  });

  it('is empty for two empty lists', () => {
    expect(isEmptyDiff(diffTags([], []))).toBe(true);
  });

  it('counts a value cleared to empty as a change, not a removal', () => {
    const diff = diffTags([t('Env', 'dev')], [t('Env', '')]);
    expect(diff.changed).toEqual([{ key: 'Env', from: 'dev', to: '' }]);
    expect(diff.removed).toEqual([]);
    expect(tagResourceList(diff)).toEqual([t('Env', '')]);
  });

  it('gives the same groups whatever the order of the inputs', () => {
    const before = [t('A', '1'), t('B', '2'), t('C', '3')];
    const after = [t('D', '4'), t('B', '9'), t('A', '1')];
    const one = diffTags(before, after);
    const two = diffTags([...before].reverse(), [...after].reverse());
    const sorted = (tags: { Key?: string }[]) => tags.map((x) => x.Key).sort();
    expect(sorted(one.added)).toEqual(sorted(two.added));
    expect(sorted(one.removed)).toEqual(sorted(two.removed));
    expect(one.changed).toEqual(two.changed);
    expect(sorted(one.unchanged)).toEqual(sorted(two.unchanged));
  });

  it('keeps keys case-sensitive', () => {
    const diff = diffTags([t('Env', 'x')], [t('Env', 'x'), t('env', 'x')]);
    expect(diff.added).toEqual([t('env', 'x')]);
    expect(diff.unchanged).toEqual([t('Env', 'x')]);
  });

  it('treats a missing Value (as the SDK types allow) as the empty string', () => {
    expect(isEmptyDiff(diffTags([{ Key: 'A', Value: undefined }], [t('A', '')]))).toBe(true);
  });
});
