import { describe, expect, it } from 'vitest';
import { diffTags } from './diffTags';
import { startEditing, type TagEditSession } from './tagEdits';
import { newTagRow } from './tagRows';
import { previewTags } from './tagPreview';
import { validateTagRows } from './validateTags';

const t = (Key: string, Value: string) => ({ Key, Value });
const loaded = [t('Owner', 'tokenization-team'), t('Env', 'prod')];

/** The diff the preview shows for a session, and how many rows it leaves out. */
function preview(session: TagEditSession) {
  const { after, excludedRows } = previewTags(session, validateTagRows(session.rows));
  const diff = diffTags(loaded, after);
  return { added: diff.added, changed: diff.changed, removed: diff.removed, excludedRows };
}

const withRows = (session: TagEditSession, ...extra: [string, string][]): TagEditSession => ({
  ...session,
  rows: [...session.rows, ...extra.map(([k, v]) => newTagRow(k, v))],
});

describe('previewTags', () => {
  it('is every tag typed when no row has a problem', () => {
    const session = withRows(startEditing(loaded), ['Team', 'ops']);
    expect(preview(session)).toEqual({ added: [t('Team', 'ops')], changed: [], removed: [], excludedRows: 0 });
  });

  it('does not show a duplicated key with an empty value as a change of the loaded tag', () => {
    const session = withRows(startEditing(loaded), ['Owner', '']);
    expect(preview(session)).toEqual({ added: [], changed: [], removed: [], excludedRows: 2 });
  });

  it('leaves out new rows with a reserved key, a forbidden character or a key too long, keeping the valid ones', () => {
    const session = withRows(startEditing(loaded), ['aws:bad', 'x'], ['has#hash', 'x'], ['k'.repeat(129), 'x'], ['Team', 'ops']);
    expect(preview(session)).toEqual({ added: [t('Team', 'ops')], changed: [], removed: [], excludedRows: 3 });
  });

  it('keeps a loaded tag as it was while its row has a problem, instead of removing or changing it', () => {
    const session = startEditing(loaded);
    const edited = {
      ...session,
      rows: session.rows.map((r) => (r.key === 'Owner' ? { ...r, key: 'Own#er' } : r.key === 'Env' ? { ...r, value: 'pr$d' } : r)),
    };
    expect(preview(edited)).toEqual({ added: [], changed: [], removed: [], excludedRows: 2 });
  });

  it('lets a valid row decide a key whose loaded row now has a problem', () => {
    const session = startEditing(loaded);
    const edited = withRows({ ...session, rows: session.rows.map((r) => (r.key === 'Owner' ? { ...r, key: 'bad#' } : r)) }, [
      'Owner',
      'new-team',
    ]);
    expect(preview(edited)).toEqual({
      added: [],
      changed: [{ key: 'Owner', from: 'tokenization-team', to: 'new-team' }],
      removed: [],
      excludedRows: 1,
    });
  });

  it('still shows removals of rows that are gone, and ignores blank rows', () => {
    const session = startEditing(loaded);
    const edited = withRows({ ...session, rows: session.rows.filter((r) => r.key !== 'Env') }, ['', ''], ['x!', '']);
    expect(preview(edited)).toEqual({ added: [], changed: [], removed: [t('Env', 'prod')], excludedRows: 1 });
  });
});
