// @vitest-environment happy-dom
/**
 * Another account's cluster page (`?account=<id>`, issue 15) against an emulator holding two accounts: its HSMs,
 * tags and backups are that account's, its actions change that account's cluster, and its links name the
 * account. The base account holds a twin with the same cluster id (other tags, no HSMs, its own backup), so a
 * call that went to the wrong account would show, or change, the twin.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sessionKey, type SessionInfo } from '../../../aws';
import { testClients } from '../../../aws/testing/backend';
import { startTwoAccountEmulator, type TwoAccountEmulator } from '../../../aws/testing/twoAccountEmulator';
import { providers, testQueryClient } from '../../testing/render';
import { InitializeClusterPage } from '../initialize/InitializeClusterPage';
import { OTHER_ACCOUNT_ACTIVATION_REASON } from '../initialize/steps/DoneStep';
import { ClusterDetailPage } from './ClusterDetailPage';

const REGION = 'us-east-1';
const OTHER = '444455556666';
const NETWORK = { timeout: 10_000 };
const OTHER_BACKUP = 'backup-otheraccnta';
const OTHER_OLD_BACKUP = 'backup-otheraccntb';
const BASE_BACKUP = 'backup-baseaccnta';
const DAY = 86_400;
let env: TwoAccountEmulator;
/** The second account's active cluster (one HSM), and its initialized one. */
let activeId = '';
let initializedId = '';

interface CreatedCluster {
  Cluster: { ClusterId: string; SubnetMapping: Record<string, string> };
}

const clusterOf = (account: string, id: string) => env.emulator.store.peekRegion(account, REGION)?.clusters.get(id);

async function createCluster(account: string, name: string): Promise<string> {
  const subnets = env.emulator
    .network(REGION, account)
    .subnets.filter((s) => s.CidrBlock.startsWith('10.0.'))
    .map((s) => s.SubnetId);
  const created = (await env.emulator.handle(
    'CreateCluster',
    { HsmType: 'hsm2m.medium', SubnetIds: subnets, TagList: [{ Key: 'Name', Value: name }] },
    { region: REGION, account },
  )) as CreatedCluster;
  return created.Cluster.ClusterId;
}

beforeAll(async () => {
  env = await startTwoAccountEmulator();
  activeId = await createCluster(OTHER, 'workload-ca');
  initializedId = await createCluster(OTHER, 'workload-new');
  env.emulator.advanceClock(3600);
  const zone = Object.keys(clusterOf(OTHER, activeId)!.SubnetMapping)[0]!;
  await env.emulator.handle('CreateHsm', { ClusterId: activeId, AvailabilityZone: zone }, { region: REGION, account: OTHER });
  env.emulator.advanceClock(3600);
  const state = env.emulator.store.region(OTHER, REGION);
  // Initialized and activated by hand (the CLI's part): an ACTIVE cluster may have a second HSM.
  const active = clusterOf(OTHER, activeId)!;
  active.State = 'ACTIVE';
  active.Tags = [...active.Tags, { Key: 'team', Value: 'workload' }];
  env.emulator.store.putCluster(state, active);
  const initialized = clusterOf(OTHER, initializedId)!;
  initialized.State = 'INITIALIZED';
  env.emulator.store.putCluster(state, initialized);
  // The base account's twin: the same id, its own tags, no HSMs.
  const twin = structuredClone(active);
  twin.Tags = [
    { Key: 'Name', Value: 'security-twin' },
    { Key: 'team', Value: 'security' },
  ];
  twin.Hsms = [];
  env.emulator.store.putCluster(env.emulator.store.region(env.baseAccount, REGION), twin);
  env.putBackup(OTHER, REGION, { id: OTHER_BACKUP, clusterId: activeId, ageSeconds: 600 });
  env.putBackup(OTHER, REGION, { id: OTHER_OLD_BACKUP, clusterId: activeId, ageSeconds: 20 * DAY });
  env.putBackup(env.baseAccount, REGION, { id: BASE_BACKUP, clusterId: activeId, ageSeconds: 600 });
});
afterAll(() => env.close());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function renderAt(path: string) {
  const { clients } = testClients(env);
  const queryClient = testQueryClient();
  const session: SessionInfo = {
    mode: 'emulator',
    regions: [REGION],
    availableRegions: [REGION, 'us-west-2'],
    readOnly: false,
    accountId: env.baseAccount,
    accounts: [
      { id: env.baseAccount, label: 'security', source: 'base' },
      { id: OTHER, label: 'workload', source: 'role' },
    ],
  };
  queryClient.setQueryData(sessionKey, session);
  const Providers = providers(queryClient, clients);
  render(
    <MemoryRouter initialEntries={[path]}>
      <Providers>
        <Routes>
          <Route path="/clusters/:region/:clusterId" element={<ClusterDetailPage />} />
          <Route path="/clusters/:region/:clusterId/initialize" element={<InitializeClusterPage />} />
        </Routes>
      </Providers>
    </MemoryRouter>,
  );
}

const page = (tab: string, id = activeId) => `/clusters/${REGION}/${id}?account=${OTHER}&tab=${tab}`;
const search = (link: HTMLElement) => new URL(link.getAttribute('href')!, 'http://x').searchParams;

describe('another account’s cluster page', () => {
  it('shows that account’s cluster and HSMs, not the base account’s twin', async () => {
    renderAt(page('hsms'));
    const heading = await screen.findByRole('heading', { name: new RegExp(activeId) }, NETWORK);
    expect(heading.textContent).toContain('workload-ca');
    expect(screen.getByTestId('cluster-account').textContent).toBe(`Account workload (${OTHER})`);
    const rows = await screen.findAllByTestId('hsm-row', undefined, NETWORK);
    expect(rows.map((r) => r.textContent)).toEqual([expect.stringContaining(clusterOf(OTHER, activeId)!.Hsms[0]!.HsmId)]);
  });

  it('its tags are that account’s, and a tag edit is saved there, not on the twin', async () => {
    renderAt(page('tags'));
    const chips = async () => (await screen.findAllByTestId('tag-chip', undefined, NETWORK)).map((c) => c.textContent).join(' ');
    expect(await chips()).toContain('workload');
    expect(await chips()).not.toContain('security');
    fireEvent.click(await screen.findByRole('button', { name: 'Edit tags' }));
    await screen.findByTestId('resource-tags-editor');
    const values = screen.getAllByRole('textbox', { name: /^Value, row / }) as HTMLInputElement[];
    const team = values.find((v) => v.value === 'workload')!;
    fireEvent.change(team, { target: { value: 'payments' } });
    fireEvent.click(screen.getByRole('button', { name: /Save tags/ }));
    await screen.findByTestId('tags-saved', undefined, NETWORK);
    expect(clusterOf(OTHER, activeId)?.Tags).toContainEqual({ Key: 'team', Value: 'payments' });
    expect(clusterOf(env.baseAccount, activeId)?.Tags).toContainEqual({ Key: 'team', Value: 'security' });
  });

  it('its backups are that account’s, and their links name the account', async () => {
    renderAt(page('backups'));
    const rows = await screen.findAllByTestId('backup-row', undefined, NETWORK);
    expect(rows.map((r) => within(r).getAllByRole('link')[0]!.textContent)).toEqual([OTHER_BACKUP, OTHER_OLD_BACKUP]);
    expect(screen.queryByText(BASE_BACKUP)).toBeNull();
    const link = within(rows[0]!).getByRole('link', { name: OTHER_BACKUP });
    expect(new URL(link.getAttribute('href')!, 'http://x').pathname).toBe(`/backups/${REGION}/${OTHER_BACKUP}`);
    expect(search(link).get('account')).toBe(OTHER);
    expect(search(screen.getByRole('link', { name: 'Open on the full backup timeline' })).get('account')).toBe(OTHER);
  });

  it('Add HSM asks that account’s quotas, creates the HSM in that account’s cluster (not the twin); the notice links with the account', async () => {
    const fetched = vi.spyOn(globalThis, 'fetch');
    renderAt(page('hsms'));
    await screen.findAllByTestId('hsm-row', undefined, NETWORK);
    fireEvent.click(screen.getByTestId('add-hsm'));
    const dialog = await screen.findByTestId('add-hsm-dialog');
    await within(dialog).findByTestId('capacity-lines', undefined, NETWORK);
    const quotaAsks = fetched.mock.calls.map(([url]) => String(url)).filter((url) => url.includes('/api/quotas'));
    expect(quotaAsks.map((url) => new URL(url).searchParams.get('account'))).toEqual([OTHER]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add HSM' }));
    const notice = await screen.findByTestId('hsm-created-notice', undefined, NETWORK);
    expect(clusterOf(OTHER, activeId)?.Hsms).toHaveLength(2);
    expect(clusterOf(env.baseAccount, activeId)?.Hsms).toHaveLength(0);
    expect(search(within(notice).getByRole('link')).get('account')).toBe(OTHER);
    await waitFor(() => expect(screen.getAllByTestId('hsm-row')).toHaveLength(2), NETWORK);
  });

  it('Change backup retention counts that account’s backups and changes that account’s cluster, not the twin', async () => {
    const twinDays = clusterOf(env.baseAccount, activeId)!.RetentionDays;
    renderAt(page('overview'));
    fireEvent.click(await screen.findByRole('button', { name: 'Change backup retention' }, NETWORK));
    const dialog = await screen.findByTestId('retention-dialog');
    fireEvent.change(within(dialog).getByRole('spinbutton', { name: /Keep backups for/ }), { target: { value: '10' } });
    // The base account's twin has one young backup: counting there would say none goes.
    await waitFor(
      () => expect(within(dialog).getByTestId('retention-impact').textContent).toContain('1 backup is older than 10 days'),
      NETWORK,
    );
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /I understand 1 backup will be deleted/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save retention' }));
    await waitFor(() => expect(screen.queryByTestId('retention-dialog')).toBeNull(), NETWORK);
    expect(clusterOf(OTHER, activeId)?.RetentionDays).toBe(10);
    expect(clusterOf(env.baseAccount, activeId)?.RetentionDays).toBe(twinDays);
    const purged = await screen.findByTestId('retention-purged', undefined, NETWORK);
    expect(search(within(purged).getByRole('link')).get('account')).toBe(OTHER);
  });

  it('the initialize page asks that account, and the emulator’s activation is off, saying why', async () => {
    renderAt(`/clusters/${REGION}/${initializedId}/initialize?account=${OTHER}`);
    const activate = await screen.findByRole('button', { name: 'Activate in the emulator' }, NETWORK);
    expect(activate.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText(OTHER_ACCOUNT_ACTIVATION_REASON)).toBeTruthy();
    fireEvent.click(activate);
    expect(clusterOf(OTHER, initializedId)?.State).toBe('INITIALIZED');
    const back = screen.getByRole('link', { name: new RegExp(`Cluster ${initializedId}`) });
    expect(search(back).get('account')).toBe(OTHER);
  });
});
