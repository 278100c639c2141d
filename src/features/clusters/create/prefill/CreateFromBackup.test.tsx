// @vitest-environment happy-dom
/**
 * "Create cluster from this backup" against the real dashboard server (in-process emulator, demo data): the
 * form opens with what payments-prod had, says where it came from and that the new cluster starts ACTIVE;
 * what the person changes first stays theirs; a backup whose cluster is gone prefills nothing but itself.
 */
import type { QueryClient } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { get } from 'node:http';
import { networkKeys, type NetworkInfo } from '../../../../aws/actions';
import { sessionKey, type SessionInfo } from '../../../../aws';
import { testBackendPerFile, testClients } from '../../../../aws/testing/backend';
import type { BackupRecord, ClusterRecord } from '../../../../emulator/types';
import { providers, testQueryClient } from '../../../testing/render';
import { CreateClusterPage } from '../CreateClusterPage';

const REGION = 'us-east-1';
const backend = testBackendPerFile({ seed: 'demo' });
const SESSION: SessionInfo = { mode: 'emulator', regions: [REGION], availableRegions: [REGION, 'us-west-2', 'eu-west-1'], readOnly: false };

let payments: ClusterRecord;
let paymentsBackup: BackupRecord;
/** A READY backup of the deleted card-issuing cluster. */
let orphanBackup: BackupRecord;
/** A READY us-west-2 copy of a payments-prod backup. */
let westCopy: BackupRecord;

const nameOf = (c: { Tags: { Key?: string; Value?: string }[] }) => c.Tags.find((t) => t.Key === 'Name')?.Value;

beforeAll(async () => {
  const east = await backend.records(REGION);
  payments = east.clusters.find((c) => nameOf(c) === 'payments-prod')!;
  const ready = east.backups.filter((b) => b.BackupState === 'READY' && !b.SourceRegion);
  paymentsBackup = ready.find((b) => b.ClusterId === payments.ClusterId)!;
  const liveIds = new Set(east.clusters.map((c) => c.ClusterId));
  orphanBackup = ready.find((b) => !liveIds.has(b.ClusterId))!;
  westCopy = (await backend.records('us-west-2')).backups.find((b) => b.BackupState === 'READY' && b.SourceCluster === payments.ClusterId)!;
});
afterEach(cleanup);

/** GET /api/network from Node (no Origin: the server answers it as it would the dashboard's own page). */
function networkOf(region: string): Promise<NetworkInfo> {
  return new Promise((done, fail) => {
    get(`${backend.url}/api/network?region=${region}`, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => (res.statusCode === 200 ? done(JSON.parse(body) as NetworkInfo) : fail(new Error(`${res.statusCode}: ${body}`))));
    }).on('error', fail);
  });
}

async function renderCreate(backupId: string, region = REGION): Promise<QueryClient> {
  const queryClient = testQueryClient();
  // The test server refuses the browser's cross-origin GETs of /api: the session and network are read here.
  queryClient.setQueryData(sessionKey, SESSION);
  queryClient.setQueryData(networkKeys.of(region), await networkOf(region));
  const Providers = providers(queryClient, testClients(backend).clients);
  render(
    <Providers>
      <MemoryRouter initialEntries={[`/clusters/new?region=${region}&sourceBackup=${backupId}`]}>
        <CreateClusterPage />
      </MemoryRouter>
    </Providers>,
  );
  return queryClient;
}

const radio = (group: string, value: string) =>
  within(screen.getByRole('radiogroup', { name: new RegExp(`^${group}`) })).getByRole('radio', { name: value }) as HTMLInputElement;
const retention = () => screen.getByRole('spinbutton', { name: /Backup retention/ }) as HTMLInputElement;
const tagPairs = () => {
  const keys = screen.queryAllByRole('textbox', { name: /^Key, row / }) as HTMLInputElement[];
  const values = screen.queryAllByRole('textbox', { name: /^Value, row / }) as HTMLInputElement[];
  return keys.map((k, i) => [k.value, values[i]?.value]);
};

describe('Create cluster from a backup', () => {
  it('prefills payments-prod’s HSM type, retention, tags, VPC and subnets, and says so', async () => {
    await renderCreate(paymentsBackup.BackupId);
    const note = await screen.findByTestId('prefill-note', {}, { timeout: 10_000 });
    expect(note.textContent).toContain('Prefilled from payments-prod');
    expect(note.textContent).toContain(payments.ClusterId);

    expect(radio('HSM type', payments.HsmType).checked).toBe(true);
    expect(retention().value).toBe('180');
    expect(tagPairs()).toEqual([
      ['Environment', 'production'],
      ['Owner', 'payments-platform'],
      ['CostCenter', 'CC-1042'],
      ['Compliance', 'PCI-DSS'],
    ]);
    expect((screen.getByRole('combobox', { name: 'VPC' }) as HTMLSelectElement).value).toBe(payments.VpcId);
    const picked = within(screen.getByTestId('subnet-zones'))
      .getAllByRole('combobox')
      .map((select) => (select as HTMLSelectElement).value)
      .filter((id) => id !== '')
      .sort();
    expect(picked).toEqual(Object.values(payments.SubnetMapping).sort());
    // The form is ready to send as it stands, and the restore note says what the new cluster is.
    expect(screen.getByTestId('restore-active-note').textContent).toMatch(/starts ACTIVE with the source cluster’s certificate and users/);
    expect(screen.queryByTestId('subnet-warning')).toBeNull();
    expect(screen.getByText(/aws cloudhsmv2 create-cluster/).textContent).toContain('--backup-retention-policy Type=DAYS,Value=180');
  });

  it('keeps what the person changed before the source cluster arrived', async () => {
    await renderCreate(paymentsBackup.BackupId);
    fireEvent.change(retention(), { target: { value: '45' } });
    const note = await screen.findByTestId('prefill-note', {}, { timeout: 10_000 });
    expect(retention().value).toBe('45');
    expect(note.textContent).toMatch(/Left as you had set them \(payments-prod has backup retention 180 days\)/);
    expect(tagPairs()).toHaveLength(4);
  });

  it('says the source cluster is gone and prefills nothing but the backup', async () => {
    await renderCreate(orphanBackup.BackupId);
    const note = await screen.findByTestId('prefill-note', {}, { timeout: 10_000 });
    expect(note.textContent).toContain('no longer exists');
    expect(note.textContent).toContain(orphanBackup.ClusterId);
    expect(retention().value).toBe('90');
    expect(tagPairs()).toEqual([]);
    expect((screen.getByRole('combobox', { name: 'VPC' }) as HTMLSelectElement).value).toBe('');
    await waitFor(() => expect(screen.getByTestId('restore-active-note')).toBeTruthy());
  });

  it('prefills a copy from its source cluster in the source region, but not that region’s network', async () => {
    await renderCreate(westCopy.BackupId, 'us-west-2');
    const note = await screen.findByTestId('prefill-note', {}, { timeout: 10_000 });
    expect(note.textContent).toContain('Prefilled from payments-prod');
    expect(note.textContent).not.toContain('VPC');
    expect(retention().value).toBe('180');
    expect(tagPairs()).toHaveLength(4);
    expect((screen.getByRole('combobox', { name: 'VPC' }) as HTMLSelectElement).value).toBe('');
  });
});
