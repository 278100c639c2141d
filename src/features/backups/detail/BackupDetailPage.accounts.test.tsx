// @vitest-environment happy-dom
/**
 * A backup page of another account (`?account=<id>`, issue 15) against an emulator holding two accounts: its
 * tags, sharing and actions ask that account, and what they change is that account's backup. The base account
 * holds a backup with the same id, so a call that went to the wrong account would show (and change it).
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessionKey, type SessionInfo } from '../../../aws';
import { testClients } from '../../../aws/testing/backend';
import { startTwoAccountEmulator, type TwoAccountEmulator } from '../../../aws/testing/twoAccountEmulator';
import { backupArn } from '../../../cloudhsm/ids';
import { readSharePolicy } from '../../../cloudhsm/sharing';
import { providers, testQueryClient } from '../../testing/render';
import { BackupDetailPage } from '../BackupDetailPage';

const REGION = 'us-east-1';
const OTHER = '444455556666';
const THIRD = '777788889999';
const NETWORK = { timeout: 10_000 };
let env: TwoAccountEmulator;
let n = 0;

beforeAll(async () => {
  env = await startTwoAccountEmulator();
});
afterAll(() => env.close());
afterEach(cleanup);

/** The same backup id in both accounts, each with its own tag, so the page shows whose it asked. */
function givenTwin(): string {
  const id = `backup-accountpage${'abcdefghijklmnopqrstuvwxyz'[n++]}`;
  env.putBackup(env.baseAccount, REGION, { id, clusterId: 'cluster-basepageaaa' }).Tags = [{ Key: 'team', Value: 'security' }];
  env.putBackup(OTHER, REGION, { id, clusterId: 'cluster-otherpageaa' }).Tags = [{ Key: 'team', Value: 'workload' }];
  return id;
}

const stored = (account: string, id: string) => env.emulator.store.peekRegion(account, REGION)?.backups.get(id);

function renderPage(id: string, account: string | null = OTHER, regions = [REGION]) {
  const { clients, log } = testClients(env);
  const queryClient = testQueryClient();
  const session: SessionInfo = {
    mode: 'emulator',
    regions,
    availableRegions: [REGION, 'us-west-2'],
    readOnly: false,
    accountId: env.baseAccount,
    accounts: [
      { id: env.baseAccount, label: 'security', source: 'base' },
      { id: OTHER, label: 'workload', source: 'role' },
    ],
  };
  queryClient.setQueryData(sessionKey, session);
  const Providers = providers(queryClient, clients);
  render(
    <MemoryRouter initialEntries={[`/backups/${REGION}/${id}${account ? `?account=${account}` : ''}`]}>
      <Providers>
        <Routes>
          <Route path="/backups/:region/:backupId" element={<BackupDetailPage />} />
        </Routes>
      </Providers>
    </MemoryRouter>,
  );
  return { log };
}

const chips = async () => (await screen.findAllByTestId('tag-chip', undefined, NETWORK)).map((c) => c.textContent);

describe('another account’s backup page', () => {
  it('shows that account’s backup, tags and the copy note; the base account’s twin is not what it shows', async () => {
    const id = givenTwin();
    renderPage(id);
    await waitFor(() => expect(screen.getByTestId('field-BackupArn').textContent).toContain(backupArn(REGION, OTHER, id)), NETWORK);
    expect((await chips()).join(' ')).toContain('workload');
    expect((await chips()).join(' ')).not.toContain('security');
    expect(screen.getByTestId('copy-account-note').textContent).toBe(
      `Copies into account ${OTHER} (a copy stays in its backup's account).`,
    );
    // The create form creates in the base account: from here it is off, saying so.
    const create = screen.getByRole('button', { name: 'Create cluster from this backup' });
    expect(create.getAttribute('aria-disabled')).toBe('true');
  });

  it('the base account’s page of the twin shows the base account’s tags and no account note', async () => {
    const id = givenTwin();
    renderPage(id, null);
    await waitFor(
      () => expect(screen.getByTestId('field-BackupArn').textContent).toContain(backupArn(REGION, env.baseAccount, id)),
      NETWORK,
    );
    expect((await chips()).join(' ')).toContain('security');
    expect(screen.queryByTestId('copy-account-note')).toBeNull();
  });

  it('Never expires changes that account’s backup, not the base account’s', async () => {
    const id = givenTwin();
    renderPage(id);
    const toggle = await screen.findByRole('switch', { name: /Never expires/ }, NETWORK);
    await waitFor(() => expect(toggle.getAttribute('aria-disabled')).not.toBe('true'), NETWORK);
    fireEvent.click(toggle);
    await screen.findByTestId('never-expires-success', undefined, NETWORK);
    expect(stored(OTHER, id)?.NeverExpires).toBe(true);
    expect(stored(env.baseAccount, id)?.NeverExpires).toBe(false);
    await waitFor(() => expect(screen.getByRole('switch', { name: /Never expires/ }).getAttribute('aria-checked')).toBe('true'), NETWORK);
  });

  it('a tag edit is saved on that account’s backup, not the base account’s', async () => {
    const id = givenTwin();
    renderPage(id);
    await chips();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit tags' }));
    await screen.findByTestId('resource-tags-editor');
    const values = screen.getAllByRole('textbox', { name: /^Value, row / }) as HTMLInputElement[];
    fireEvent.change(values[0]!, { target: { value: 'payments' } });
    fireEvent.click(screen.getByRole('button', { name: /Save tags/ }));
    await screen.findByTestId('tags-saved', undefined, NETWORK);
    expect(stored(OTHER, id)?.Tags).toEqual([{ Key: 'team', Value: 'payments' }]);
    expect(stored(env.baseAccount, id)?.Tags).toEqual([{ Key: 'team', Value: 'security' }]);
  });

  it('Sharing works for the owner account: the policy is read and written on that account’s backup', async () => {
    const id = givenTwin();
    renderPage(id);
    await screen.findByText('Not shared with any account', undefined, NETWORK);
    expect(screen.queryByTestId('sharing-not-owner')).toBeNull();
    fireEvent.change(screen.getByRole('textbox', { name: /Share with account/ }), { target: { value: THIRD } });
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    await screen.findByTestId('share-success', undefined, NETWORK);
    const shared = await screen.findByRole('list', { name: 'Accounts this backup is shared with' }, NETWORK);
    expect(
      within(shared)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([`${THIRD}Remove`]);
    expect(readSharePolicy(stored(OTHER, id)?.Policy)).toMatchObject({ kind: 'readable', accounts: [THIRD] });
    expect(stored(OTHER, id)?.Policy).toContain(backupArn(REGION, OTHER, id));
    expect(stored(env.baseAccount, id)?.Policy).toBeUndefined();
  });

  it('Delete goes to that account: its backup is PENDING_DELETION, the base account’s still READY', async () => {
    const id = givenTwin();
    renderPage(id);
    const remove = await screen.findByRole('button', { name: 'Delete backup' }, NETWORK);
    await waitFor(() => expect(remove.getAttribute('aria-disabled')).not.toBe('true'), NETWORK);
    fireEvent.click(remove);
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /^Delete/ }));
    await screen.findByTestId('delete-success', undefined, NETWORK);
    expect(stored(OTHER, id)?.BackupState).toBe('PENDING_DELETION');
    expect(stored(env.baseAccount, id)?.BackupState).toBe('READY');
    // The result's link names the account, so it opens the same backup.
    const link = within(screen.getByTestId('delete-success')).getByRole('link', { name: id });
    expect(new URL(link.getAttribute('href')!, 'http://x').searchParams.get('account')).toBe(OTHER);
  });

  it('Copy copies within that account: the copy lands in its us-west-2, the tracker finds it there and links to it with the account', async () => {
    const id = givenTwin();
    renderPage(id, OTHER, [REGION, 'us-west-2']);
    const copy = await screen.findByRole('button', { name: 'Copy to us-west-2' }, NETWORK);
    await waitFor(() => expect(copy.getAttribute('aria-disabled')).not.toBe('true'), NETWORK);
    act(() => copy.click());
    // That account's cluster has no backup in us-west-2 yet: the first-copy guard asks.
    const guard = await screen.findByRole('dialog', undefined, NETWORK);
    act(() => within(guard).getByRole('button', { name: 'Copy to us-west-2' }).click());
    const tracker = await screen.findByTestId('copy-tracker', undefined, NETWORK);
    await waitFor(() => expect(tracker.dataset['copyId']).toBeTruthy(), { timeout: 15_000 });
    const copies = (account: string) =>
      [...(env.emulator.store.peekRegion(account, 'us-west-2')?.backups.values() ?? [])].filter((b) => b.SourceBackup === id);
    expect(copies(OTHER).map((b) => b.BackupId)).toEqual([tracker.dataset['copyId']]);
    expect(copies(env.baseAccount)).toEqual([]);
    const link = await within(tracker).findByTestId('copy-link', undefined, NETWORK);
    expect(new URL(link.getAttribute('href')!, 'http://x').searchParams.get('account')).toBe(OTHER);
  }, 20_000);
});
