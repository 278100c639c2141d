/**
 * The tag editor: rows of key and value inputs, edited in place, checked as you type with the service's
 * constraints. Controlled (the parent owns the rows), so the same editor serves the create-cluster form, the
 * copy-backup dialog and ResourceTags. Blank rows are placeholders and are not tags (see tagRows.ts). Each
 * input is a kit FormField: its error or hint is wired to it (described by, invalid) and spoken once.
 */
import { useEffect, useId, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Button, FormField, Input } from '../../ui';
import { ActionButton } from '../../ui/actions';
import { isBlankRow, newTagRow, type TagRow } from './tagRows';
import { MAX_TAGS, validateTagRows, type TagValidation } from './validateTags';

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
  const { addButton, editing } = useRowEditing(rows, onChange);
  const tagCount = rows.filter((row) => !isBlankRow(row)).length;
  const atLimit = rows.length >= maxTags;
  const countId = `${baseId}-count`;
  return (
    <fieldset className="flex flex-col gap-2" data-testid="tag-editor" disabled={disabled}>
      <legend className="mb-1 text-sm font-medium">{label}</legend>
      {rows.length > 0 && <TagTable baseId={baseId} rows={rows} validation={validation} editing={editing} rowActions={rowActions} />}
      {validation.countProblem && (
        <p id={`${baseId}-count-problem`} className="text-sm text-red-700 dark:text-red-300" data-testid="tag-count-problem">
          {validation.countProblem}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <ActionButton
          ref={addButton}
          local
          onClick={editing.add}
          disabledReason={atLimit ? `At most ${maxTags} tags per resource` : null}
          showReason
          aria-describedby={countId}
        >
          Add tag
        </ActionButton>
        <span id={countId} className="text-xs text-slate-600 dark:text-slate-400" data-testid="tag-count" aria-live="polite">
          {tagCount} of {maxTags} tags
        </span>
      </div>
    </fieldset>
  );
}

/**
 * Editing the rows, and where focus goes: a new row's key; after a removal, the row that takes its place, else
 * the one before, else Add tag; Enter moves on (key → value → next key) instead of submitting a surrounding
 * form half-typed.
 */
function useRowEditing(rows: TagRow[], onChange: (rows: TagRow[]) => void) {
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

  const editing = {
    update: (id: string, field: Field, text: string) => onChange(rows.map((row) => (row.id === id ? { ...row, [field]: text } : row))),
    add: () => {
      const row = newTagRow();
      focusNext.current = { id: row.id, field: 'key' };
      onChange([...rows, row]);
    },
    remove: (index: number) => {
      const next = rows.filter((_, i) => i !== index);
      const neighbour = next[index] ?? next[index - 1];
      focusNext.current = neighbour ? { id: neighbour.id, field: 'key' } : 'add';
      onChange(next);
    },
    onEnter: (event: KeyboardEvent<HTMLInputElement>, index: number, field: Field) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      const target = field === 'key' ? rows[index] : rows[index + 1];
      if (target) inputs.current.get(`${target.id}:${field === 'key' ? 'value' : 'key'}`)?.focus();
    },
    setInput: (id: string, field: Field) => (element: HTMLInputElement | null) => {
      if (element) inputs.current.set(`${id}:${field}`, element);
      else inputs.current.delete(`${id}:${field}`);
    },
  };
  // The ref apart from the actions, so that passing the actions around during render reads no ref.
  return { addButton, editing };
}

type RowEditing = ReturnType<typeof useRowEditing>['editing'];

interface TagTableProps {
  baseId: string;
  rows: TagRow[];
  validation: TagValidation;
  editing: RowEditing;
  rowActions: TagEditorProps['rowActions'];
}

function TagTable({ baseId, rows, validation, editing, rowActions }: TagTableProps) {
  return (
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
        {rows.map((row, index) => (
          <tr key={row.id} data-testid="tag-row" className="align-top">
            <TagCells baseId={baseId} row={row} index={index} validation={validation} editing={editing} />
            <td className="py-1 whitespace-nowrap">
              <Button
                variant="icon"
                onClick={() => editing.remove(index)}
                aria-label={row.key.trim() === '' ? `Remove row ${index + 1}` : `Remove tag ${row.key}`}
              >
                <span aria-hidden="true">✕</span>
              </Button>
              {rowActions?.(row, index)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The row number (for sight: the fields' names carry it) and the key and value fields of one row. */
function TagCells({
  baseId,
  row,
  index,
  validation,
  editing,
}: Omit<TagTableProps, 'rows' | 'rowActions'> & { row: TagRow; index: number }) {
  const problems = validation.rows[row.id] ?? {};
  const hints = validation.hints[row.id] ?? {};
  const rowNumber = index + 1;
  const field = (name: Field, label: string) => (
    <TagField
      id={`${baseId}-${row.id}-${name}`}
      label={`${label}, row ${rowNumber}`}
      value={row[name]}
      problem={problems[name]}
      hint={hints[name]}
      inputRef={editing.setInput(row.id, name)}
      onChange={(text) => editing.update(row.id, name, text)}
      onKeyDown={(event) => editing.onEnter(event, index, name)}
    />
  );
  return (
    <>
      <td className="pt-2.5 pr-2 text-xs text-slate-500 tabular-nums dark:text-slate-400" aria-hidden="true">
        {rowNumber}
      </td>
      {field('key', 'Key')}
      {field('value', 'Value')}
    </>
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

/**
 * One key or value cell: a kit FormField (the error, else the hint, wired to the input by the kit). The column
 * headers label the cells for sight, so the field's own label ("Key, row 2") is for assistive tech only.
 */
function TagField({ id, label, value, problem, hint, inputRef, onChange, onKeyDown }: TagFieldProps) {
  return (
    <td className="py-1 pr-2">
      <FormField
        label={<span className="sr-only">{label}</span>}
        controlId={id}
        errorText={problem && <span data-testid="tag-problem">{problem}</span>}
        warningText={hint && <span data-testid="tag-hint">{hint}</span>}
      >
        <Input
          ref={inputRef}
          className="w-full"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={onKeyDown}
          autoComplete="off"
          spellCheck={false}
        />
      </FormField>
    </td>
  );
}
