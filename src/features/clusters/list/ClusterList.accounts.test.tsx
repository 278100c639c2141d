// @vitest-environment happy-dom
/**
 * The cluster list with several accounts (issue 15), against a fake local server that answers
 * `/aws/<region>` for the base account and `/aws/<account>/<region>` for the others, as the dashboard's server does.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCloudHsmClients } from '../../../aws';
import type { AccountInfo, SessionInfo } from '../../../cloudhsm/api';
import { providers, testQueryClient } from '../../testing/render';
import { ClusterList } from './ClusterList';

const BASE = '111122223333';
const WORKLOAD = '222233334444';
const DENIED = '333344445555';
const ACCOUNTS: AccountInfo[] = [
  { id: BASE, label: 'security', source: 'base' },
  { id: WORKLOAD, label: 'workload', source: 'role', roleArn: `arn:aws:iam::${WORKLOAD}:role/dashboard-read` },
  {
    id: DENIED,
    label: 'denied',
    source: 'role',
    roleArn: `arn:aws:iam::${DENIED}:role/dashboard-read`,
    error: 'AccessDenied: User is not authorized to perform: sts:AssumeRole',
  },
];
const cluster = (id: string, name: string) => ({ ClusterId: id, State: 'ACTIVE', Hsms: [], TagList: [{ Key: 'Name', Value: name }] });
/** Answers by `<account or base>/<region>`. */
const ANSWERS: Record<string, { status: number; body: unknown }> = {
  'base/us-east-1': { status: 200, body: { Clusters: [cluster('cluster-aaaaaaaaaaa', 'pki-root-ca')] } },
  'base/eu-west-1': { status: 200, body: { Clusters: [] } },
  [`${WORKLOAD}/us-east-1`]: { status: 200, body: { Clusters: [cluster('cluster-bbbbbbbbbbb', 'payments')] } },
  [`${WORKLOAD}/eu-west-1`]: { status: 400, body: { __type: 'CloudHsmAccessDeniedException', message: 'Not in this region' } },
};
let session: SessionInfo;
let asked: string[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const cors = { 'Access-Control-Allow-Origin': '*' };
      if (req.url?.startsWith('/api/session')) {
        res.writeHead(200, { 'Content-Type': 'application/json', ...cors });
        res.end(JSON.stringify(session));
        return;
      }
      const [, account = 'base', region = ''] = /\/aws\/(?:(\d{12})\/)?([a-z0-9-]+)/.exec(req.url ?? '') ?? [];
      asked.push(`${account}/${region}`);
      const answer = ANSWERS[`${account}/${region}`] ?? { status: 500, body: { __type: 'Unexpected', message: 'not in this test' } };
      res.writeHead(answer.status, { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': 'req-1', ...cors });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));
afterEach(() => {
  cleanup();
  asked = [];
});

function Search() {
  return <output data-testid="search">{useLocation().search}</output>;
}

function renderList(path = '/clusters') {
  const Providers = providers(testQueryClient(), createCloudHsmClients({ baseUrl, maxAttempts: 1 }));
  return render(
    <Providers>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route
            path="/clusters"
            element={
              <>
                <ClusterList />
                <Search />
              </>
            }
          />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
}

const rowOf = (name: string) => screen.getAllByTestId('cluster-row').find((r) => r.textContent?.includes(name))!;
const regions: SessionInfo = {
  mode: 'aws',
  regions: ['us-east-1', 'eu-west-1'],
  availableRegions: ['us-east-1', 'eu-west-1'],
  readOnly: false,
};

describe('ClusterList with several accounts', () => {
  it('lists both accounts’ clusters with an Account column, names the failures by account, and the other accounts still show', async () => {
    session = { ...regions, accounts: ACCOUNTS };
    renderList();
    await waitFor(() => expect(screen.getAllByTestId('cluster-row')).toHaveLength(2), { timeout: 5000 });
    expect(screen.getByRole('columnheader', { name: /Account/ })).toBeTruthy();
    expect(within(rowOf('pki-root-ca')).getByTestId('cluster-account').textContent).toBe(`security${BASE}`);
    expect(within(rowOf('payments')).getByTestId('cluster-account').textContent).toBe(`workload${WORKLOAD}`);

    // Another account's cluster links to its page with ?account=; the base account's link stays plain.
    expect(within(rowOf('payments')).getByRole('link').getAttribute('href')).toBe(
      `/clusters/us-east-1/cluster-bbbbbbbbbbb?account=${WORKLOAD}`,
    );
    expect(within(rowOf('pki-root-ca')).getByRole('link').getAttribute('href')).toBe('/clusters/us-east-1/cluster-aaaaaaaaaaa');

    // The account the server could not assume: an alert in words, and nothing asked of it.
    const denied = screen.getByTestId('account-error');
    expect(denied.textContent).toContain(`Could not use account denied (${DENIED})`);
    expect(denied.textContent).toContain('not authorized to perform: sts:AssumeRole');
    expect(asked.some((a) => a.startsWith(DENIED))).toBe(false);
    // A region failing in one account is named with its account.
    await waitFor(() => expect(screen.getByTestId('region-error').textContent).toContain(`eu-west-1 in workload (${WORKLOAD})`));
    expect(screen.getByTestId('region-error').textContent).toContain('CloudHsmAccessDeniedException');
    expect(screen.getByTestId('cluster-count').textContent).toMatch(/could not load eu-west-1 \(workload\)/);
    expect(asked.sort()).toEqual(['222233334444/eu-west-1', '222233334444/us-east-1', 'base/eu-west-1', 'base/us-east-1']);
  });

  it('the Account filter narrows the list, in the URL', async () => {
    session = { ...regions, accounts: ACCOUNTS };
    renderList();
    await waitFor(() => expect(screen.getAllByTestId('cluster-row')).toHaveLength(2), { timeout: 5000 });
    const filter = screen.getByLabelText('Account') as HTMLSelectElement;
    expect([...filter.options].map((o) => o.textContent)).toEqual(['Any', `security (${BASE})`, `workload (${WORKLOAD})`]);
    fireEvent.change(filter, { target: { value: WORKLOAD } });
    await waitFor(() => expect(screen.getByTestId('search').textContent).toContain(`account=${WORKLOAD}`));
    await waitFor(() => expect(screen.getAllByTestId('cluster-row')).toHaveLength(1), { timeout: 5000 });
    expect(rowOf('payments')).toBeTruthy();
  });

  it('?accounts= shows only the accounts it names: nothing is asked of the others', async () => {
    session = { ...regions, accounts: ACCOUNTS };
    renderList(`/clusters?accounts=${BASE}`);
    await waitFor(() => expect(screen.getAllByTestId('cluster-row')).toHaveLength(1), { timeout: 5000 });
    expect(asked.sort()).toEqual(['base/eu-west-1', 'base/us-east-1']);
    expect(screen.queryByTestId('account-error')).toBeNull();
  });

  it('one account: no Account column, no Account filter, the base account’s endpoints only', async () => {
    session = { ...regions, accounts: [ACCOUNTS[0]!] };
    renderList();
    await waitFor(() => expect(screen.getAllByTestId('cluster-row')).toHaveLength(1), { timeout: 5000 });
    expect(screen.queryByRole('columnheader', { name: /Account/ })).toBeNull();
    expect(screen.queryByLabelText('Account')).toBeNull();
    expect(screen.queryByTestId('cluster-account')).toBeNull();
    expect(asked.sort()).toEqual(['base/eu-west-1', 'base/us-east-1']);
  });
});
