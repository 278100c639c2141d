// @vitest-environment happy-dom
/**
 * The Recovery view with two accounts (issue 15), against a fake local server answering `/aws/<region>` for
 * the base account and `/aws/<account>/<region>` for the other: both accounts' clusters, each judged by its own
 * account's backups, the Account column and filter, and links that carry another account.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCloudHsmClients, sessionKey } from '../../aws';
import type { SessionInfo } from '../../cloudhsm/api';
import { providers, testQueryClient } from '../testing/render';
import RecoveryPage from './RecoveryPage';
import { resetTargetSettingsCache } from './targetsStore';

const BASE = '111122223333';
const WORKLOAD = '222233334444';
const SESSION: SessionInfo = {
  mode: 'aws',
  regions: ['us-east-1'],
  availableRegions: ['us-east-1'],
  readOnly: false,
  accounts: [
    { id: BASE, label: 'security', source: 'base' },
    { id: WORKLOAD, label: 'workload', source: 'role' },
  ],
};
const hourAgo = () => (Date.now() - 3_600_000) / 1000;
const cluster = (id: string, name: string) => ({
  ClusterId: id,
  State: 'ACTIVE',
  Hsms: [{ HsmId: `hsm-${id.slice(8, 12)}`, AvailabilityZone: 'us-east-1a', State: 'ACTIVE' }],
  TagList: [{ Key: 'Name', Value: name }],
});
const backup = (account: string, id: string, clusterId: string) => ({
  BackupId: id,
  BackupArn: `arn:aws:cloudhsm:us-east-1:${account}:backup/${id}`,
  ClusterId: clusterId,
  BackupState: 'READY',
  CreateTimestamp: hourAgo(),
});
/** What each account holds in us-east-1, by operation. */
const DATA: Record<string, Record<string, unknown>> = {
  base: {
    DescribeClusters: { Clusters: [cluster('cluster-aaaaaaaaaaa', 'pki-root-ca')] },
    DescribeBackups: { Backups: [backup(BASE, 'backup-aaaaaaaaaaa', 'cluster-aaaaaaaaaaa')] },
  },
  [WORKLOAD]: {
    DescribeClusters: { Clusters: [cluster('cluster-bbbbbbbbbbb', 'payments')] },
    DescribeBackups: { Backups: [backup(WORKLOAD, 'backup-bbbbbbbbbbb', 'cluster-bbbbbbbbbbb')] },
  },
};
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const [, account = 'base'] = /\/aws\/(?:(\d{12})\/)?[a-z0-9-]+/.exec(req.url ?? '') ?? [];
      const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      res.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': 'req-1', 'Access-Control-Allow-Origin': '*' });
      res.end(JSON.stringify(DATA[account]?.[operation] ?? {}));
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));
afterEach(() => {
  cleanup();
  localStorage.clear();
  resetTargetSettingsCache();
});

function Where() {
  return <output data-testid="where">{useLocation().search}</output>;
}

function renderPage() {
  const queryClient = testQueryClient();
  queryClient.setQueryData(sessionKey, SESSION);
  const Providers = providers(queryClient, createCloudHsmClients({ baseUrl, maxAttempts: 1 }));
  render(
    <Providers>
      <MemoryRouter initialEntries={['/recovery']}>
        <Routes>
          <Route path="/recovery" element={<RecoveryPage />} />
        </Routes>
        <Where />
      </MemoryRouter>
    </Providers>,
  );
}

const rowOf = (clusterId: string) => screen.getAllByTestId('recovery-row').find((r) => r.dataset['clusterId'] === clusterId)!;

describe('Recovery with two accounts', () => {
  it('shows both accounts’ clusters, each on target from its own account’s backup, with the Account column, filter and links', async () => {
    renderPage();
    await waitFor(() => expect(screen.getAllByTestId('recovery-row')).toHaveLength(2), { timeout: 10_000 });
    await waitFor(() => expect(rowOf('cluster-bbbbbbbbbbb').dataset['status']).toBe('on-target'), { timeout: 10_000 });
    expect(rowOf('cluster-aaaaaaaaaaa').dataset['status']).toBe('on-target');
    expect(within(rowOf('cluster-bbbbbbbbbbb')).getByTestId('recovery-account').textContent).toBe(`workload${WORKLOAD}`);
    expect(within(rowOf('cluster-aaaaaaaaaaa')).getByTestId('recovery-account').textContent).toBe(`security${BASE}`);
    expect(within(rowOf('cluster-bbbbbbbbbbb')).getByRole('link', { name: 'payments' }).getAttribute('href')).toBe(
      `/clusters/us-east-1/cluster-bbbbbbbbbbb?account=${WORKLOAD}`,
    );

    fireEvent.click(within(screen.getByTestId('account-filter')).getByLabelText(`workload (${WORKLOAD})`));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toContain(`account=${WORKLOAD}`));
    await waitFor(() => expect(screen.getAllByTestId('recovery-row')).toHaveLength(1));
    expect(rowOf('cluster-bbbbbbbbbbb')).toBeTruthy();
  });
});
