import { describe, expect, it } from 'vitest';
import { diffTags } from './diffTags';
import { applyStep, describeStep, planTagSave, summarizeDiff } from './saveTags';

const t = (Key: string, Value: string) => ({ Key, Value });
const many = (n: number, prefix = 'k') => Array.from({ length: n }, (_, i) => t(`${prefix}${i}`, ''));

describe('planTagSave', () => {
  it('tags before untagging, so a failed UntagResource loses nothing', () => {
    const before = [t('Env', 'dev'), t('Team', 'ops')];
    const diff = diffTags(before, [t('Env', 'prod'), t('Owner', 'me')]);
    expect(planTagSave(diff, before)).toEqual([
      { kind: 'tag', tags: [t('Owner', 'me'), t('Env', 'prod')] },
      { kind: 'untag', keys: ['Team'] },
    ]);
  });

  it('untags first when tagging first would go over 50 tags', () => {
    const before = many(50);
    const after = [...many(49), t('new', 'x')];
    const steps = planTagSave(diffTags(before, after), before);
    expect(steps.map((s) => s.kind)).toEqual(['untag', 'tag']);
  });

  it('still tags first at exactly 50 after tagging', () => {
    const before = many(49);
    const after = [...many(48), t('new', 'x')];
    expect(planTagSave(diffTags(before, after), before).map((s) => s.kind)).toEqual(['tag', 'untag']);
  });

  it('makes only the calls that are needed', () => {
    expect(planTagSave(diffTags([t('A', '1')], [t('A', '2')]), [t('A', '1')])).toEqual([{ kind: 'tag', tags: [t('A', '2')] }]);
    expect(planTagSave(diffTags([t('A', '1')], []), [t('A', '1')])).toEqual([{ kind: 'untag', keys: ['A'] }]);
    expect(planTagSave(diffTags([t('A', '1')], [t('A', '1')]), [t('A', '1')])).toEqual([]);
  });
});

describe('summarizeDiff and describeStep', () => {
  it('says what changed, only the non-zero parts', () => {
    expect(summarizeDiff(diffTags([t('A', '1'), t('B', '1'), t('C', '1')], [t('A', '2'), t('D', '1')]))).toBe(
      'Added 1, changed 1, removed 2 tags',
    );
    expect(summarizeDiff(diffTags([], [t('A', '1')]))).toBe('Added 1 tag');
    expect(summarizeDiff(diffTags([t('A', '1')], [t('A', '1')]))).toBe('No tags changed');
  });

  it('names the operation and the keys of a step', () => {
    expect(describeStep({ kind: 'tag', tags: [t('Env', 'x'), t('Owner', 'y')] })).toBe(
      'TagResource (add or change 2 tags: “Env”, “Owner”)',
    );
    expect(describeStep({ kind: 'untag', keys: ['Team'] })).toBe('UntagResource (remove 1 tag: “Team”)');
  });
});

describe('applyStep', () => {
  it('applies TagResource (overwrite or add) and UntagResource as the service does', () => {
    const tags = [t('A', '1'), t('B', '2')];
    expect(applyStep(tags, { kind: 'tag', tags: [t('B', '3'), t('C', '4')] })).toEqual([t('A', '1'), t('B', '3'), t('C', '4')]);
    expect(applyStep(tags, { kind: 'untag', keys: ['A', 'missing'] })).toEqual([t('B', '2')]);
  });
});
