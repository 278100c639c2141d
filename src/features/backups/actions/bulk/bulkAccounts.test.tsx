// @vitest-environment happy-dom
/**
 * Bulk actions over rows of two accounts (issue 15), against an emulator holding both: each DeleteBackup and
 * TagResource goes to its row's own account. Each account also holds a twin of the other's backup (same id),
 * so a call sent to the wrong account would change the twin instead.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sessionKey, type SessionInfo } from '../../../../aws';
import { testClients } from '../../../../aws/testing/backend';
import { startTwoAccountEmulator, type TwoAccountEmulator } from '../../../../aws/testing/twoAccountEmulator';
import { backupArn } from '../../../../cloudhsm/ids';
import type { BackupRow } from '../../filterBackups';
import { providers, testQueryClient } from '../../../testing/render';
import BulkDeleteDialog from './BulkDeleteDialog';

const REGION = 'us-east-1';
const OTHER = '444455556666';
const NETWORK = { timeout: 10_000 };
const BASE_ID = 'backup-bulkacctbase';
const OTHER_ID = 'backup-bulkacctothr';
let env: TwoAccountEmulator;

beforeAll(async () => {
  env = await startTwoAccountEmulator();
  for (const account of [env.baseAccount, OTHER]) {
    for (const id of [BASE_ID, OTHER_ID]) env.putBackup(account, REGION, { id, clusterId: 'cluster-bulkacctaaa' });
  }
});
afterAll(() => env.close());
afterEach(cleanup);

const row = (account: string | undefined, id: string): BackupRow => ({
  region: REGION,
  ...(account && { account }),
  backup: {
    BackupId: id,
    BackupArn: backupArn(REGION, account ?? env.baseAccount, id),
    BackupState: 'READY',
    ClusterId: 'cluster-bulkacctaaa',
  },
});
const stateOf = (account: string, id: string) => env.emulator.store.peekRegion(account, REGION)?.backups.get(id)?.BackupState;

describe('bulk delete over two accounts', () => {
  it('sends each DeleteBackup to its row’s account', async () => {
    const { clients } = testClients(env);
    const queryClient = testQueryClient();
    const session: SessionInfo = {
      mode: 'emulator',
      regions: [REGION],
      availableRegions: [REGION],
      readOnly: false,
      accountId: env.baseAccount,
      accounts: [
        { id: env.baseAccount, label: 'security', source: 'base' },
        { id: OTHER, label: 'workload', source: 'role' },
      ],
    };
    queryClient.setQueryData(sessionKey, session);
    const Providers = providers(queryClient, clients);
    const onClose = vi.fn();
    render(
      <MemoryRouter>
        <Providers>
          <BulkDeleteDialog rows={[row(undefined, BASE_ID), row(OTHER, OTHER_ID)]} onClose={onClose} />
        </Providers>
      </MemoryRouter>,
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByTestId('bulk-delete-confirm'));
    const report = await within(dialog).findByTestId('bulk-report', {}, NETWORK);
    expect(within(report).getByTestId('bulk-succeeded').textContent).toContain('2 backups now PENDING_DELETION');
    expect(within(report).queryAllByTestId('bulk-failure')).toEqual([]);
    // Each in its own account; the twins (same ids, the other account) untouched.
    expect(stateOf(env.baseAccount, BASE_ID)).toBe('PENDING_DELETION');
    expect(stateOf(OTHER, OTHER_ID)).toBe('PENDING_DELETION');
    expect(stateOf(OTHER, BASE_ID)).toBe('READY');
    expect(stateOf(env.baseAccount, OTHER_ID)).toBe('READY');
  });
});
