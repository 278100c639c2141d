/**
 * The tag editor: rows of key and value inputs, edited in place, checked as you type with the service's
 * constraints. Controlled (the parent owns the rows), so the same editor serves the create-cluster form, the
 * copy-backup dialog and ResourceTags. Blank rows are placeholders and are not tags (see tagRows.ts).
 */
import { useEffect, useId, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { ActionButton } from '../../ui/actions';
import { buttonClass, inputClass } from '../../ui/buttons';
import { isBlankRow, newTagRow, type TagRow } from './tagRows';
import { MAX_TAGS, validateTagRows } from './validateTags';

export interface TagEditorProps {
  rows: TagRow[];
  onChange: (rows: TagRow[]) => void;
  /** What these tags are, e.g. "Tags of cluster-…"; the editor's group label. */
  label: string;
  disabled?: boolean;
  maxTags?: number;
  /** Extra controls at the end of a row (ResourceTags puts a per-row undo there). */
  rowActions?: (row: TagRow, index: number) => ReactNode;
}

type Field = 'key' | 'value';

export function TagEditor({ rows, onChange, label, disabled = false, maxTags = MAX_TAGS, rowActions }: TagEditorProps) {
  const baseId = useId();
  const validation = useMemo(() => validateTagRows(rows, { maxTags }), [rows, maxTags]);
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  // Focus moves after React has rendered the rows it belongs to.
  const focusNext = useRef<{ id: string; field: Field } | 'add' | null>(null);

  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    if (target === 'add') addButton.current?.focus();
    else inputs.current.get(`${target.id}:${target.field}`)?.focus();
  }, [rows]);

  const tagCount = rows.filter((row) => !isBlankRow(row)).length;
  const atLimit = rows.length >= maxTags;

  const update = (id: string, field: Field, text: string) => onChange(rows.map((row) => (row.id === id ? { ...row, [field]: text } : row)));

  const add = () => {
    const row = newTagRow();
    focusNext.current = { id: row.id, field: 'key' };
    onChange([...rows, row]);
  };

  const remove = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    // The row that takes its place, else the one before, else the Add button.
    const neighbour = next[index] ?? next[index - 1];
    focusNext.current = neighbour ? { id: neighbour.id, field: 'key' } : 'add';
    onChange(next);
  };

  // Enter would submit a surrounding form half-typed; here it moves on instead (key → value → next key).
  const onEnter = (event: KeyboardEvent<HTMLInputElement>, index: number, field: Field) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const target = field === 'key' ? rows[index] : rows[index + 1];
    if (target) inputs.current.get(`${target.id}:${field === 'key' ? 'value' : 'key'}`)?.focus();
  };

  const setInput = (id: string, field: Field) => (element: HTMLInputElement | null) => {
    if (element) inputs.current.set(`${id}:${field}`, element);
    else inputs.current.delete(`${id}:${field}`);
  };

  const countId = `${baseId}-count`;
  const countProblemId = `${baseId}-count-problem`;
  return (
    <fieldset className="flex flex-col gap-2" data-testid="tag-editor" disabled={disabled}>
      <legend className="mb-1 text-sm font-medium">{label}</legend>
      {rows.length > 0 && (
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr className="text-left text-xs text-slate-600 dark:text-slate-400">
              <th scope="col" className="w-10 pr-2 font-normal">
                <span className="sr-only">Row</span>
              </th>
              <th scope="col" className="pr-2 font-normal">
                Key
              </th>
              <th scope="col" className="pr-2 font-normal">
                Value
              </th>
              <th scope="col" className="font-normal">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const problems = validation.rows[row.id] ?? {};
              const hints = validation.hints[row.id] ?? {};
              const rowNumber = index + 1;
              return (
                <tr key={row.id} data-testid="tag-row" className="align-top">
                  <td className="pt-1.5 pr-2 text-xs text-slate-500 tabular-nums dark:text-slate-400" aria-hidden="true">
                    {rowNumber}
                  </td>
                  <TagField
                    id={`${baseId}-${row.id}-key`}
                    label={`Key, row ${rowNumber}`}
                    value={row.key}
                    problem={problems.key}
                    hint={hints.key}
                    inputRef={setInput(row.id, 'key')}
                    onChange={(text) => update(row.id, 'key', text)}
                    onKeyDown={(event) => onEnter(event, index, 'key')}
                  />
                  <TagField
                    id={`${baseId}-${row.id}-value`}
                    label={`Value, row ${rowNumber}`}
                    value={row.value}
                    problem={problems.value}
                    hint={hints.value}
                    inputRef={setInput(row.id, 'value')}
                    onChange={(text) => update(row.id, 'value', text)}
                    onKeyDown={(event) => onEnter(event, index, 'value')}
                  />
                  <td className="py-1 whitespace-nowrap">
                    <button type="button" className={buttonClass.secondary} onClick={() => remove(index)} aria-label={row.key.trim() === '' ? `Remove row ${rowNumber}` : `Remove tag ${row.key}`}>
                      <span aria-hidden="true">✕</span>
                    </button>
                    {rowActions?.(row, index)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {validation.countProblem && (
        <p id={countProblemId} className="text-sm text-red-700 dark:text-red-400" data-testid="tag-count-problem">
          {validation.countProblem}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <ActionButton ref={addButton} local onClick={add} disabledReason={atLimit ? `At most ${maxTags} tags per resource` : null} showReason aria-describedby={countId}>
          Add tag
        </ActionButton>
        <span id={countId} className="text-xs text-slate-600 dark:text-slate-400" data-testid="tag-count" aria-live="polite">
          {tagCount} of {maxTags} tags
        </span>
      </div>
    </fieldset>
  );
}

interface TagFieldProps {
  id: string;
  label: string;
  value: string;
  problem?: string;
  hint?: string;
  inputRef: (element: HTMLInputElement | null) => void;
  onChange: (text: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
}

function TagField({ id, label, value, problem, hint, inputRef, onChange, onKeyDown }: TagFieldProps) {
  const problemId = `${id}-problem`;
  const hintId = `${id}-hint`;
  const describedBy = [problem ? problemId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <td className="py-1 pr-2">
      <input
        id={id}
        ref={inputRef}
        className={`${inputClass} w-full`}
        aria-label={label}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
      />
      {problem && (
        <p id={problemId} className="mt-0.5 text-xs text-red-700 dark:text-red-400" data-testid="tag-problem">
          {problem}
        </p>
      )}
      {hint && (
        <p id={hintId} className="mt-0.5 text-xs text-amber-800 dark:text-amber-300" data-testid="tag-hint">
          {hint}
        </p>
      )}
    </td>
  );
}
