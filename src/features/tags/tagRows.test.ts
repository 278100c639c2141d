import { describe, expect, it } from 'vitest';
import { isBlankRow, newTagRow, rowsFromTags, tagsFromRows } from './tagRows';

describe('tag rows', () => {
  it('round-trips tags, keeping spaces and empty values as typed', () => {
    const tags = [
      { Key: 'Env', Value: 'prod' },
      { Key: ' Owner ', Value: '' },
      { Key: 'Kostenstelle', Value: 'Über 9000' },
    ];
    expect(tagsFromRows(rowsFromTags(tags))).toEqual(tags);
  });

  it('gives every row its own id', () => {
    const rows = [
      ...rowsFromTags([
        { Key: 'A', Value: '1' },
        { Key: 'B', Value: '2' },
      ]),
      newTagRow(),
      newTagRow('C'),
    ];
    expect(new Set(rows.map((row) => row.id)).size).toBe(4);
    expect(rows[3]).toMatchObject({ key: 'C', value: '' });
  });

  it('leaves out blank rows (a placeholder is not a tag) but keeps a row with only a value', () => {
    expect(isBlankRow(newTagRow())).toBe(true);
    expect(isBlankRow(newTagRow(' '))).toBe(false);
    expect(tagsFromRows([newTagRow(), newTagRow('', 'v'), newTagRow('K', '')])).toEqual([
      { Key: '', Value: 'v' },
      { Key: 'K', Value: '' },
    ]);
  });

  it('reads a tag without Value as an empty value', () => {
    expect(rowsFromTags([{ Key: 'A', Value: undefined }])[0]).toMatchObject({ key: 'A', value: '' });
  });
});
