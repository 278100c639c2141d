import { describe, expect, it } from 'vitest';
import { parseKeyList, planBulkTagChange, tagCountAfter, tagLimitReason, untagFirst } from './bulkTags';

describe('parseKeyList', () => {
  it('splits on commas and line breaks, trims, drops blanks and duplicates', () => {
    expect(parseKeyList('Env, Owner\nTicket,,\r\n Env ')).toEqual(['Env', 'Owner', 'Ticket']);
    expect(parseKeyList('   ')).toEqual([]);
    expect(parseKeyList('Cost Center')).toEqual(['Cost Center']);
  });
});

describe('planBulkTagChange', () => {
  it('adds and removes what was asked', () => {
    expect(planBulkTagChange([{ Key: 'Team', Value: 'dr' }], 'Ticket')).toEqual({
      tagList: [{ Key: 'Team', Value: 'dr' }],
      removeKeys: ['Ticket'],
      keyProblems: [],
      problems: [],
    });
    expect(planBulkTagChange([], 'Ticket').problems).toEqual([]);
    expect(planBulkTagChange([{ Key: 'Team', Value: '' }], '').problems).toEqual([]);
  });

  it('refuses an empty change (not a problem of the keys field)', () => {
    const plan = planBulkTagChange([], ' , ');
    expect(plan.problems).toEqual(['Add at least one tag, or name a key to remove']);
    expect(plan.keyProblems).toEqual([]);
  });

  it('refuses keys to remove that no tag can have', () => {
    const { problems, keyProblems } = planBulkTagChange([], `ok, bad#key, aws:reserved, ${'k'.repeat(129)}`);
    expect(problems).toHaveLength(3);
    expect(keyProblems).toEqual(problems);
    expect(problems[0]).toMatch(/"bad#key" contains characters tag keys cannot have: # \(hash\)/);
    expect(problems.join('\n')).toMatch(/aws: are reserved/);
    expect(problems.join('\n')).toMatch(/129 characters; at most 128/);
  });

  it('refuses a key that is both added and removed', () => {
    expect(planBulkTagChange([{ Key: 'Env', Value: 'prod' }], 'Env').problems).toEqual(['Key "Env" is both added and removed; choose one']);
  });

  it('refuses more than 50 keys to remove', () => {
    const keys = Array.from({ length: 51 }, (_, i) => `k${i}`).join(',');
    expect(planBulkTagChange([], keys).problems).toEqual(['At most 50 keys can be removed at once; this names 51']);
  });
});

const tags = (n: number, prefix = 'k') => Array.from({ length: n }, (_, i) => ({ Key: `${prefix}${i}`, Value: 'v' }));

describe('tagCountAfter', () => {
  it('counts keys: an added key the backup has overwrites (no new tag), removed keys go', () => {
    expect(
      tagCountAfter(tags(3), {
        tagList: [
          { Key: 'k0', Value: 'new' },
          { Key: 'Team', Value: 'dr' },
        ],
        removeKeys: [],
      }),
    ).toBe(4);
    expect(tagCountAfter(tags(3), { tagList: [], removeKeys: ['k1', 'absent'] })).toBe(2);
    expect(tagCountAfter([], { tagList: [], removeKeys: [] })).toBe(0);
  });
});

describe('tagLimitReason', () => {
  it('refuses a backup the new tags would take past 50, saying how many it has and would have', () => {
    expect(tagLimitReason(tags(49), { tagList: tags(2, 'new'), removeKeys: [] })).toBe(
      'it has 49 tags; this change would make 51, over the limit of 50 per backup',
    );
  });

  it('allows exactly 50, and overwriting keys the backup already has', () => {
    expect(tagLimitReason(tags(48), { tagList: tags(2, 'new'), removeKeys: [] })).toBeNull();
    expect(tagLimitReason(tags(50), { tagList: [{ Key: 'k3', Value: 'changed' }], removeKeys: [] })).toBeNull();
  });

  it('counts the removals (they then go first), and never judges a pure removal', () => {
    expect(tagLimitReason(tags(50), { tagList: tags(1, 'new'), removeKeys: ['k0'] })).toBeNull();
    expect(untagFirst(tags(50), { tagList: tags(1, 'new'), removeKeys: ['k0'] })).toBe(true);
    expect(tagLimitReason(tags(50), { tagList: tags(2, 'new'), removeKeys: ['k0'] })).toMatch(/would make 51/);
    expect(tagLimitReason(tags(50), { tagList: [], removeKeys: ['k0'] })).toBeNull();
  });

  it('tags first whenever that stays within the limit (a failed removal then loses nothing)', () => {
    expect(untagFirst(tags(10), { tagList: tags(1, 'new'), removeKeys: ['k0'] })).toBe(false);
    expect(untagFirst(tags(50), { tagList: [{ Key: 'k1', Value: 'changed' }], removeKeys: ['k0'] })).toBe(false);
    expect(untagFirst(undefined, { tagList: tags(60, 'new'), removeKeys: ['k0'] })).toBe(false);
  });

  it('does not judge a backup whose tags are unknown', () => {
    expect(tagLimitReason(undefined, { tagList: tags(60, 'new'), removeKeys: [] })).toBeNull();
  });
});
