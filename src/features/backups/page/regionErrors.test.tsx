// @vitest-environment happy-dom
/**
 * A region whose DescribeBackups fails, as a person meets it on /backups: the count and the status line speak
 * only for the region that answered and name the one that did not, the region's alert says the operation,
 * region, AWS error code and what to do, and Try again reads that region once it answers.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCloudHsmClients, sessionKey } from '../../../aws';
import { providers, testQueryClient } from '../../testing/render';
import { BackupsPage } from '../BackupsPage';

const REGIONS = ['us-east-1', 'us-west-2'];
const NETWORK = { timeout: 10_000 };
let failing = true;
let westBackups: unknown[] = [];
let server: Server;
let baseUrl: string;

const backup = (id: string) => ({
  BackupId: id,
  ClusterId: 'cluster-aaaaaaaaaaa',
  BackupState: 'READY',
  CreateTimestamp: Date.now() / 1000 - 3600,
});

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const headers = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*', 'x-amzn-RequestId': 'req-b-1' };
      if (req.method === 'OPTIONS') {
        res.writeHead(204, headers);
        res.end();
        return;
      }
      const target = String(req.headers['x-amz-target'] ?? '').replace('BaldrApiService.', '');
      const region = req.url?.split('/')[2] ?? '';
      const json = { ...headers, 'Content-Type': 'application/x-amz-json-1.1' };
      if (target === 'DescribeBackups' && region === 'us-east-1' && failing) {
        res.writeHead(400, json);
        res.end(JSON.stringify({ __type: 'CloudHsmAccessDeniedException', message: 'User is not authorized' }));
        return;
      }
      res.writeHead(200, json);
      if (target === 'DescribeBackups')
        res.end(JSON.stringify({ Backups: region === 'us-east-1' ? [backup('backup-eastaaaaaaa')] : westBackups }));
      else if (target === 'DescribeClusters') res.end(JSON.stringify({ Clusters: [] }));
      else res.end('{}');
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));
afterEach(() => {
  cleanup();
  failing = true;
  westBackups = [];
});

function renderPage() {
  const queryClient = testQueryClient();
  queryClient.setQueryData(sessionKey, { mode: 'emulator', regions: REGIONS, availableRegions: REGIONS, readOnly: false });
  const Providers = providers(queryClient, createCloudHsmClients({ baseUrl, maxAttempts: 1 }));
  render(
    <Providers>
      <MemoryRouter initialEntries={[`/backups?regions=${REGIONS.join(',')}`]}>
        <Routes>
          <Route path="/backups" element={<BackupsPage />} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
}

describe('a region whose backups cannot be read', () => {
  it('the alert names the region, the operation, the AWS error code and what to do; counts speak for the other region only', async () => {
    westBackups = [backup('backup-westaaaaaaa')];
    renderPage();
    const alert = await screen.findByTestId('aws-error', undefined, NETWORK);
    expect(alert.getAttribute('data-region')).toBe('us-east-1');
    expect(alert.textContent).toContain('could not load the backups in us-east-1');
    expect(alert.textContent).toContain('DescribeBackups in us-east-1 failed: CloudHsmAccessDeniedException: User is not authorized');
    expect(alert.textContent).toContain('(request req-b-1)');
    expect(alert.textContent).toMatch(/Check that the credentials .* allow this CloudHSM action/);
    await screen.findByText('1 of 1 loaded backups in us-west-2; could not load us-east-1', undefined, NETWORK);
    expect(screen.getByTestId('backup-window-status').textContent).toContain('Showing all backups of us-west-2; could not load us-east-1');
    expect(screen.queryByText(/Showing all backups$/)).toBeNull();

    // Try again, once the region answers: its backups join the others.
    failing = false;
    fireEvent.click(within(alert).getByRole('button', { name: /Try again/ }));
    await screen.findByText('2 of 2 loaded backups in us-east-1, us-west-2', undefined, NETWORK);
    expect(screen.queryByTestId('aws-error')).toBeNull();
  });

  it('"no backups" only for the region that answered, never for the one not read', async () => {
    renderPage();
    const empty = await screen.findByTestId('backups-empty', undefined, NETWORK);
    expect(empty.textContent).toContain('There are no backups in us-west-2.');
    expect(empty.textContent).toContain('Could not load us-east-1');
    expect(empty.textContent).not.toMatch(/no backups in us-east-1/);
    expect(screen.getByTestId('backup-count').textContent).toBe('No backups in us-west-2; could not load us-east-1');
  });
});
