// @vitest-environment happy-dom
/**
 * The Recovery view against the real dashboard server (in-process emulator, demo data), as an operator meets
 * it: every cluster but the deleted one, payments-prod on target locally with its week-old us-west-2 copy
 * behind the 24 h DR target and a copy to eu-west-1 in flight; an honest summary; the status filter and sort in
 * the URL; targets edited per cluster and for all, kept across reloads.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCloudHsmClients, sessionKey, type CloudHsmClients } from '../../aws';
import { startTestBackend, testClients, type TestBackend } from '../../aws/testing/backend';
import { providers, testQueryClient } from '../testing/render';
import RecoveryPage from './RecoveryPage';
import { resetTargetSettingsCache, TARGETS_KEY } from './targetsStore';

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];
const SLOW = { timeout: 20_000 };
let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend({ seed: 'demo' });
}, 30_000);
afterAll(() => backend?.close());
afterEach(() => {
  cleanup();
  localStorage.clear();
  resetTargetSettingsCache();
});

function Where() {
  const here = useLocation();
  return <output data-testid="where">{here.search}</output>;
}

/** Clients whose DescribeBackups in `region` fails as AWS would refuse it (the clusters still list). */
function clientsFailingBackupsIn(region: string): CloudHsmClients {
  return createCloudHsmClients({
    baseUrl: backend.url,
    maxAttempts: 1,
    onClientCreated: (client, at) => {
      if (at !== region) return;
      client.middlewareStack.add(
        (next, context) => (args) => {
          if (context.commandName !== 'DescribeBackupsCommand') return next(args);
          throw Object.assign(new Error('User is not authorized to perform: cloudhsm:DescribeBackups'), {
            name: 'CloudHsmAccessDeniedException',
            $metadata: { httpStatusCode: 400 },
          });
        },
        { step: 'initialize', name: 'failBackups' },
      );
    },
  });
}

function renderPage(search = '', failing?: CloudHsmClients) {
  const tested = testClients(backend);
  const clients = failing ?? tested.clients;
  const log = tested.log;
  const queryClient = testQueryClient();
  queryClient.setQueryData(sessionKey, { mode: 'emulator', regions: REGIONS, availableRegions: REGIONS, readOnly: false });
  const Providers = providers(queryClient, clients);
  render(
    <Providers>
      <MemoryRouter initialEntries={[`/recovery?regions=${REGIONS.join(',')}${search}`]}>
        <Routes>
          <Route path="/recovery" element={<RecoveryPage />} />
        </Routes>
        <Where />
      </MemoryRouter>
    </Providers>,
  );
  return log;
}

const summary = () => screen.getByTestId('recovery-summary').textContent ?? '';
/** Every region's clusters listed and every cluster decided (the summary speaks for all of them). */
const settled = () =>
  waitFor(() => {
    expect(summary()).toMatch(/^\d+ on target, \d+ behind, \d+ without a backup/);
    expect(summary()).not.toMatch(/still|not known/);
  }, SLOW);
const rowOf = (name: string) => screen.getByRole('link', { name }).closest('tr')!;

describe('the Recovery view on the demo data', () => {
  it('shows every cluster that is not deleted, with its newest backup, its DR copies and its status', async () => {
    const log = renderPage();
    const table = await screen.findByRole('table', { name: /Recovery/ }, SLOW);
    await settled();
    const names = within(table)
      .getAllByTestId('recovery-row')
      .map((r) => within(r).getAllByRole('link')[0]!.textContent);
    expect(names.sort()).toEqual(
      [
        'analytics-dev',
        'code-signing-staging',
        'hsm-poc',
        'identity-eu-prod',
        'payments-canary',
        'payments-dr',
        'payments-prod',
        'pki-root-ca',
        'tokenization-staging',
      ].sort(),
    );

    const payments = rowOf('payments-prod');
    expect(payments.getAttribute('data-status')).toBe('on-target');
    expect(within(payments).getByTestId('recovery-newest').textContent).toMatch(/backup-\w+.*hours? old/);
    const west = within(payments)
      .getAllByTestId('recovery-dr')
      .find((d) => d.dataset.region === 'us-west-2')!;
    expect(west.dataset.status).toBe('behind');
    expect(west.textContent).toMatch(/7 days old/);
    expect(within(west).getByRole('link').getAttribute('href')).toMatch(/^\/backups\/us-west-2\/backup-\w+\?regions=/);
    const eu = within(payments)
      .getAllByTestId('recovery-dr')
      .find((d) => d.dataset.region === 'eu-west-1')!;
    expect(eu.textContent).toMatch(/14 days old/);
    expect(eu.textContent).toMatch(/copying/);

    // Health from the status model, as the cluster list says it; links keep the regions.
    expect(within(rowOf('identity-eu-prod')).getByTestId('cluster-state').textContent).toMatch(/Degraded/);
    expect(screen.getByRole('link', { name: 'payments-prod' }).getAttribute('href')).toMatch(
      /^\/clusters\/us-east-1\/cluster-\w+\?regions=/,
    );
    expect(within(rowOf('hsm-poc')).getByTestId('recovery-status').textContent).toMatch(/Behind/);
    expect(within(rowOf('tokenization-staging')).getByTestId('recovery-status').textContent).toMatch(/Nothing to back up/);
    expect(within(rowOf('code-signing-staging')).getByTestId('recovery-status').textContent).toMatch(/No backup/);
    expect(screen.getByRole('checkbox', { name: 'Select payments-prod' })).toBeTruthy();

    expect(summary()).toBe(
      '4 on target, 1 behind, 1 without a backup, 3 not initialized (nothing to back up); 1 cluster with a DR copy behind',
    );
    // Newest first, never the whole history: one windowed page per region here, never a per-cluster lookup.
    const describes = log.of('DescribeBackups');
    expect(describes.every((c) => c.input.SortAscending === false)).toBe(true);
    expect(describes.some((c) => JSON.stringify(c.input.Filters ?? {}).includes('clusterIds'))).toBe(false);
  });

  it('filters and sorts by status through the URL', async () => {
    renderPage('&status=behind,dr-behind');
    await settled();
    const names = screen.getAllByTestId('recovery-row').map((r) => within(r).getAllByRole('link')[0]!.textContent);
    expect(names).toEqual(['hsm-poc', 'payments-prod']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Behind' }));
    await waitFor(() =>
      expect(screen.getByTestId('where').textContent).toBe(`?regions=${encodeURIComponent(REGIONS.join(','))}&status=dr-behind`),
    );
    expect(screen.getAllByTestId('recovery-row')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: /^Cluster/ }));
    expect(screen.getByTestId('where').textContent).toMatch(/sort=name%3Aasc$/);
  });

  it("edits a cluster's targets and everyone's, refuses a bad one, and keeps them across reloads", async () => {
    renderPage();
    await settled();
    fireEvent.click(screen.getByRole('button', { name: 'Edit the recovery targets of payments-prod' }));
    const dialog = await screen.findByRole('dialog', { name: 'Recovery targets of payments-prod' });
    fireEvent.change(within(dialog).getByLabelText(/Newest DR copy within/), { target: { value: 'soon' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save for payments-prod' }));
    expect(within(dialog).getByText('Enter a whole number of hours.')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/Newest DR copy within/), { target: { value: '400' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save for payments-prod' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // 400 h covers the 14-day-old copies: DR on target, the page says so, and storage keeps it.
    await waitFor(() => expect(summary()).toBe('4 on target, 1 behind, 1 without a backup, 3 not initialized (nothing to back up)'));
    expect(
      within(rowOf('payments-prod'))
        .getAllByTestId('recovery-dr')
        .map((d) => d.dataset.status),
    ).toEqual(['on-target', 'on-target']);
    expect(JSON.parse(localStorage.getItem(TARGETS_KEY)!).perCluster).toEqual({
      [rowOf('payments-prod').dataset.clusterId!]: { localHours: 24, drHours: 400 },
    });

    cleanup();
    resetTargetSettingsCache();
    renderPage();
    await settled();
    expect(summary()).toBe('4 on target, 1 behind, 1 without a backup, 3 not initialized (nothing to back up)');
    expect(screen.getByTestId('recovery-default-targets').textContent).toMatch(/1 cluster has its own/);

    fireEvent.click(screen.getByRole('button', { name: 'Set targets for all' }));
    const all = await screen.findByRole('dialog', { name: 'Recovery targets of every cluster' });
    fireEvent.change(within(all).getByLabelText(/Newest local backup within/), { target: { value: '1' } });
    fireEvent.change(within(all).getByLabelText(/Newest DR copy within/), { target: { value: '24' } });
    fireEvent.click(within(all).getByRole('button', { name: 'Apply to all clusters' }));
    // One hour for all: the per-cluster 400 h is gone, so payments-prod's DR copies are behind again.
    await waitFor(() =>
      expect(summary()).toMatch(
        /^\d+ on target, \d+ behind, 1 without a backup, 3 not initialized \(nothing to back up\); 1 cluster with a DR copy behind$/,
      ),
    );
    expect(screen.getByTestId('recovery-default-targets').textContent).toBe('Targets: local 1 h, DR 24 h');
  });

  it('never counts a region whose backups could not be read: its clusters are "Unknown", with the error and Try again', async () => {
    renderPage('', clientsFailingBackupsIn('eu-west-1'));
    // eu-west-1 holds identity-eu-prod, code-signing-staging and hsm-poc: none is called on target, behind or without a backup.
    await waitFor(
      () =>
        expect(summary()).toBe(
          '3 on target, 0 behind, 0 without a backup, 3 not initialized (nothing to back up); 1 cluster with a DR copy behind; 3 clusters not known (could not read the backups of eu-west-1)',
        ),
      SLOW,
    );
    for (const name of ['identity-eu-prod', 'code-signing-staging', 'hsm-poc'])
      expect(within(rowOf(name)).getByTestId('recovery-status').textContent).toMatch(/Unknown/);
    const retry = screen.getAllByRole('button', { name: 'Try again: backups in eu-west-1' })[0]!;
    expect(retry.closest('[data-testid="aws-error"]')!.textContent).toMatch(/CloudHsmAccessDeniedException/);
    // payments-prod's copies in eu-west-1 are not seen: only us-west-2's (behind) are judged.
    expect(
      within(rowOf('payments-prod'))
        .getAllByTestId('recovery-dr')
        .map((d) => d.dataset.region),
    ).toEqual(['us-west-2']);
  });
});
