import { describe, expect, it } from 'vitest';
import { diffTags } from './diffTags';
import { findRenames, rebase, restoreTag, rowIsEdited, splitManagedTags, startEditing, undoRow } from './tagEdits';
import { tagsFromRows } from './tagRows';

const t = (Key: string, Value: string) => ({ Key, Value });
const loaded = [t('Env', 'dev'), t('owner', 'me'), t('Team', 'ops')];

describe('tag edit sessions', () => {
  it('keeps AWS-managed aws: tags (any case) out of the editable ones', () => {
    expect(splitManagedTags([t('aws:cloudformation:stack-name', 's'), t('AWS:x', 'y'), t('Env', 'dev')])).toEqual({
      editable: [t('Env', 'dev')],
      managed: [t('aws:cloudformation:stack-name', 's'), t('AWS:x', 'y')],
    });
  });

  it('knows which rows were edited and undoes one row', () => {
    const session = startEditing(loaded);
    const [env] = session.rows;
    const edited = { ...session, rows: session.rows.map((r) => (r.id === env!.id ? { ...r, value: 'prod' } : r)) };
    expect(edited.rows.map((r) => rowIsEdited(edited, r))).toEqual([true, false, false]);
    expect(tagsFromRows(undoRow(edited, env!.id).rows)).toEqual(loaded);
  });

  it('names a renamed row as a rename', () => {
    const session = startEditing(loaded);
    const renamed = { ...session, rows: session.rows.map((r) => (r.key === 'owner' ? { ...r, key: 'Owner' } : r)) };
    const diff = diffTags(loaded, tagsFromRows(renamed.rows));
    expect(findRenames(renamed, diff)).toEqual([{ from: 'owner', to: 'Owner' }]);
  });

  it('does not call a new row with a removed tag’s value a rename', () => {
    const session = startEditing([t('A', 'x')]);
    const edited = { ...session, rows: [{ id: 'fresh', key: 'B', value: 'x' }] };
    expect(findRenames(edited, diffTags([t('A', 'x')], [t('B', 'x')]))).toEqual([]);
  });

  it('restores a removed tag at its old place, and a renamed one in its row', () => {
    const session = startEditing(loaded);
    const removed = { ...session, rows: session.rows.filter((r) => r.key !== 'owner') };
    expect(tagsFromRows(restoreTag(removed, 'owner', loaded).rows)).toEqual(loaded);
    const renamed = { ...session, rows: session.rows.map((r) => (r.key === 'owner' ? { ...r, key: 'Owner' } : r)) };
    expect(tagsFromRows(restoreTag(renamed, 'owner', loaded).rows)).toEqual(loaded);
    expect(restoreTag(session, 'unknown', loaded)).toBe(session);
  });

  it('rebases on what a partial save applied, so removed tags can still be restored', () => {
    const session = startEditing(loaded);
    const edited = { ...session, rows: [{ ...session.rows[0]!, value: 'prod' }, session.rows[1]!] };
    const applied = [t('Env', 'prod'), t('owner', 'me'), t('Team', 'ops')];
    const rebased = rebase(edited, applied);
    expect(rebased.rows.map((r) => rowIsEdited(rebased, r))).toEqual([false, false]);
    expect(tagsFromRows(restoreTag(rebased, 'Team', applied).rows)).toEqual(applied);
  });
});
