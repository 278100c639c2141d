/**
 * The tags the diff preview is measured with: only what a save would send. Rows with problems are left out
 * until fixed; a loaded tag whose row has a problem (a duplicate, a bad new key or value) counts as kept as it
 * was, so the preview neither changes nor removes it on the strength of text that cannot be saved.
 */
import type { Tag } from '../../aws';
import type { TagEditSession } from './tagEdits';
import { isBlankRow } from './tagRows';
import type { TagValidation } from './validateTags';

export interface TagPreview {
  /** The tags after saving, counting only rows without problems. */
  after: Tag[];
  /** How many rows with problems the preview leaves out. */
  excludedRows: number;
}

export function previewTags(session: TagEditSession, validation: Pick<TagValidation, 'rows'>): TagPreview {
  const rows = session.rows.filter((row) => !isBlankRow(row));
  const withProblems = rows.filter((row) => validation.rows[row.id] !== undefined);
  const after = rows.filter((row) => validation.rows[row.id] === undefined).map((row) => ({ Key: row.key, Value: row.value }));
  const keys = new Set(after.map((tag) => tag.Key));
  for (const row of withProblems) {
    const origin = session.origins[row.id];
    // A valid row with the loaded key decides that key; otherwise the loaded tag stays as it was.
    if (origin && !keys.has(origin.Key ?? '')) {
      after.push({ Key: origin.Key ?? '', Value: origin.Value ?? '' });
      keys.add(origin.Key ?? '');
    }
  }
  return { after, excludedRows: withProblems.length };
}
