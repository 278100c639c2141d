// @vitest-environment happy-dom
/**
 * The Sharing section of a backup's page against the emulator: share with an account and see it listed (and
 * in the stored policy), a bad id refused on the field with no call, removing one account and then the last
 * (the policy goes), statements someone else wrote kept, and the section off with its reason.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessionKey, type BackupWithExtras, type SessionInfo } from '../../../../aws';
import { testClients } from '../../../../aws/testing/backend';
import { startTwoAccountEmulator, type TwoAccountEmulator } from '../../../../aws/testing/twoAccountEmulator';
import { backupArn } from '../../../../cloudhsm/ids';
import { readSharePolicy } from '../../../../cloudhsm/sharing';
import { READ_ONLY_REASON } from '../../../../ui/actions';
import { providers, testQueryClient } from '../../../testing/render';
import { BackupSharing } from './BackupSharing';

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

/** A fresh READY backup of the base account (ids of base32 letters, as the service's are). */
function newBackup(policy?: string): BackupWithExtras {
  const id = `backup-sharingtest${'abcdefghijklmnopqrstuvwxyz'[n++]}`;
  env.putBackup(env.baseAccount, REGION, { id, clusterId: 'cluster-sharingtsta', ...(policy !== undefined && { policy }) });
  return { BackupId: id, BackupArn: backupArn(REGION, env.baseAccount, id), BackupState: 'READY', ClusterId: 'cluster-sharingtsta' };
}

const storedPolicy = (backupId: string) => env.emulator.store.peekRegion(env.baseAccount, REGION)?.backups.get(backupId)?.Policy;

function renderSharing(backup: BackupWithExtras, session: Partial<SessionInfo> = {}) {
  const { clients, log } = testClients(env);
  const queryClient = testQueryClient();
  queryClient.setQueryData(sessionKey, {
    mode: 'emulator',
    regions: [REGION],
    availableRegions: [REGION],
    readOnly: false,
    accountId: env.baseAccount,
    ...session,
  });
  const Providers = providers(queryClient, clients);
  render(
    <MemoryRouter>
      <Providers>
        <BackupSharing region={REGION} backup={backup} />
      </Providers>
    </MemoryRouter>,
  );
  return { log };
}

const input = () => screen.getByRole('textbox', { name: /Share with account/ });
async function share(account: string) {
  fireEvent.change(input(), { target: { value: account } });
  fireEvent.click(screen.getByRole('button', { name: 'Share' }));
}
const listed = () => within(screen.getByRole('list', { name: 'Accounts this backup is shared with' })).getAllByRole('listitem');

describe('Sharing on a backup page', () => {
  it('shares with an account: it is listed, and the stored policy names it as AWS documents', async () => {
    const backup = newBackup();
    renderSharing(backup);
    await screen.findByText('Not shared with any account', undefined, NETWORK);
    await share(OTHER);
    await screen.findByTestId('share-success', undefined, NETWORK);
    await waitFor(() => expect(listed().map((li) => li.textContent)).toEqual([`${OTHER}Remove`]), NETWORK);
    expect(readSharePolicy(storedPolicy(backup.BackupId!))).toMatchObject({ kind: 'readable', accounts: [OTHER], otherStatements: 0 });
    expect(storedPolicy(backup.BackupId!)).toContain(`arn:aws:iam::${OTHER}:root`);
    expect((input() as HTMLInputElement).value).toBe('');
  });

  it('refuses a bad id, the backup’s own account and one already there on the field, sending nothing', async () => {
    const backup = newBackup();
    const { log } = renderSharing(backup);
    await screen.findByText('Not shared with any account', undefined, NETWORK);
    await share('12345');
    expect(await screen.findByText(/An AWS account ID is 12 digits \(for example 444455556666\); “12345” is not\./)).toBeTruthy();
    expect(input().getAttribute('aria-invalid')).toBe('true');
    await share(env.baseAccount);
    expect(await screen.findByText(/is the backup’s own account/)).toBeTruthy();
    await share('');
    expect(await screen.findByText('Enter the 12-digit ID of the AWS account to share with.')).toBeTruthy();
    expect(log.of('PutResourcePolicy')).toEqual([]);
    expect(storedPolicy(backup.BackupId!)).toBeUndefined();
  });

  it('removes one account (rewriting the policy), then the last (deleting it), each after a confirmation', async () => {
    const backup = newBackup();
    const { log } = renderSharing(backup);
    await screen.findByText('Not shared with any account', undefined, NETWORK);
    await share(OTHER);
    await waitFor(() => expect(listed()).toHaveLength(1), NETWORK);
    await share(THIRD);
    await waitFor(() => expect(listed()).toHaveLength(2), NETWORK);

    fireEvent.click(screen.getByRole('button', { name: `Stop sharing with ${OTHER}` }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('rewritten without it');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Stop sharing' }));
    await waitFor(() => expect(listed().map((li) => li.textContent)).toEqual([`${THIRD}Remove`]), NETWORK);
    expect(readSharePolicy(storedPolicy(backup.BackupId!))).toMatchObject({ accounts: [THIRD] });

    fireEvent.click(screen.getByRole('button', { name: `Stop sharing with ${THIRD}` }));
    const last = await screen.findByRole('dialog');
    expect(last.textContent).toContain('the backup’s resource policy is deleted');
    fireEvent.click(within(last).getByRole('button', { name: 'Stop sharing' }));
    await screen.findByText('Not shared with any account', undefined, NETWORK);
    expect(storedPolicy(backup.BackupId!)).toBeUndefined();
    expect(log.of('DeleteResourcePolicy')).toHaveLength(1);
    // The row that opened the dialog is gone: focus is on the section's heading, not lost to the page.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Sharing' })));
  });

  it('cancelling the confirmation changes nothing', async () => {
    const backup = newBackup();
    const { log } = renderSharing(backup);
    await screen.findByText('Not shared with any account', undefined, NETWORK);
    await share(OTHER);
    await waitFor(() => expect(listed()).toHaveLength(1), NETWORK);
    fireEvent.click(screen.getByRole('button', { name: `Stop sharing with ${OTHER}` }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(listed()).toHaveLength(1);
    expect(log.of('DeleteResourcePolicy')).toEqual([]);
  });

  it('keeps statements someone else wrote, and says there are some', async () => {
    const foreign = { Sid: 'Theirs', Effect: 'Deny', Principal: '*', Action: 'cloudhsm:DeleteBackup', Resource: '*' };
    const backup = newBackup(JSON.stringify({ Version: '2012-10-17', Statement: [foreign] }));
    renderSharing(backup);
    expect((await screen.findByTestId('other-statements', undefined, NETWORK)).textContent).toContain(
      '1 other statement that the dashboard',
    );
    await share(OTHER);
    await waitFor(() => expect(listed()).toHaveLength(1), NETWORK);
    const stored = JSON.parse(storedPolicy(backup.BackupId!)!) as { Statement: unknown[] };
    expect(stored.Statement[0]).toEqual(foreign);
    expect(stored.Statement).toHaveLength(2);
  });

  it('shows a policy it cannot read as it is, and leaves it alone', async () => {
    const backup = newBackup('{"Statement": "not a list"}');
    renderSharing(backup);
    expect(await screen.findByTestId('policy-unreadable', undefined, NETWORK)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Share' }).getAttribute('aria-disabled')).toBe('true');
  });

  it('is off with the reason in a read-only session and for a backup that is not READY', async () => {
    renderSharing(newBackup(), { readOnly: true });
    await screen.findByText('Not shared with any account', undefined, NETWORK);
    const button = screen.getByRole('button', { name: 'Share' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.getAttribute('title')).toBe(READ_ONLY_REASON);
    cleanup();

    renderSharing({ ...newBackup(), BackupState: 'PENDING_DELETION' });
    await screen.findByText('Not shared with any account', undefined, NETWORK);
    expect(screen.getAllByText('Only a READY backup can be shared; this one is PENDING_DELETION.').length).toBeGreaterThan(0);
  });

  it('for another account’s backup, says only its owner can share it and asks nothing', async () => {
    const { log } = renderSharing({ ...newBackup(), BackupArn: backupArn(REGION, '210987654321', 'backup-elsewhereaa') });
    expect((await screen.findByTestId('sharing-not-owner')).textContent).toBe(
      'This backup belongs to account 210987654321; only its owner can share it.',
    );
    expect(screen.queryByRole('button', { name: 'Share' })).toBeNull();
    expect(log.of('GetResourcePolicy')).toEqual([]);
  });

  it('shows the RAM note with the promote command', () => {
    renderSharing(newBackup());
    expect(screen.getByTestId('promote-command').textContent).toBe(
      'aws ram promote-resource-share-created-from-policy --resource-share-arn <resource-share-arn>',
    );
    expect(screen.getByTestId('ram-note').textContent).toContain('AWS recommends sharing backups through AWS Resource Access Manager');
  });
});
