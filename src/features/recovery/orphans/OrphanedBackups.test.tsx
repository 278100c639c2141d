// @vitest-environment happy-dom
/**
 * The orphaned backups section against the real dashboard server (in-process emulator, demo data), as a person
 * meets it: the scan reads every READY backup and finds the decommissioned cluster ("card-issuing", deleted,
 * its 60 daily backups left in us-east-1) and nothing else; a wrong typed id keeps the delete off; the right
 * one deletes them four at a time, with a result per backup (AWS's message for one that cannot be deleted),
 * after which the group is gone and the section says there are none. Read-only sessions cannot start it.
 */
import { DeleteBackupCommand, DescribeClustersCommand, type CloudHSMV2Client } from '@aws-sdk/client-cloudhsm-v2';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCloudHsmClients, sessionKey, type CloudHsmClients, type RegionalCluster } from '../../../aws';
import { startTestBackend, testClients, type TestBackend } from '../../../aws/testing/backend';
import { RequestLog } from '../../../aws/testing/requestLog';
import { NARROW_QUERY } from '../../../ui';
import { READ_ONLY_REASON } from '../../../ui/actions';
import { providers, testQueryClient } from '../../testing/render';
import { OrphanedBackups } from './OrphanedBackups';

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];
const SLOW = { timeout: 20_000 };
let backend: TestBackend;
let clients: CloudHsmClients;
const log = new RequestLog();
let direct: (region: string) => CloudHSMV2Client;
/** The deleted demo cluster (its id is random per seed) and its READY backups, newest first. */
let cardIssuing: string;
let cardBackups: string[];

beforeAll(async () => {
  backend = await startTestBackend({ seed: 'demo' });
  clients = testClients(backend, log).clients;
  const plain = createCloudHsmClients({ baseUrl: backend.url, maxAttempts: 1 });
  direct = (region) => plain.forRegion(region);
  const east = await backend.records('us-east-1');
  const final = east.backups.find((b) => b.Tags.some((t) => t.Key === 'Name' && t.Value === 'card-issuing-v1-final'));
  cardIssuing = final!.ClusterId;
  cardBackups = east.backups
    .filter((b) => b.ClusterId === cardIssuing && b.BackupState === 'READY')
    .sort((a, b) => b.CreateTimestamp - a.CreateTimestamp)
    .map((b) => b.BackupId);
}, 30_000);
afterAll(() => backend?.close());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function listedClusters(): Promise<RegionalCluster[]> {
  const all: RegionalCluster[] = [];
  for (const region of REGIONS) {
    const out = await direct(region).send(new DescribeClustersCommand({}));
    for (const cluster of out.Clusters ?? []) all.push({ region, cluster });
  }
  return all;
}

async function renderSection(readOnly = false, answeredRegions = REGIONS) {
  const queryClient = testQueryClient();
  queryClient.setQueryData(sessionKey, { mode: 'emulator', regions: REGIONS, availableRegions: REGIONS, readOnly });
  const Providers = providers(queryClient, clients);
  const clusters = (await listedClusters()).filter((c) => answeredRegions.includes(c.region));
  render(
    <Providers>
      <MemoryRouter initialEntries={['/recovery']}>
        <OrphanedBackups regions={REGIONS} clusters={clusters} answeredRegions={answeredRegions} />
      </MemoryRouter>
    </Providers>,
  );
  const section = screen.getByRole('region', { name: /Orphaned/ });
  await waitFor(
    () =>
      expect(within(section).getByTestId('orphan-scan-progress').textContent).toMatch(
        /^Scanned all [\d,]+ READY backups in us-east-1, us-west-2 and eu-west-1\./,
      ),
    SLOW,
  );
  return section;
}

describe('OrphanedBackups on the demo data', () => {
  it('lists the deleted cluster’s backups as one group, and only it', async () => {
    expect(cardBackups).toHaveLength(60);
    const section = await renderSection();
    const groups = within(section).getAllByTestId('orphan-group');
    expect(groups).toHaveLength(1);
    const group = groups[0]!;
    expect(group.getAttribute('data-cluster')).toBe(cardIssuing);
    expect(group.textContent).toContain('Cluster no longer exists');
    expect(group.textContent).toContain('US East (N. Virginia)');
    expect(group.textContent).toContain('A backup is named “card-issuing-v1-final”');
    expect(within(group).getByTestId('orphan-count').textContent).toBe('60 backups');
    expect(within(group).getByTestId('orphan-never-expires').textContent).toBe('0 never expire');
    // Daily backups from 20 to 79 days ago.
    expect(within(group).getByTestId('orphan-age').textContent).toMatch(
      /^The oldest is (79|80) days old; together they span (58|59|60) days\.$/,
    );
    expect(screen.getByRole('table', { name: /Orphaned/ })).toBeTruthy();
  });

  it('cannot tell when a region’s cluster list did not answer, and lists nothing there as orphaned', async () => {
    const section = await renderSection(false, ['us-west-2', 'eu-west-1']);
    expect(within(section).queryAllByTestId('orphan-group')).toHaveLength(0);
    const note = within(section).getByTestId('orphan-undetermined');
    expect(note.textContent).toMatch(/Cannot tell whether the \d+ clusters of [\d,]+ READY backups still exist: us-east-1/);
    // "None" is said only for the regions whose clusters could be checked.
    const empty = within(section).getByTestId('orphan-empty').textContent;
    expect(empty).toContain('No orphaned backups in us-west-2 and eu-west-1');
    expect(empty).toContain('Apart from the backups above');
  });

  it('on a phone each group is a card with its own heading and delete button', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({
      media: query,
      matches: query === NARROW_QUERY,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }));
    const section = await renderSection();
    expect(within(section).queryByRole('table')).toBeNull();
    const list = within(section).getByRole('list', { name: 'Orphaned backups by former cluster' });
    const card = within(list).getByTestId('orphan-group');
    expect(within(card).getByRole('heading', { level: 3 }).textContent).toBe(cardIssuing);
    expect(card.textContent).toContain('Cluster no longer exists');
    expect(card.textContent).toContain('60 backups');
    expect(within(card).getByRole('button', { name: `Delete 60 backups… of ${cardIssuing} in us-east-1` })).toBeTruthy();
  });

  it('in a read-only session the delete is off and says why', async () => {
    const section = await renderSection(true);
    const button = within(section).getByRole('button', { name: /^Delete 60 backups… of cluster-/ });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.getAttribute('title')).toBe(READ_ONLY_REASON);
    fireEvent.click(button);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('deletes the group after the former cluster id is typed, four at a time, with a result per backup', async () => {
    const section = await renderSection();
    fireEvent.click(within(section).getByRole('button', { name: `Delete 60 backups… of ${cardIssuing} in us-east-1` }));
    const dialog = await screen.findByRole('dialog', {}, SLOW);
    expect(dialog.textContent).toContain('PENDING_DELETION and stays restorable for 7 days');
    expect(within(dialog).getByTestId('orphan-delete-list').querySelectorAll('li')).toHaveLength(60);
    const confirm = within(dialog).getByTestId('bulk-delete-confirm');
    expect(confirm.textContent).toBe('Delete 60 backups');
    expect(confirm.getAttribute('aria-disabled')).toBe('true');

    // A wrong id (another cluster's, or a near miss) keeps it off; clicking does nothing.
    const input = within(dialog).getByLabelText(`Type ${cardIssuing} to confirm`);
    fireEvent.change(input, { target: { value: cardIssuing.slice(0, -1) } });
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(confirm);
    expect(within(dialog).queryByTestId('bulk-progress')).toBeNull();
    expect(
      (await backend.records('us-east-1')).backups.filter((b) => b.BackupState === 'PENDING_DELETION' && b.ClusterId === cardIssuing),
    ).toEqual([]);

    // Someone else deletes one meanwhile: that one fails with AWS's words, the others go.
    const taken = cardBackups[5]!;
    await direct('us-east-1').send(new DeleteBackupCommand({ BackupId: taken }));

    log.clear();
    fireEvent.change(input, { target: { value: ` ${cardIssuing} ` } });
    expect(confirm.getAttribute('aria-disabled')).toBeNull();
    fireEvent.click(confirm);
    const report = await within(dialog).findByTestId('bulk-report', {}, SLOW);
    expect(within(report).getByTestId('bulk-succeeded').textContent).toContain('59 backups now PENDING_DELETION (restorable for 7 days)');
    const failures = within(report).getAllByTestId('bulk-failure');
    expect(failures).toHaveLength(1);
    expect(failures[0]!.textContent).toContain(taken);
    expect(failures[0]!.textContent).toMatch(/CloudHsm\w+Exception: .+/);

    const deletes = log.of('DeleteBackup', 'us-east-1');
    expect(deletes).toHaveLength(60);
    expect(RequestLog.maxOverlap(deletes)).toBeLessThanOrEqual(4);
    expect(RequestLog.maxOverlap(deletes)).toBeGreaterThan(1);
    const east = await backend.records('us-east-1');
    const states = new Set(east.backups.filter((b) => b.ClusterId === cardIssuing).map((b) => b.BackupState));
    expect([...states]).toEqual(['PENDING_DELETION']);

    // Closed, the group is gone and the section says there is nothing left (focus stays in the section).
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(within(section).queryAllByTestId('orphan-group')).toHaveLength(0), SLOW);
    expect(within(section).getByTestId('orphan-empty').textContent).toContain('No orphaned backups in us-east-1, us-west-2 and eu-west-1');
    await waitFor(() => expect(document.activeElement).toBe(within(section).getByRole('heading', { name: 'Orphaned backups' })));
  }, 60_000);
});
