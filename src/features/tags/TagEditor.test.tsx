// @vitest-environment happy-dom
/** The editor on its own, as a person uses it: labels, focus, Enter, the limit, messages tied to fields. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCloudHsmClients, sessionKey } from '../../aws';
import { providers, testQueryClient } from '../testing/render';
import { TagEditor } from './TagEditor';
import { newTagRow, rowsFromTags, tagsFromRows, type TagRow } from './tagRows';

afterEach(cleanup);

function Harness({
  initial,
  maxTags,
  onSubmit,
  seen,
}: {
  initial: TagRow[];
  maxTags?: number;
  onSubmit?: () => void;
  seen?: (rows: TagRow[]) => void;
}) {
  const [rows, setRows] = useState(initial);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit?.();
      }}
    >
      <TagEditor
        rows={rows}
        onChange={(next) => {
          seen?.(next);
          setRows(next);
        }}
        label="Tags of the new cluster"
        {...(maxTags !== undefined && { maxTags })}
      />
      <button type="submit">Create</button>
    </form>
  );
}

function renderEditor(props: Parameters<typeof Harness>[0]) {
  const queryClient = testQueryClient();
  queryClient.setQueryData(sessionKey, { readOnly: false });
  const Providers = providers(queryClient, createCloudHsmClients({ baseUrl: 'http://127.0.0.1:9' }));
  render(
    <Providers>
      <Harness {...props} />
    </Providers>,
  );
}

const key = (row: number) => screen.getByRole('textbox', { name: `Key, row ${row}` }) as HTMLInputElement;
const value = (row: number) => screen.getByRole('textbox', { name: `Value, row ${row}` }) as HTMLInputElement;

describe('TagEditor', () => {
  it('labels each input with its row, counts the tags, and groups them under the label', () => {
    renderEditor({
      initial: rowsFromTags([
        { Key: 'Env', Value: 'prod' },
        { Key: 'Team', Value: '' },
      ]),
    });
    expect(screen.getByRole('group', { name: 'Tags of the new cluster' })).toBeTruthy();
    expect(key(2).value).toBe('Team');
    expect(value(1).value).toBe('prod');
    expect(screen.getByTestId('tag-count').textContent).toBe('2 of 50 tags');
  });

  it('adds a row and focuses its key; a blank row is not counted and shows no error', () => {
    renderEditor({ initial: [] });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    expect(document.activeElement).toBe(key(1));
    expect(key(1).getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByTestId('tag-count').textContent).toBe('0 of 50 tags');
    fireEvent.change(value(1), { target: { value: 'v' } });
    expect(key(1).getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(key(1).getAttribute('aria-describedby')!)?.textContent).toBe('Key is required');
  });

  it('removes a row by its tag name and moves focus to the row that took its place, else the one before, else Add', () => {
    renderEditor({
      initial: rowsFromTags([
        { Key: 'A', Value: '' },
        { Key: 'B', Value: '' },
        { Key: 'C', Value: '' },
      ]),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag B' }));
    expect(document.activeElement).toBe(key(2));
    expect(key(2).value).toBe('C');
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag C' }));
    expect(document.activeElement).toBe(key(1));
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag A' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add tag' }));
  });

  it('does not submit the surrounding form on Enter: it moves from key to value to the next key', () => {
    const onSubmit = vi.fn();
    renderEditor({
      initial: rowsFromTags([
        { Key: 'A', Value: '1' },
        { Key: 'B', Value: '2' },
      ]),
      onSubmit,
    });
    key(1).focus();
    fireEvent.keyDown(key(1), { key: 'Enter' });
    expect(document.activeElement).toBe(value(1));
    fireEvent.keyDown(value(1), { key: 'Enter' });
    expect(document.activeElement).toBe(key(2));
    fireEvent.keyDown(value(2), { key: 'Enter' });
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('turns Add tag off at the limit and says why', () => {
    renderEditor({ initial: [newTagRow('a'), newTagRow('b')], maxTags: 2 });
    const add = screen.getByRole('button', { name: 'Add tag' });
    expect(add.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByTestId('disabled-reason').textContent).toBe('At most 2 tags per resource');
    fireEvent.click(add);
    expect(screen.getAllByRole('textbox', { name: /^Key, row / })).toHaveLength(2);
  });

  it('passes what is typed to the parent as typed, spaces included, with a hint', () => {
    let latest: TagRow[] = [];
    renderEditor({ initial: [newTagRow()], seen: (rows) => (latest = rows) });
    fireEvent.change(key(1), { target: { value: ' Env ' } });
    expect(tagsFromRows(latest)).toEqual([{ Key: ' Env ', Value: '' }]);
    expect(key(1).getAttribute('aria-invalid')).toBeNull();
    expect(document.getElementById(key(1).getAttribute('aria-describedby')!)?.textContent).toBe(
      'Key starts or ends with a space; AWS keeps it as typed',
    );
  });

  it('marks duplicates on both rows, case-sensitively', () => {
    renderEditor({
      initial: rowsFromTags([
        { Key: 'Env', Value: '' },
        { Key: 'env', Value: '' },
      ]),
    });
    expect(key(1).getAttribute('aria-invalid')).toBeNull();
    fireEvent.change(key(2), { target: { value: 'Env' } });
    expect(document.getElementById(key(1).getAttribute('aria-describedby')!)?.textContent).toBe('Duplicate key: also used in row 2');
    expect(document.getElementById(key(2).getAttribute('aria-describedby')!)?.textContent).toBe('Duplicate key: also used in row 1');
  });
});
