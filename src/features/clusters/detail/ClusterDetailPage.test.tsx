// @vitest-environment happy-dom
/** The detail page's loading, not-found and error states, against a tiny fake CloudHSM endpoint. */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCloudHsmClients } from '../../../aws';
import { providers, testQueryClient } from '../../testing/render';
import { ClusterDetailPage } from './ClusterDetailPage';

let answer: { status: number; body: unknown } = { status: 200, body: { Clusters: [] } };
let session: { readOnly: boolean } = { readOnly: false };
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url?.startsWith('/api/session')) {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
        res.end(JSON.stringify({ mode: 'emulator', regions: ['eu-west-1'], availableRegions: ['eu-west-1'], ...session }));
        return;
      }
      res.writeHead(answer.status, {
        'Content-Type': 'application/x-amz-json-1.1',
        'x-amzn-RequestId': 'req-123',
        'Access-Control-Allow-Origin': '*',
      });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));
afterEach(() => {
  cleanup();
  session = { readOnly: false };
});

function renderAt(path: string) {
  const Providers = providers(testQueryClient(), createCloudHsmClients({ baseUrl, maxAttempts: 1 }));
  return render(
    <Providers>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/clusters/:region/:clusterId" element={<ClusterDetailPage />} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
}

describe('ClusterDetailPage', () => {
  it('shows loading, then not-found with a link back to the list for an unknown id', async () => {
    answer = { status: 200, body: { Clusters: [] } };
    renderAt('/clusters/us-east-1/cluster-unknown00');
    expect(screen.getByText(/Loading cluster cluster-unknown00 in us-east-1/)).toBeTruthy();
    expect((await screen.findByTestId('cluster-not-found')).textContent).toContain('There is no cluster cluster-unknown00 in us-east-1');
    expect(screen.getByRole('link', { name: 'cluster list' }).getAttribute('href')).toBe('/clusters');
  });

  it('names the operation, region and AWS error code when the call fails', async () => {
    answer = { status: 400, body: { __type: 'CloudHsmAccessDeniedException', message: 'You may not look at this cluster.' } };
    renderAt('/clusters/eu-west-1/cluster-abcdefghijk');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('DescribeClusters in eu-west-1 failed');
    expect(alert.textContent).toContain('CloudHsmAccessDeniedException');
    expect(alert.textContent).toContain('You may not look at this cluster.');
    expect(alert.textContent).toContain('req-123');
  });

  it('shows the overview fields and never the pre-crypto-officer password', async () => {
    answer = {
      status: 200,
      body: {
        Clusters: [
          {
            ClusterId: 'cluster-abcdefghijk',
            State: 'ACTIVE',
            HsmType: 'hsm2m.medium',
            Mode: 'NON_FIPS',
            NetworkType: 'DUALSTACK',
            PreCoPassword: 'secret-password',
            SourceBackupId: 'backup-zzzzzzzzzzz',
            SubnetMapping: { 'eu-west-1b': 'subnet-b', 'eu-west-1a': 'subnet-a' },
            HsmTypeRollbackExpiration: 1800000000,
            CreateTimestamp: 1760177603.404,
            TagList: [{ Key: 'Name', Value: 'test-cluster' }],
          },
        ],
      },
    };
    renderAt('/clusters/eu-west-1/cluster-abcdefghijk');
    await screen.findByRole('tablist');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('test-cluster');
    expect(screen.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('field-mode').textContent).toContain('NON_FIPS');
    expect(screen.getByTestId('field-network-type').textContent).toContain('DUALSTACK');
    expect(screen.getByTestId('field-rollback').textContent).toContain('2027-01-15 08:00:00 UTC');
    expect(screen.getByTestId('field-created').textContent).toContain('2025-10-11 10:13:23 UTC');
    expect(screen.getByRole('link', { name: 'backup-zzzzzzzzzzz' }).getAttribute('href')).toBe('/backups/eu-west-1/backup-zzzzzzzzzzz');
    const rows = screen.getByTestId('subnet-mapping').querySelectorAll('tbody tr');
    expect([...rows].map((r) => r.textContent)).toEqual(['eu-west-1asubnet-a', 'eu-west-1bsubnet-b']);
    expect(document.body.textContent).not.toContain('secret-password');
  });
});

describe('ClusterDetailPage actions', () => {
  const uninitialized = {
    ClusterId: 'cluster-abcdefghijk',
    State: 'UNINITIALIZED',
    HsmType: 'hsm2m.medium',
    SubnetMapping: { 'eu-west-1a': 'subnet-0aaaaaaaaaaaaaaaa' },
    Hsms: [{ HsmId: 'hsm-aaaaaaaaaaa', AvailabilityZone: 'eu-west-1a', State: 'ACTIVE' }],
    Certificates: { ClusterCsr: 'PEM' },
    BackupRetentionPolicy: { Type: 'DAYS', Value: '90' },
  };

  it('says why a cluster with an HSM cannot be deleted or take a second HSM, and links to initialize', async () => {
    answer = { status: 200, body: { Clusters: [uninitialized] } };
    renderAt('/clusters/eu-west-1/cluster-abcdefghijk');
    const actions = await screen.findByTestId('cluster-actions');
    const addHsm = screen.getByRole('button', { name: 'Add HSM' });
    expect(addHsm.getAttribute('aria-disabled')).toBe('true');
    // The reasons are one line each under the bar (not beside the buttons), and each button keeps its own.
    const notes = [...screen.getByTestId('actions-note').querySelectorAll('li')].map((li) => li.textContent);
    expect(notes).toEqual([
      'Only one HSM until the cluster is active: the cluster is not initialized yet (UNINITIALIZED) and already has hsm-aaaaaaaaaaa. Initialize and activate the cluster, then add more.',
      'Delete its 1 HSM first: a cluster can only be deleted when it has no HSMs.',
    ]);
    expect(document.getElementById(addHsm.getAttribute('aria-describedby') ?? '')?.textContent).toBe(notes[0]);
    const deleteCluster = screen.getByRole('button', { name: 'Delete cluster' });
    expect(deleteCluster.getAttribute('aria-disabled')).toBe('true');
    expect(document.getElementById(deleteCluster.getAttribute('aria-describedby') ?? '')?.textContent).toBe(notes[1]);
    expect(actions.textContent).toContain('Delete its 1 HSM first');
    expect(screen.getByRole('button', { name: 'Change backup retention' }).getAttribute('aria-disabled')).toBeNull();
    expect(screen.getByRole('link', { name: 'Initialize cluster' }).getAttribute('href')).toBe(
      '/clusters/eu-west-1/cluster-abcdefghijk/initialize',
    );
  });

  it('says in one visible line why every action is off while the cluster is being created', async () => {
    answer = { status: 200, body: { Clusters: [{ ...uninitialized, State: 'CREATE_IN_PROGRESS', Hsms: [], Certificates: {} }] } };
    renderAt('/clusters/eu-west-1/cluster-abcdefghijk');
    const note = await screen.findByTestId('actions-note');
    expect([...note.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Actions are available once the cluster is created (CREATE_IN_PROGRESS); this page follows it.',
    ]);
    for (const name of ['Add HSM', 'Change backup retention', 'Delete cluster']) {
      const button = screen.getByRole('button', { name });
      expect(button.getAttribute('aria-disabled'), name).toBe('true');
      expect(document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent, name).toContain('(CREATE_IN_PROGRESS)');
    }
  });

  it('says a cluster without HSMs has none (no "yet": it may have had some)', async () => {
    answer = { status: 200, body: { Clusters: [{ ...uninitialized, State: 'ACTIVE', Hsms: [] }] } };
    renderAt('/clusters/eu-west-1/cluster-abcdefghijk?tab=hsms');
    expect((await screen.findByTestId('no-hsms')).textContent).toBe(
      'This cluster has no HSMs. Add one with “Add HSM” above to use the cluster.',
    );
  });

  it('makes a degraded HSM stand out in the status model’s words and icon, and says how many need a look', async () => {
    const hsms = [
      { HsmId: 'hsm-aaaaaaaaaaa', AvailabilityZone: 'eu-west-1a', State: 'ACTIVE' },
      { HsmId: 'hsm-bbbbbbbbbbb', AvailabilityZone: 'eu-west-1b', State: 'DEGRADED', StateMessage: 'hardware fault' },
    ];
    answer = { status: 200, body: { Clusters: [{ ...uninitialized, State: 'ACTIVE', Hsms: hsms }] } };
    renderAt('/clusters/eu-west-1/cluster-abcdefghijk?tab=hsms');
    const rows = await screen.findAllByTestId('hsm-row');
    const [active, degraded] = rows as [HTMLElement, HTMLElement];
    expect(degraded.getAttribute('data-attention')).toBe('true');
    expect(degraded.textContent).toContain('Degraded');
    expect(degraded.querySelector('[data-state="DEGRADED"] [data-icon="warning"]')).not.toBeNull();
    expect(active.getAttribute('data-attention')).toBe('false');
    expect(active.querySelector('[data-icon="success"]')).not.toBeNull();
    expect(screen.getByTestId('hsm-attention').textContent).toBe('1 of 2 HSMs is degraded or changing state.');
    // The page's heading says the cluster's own state in the same words.
    expect(screen.getByRole('heading', { level: 2 }).parentElement?.textContent).toContain('Active');
  });

  it('turns every action off in a read-only session, each saying why to assistive tech; the page adds no note (the shell’s banner says it once)', async () => {
    session = { readOnly: true };
    answer = { status: 200, body: { Clusters: [{ ...uninitialized, Hsms: [] }] } };
    renderAt('/clusters/eu-west-1/cluster-abcdefghijk');
    // Once the session has said read-only.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add HSM' }).getAttribute('aria-disabled')).toBe('true'));
    for (const name of ['Initialize cluster', 'Add HSM', 'Change backup retention', 'Delete cluster']) {
      const button = screen.getByRole('button', { name });
      expect(button.getAttribute('aria-disabled'), name).toBe('true');
      // Initialize is off for its state here (read-only sessions still reach its page, which changes nothing until the end).
      if (name !== 'Initialize cluster')
        expect(document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent, name).toContain('--read-only');
    }
    expect(screen.queryByTestId('read-only-note')).toBeNull();
    expect(screen.queryByTestId('actions-note')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Initialize cluster' })).toBeNull();
  });

  it('in a read-only session still links a ready cluster to the initialize page (downloads and checks change nothing)', async () => {
    session = { readOnly: true };
    answer = { status: 200, body: { Clusters: [uninitialized] } };
    renderAt('/clusters/eu-west-1/cluster-abcdefghijk');
    expect((await screen.findByRole('link', { name: 'Initialize cluster' })).getAttribute('href')).toBe(
      '/clusters/eu-west-1/cluster-abcdefghijk/initialize',
    );
    expect(screen.getByRole('button', { name: 'Add HSM' }).getAttribute('aria-disabled')).toBe('true');
  });

  it('opens on "Active · Degraded" for an ACTIVE cluster with a DEGRADED HSM, with a warning naming the HSM, its AZ and AWS’s words', async () => {
    const hsm = (HsmId: string, AvailabilityZone: string, State: string, StateMessage: string) => ({
      HsmId,
      AvailabilityZone,
      State,
      StateMessage,
    });
    answer = {
      status: 200,
      body: {
        Clusters: [
          {
            ClusterId: 'cluster-abcdefghijk',
            State: 'ACTIVE',
            Hsms: [
              hsm('hsm-aaaaaaaaaaa', 'eu-west-1a', 'ACTIVE', 'HSM created.'),
              hsm('hsm-bbbbbbbbbbb', 'eu-west-1b', 'DEGRADED', 'The service detected a hardware fault.'),
            ],
            TagList: [{ Key: 'Name', Value: 'identity-eu-prod' }],
          },
        ],
      },
    };
    renderAt('/clusters/eu-west-1/cluster-abcdefghijk');
    const status = await screen.findByTestId('cluster-health');
    expect(status.textContent).toBe('Active · Degraded');
    expect(status.querySelector('[data-icon="warning"]')).not.toBeNull();
    const alert = screen.getByTestId('cluster-health-alert');
    expect(alert.getAttribute('data-type')).toBe('warning');
    // It describes the page: not announced as an alert on every load.
    expect(alert.getAttribute('role')).toBeNull();
    const problem = screen.getByTestId('health-problem');
    expect(problem.textContent).toContain('HSM hsm-bbbbbbbbbbb in eu-west-1b is degraded');
    expect(problem.textContent).toContain('Check that the cluster still has enough capacity');
    expect(problem.textContent).toContain('The service detected a hardware fault.');
    expect(screen.getByTestId('field-state').textContent).toContain('Active · Degraded');
  });

  it('shows no health warning for a healthy cluster', async () => {
    const hsm = (HsmId: string, AvailabilityZone: string) => ({ HsmId, AvailabilityZone, State: 'ACTIVE' });
    answer = {
      status: 200,
      body: {
        Clusters: [{ ClusterId: 'cluster-abcdefghijk', State: 'ACTIVE', Hsms: [hsm('hsm-a', 'eu-west-1a'), hsm('hsm-b', 'eu-west-1b')] }],
      },
    };
    renderAt('/clusters/eu-west-1/cluster-abcdefghijk');
    expect((await screen.findByTestId('cluster-health')).textContent).toBe('Active');
    expect(screen.queryByTestId('cluster-health-alert')).toBeNull();
  });

  it('on a narrow screen lists the HSMs as cards, the degraded one standing out in words', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({
      media: query,
      matches: query.includes('max-width'),
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }));
    answer = {
      status: 200,
      body: {
        Clusters: [
          {
            ClusterId: 'cluster-abcdefghijk',
            State: 'ACTIVE',
            Hsms: [
              { HsmId: 'hsm-aaaaaaaaaaa', AvailabilityZone: 'eu-west-1a', State: 'ACTIVE', SubnetId: 'subnet-a', EniIp: '10.0.0.5' },
              { HsmId: 'hsm-bbbbbbbbbbb', AvailabilityZone: 'eu-west-1b', State: 'DEGRADED', StateMessage: 'hardware fault' },
            ],
          },
        ],
      },
    };
    try {
      renderAt('/clusters/eu-west-1/cluster-abcdefghijk?tab=hsms');
      const cards = await screen.findAllByTestId('hsm-row');
      expect(cards.map((c) => c.tagName)).toEqual(['LI', 'LI']);
      expect(screen.queryByRole('table')).toBeNull();
      expect(cards[0]!.textContent).toContain('10.0.0.5');
      expect(cards[1]!.getAttribute('data-attention')).toBe('true');
      expect(cards[1]!.textContent).toContain('Degraded');
      expect(cards[1]!.textContent).toContain('hardware fault');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
