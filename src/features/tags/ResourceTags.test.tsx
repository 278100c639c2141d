// @vitest-environment happy-dom
/**
 * ResourceTags against the real dashboard server (in-process emulator, demo data): what the person does in
 * the editor is what ListTags says afterwards; what the editor refuses never reaches the server.
 */
import { ListTagsCommand, TagResourceCommand, UntagResourceCommand, type CloudHSMV2Client, type Tag } from '@aws-sdk/client-cloudhsm-v2';
import type { QueryClient } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCloudHsmClients, sessionKey, tagKeys, type CloudHsmClients } from '../../aws';
import { startTestBackend, type TestBackend } from '../../aws/testing/backend';
import { providers, testQueryClient } from '../testing/render';
import { ResourceTags } from './ResourceTags';

const REGION = 'us-east-1';
let backend: TestBackend;
/** A demo cluster; each test starts it from known tags with `given`. */
let id: string;
let clients: CloudHsmClients;
let direct: CloudHSMV2Client;
/** Sends every UntagResource to a cluster that does not exist, so it fails on the server (a partial save). */
let breakUntag = false;
/** Sends ListTags to a cluster that does not exist (a refresh that fails). */
let breakList = false;

beforeAll(async () => {
  backend = await startTestBackend({ seed: 'demo' });
  id = (await backend.records(REGION)).clusters[0]!.ClusterId;
  clients = createCloudHsmClients({
    baseUrl: backend.url,
    maxAttempts: 1,
    onClientCreated: (client) =>
      client.middlewareStack.add(
        (next, context) => async (args) => {
          const input = args.input as { ResourceId?: string };
          if (breakUntag && context.commandName === 'UntagResourceCommand') input.ResourceId = 'cluster-zzzzzzzzzzz';
          if (breakList && context.commandName === 'ListTagsCommand') input.ResourceId = 'cluster-zzzzzzzzzzz';
          return next(args);
        },
        { step: 'initialize', name: 'breakUntagForTests' },
      ),
  });
  direct = createCloudHsmClients({ baseUrl: backend.url, maxAttempts: 1 }).forRegion(REGION);
});
afterAll(() => backend?.close());
afterEach(() => {
  cleanup();
  breakUntag = false;
  breakList = false;
});

const serverTags = async (resourceId: string): Promise<Tag[]> =>
  (await direct.send(new ListTagsCommand({ ResourceId: resourceId }))).TagList ?? [];
const START = { Name: 'tag-test', Environment: 'staging', Owner: 'team-a', CostCenter: 'CC-1' };

/** Puts exactly these tags on the resource (through the API, not the component under test). */
async function given(resourceId: string, tags: Record<string, string>): Promise<void> {
  const old = await serverTags(resourceId);
  if (old.length > 0) await direct.send(new UntagResourceCommand({ ResourceId: resourceId, TagKeyList: old.map((t) => t.Key!) }));
  await direct.send(
    new TagResourceCommand({ ResourceId: resourceId, TagList: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }),
  );
}

const asMap = (tags: readonly Tag[]) => Object.fromEntries(tags.map((t) => [t.Key, t.Value]));

/** A client that knows the session already (the test server refuses a cross-origin GET /api/session). */
function clientWithSession(readOnly = false): QueryClient {
  const queryClient = testQueryClient();
  queryClient.setQueryData(sessionKey, { readOnly });
  return queryClient;
}

function renderTags(resourceId: string, queryClient: QueryClient = clientWithSession()) {
  const Providers = providers(queryClient, clients);
  render(
    <Providers>
      <MemoryRouter initialEntries={[`/clusters/${REGION}/${resourceId}?tab=tags`]}>
        <ResourceTags region={REGION} resourceId={resourceId} kind="cluster" />
      </MemoryRouter>
    </Providers>,
  );
  return queryClient;
}

const input = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const type = (name: string, text: string) => fireEvent.change(input(name), { target: { value: text } });
const saveButton = () => screen.getByRole('button', { name: /Save tags/ });
const rowOfKey = (key: string): number => {
  const keys = screen.getAllByRole('textbox', { name: /^Key, row / }) as HTMLInputElement[];
  return keys.findIndex((el) => el.value === key) + 1;
};

async function startEditing(resourceId: string, queryClient?: QueryClient) {
  renderTags(resourceId, queryClient);
  fireEvent.click(await screen.findByRole('button', { name: 'Edit tags' }));
  await screen.findByTestId('resource-tags-editor');
}

describe('ResourceTags', () => {
  it('adds, changes, removes and renames tags, shows the diff, and ListTags matches after saving', async () => {
    await given(id, START);
    const before = { ...START } as Record<string, string>;
    await startEditing(id);

    type(`Value, row ${rowOfKey('Environment')}`, 'qa'); // change
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag CostCenter' })); // remove
    type(`Key, row ${rowOfKey('Owner')}`, 'Team'); // rename
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' })); // add
    const newRow = screen.getAllByRole('textbox', { name: /^Key, row / }).length;
    expect(document.activeElement).toBe(input(`Key, row ${newRow}`));
    type(`Key, row ${newRow}`, 'Ticket');
    type(`Value, row ${newRow}`, 'OPS-1');

    const diff = screen.getByTestId('tag-diff');
    expect(within(diff).getByTestId('diff-changed').textContent).toMatch(/Environment: staging.*qa/);
    expect(within(diff).getByTestId('diff-added').textContent).toMatch(/Team = .*\(renamed from Owner\)/);
    expect(within(diff).getByTestId('diff-added').textContent).toContain('Ticket = OPS-1');
    expect(within(diff).getByTestId('diff-removed').textContent).toMatch(/CostCenter = /);
    expect(within(diff).getByTestId('diff-removed').textContent).toMatch(/Owner = .*\(renamed to Team\)/);

    fireEvent.click(saveButton());
    const done = await screen.findByTestId('tags-saved');
    expect(done.textContent).toContain(`Added 2, changed 1, removed 2 tags on ${id}.`);
    // The chips below are what changed, on this very page: no link back to it.
    expect(within(done).queryByRole('link')).toBeNull();

    const expected: Record<string, string | undefined> = { ...before, Environment: 'qa', Team: before['Owner'], Ticket: 'OPS-1' };
    delete expected['CostCenter'];
    delete expected['Owner'];
    expect(asMap(await serverTags(id))).toEqual(expected);
    await waitFor(() => expect(screen.getAllByTestId('tag-chip')).toHaveLength(Object.keys(expected).length));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit tags' }));
  });

  it('refuses an invalid edit: messages tied to the field, Save does nothing and nothing changes', async () => {
    await given(id, START);
    const before = await serverTags(id);
    await startEditing(id);
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    const row = screen.getAllByRole('textbox', { name: /^Key, row / }).length;
    type(`Key, row ${row}`, 'aws:x');
    const key = input(`Key, row ${row}`);
    expect(key.getAttribute('aria-invalid')).toBe('true');
    const describedBy = key.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('Keys starting with aws: are reserved for AWS');
    type(`Key, row ${row}`, 'bad#key');
    expect(document.getElementById(input(`Key, row ${row}`).getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Key contains characters tags cannot have: # (hash)',
    );
    // The preview shows only what would be sent: not the refused row.
    expect(screen.getByTestId('tag-diff').textContent).not.toContain('bad#key');
    expect(screen.queryByTestId('diff-added')).toBeNull();
    expect(screen.getByTestId('diff-excluded').textContent).toBe('1 row with problems is not included: it will not be saved until fixed.');

    expect(saveButton().getAttribute('aria-disabled')).toBe('true');
    expect(saveButton().getAttribute('title')).toBe('Fix the problem above before saving');
    fireEvent.click(saveButton());
    await new Promise((done) => setTimeout(done, 100));
    expect(screen.queryByTestId('tags-saved')).toBeNull();
    expect(await serverTags(id)).toEqual(before);
  });

  it('leaves a duplicated key and other refused rows out of the preview, and counts them', async () => {
    await given(id, START);
    await startEditing(id);
    for (const [key, value] of [
      ['Owner', ''],
      ['aws:bad', 'x'],
      ['has#hash', 'y'],
      ['k'.repeat(129), 'z'],
      ['Ticket', 'OPS-2'],
    ]) {
      fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
      const row = screen.getAllByRole('textbox', { name: /^Key, row / }).length;
      type(`Key, row ${row}`, key!);
      type(`Value, row ${row}`, value!);
    }
    const diff = screen.getByTestId('tag-diff');
    expect(within(diff).queryByTestId('diff-changed')).toBeNull();
    expect(within(diff).queryByTestId('diff-removed')).toBeNull();
    expect(within(diff).getByTestId('diff-added').textContent).toBe('+ AddedTicket = OPS-2');
    // The two Owner rows (loaded and duplicate), aws:bad, has#hash and the 129-character key.
    expect(within(diff).getByTestId('diff-excluded').textContent).toBe(
      '5 rows with problems are not included: they will not be saved until fixed.',
    );
    expect(saveButton().getAttribute('aria-disabled')).toBe('true');
    // Undo all still has something to undo, even though the preview leaves those rows out.
    fireEvent.click(screen.getByRole('button', { name: 'Undo all changes' }));
    expect(screen.getByTestId('tag-diff').textContent).toContain('No changes yet');
    expect(screen.queryByTestId('diff-excluded')).toBeNull();
  });

  it('undo all changes goes back to the loaded tags, and Save then says there is nothing to save', async () => {
    await given(id, START);
    await startEditing(id);
    const first = input('Key, row 1').value;
    type('Value, row 1', 'changed');
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag Owner' }));
    expect(screen.getByTestId('tag-diff').textContent).not.toContain('No changes yet');
    fireEvent.click(screen.getByRole('button', { name: 'Undo all changes' }));
    expect(input('Key, row 1').value).toBe(first);
    expect(screen.getByTestId('tag-diff').textContent).toContain('No changes yet');
    expect(saveButton().getAttribute('title')).toBe('Nothing to save: no tag was changed');
  });

  it('keeps the edit when the tags change elsewhere, and saves only its own changes', async () => {
    await given(id, START);
    const queryClient = clientWithSession();
    await startEditing(id, queryClient);
    type(`Value, row ${rowOfKey('Environment')}`, 'edited-here');
    await direct.send(new TagResourceCommand({ ResourceId: id, TagList: [{ Key: 'FromOtherTab', Value: 'yes' }] }));
    await queryClient.invalidateQueries({ queryKey: tagKeys.of(REGION, id) });
    await screen.findByTestId('tags-changed-elsewhere');
    expect(input(`Value, row ${rowOfKey('Environment')}`).value).toBe('edited-here');
    expect(screen.getByTestId('tag-diff').textContent).not.toContain('FromOtherTab');

    fireEvent.click(saveButton());
    await screen.findByTestId('tags-saved');
    const after = asMap(await serverTags(id));
    expect(after).toMatchObject({ Environment: 'edited-here', FromOtherTab: 'yes' });
  });

  it('keeps the edit when a refresh of the tags fails', async () => {
    await given(id, START);
    const queryClient = clientWithSession();
    await startEditing(id, queryClient);
    type('Value, row 1', 'still here');
    breakList = true;
    await queryClient.invalidateQueries({ queryKey: tagKeys.of(REGION, id) });
    await waitFor(() => expect(queryClient.getQueryState(tagKeys.of(REGION, id))?.status).toBe('error'));
    expect(input('Value, row 1').value).toBe('still here');
  });

  it('says exactly what was applied when the second call fails, and the chips show the truth', async () => {
    await given(id, START);
    const before = { ...START } as Record<string, string>;
    await startEditing(id);
    type(`Value, row ${rowOfKey('Environment')}`, 'half');
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag CostCenter' }));
    breakUntag = true;
    fireEvent.click(saveButton());
    const partial = await screen.findByTestId('tags-partly-saved');
    expect(partial.textContent).toContain(
      'Applied: TagResource (add or change 1 tag: “Environment”). Not applied: UntagResource (remove 1 tag: “CostCenter”)',
    );
    expect(within(partial).getByRole('alert').textContent).toContain('CloudHsmResourceNotFoundException');
    expect(asMap(await serverTags(id))).toEqual({ ...before, Environment: 'half' });
    // The server now holds the applied part: that is not "changed elsewhere".
    await new Promise((done) => setTimeout(done, 100));
    expect(screen.queryByTestId('tags-changed-elsewhere')).toBeNull();
    // What is left to save is the removal only; saving again finishes the job.
    expect(screen.queryByTestId('diff-changed')).toBeNull();
    expect(screen.getByTestId('diff-removed').textContent).toContain('CostCenter');
    breakUntag = false;
    fireEvent.click(saveButton());
    expect((await screen.findByTestId('tags-saved')).textContent).toContain(`Removed 1 tag on ${id}.`);
    const expected: Record<string, string | undefined> = { ...before, Environment: 'half' };
    delete expected['CostCenter'];
    expect(asMap(await serverTags(id))).toEqual(expected);
  });

  it('shows the AWS error and changes nothing when the first call fails', async () => {
    await given(id, START);
    const before = await serverTags(id);
    await startEditing(id);
    fireEvent.click(screen.getByRole('button', { name: `Remove tag ${input('Key, row 1').value}` }));
    breakUntag = true;
    fireEvent.click(saveButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('(nothing was changed)');
    expect(alert.textContent).toContain('UntagResource in us-east-1 failed: CloudHsmResourceNotFoundException');
    expect(await serverTags(id)).toEqual(before);
    expect(screen.getByTestId('resource-tags-editor')).toBeTruthy();
  });

  it('drops an unsaved edit when the page moves to another resource', async () => {
    await given(id, START);
    const other = (await backend.records(REGION)).clusters[1]!.ClusterId;
    const queryClient = clientWithSession();
    const Providers = providers(queryClient, clients);
    const view = (resourceId: string) => (
      <Providers>
        <MemoryRouter>
          <ResourceTags region={REGION} resourceId={resourceId} kind="cluster" />
        </MemoryRouter>
      </Providers>
    );
    const { rerender } = render(view(id));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit tags' }));
    type('Value, row 1', 'meant for the first cluster');
    rerender(view(other));
    expect(await screen.findByRole('button', { name: 'Edit tags' })).toBeTruthy();
    expect(screen.queryByTestId('resource-tags-editor')).toBeNull();
  });

  it('turns Edit tags off with the reason it is given, shown as text, and never opens the editor', async () => {
    await given(id, START);
    const Providers = providers(clientWithSession(), clients);
    render(
      <Providers>
        <MemoryRouter>
          <ResourceTags region={REGION} resourceId={id} kind="cluster" disabledReason="The cluster is already deleted." />
        </MemoryRouter>
      </Providers>,
    );
    const edit = await screen.findByRole('button', { name: 'Edit tags' });
    expect(edit.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByTestId('disabled-reason').textContent).toBe('The cluster is already deleted.');
    expect(screen.getByTestId('disabled-reason').className).not.toContain('sr-only');
    fireEvent.click(edit);
    expect(screen.queryByTestId('resource-tags-editor')).toBeNull();
    expect(screen.getAllByTestId('tag-chip')).toHaveLength(Object.keys(START).length);
  });

  it('turns Edit tags off in a read-only session, saying why', async () => {
    const queryClient = clientWithSession(true);
    renderTags(id, queryClient);
    const edit = await screen.findByRole('button', { name: 'Edit tags' });
    expect(edit.getAttribute('aria-disabled')).toBe('true');
    expect(edit.getAttribute('title')).toContain('--read-only');
    fireEvent.click(edit);
    expect(screen.queryByTestId('resource-tags-editor')).toBeNull();
  });
});
