// @vitest-environment happy-dom
/**
 * "Copy newest" over clusters of two accounts (issue 15), against an emulator holding both: each copy is asked
 * of its cluster's account and lands in that account's destination region. Each account also holds a twin of
 * the other's backup (same id), so a copy asked of the wrong account would copy the twin instead.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessionKey, type RegionalBackup, type SessionInfo } from '../../../aws';
import { testClients } from '../../../aws/testing/backend';
import { startTwoAccountEmulator, type TwoAccountEmulator } from '../../../aws/testing/twoAccountEmulator';
import { providers, testQueryClient } from '../../testing/render';
import { CopyNewestButton, type CopyNewestSelection } from './CopyNewestButton';

const REGION = 'us-east-1';
const DEST = 'us-west-2';
const OTHER = '444455556666';
const NETWORK = { timeout: 10_000 };
const BASE_ID = 'backup-newestacbase';
const OTHER_ID = 'backup-newestacothr';
let env: TwoAccountEmulator;

beforeAll(async () => {
  env = await startTwoAccountEmulator();
  for (const account of [env.baseAccount, OTHER]) {
    env.putBackup(account, REGION, { id: BASE_ID, clusterId: 'cluster-newestbasea' });
    env.putBackup(account, REGION, { id: OTHER_ID, clusterId: 'cluster-newestothra' });
  }
});
afterAll(() => env.close());
afterEach(cleanup);

function selection(account: string | undefined, clusterId: string, backupId: string): CopyNewestSelection {
  const newest: RegionalBackup = {
    region: REGION,
    ...(account && { account }),
    backup: { BackupId: backupId, ClusterId: clusterId, BackupState: 'READY', CreateTimestamp: new Date() },
  };
  return { cluster: { region: REGION, ...(account && { account }), cluster: { ClusterId: clusterId, State: 'ACTIVE' } }, newest };
}

const copiesOf = (account: string, id: string) =>
  [...(env.emulator.store.peekRegion(account, DEST)?.backups.values() ?? [])].filter((b) => b.SourceBackup === id);

describe('Copy newest over two accounts', () => {
  it('copies each cluster’s newest backup within its own account', async () => {
    const { clients } = testClients(env);
    const queryClient = testQueryClient();
    const session: SessionInfo = {
      mode: 'emulator',
      regions: [REGION, DEST],
      availableRegions: [REGION, DEST],
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
      <MemoryRouter>
        <Providers>
          <CopyNewestButton
            selected={[selection(undefined, 'cluster-newestbasea', BASE_ID), selection(OTHER, 'cluster-newestothra', OTHER_ID)]}
            regions={[DEST]}
          />
        </Providers>
      </MemoryRouter>,
    );
    fireEvent.click(screen.getByTestId('copy-newest'));
    const dialog = await screen.findByTestId('copy-newest-dialog');
    expect(within(dialog).getByTestId('copy-newest-list').textContent).toContain(`(account ${OTHER}; the copy stays in it)`);
    act(() => within(dialog).getByTestId('copy-newest-confirm').click());
    // Neither cluster has a backup in the destination yet: the first-copy guard asks once for both.
    const guard = await screen.findByTestId('copy-guard-dialog', undefined, NETWORK);
    act(() =>
      within(guard)
        .getByRole('button', { name: `Copy to ${DEST}` })
        .click(),
    );
    await within(dialog).findByTestId('bulk-report', undefined, NETWORK);
    await waitFor(() => expect(copiesOf(OTHER, OTHER_ID)).toHaveLength(1), NETWORK);
    expect(copiesOf(env.baseAccount, BASE_ID)).toHaveLength(1);
    // The twins were not copied: no call went to the wrong account.
    expect(copiesOf(env.baseAccount, OTHER_ID)).toEqual([]);
    expect(copiesOf(OTHER, BASE_ID)).toEqual([]);
  });
});
