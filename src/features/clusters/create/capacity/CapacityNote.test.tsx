// @vitest-environment happy-dom
/**
 * Capacity on the create-cluster form, against a small local server standing for the dashboard server (its
 * /api/quotas answer is set per test; DescribeClusters gives a set number of clusters): under the limit it
 * counts, at the limit it warns that AWS will most likely refuse and says how to raise the quota, without
 * turning the submit off; a server without the route gives AWS's defaults, said as such.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryRouter } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCloudHsmClients, sessionKey, type SessionInfo } from '../../../../aws';
import { networkKeys, type NetworkInfo } from '../../../../aws/actions';
import type { QuotaInfo } from '../../../../cloudhsm/api';
import { providers, testQueryClient } from '../../../testing/render';
import { CreateClusterPage } from '../CreateClusterPage';
import { CapacityNote } from './CapacityNote';

const REGION = 'us-east-1';
const SESSION: SessionInfo = { mode: 'emulator', regions: [REGION], availableRegions: [REGION], readOnly: false };
const NETWORK: NetworkInfo = { available: false, region: REGION, reason: 'not needed here' };
const EMULATOR_QUOTA: QuotaInfo = { region: REGION, account: '123456789012', clusters: 4, hsms: 6, hsmsPerCluster: 28, source: 'emulator' };

let quotaRoute: QuotaInfo | null = EMULATOR_QUOTA;
let clusterCount = 3;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*' };
      if (req.method === 'OPTIONS') {
        res.writeHead(204, cors);
        res.end();
      } else if (req.url?.startsWith('/api/quotas')) {
        res.writeHead(quotaRoute ? 200 : 404, { ...cors, 'Content-Type': 'application/json' });
        res.end(JSON.stringify(quotaRoute ?? { message: 'No API route /api/quotas.' }));
      } else {
        const target = String(req.headers['x-amz-target'] ?? '');
        const clusters = Array.from({ length: clusterCount }, (_, i) => ({
          ClusterId: `cluster-aaaaaaaaaa${'bcdefg'[i]}`,
          State: 'ACTIVE',
          Hsms: [{ HsmId: `hsm-aaaaaaaaaa${'bcdefg'[i]}`, State: 'ACTIVE' }],
        }));
        res.writeHead(200, { ...cors, 'Content-Type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(target.endsWith('DescribeClusters') ? { Clusters: clusters } : { Backups: [] }));
      }
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));
afterEach(cleanup);

function renderForm() {
  const queryClient = testQueryClient();
  queryClient.setQueryData(sessionKey, SESSION);
  queryClient.setQueryData(networkKeys.of(REGION), NETWORK);
  const Providers = providers(queryClient, createCloudHsmClients({ baseUrl, maxAttempts: 1 }));
  render(
    <Providers>
      <MemoryRouter initialEntries={[`/clusters/new?region=${REGION}`]}>
        <CreateClusterPage />
      </MemoryRouter>
    </Providers>,
  );
}

const linesOf = async () => (await screen.findByTestId('capacity-lines', {}, { timeout: 5_000 })).textContent;

describe('Capacity on the create-cluster form', () => {
  it('under the limit: counts clusters and HSMs in the region, from the emulator, without a warning', async () => {
    quotaRoute = EMULATOR_QUOTA;
    clusterCount = 3;
    renderForm();
    expect(await linesOf()).toBe('3 of 4 clusters in US East (N. Virginia)HSMs: 3 of 6 in the region');
    expect(screen.getByTestId('capacity-source').textContent).toBe('Limits from the emulator.');
    expect(screen.queryByTestId('capacity-warning')).toBeNull();
  });

  it('at the limit: says AWS will most likely refuse and how to raise it, and leaves the submit on', async () => {
    quotaRoute = EMULATOR_QUOTA;
    clusterCount = 4;
    renderForm();
    expect(await linesOf()).toContain('4 of 4 clusters in US East (N. Virginia) (at the limit)');
    const warning = screen.getByTestId('capacity-warning');
    expect(warning.textContent).toContain('AWS will most likely refuse another one, and nothing will be created.');
    expect(within(warning).getByRole('link', { name: 'Service Quotas console' }).getAttribute('href')).toBe(
      'https://console.aws.amazon.com/servicequotas/home/services/cloudhsm/quotas?region=us-east-1',
    );
    expect(warning.textContent).toContain('aws service-quotas request-service-quota-increase --service-code cloudhsm');
    expect(warning.textContent).toContain('--quota clusters=5');
    expect(screen.getByRole('button', { name: 'Create cluster' }).getAttribute('aria-disabled')).toBeNull();
  });

  it('a server without /api/quotas: AWS’s defaults, said as such', async () => {
    quotaRoute = null;
    clusterCount = 2;
    renderForm();
    expect(await linesOf()).toContain('2 of 4 clusters in US East (N. Virginia)');
    expect(screen.getByTestId('capacity-source').textContent).toBe(
      'AWS’s default limits: Service Quotas could not be read because the dashboard server does not answer GET /api/quotas (404).',
    );
  });
});

describe('Capacity in Add HSM', () => {
  it('at the region’s HSM limit: this cluster, the region and the clusters, and the HSMs quota to raise', async () => {
    quotaRoute = { ...EMULATOR_QUOTA, clusters: 8 };
    clusterCount = 6;
    const Providers = providers(testQueryClient(), createCloudHsmClients({ baseUrl, maxAttempts: 1 }));
    render(
      <Providers>
        <CapacityNote region={REGION} adding="hsm" clusterHsms={1} />
      </Providers>,
    );
    expect(await linesOf()).toBe(
      'This cluster: 1 of 28 HSMsHSMs: 6 of 6 in the region (at the limit)6 of 8 clusters in US East (N. Virginia)',
    );
    const warning = screen.getByTestId('capacity-warning');
    expect(warning.textContent).toContain('This account has 6 of 6 HSMs in US East (N. Virginia): AWS will most likely refuse another one');
    expect(warning.textContent).toContain('To raise the “HSMs” quota');
    expect(warning.textContent).toContain('--quota hsms=7');
  });
});
