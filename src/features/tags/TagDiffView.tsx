/** The changes a save would make, grouped Added / Changed (old → new) / Removed, with renames named. */
import { useId, type ReactNode } from 'react';
import type { Tag } from '../../aws';
import { Button } from '../../ui';
import type { TagDiff } from './diffTags';
import type { TagRename } from './tagEdits';

/** Empty values say so; text with leading or trailing spaces is quoted so the spaces show. */
const shown = (text: string | undefined): string => {
  if (text === undefined || text === '') return '(empty)';
  return text.trim() === text ? text : `“${text}”`;
};

export function TagDiffView({
  diff,
  renames,
  onRestore,
  disabled = false,
  excludedRows = 0,
}: {
  diff: TagDiff;
  renames: readonly TagRename[];
  onRestore?: (key: string) => void;
  disabled?: boolean;
  /** Rows with problems the diff leaves out (it shows only what a save would send). */
  excludedRows?: number;
}) {
  const renamedTo = new Map(renames.map((r) => [r.from, r.to]));
  const renamedFrom = new Map(renames.map((r) => [r.to, r.from]));
  const headingId = useId();
  const nothing = diff.added.length === 0 && diff.changed.length === 0 && diff.removed.length === 0;
  return (
    <section
      aria-labelledby={headingId}
      data-testid="tag-diff"
      className="rounded border border-slate-300 p-3 text-sm dark:border-slate-700"
    >
      <h3 id={headingId} className="mb-2 font-medium">
        Changes to save
      </h3>
      {nothing && (
        <p className="text-slate-600 dark:text-slate-400">{excludedRows > 0 ? 'No changes that can be saved yet.' : 'No changes yet.'}</p>
      )}
      {diff.added.length > 0 && (
        <DiffGroup title="Added" testId="diff-added" sign="+" tone="text-green-800 dark:text-green-300">
          {diff.added.map((tag) => (
            <TagLine key={tag.Key} tag={tag} note={renameNote('from', renamedFrom, tag)} />
          ))}
        </DiffGroup>
      )}
      {diff.changed.length > 0 && (
        <DiffGroup title="Changed" testId="diff-changed" sign="~" tone="text-sky-900 dark:text-sky-200">
          {diff.changed.map((change) => (
            <li key={change.key}>
              <span className="font-medium">{shown(change.key)}</span>: <del>{shown(change.from)}</del> <span aria-hidden="true">→</span>
              <span className="sr-only"> becomes </span> <ins className="no-underline">{shown(change.to)}</ins>
            </li>
          ))}
        </DiffGroup>
      )}
      {diff.removed.length > 0 && (
        <DiffGroup title="Removed" testId="diff-removed" sign="−" tone="text-red-800 dark:text-red-300">
          {diff.removed.map((tag) => (
            <TagLine key={tag.Key} tag={tag} note={renameNote('to', renamedTo, tag)}>
              {onRestore && (
                <Button variant="link" className="ml-2" onClick={() => onRestore(tag.Key ?? '')} disabled={disabled}>
                  Restore tag {tag.Key}
                </Button>
              )}
            </TagLine>
          ))}
        </DiffGroup>
      )}
      {excludedRows > 0 && (
        <p className="text-amber-900 dark:text-amber-200" data-testid="diff-excluded">
          {excludedRows === 1 ? '1 row with problems is' : `${excludedRows} rows with problems are`} not included:{' '}
          {excludedRows === 1 ? 'it' : 'they'} will not be saved until fixed.
        </p>
      )}
    </section>
  );
}

/** "renamed from Env" / "renamed to Env" when the tag's key was renamed in this edit. */
function renameNote(direction: 'from' | 'to', names: ReadonlyMap<string | undefined, string | undefined>, tag: Tag): string | null {
  return names.has(tag.Key ?? '') ? `renamed ${direction} ${names.get(tag.Key ?? '')}` : null;
}

/** One added or removed tag: key = value, the rename it is part of, and any control after it. */
function TagLine({ tag, note, children }: { tag: Tag; note: string | null; children?: ReactNode }) {
  return (
    <li>
      <span className="font-medium">{shown(tag.Key)}</span> = {shown(tag.Value)}
      {note && <span className="text-slate-600 dark:text-slate-400"> ({note})</span>}
      {children}
    </li>
  );
}

function DiffGroup({
  title,
  testId,
  sign,
  tone,
  children,
}: {
  title: string;
  testId: string;
  sign: string;
  tone: string;
  children: ReactNode;
}) {
  return (
    <div className="mb-2" data-testid={testId}>
      <h4 className={`text-xs font-semibold uppercase ${tone}`}>
        <span aria-hidden="true">{sign} </span>
        {title}
      </h4>
      <ul className="ml-4 list-disc">{children}</ul>
    </div>
  );
}
