import { describe, expect, it } from 'vitest';
import { parseKeyList, planBulkTagChange } from './bulkTags';

describe('parseKeyList', () => {
  it('splits on commas and line breaks, trims, drops blanks and duplicates', () => {
    expect(parseKeyList('Env, Owner\nTicket,,\r\n Env ')).toEqual(['Env', 'Owner', 'Ticket']);
    expect(parseKeyList('   ')).toEqual([]);
    expect(parseKeyList('Cost Center')).toEqual(['Cost Center']);
  });
});

describe('planBulkTagChange', () => {
  it('adds and removes what was asked', () => {
    expect(planBulkTagChange([{ Key: 'Team', Value: 'dr' }], 'Ticket')).toEqual({ tagList: [{ Key: 'Team', Value: 'dr' }], removeKeys: ['Ticket'], keyProblems: [], problems: [] });
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
    expect(problems[0]).toMatch(/"bad#key" contains characters/);
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
