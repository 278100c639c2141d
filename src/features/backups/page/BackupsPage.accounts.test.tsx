// @vitest-environment happy-dom
/**
 * The backups page with several accounts (issue 15), against a fake local server answering `/aws/<region>`
 * for the base account and `/aws/<account>/<region>` for another: both accounts' backups in the list with an
 * Account column and filter, another account's backup linked with ?account=, and a failed account's alert.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCloudHsmClients, sessionKey } from '../../../aws';
import type { SessionInfo } from '../../../cloudhsm/api';
import { providers, testQueryClient } from '../../testing/render';
import { BackupsPage } from '../BackupsPage';

const BASE = '111122223333';
const WORKLOAD = '222233334444';
const DENIED = '333344445555';
const SESSION: SessionInfo = {
  mode: 'aws',
  regions: ['us-east-1'],
  availableRegions: ['us-east-1'],
  readOnly: false,
  accounts: [
    { id: BASE, label: 'security', source: 'base' },
    { id: WORKLOAD, label: 'workload', source: 'role' },
    { id: DENIED, label: 'denied', source: 'role', error: 'AccessDenied: not authorized to perform sts:AssumeRole' },
  ],
};
const backup = (account: string, id: string) => ({
  BackupId: id,
  BackupArn: `arn:aws:cloudhsm:us-east-1:${account}:backup/${id}`,
  ClusterId: 'cluster-aaaaaaaaaaa',
  BackupState: 'READY',
  CreateTimestamp: (Date.now() - 3_600_000) / 1000,
});
const DATA: Record<string, Record<string, unknown>> = {
  base: { DescribeClusters: { Clusters: [] }, DescribeBackups: { Backups: [backup(BASE, 'backup-aaaaaaaaaaa')] } },
  [WORKLOAD]: { DescribeClusters: { Clusters: [] }, DescribeBackups: { Backups: [backup(WORKLOAD, 'backup-bbbbbbbbbbb')] } },
};
const asked: string[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const [, account = 'base'] = /\/aws\/(?:(\d{12})\/)?[a-z0-9-]+/.exec(req.url ?? '') ?? [];
      asked.push(account);
      const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      res.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': 'req-1', 'Access-Control-Allow-Origin': '*' });
      res.end(JSON.stringify(DATA[account]?.[operation] ?? {}));
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

// happy-dom lays nothing out: give the list's scroller a desktop's size so the virtualiser draws rows.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
const clientWidth = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 448 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1280 });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
  if (clientWidth) Object.defineProperty(HTMLElement.prototype, 'clientWidth', clientWidth);
});
afterEach(cleanup);

function Where() {
  return <output data-testid="where">{useLocation().search}</output>;
}

const rowOf = (id: string) => screen.getAllByTestId('backup-row').find((r) => r.dataset['backupId'] === id)!;

describe('BackupsPage with several accounts', () => {
  it('lists both accounts’ backups with an Account column and filter; the failed account is said, not asked', async () => {
    const queryClient = testQueryClient();
    queryClient.setQueryData(sessionKey, SESSION);
    const Providers = providers(queryClient, createCloudHsmClients({ baseUrl, maxAttempts: 1 }));
    render(
      <Providers>
        <MemoryRouter initialEntries={['/backups']}>
          <Routes>
            <Route path="/backups" element={<BackupsPage />} />
          </Routes>
          <Where />
        </MemoryRouter>
      </Providers>,
    );
    await waitFor(() => expect(screen.getAllByTestId('backup-row')).toHaveLength(2), { timeout: 10_000 });
    expect(screen.getByTestId('backup-count').textContent).toBe(`2 of 2 loaded backups in us-east-1, us-east-1 (${WORKLOAD})`);
    expect(screen.getByRole('columnheader', { name: 'Account' })).toBeTruthy();
    expect(within(rowOf('backup-bbbbbbbbbbb')).getByTestId('backup-account').textContent).toBe(`workload${WORKLOAD}`);
    expect(within(rowOf('backup-aaaaaaaaaaa')).getByTestId('backup-account').textContent).toBe(`security${BASE}`);
    expect(within(rowOf('backup-bbbbbbbbbbb')).getByRole('link', { name: 'backup-bbbbbbbbbbb' }).getAttribute('href')).toBe(
      `/backups/us-east-1/backup-bbbbbbbbbbb?account=${WORKLOAD}`,
    );
    expect(screen.getByTestId('account-error').textContent).toContain(`Could not use account denied (${DENIED})`);
    expect(asked).not.toContain(DENIED);

    fireEvent.click(screen.getByRole('checkbox', { name: `workload (${WORKLOAD})` }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toContain(`account=${WORKLOAD}`));
    await waitFor(() => expect(screen.getAllByTestId('backup-row')).toHaveLength(1));
    expect(rowOf('backup-bbbbbbbbbbb')).toBeTruthy();
  });
});
