import { describe, expect, it } from 'vitest';
import { TagKey, TagList, TagValue } from '../../aws/constraints';
import { newTagRow, type TagRow } from './tagRows';
import { MAX_TAGS, validateTagRows } from './validateTags';

const rows = (...pairs: [string, string][]): TagRow[] => pairs.map(([key, value]) => newTagRow(key, value));
const problemsOf = (list: TagRow[]) => {
  const result = validateTagRows(list);
  return list.map((row) => result.rows[row.id] ?? {});
};

describe('validateTagRows', () => {
  it('takes its numbers from the API constraints', () => {
    expect([TagKey.min, TagKey.max, TagValue.min, TagValue.max, TagList.max, MAX_TAGS]).toEqual([1, 128, 0, 256, 50, 50]);
  });

  it('accepts ordinary tags, empty values and unicode letters, digits and the allowed symbols', () => {
    const result = validateTagRows(
      rows(['Env', 'prod'], ['Owner', ''], ['Kostenstelle-Ü', 'Ünïcødé 名前 ١٢٣'], ['a_b.c:d/e=f+g-h@i', 'x y']),
    );
    expect(result).toMatchObject({ valid: true, rows: {}, list: [] });
  });

  it('ignores blank rows: they are placeholders, not tags', () => {
    expect(validateTagRows(rows(['', ''], ['Env', 'x'], ['', '']))).toMatchObject({ valid: true, list: [] });
  });

  it('requires a key when a value was typed', () => {
    expect(problemsOf(rows(['', 'orphan']))).toEqual([{ key: 'Key is required' }]);
  });

  it('allows 128 characters in a key and refuses 129, counting characters not UTF-16 units', () => {
    expect(validateTagRows(rows(['k'.repeat(128), ''])).valid).toBe(true);
    expect(problemsOf(rows(['k'.repeat(129), '']))).toEqual([{ key: 'Key is 129 characters; at most 128' }]);
    // 𝒜 is one character but two UTF-16 units: 128 of them are allowed, as the service counts.
    expect(validateTagRows(rows(['𝒜'.repeat(128), ''])).valid).toBe(true);
    expect(problemsOf(rows(['𝒜'.repeat(129), '']))).toEqual([{ key: 'Key is 129 characters; at most 128' }]);
  });

  it('allows 256 characters in a value and refuses 257', () => {
    expect(validateTagRows(rows(['K', 'v'.repeat(256)])).valid).toBe(true);
    expect(problemsOf(rows(['K', 'v'.repeat(257)]))).toEqual([{ value: 'Value is 257 characters; at most 256' }]);
  });

  it('names each character tags cannot have, once, in the order typed', () => {
    expect(problemsOf(rows(['a#b#c!', 'ok']))).toEqual([
      { key: 'Key contains characters tags cannot have: # (hash), ! (exclamation mark)' },
    ]);
    expect(problemsOf(rows(['K', 'semi;colon']))).toEqual([{ value: 'Value contains characters tags cannot have: ; (semicolon)' }]);
    expect(problemsOf(rows(['tab\there', '']))).toEqual([{ key: 'Key contains characters tags cannot have: U+0009 (tab)' }]);
    expect(problemsOf(rows(['K', `it's $(cmd) "x"`]))).toEqual([
      { value: 'Value contains characters tags cannot have: \' (apostrophe), $ (dollar sign), ( ) (parentheses), " (double quote)' },
    ]);
  });

  it('reserves aws: in any letter case', () => {
    for (const key of ['aws:x', 'AWS:x', 'Aws:Name']) {
      expect(problemsOf(rows([key, 'v']))).toEqual([{ key: 'Keys starting with aws: are reserved for AWS' }]);
    }
    expect(validateTagRows(rows(['awsome', 'v'], ['my:aws:x', 'v'])).valid).toBe(true);
  });

  it('flags every row of a duplicated key, naming the other rows', () => {
    const list = rows(['Env', '1'], ['Other', 'x'], ['Env', '2'], ['Env', '3']);
    expect(problemsOf(list)).toEqual([
      { key: 'Duplicate key: also used in rows 3 and 4' },
      {},
      { key: 'Duplicate key: also used in rows 1 and 4' },
      { key: 'Duplicate key: also used in rows 1 and 3' },
    ]);
    expect(validateTagRows(list).list).toContain('Row 1: Duplicate key: also used in rows 3 and 4');
  });

  it('treats keys that differ only in case as different keys, as AWS does', () => {
    expect(validateTagRows(rows(['Env', '1'], ['env', '2'])).valid).toBe(true);
  });

  it('allows 50 tags and refuses 51 with a list-level message', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => newTagRow(`k${i}`, ''));
    expect(validateTagRows(fifty).valid).toBe(true);
    const result = validateTagRows([...fifty, newTagRow('k50', '')]);
    expect(result.valid).toBe(false);
    expect(result.countProblem).toBe('At most 50 tags per resource; this has 51');
    expect(result.list).toEqual(['At most 50 tags per resource; this has 51']);
    expect(validateTagRows([...fifty, newTagRow()]).valid).toBe(true);
  });

  it('takes a lower limit when asked', () => {
    expect(validateTagRows(rows(['a', ''], ['b', '']), { maxTags: 1 }).countProblem).toBe('At most 1 tags per resource; this has 2');
  });

  it('hints at leading or trailing spaces without blocking', () => {
    const list = rows([' Env', 'prod '], ['Team', 'a b']);
    const result = validateTagRows(list);
    expect(result.valid).toBe(true);
    expect(result.hints[list[0]!.id]).toEqual({
      key: 'Key starts or ends with a space; AWS keeps it as typed',
      value: 'Value starts or ends with a space; AWS keeps it as typed',
    });
    expect(result.hints[list[1]!.id]).toBeUndefined();
  });

  it('reports a key and a value problem of the same row together', () => {
    expect(problemsOf(rows(['aws:x', 'bad#']))).toEqual([
      { key: 'Keys starting with aws: are reserved for AWS', value: 'Value contains characters tags cannot have: # (hash)' },
    ]);
  });
});
