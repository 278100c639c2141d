// @vitest-environment happy-dom
/**
 * A restore drill end to end against the real server and its emulator (demo seed, speed 600: creating the
 * cluster takes 0.5 s, the HSM 0.8 s): "Test restore" on payments-prod proposes its us-west-2 copy, the first
 * VPC's subnets and the drill tags; starting it creates the cluster from that backup and one HSM, and the row
 * and the dialog say "Restored in …"; "Delete drill cluster" removes the HSM, then the cluster. Also: a
 * refused start shows the AWS error and records nothing, and a read-only session turns the button off.
 */
import { DescribeBackupsCommand, DescribeClustersCommand } from '@aws-sdk/client-cloudhsm-v2';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { get } from 'node:http';
import { MemoryRouter } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessionKey, type RegionalBackup, type RegionalCluster } from '../../../aws';
import { networkKeys, type NetworkInfo } from '../../../aws/actions';
import { startTestBackend, testClients, type TestBackend } from '../../../aws/testing/backend';
import { providers, testQueryClient } from '../../testing/render';
import { DRILLS_KEY } from './drillStore';
import { LastDrill, TestRestoreButton } from '.';

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];
let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend({ seed: 'demo', speed: 600 });
});
afterAll(() => backend?.close());
afterEach(cleanup);

/** GET /api/network from Node (the server refuses the page's cross-origin request in happy-dom). */
function networkOf(region: string): Promise<NetworkInfo> {
  return new Promise((done, fail) => {
    get(`${backend.url}/api/network?region=${region}`, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => done(JSON.parse(body) as NetworkInfo));
    }).on('error', fail);
  });
}

async function paymentsProd() {
  const { clients } = testClients(backend);
  const clusters = (await clients.forRegion('us-east-1').send(new DescribeClustersCommand({}))).Clusters ?? [];
  const cluster = clusters.find((c) => c.TagList?.some((t) => t.Key === 'Name' && t.Value === 'payments-prod'))!;
  const newestReady = async (region: string) => {
    const out = await clients
      .forRegion(region)
      .send(new DescribeBackupsCommand({ Filters: { clusterIds: [cluster.ClusterId!], states: ['READY'] }, SortAscending: false }));
    return { region, backup: out.Backups![0]! } as RegionalBackup;
  };
  return {
    cluster: { region: 'us-east-1', cluster } as RegionalCluster,
    copy: await newestReady('us-west-2'),
    local: await newestReady('us-east-1'),
  };
}

async function renderRow(cluster: RegionalCluster, candidates: RegionalBackup[], readOnly = false) {
  const { clients } = testClients(backend);
  const queryClient = testQueryClient();
  queryClient.setQueryData(sessionKey, { mode: 'emulator', regions: REGIONS, availableRegions: REGIONS, readOnly });
  for (const region of new Set(candidates.map((c) => c.region))) queryClient.setQueryData(networkKeys.of(region), await networkOf(region));
  const Providers = providers(queryClient, clients, 50);
  render(
    <Providers>
      <MemoryRouter initialEntries={['/recovery']}>
        <div data-testid="row">
          <TestRestoreButton cluster={cluster} candidates={candidates} />
          <LastDrill clusterId={cluster.cluster.ClusterId!} />
        </div>
      </MemoryRouter>
    </Providers>,
  );
}

const storedDrills = () => JSON.parse(localStorage.getItem(DRILLS_KEY) ?? '{}') as Record<string, Record<string, unknown>>;

describe('restore drills', () => {
  it('restores payments-prod from its us-west-2 copy, says how long it took, then deletes the drill cluster', async () => {
    const { cluster, copy, local } = await paymentsProd();
    const sourceId = cluster.cluster.ClusterId!;
    await renderRow(cluster, [copy, local]);
    const row = screen.getByTestId('row');
    expect(within(row).getByText('No restore drill yet')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Test restore payments-prod' }));
    const dialog = await screen.findByRole('dialog', { name: 'Test restore of payments-prod' });
    expect((within(dialog).getByLabelText('Backup to restore') as HTMLSelectElement).value).toBe(copy.backup.BackupId);
    expect(within(dialog).getByTestId('drill-region').textContent).toContain('us-west-2');
    expect(within(dialog).getByTestId('drill-tags').textContent).toBe('Purpose = restore-drill, Name = payments-prod-drill');
    expect(within(dialog).getByTestId('drill-hsm-type').textContent).toBe('hsm2m.medium');
    // One subnet per zone of us-west-2's first VPC.
    const network = (await networkOf('us-west-2')) as Extract<NetworkInfo, { available: true }>;
    const firstVpc = network.vpcs[0]!.VpcId;
    const expected = network.subnets
      .filter((s) => s.VpcId === firstVpc)
      .sort((a, b) => a.AvailabilityZone.localeCompare(b.AvailabilityZone));
    for (const subnet of expected) {
      expect((within(dialog).getByLabelText(`Subnet in ${subnet.AvailabilityZone}`) as HTMLSelectElement).value).toBe(subnet.SubnetId);
    }

    fireEvent.click(within(dialog).getByRole('button', { name: 'Start drill' }));
    await waitFor(() => expect(within(dialog).getByTestId('drill-status').textContent).toMatch(/^Restored in \d+ s$/), { timeout: 20_000 });

    // What the service holds: a cluster from that backup, tagged as a drill, with one ACTIVE HSM.
    const drillId = storedDrills()[sourceId]!['drillClusterId'] as string;
    const { clusters } = await backend.records('us-west-2');
    const drill = clusters.find((c) => c.ClusterId === drillId)!;
    expect(drill.SourceBackupId).toBe(copy.backup.BackupId);
    expect(drill.Tags).toEqual(
      expect.arrayContaining([
        { Key: 'Purpose', Value: 'restore-drill' },
        { Key: 'Name', Value: 'payments-prod-drill' },
      ]),
    );
    expect(drill.Hsms.map((h) => [h.State, h.AvailabilityZone])).toEqual([['ACTIVE', expected[0]!.AvailabilityZone]]);
    expect(Object.values(drill.SubnetMapping).sort()).toEqual(expected.map((s) => s.SubnetId).sort());

    // The row keeps the result once the dialog is closed.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    const last = await within(row).findByTestId('last-drill');
    expect(within(last).getByTestId('drill-status').textContent).toMatch(/^Restored in \d+ s$/);
    expect(within(last).getByTestId('drill-cluster-link').textContent).toBe(drillId);
    expect(last.textContent).toContain(copy.backup.BackupId);

    fireEvent.click(within(last).getByRole('button', { name: `Delete drill cluster ${drillId}` }));
    await waitFor(() => expect(within(last).getByTestId('drill-status').textContent).toContain('Drill cluster deleted'), {
      timeout: 20_000,
    });
    // Still says how long the restore took.
    expect(within(last).getByTestId('drill-status').textContent).toMatch(/Restored in \d+ s/);
    const after = (await backend.records('us-west-2')).clusters.find((c) => c.ClusterId === drillId);
    expect(after === undefined || after.State === 'DELETED').toBe(true);
    expect(storedDrills()[sourceId]).toMatchObject({ backupId: copy.backup.BackupId, region: 'us-west-2', drillClusterId: drillId });
    expect(storedDrills()[sourceId]!['deletedAt']).toEqual(expect.any(Number));
  }, 60_000);

  it('a refused start shows the AWS error with its code and records nothing', async () => {
    const { cluster, local } = await paymentsProd();
    const before = localStorage.getItem(DRILLS_KEY);
    const gone = { region: local.region, backup: { ...local.backup, BackupId: 'backup-zzzzzzzzzzz' } };
    await renderRow(cluster, [gone]);
    fireEvent.click(screen.getByRole('button', { name: 'Test restore payments-prod' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start drill' }));
    const alert = await within(dialog).findByTestId('aws-error', {}, { timeout: 10_000 });
    expect(alert.textContent).toContain('CloudHsmResourceNotFoundException');
    expect(alert.textContent).toContain('Could not start the drill (nothing was changed)');
    expect(localStorage.getItem(DRILLS_KEY)).toBe(before);
    expect(screen.queryByText(/Drill running/)).toBeNull();
  }, 30_000);

  it('is off, with the reason, in a read-only session', async () => {
    const { cluster, copy } = await paymentsProd();
    await renderRow(cluster, [copy], true);
    const button = await screen.findByRole('button', { name: /^Test restore payments-prod/ });
    await waitFor(() => expect(button.getAttribute('aria-disabled')).toBe('true'));
    expect(button.getAttribute('title')).toContain('--read-only');
  });
});
