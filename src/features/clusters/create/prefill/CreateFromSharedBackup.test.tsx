// @vitest-environment happy-dom
/**
 * "Create cluster from this backup" with another account's backup, by its ARN, against an emulator holding a
 * second account: a backup shared with this account prefills its mode (not its network), says who shares it
 * and creates a cluster in this account from it; an ARN not shared with this account, or of another region,
 * is refused on the form with what to do, and no CreateCluster is sent; this account's own ARN is its id.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { sessionKey, type SessionInfo } from '../../../../aws';
import { networkKeys, type NetworkInfo } from '../../../../aws/actions';
import { testClients } from '../../../../aws/testing/backend';
import { startTwoAccountEmulator, type TwoAccountEmulator } from '../../../../aws/testing/twoAccountEmulator';
import { backupArn } from '../../../../cloudhsm/ids';
import { sharePolicyDocument } from '../../../../cloudhsm/sharing';
import { listNetwork } from '../../../../emulator/network';
import { providers, testQueryClient } from '../../../testing/render';
import { CreateClusterPage } from '../CreateClusterPage';

const OWNER = '210987654321';
const REGION = 'us-east-1';
const SHARED_ID = 'backup-sharedcreat';
const UNSHARED_ID = 'backup-notsharedcr';
const OWN_ID = 'backup-owncreateaa';
const NETWORK = { timeout: 10_000 };
/** The typed-ids path: the server's view of the network is not needed here. */
const NO_NETWORK: NetworkInfo = { available: false, region: REGION, reason: 'not needed here' };
let env: TwoAccountEmulator;
let handle: MockInstance<TwoAccountEmulator['emulator']['handle']>;

beforeAll(async () => {
  env = await startTwoAccountEmulator();
  const shared = env.putBackup(OWNER, REGION, {
    id: SHARED_ID,
    clusterId: 'cluster-ownercreatea',
    policy: sharePolicyDocument(backupArn(REGION, OWNER, SHARED_ID), [env.baseAccount]),
  });
  // A mode other than the form's default, to see it taken from the backup.
  shared.Mode = 'NON_FIPS';
  env.putBackup(OWNER, REGION, { id: UNSHARED_ID, clusterId: 'cluster-ownercreatea' });
  env.putBackup(env.baseAccount, REGION, { id: OWN_ID, clusterId: 'cluster-basecreateaa' });
  handle = vi.spyOn(env.emulator, 'handle');
});
afterAll(() => env.close());
afterEach(() => {
  cleanup();
  handle.mockClear();
});

function renderCreate(source: string) {
  const queryClient = testQueryClient();
  const session: SessionInfo = {
    mode: 'emulator',
    regions: [REGION],
    availableRegions: [REGION, 'eu-west-1'],
    readOnly: false,
    accountId: env.baseAccount,
    accounts: [{ id: env.baseAccount, label: 'base', source: 'base' }],
  };
  queryClient.setQueryData(sessionKey, session);
  queryClient.setQueryData(networkKeys.of(REGION), NO_NETWORK);
  const Providers = providers(queryClient, testClients(env).clients);
  render(
    <Providers>
      <MemoryRouter initialEntries={[`/clusters/new?region=${REGION}&sourceBackup=${encodeURIComponent(source)}`]}>
        <CreateClusterPage />
      </MemoryRouter>
    </Providers>,
  );
}

const baseSubnets = () =>
  listNetwork(env.emulator.store, env.baseAccount, REGION)
    .subnets.filter((s) => s.CidrBlock.startsWith('10.0.'))
    .map((s) => s.SubnetId);
const radio = (group: string, value: string) =>
  within(screen.getByRole('radiogroup', { name: new RegExp(`^${group}`) })).getByRole('radio', { name: value }) as HTMLInputElement;
const sourcePicker = () => screen.getByRole('combobox', { name: /^Create from a backup/ }) as HTMLSelectElement;
const createCalls = () => handle.mock.calls.filter(([operation]) => operation === 'CreateCluster');

describe('Create cluster from another account’s backup, by ARN', () => {
  it('prefills a shared backup’s mode, says who shares it, and creates the cluster in this account from its ARN', async () => {
    const arn = backupArn(REGION, OWNER, SHARED_ID);
    renderCreate(arn);
    const note = await screen.findByTestId('prefill-note', {}, NETWORK);
    expect(note.textContent).toContain(`Shared by account ${OWNER}`);
    expect(note.textContent).toContain('HSM type hsm2m.medium');
    expect(radio('Mode', 'NON_FIPS').checked).toBe(true);
    expect(sourcePicker().value).toBe(arn);
    expect(sourcePicker().selectedOptions[0]!.textContent).toContain(`shared by account ${OWNER}`);
    // Its VPC and subnets are the other account's: none are filled in.
    const subnets = screen.getByRole('textbox', { name: /^Subnet IDs/ }) as HTMLInputElement;
    expect(subnets.value).toBe('');
    expect(screen.getByText(/aws cloudhsmv2 create-cluster/).textContent).toContain(`--source-backup-id ${arn}`);

    fireEvent.change(subnets, { target: { value: baseSubnets().join(' ') } });
    fireEvent.click(screen.getByRole('button', { name: 'Create cluster' }));
    await waitFor(() => expect(createCalls()).toHaveLength(1), NETWORK);
    expect(createCalls()[0]![1]).toMatchObject({ SourceBackupId: arn, Mode: 'NON_FIPS' });

    // Through the API: the cluster is the base account's, restored from the shared backup.
    const { Clusters } = (await env.emulator.handle('DescribeClusters', {}, { region: REGION })) as {
      Clusters: { SourceBackupId?: string; State: string; Mode?: string }[];
    };
    const restored = Clusters.filter((c) => c.SourceBackupId === SHARED_ID);
    expect(restored).toHaveLength(1);
    expect(restored[0]).toMatchObject({ Mode: 'NON_FIPS' });
    expect(['CREATE_IN_PROGRESS', 'ACTIVE']).toContain(restored[0]!.State);
  });

  it('refuses an ARN not shared with this account, says what its owner must do, and sends nothing', async () => {
    renderCreate(backupArn(REGION, OWNER, UNSHARED_ID));
    const expected = `This backup is not shared with account ${env.baseAccount} in ${REGION}: ask its owner (account ${OWNER}) to share it (Sharing section of the backup page) and, for a policy-made share, to promote it.`;
    expect(await screen.findByText(expected, {}, NETWORK)).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: /^Subnet IDs/ }), { target: { value: baseSubnets().join(' ') } });
    fireEvent.click(screen.getByRole('button', { name: 'Create cluster' }));
    // The summary takes the form's errors; the backup field keeps its own.
    expect(await screen.findAllByText(expected)).not.toHaveLength(0);
    expect(screen.queryByTestId('prefill-note')).toBeNull();
    // Let any late request arrive before saying none was sent.
    await new Promise((done) => setTimeout(done, 200));
    expect(createCalls()).toHaveLength(0);
  });

  it('says to choose the backup’s region for another region’s ARN', async () => {
    renderCreate(backupArn('eu-west-1', OWNER, SHARED_ID));
    // No ?region= would start in the ARN's region; here the link names us-east-1.
    expect(await screen.findByText(/is in eu-west-1, not us-east-1: .* Choose eu-west-1 as the region\./, {}, NETWORK)).toBeTruthy();
  });

  it('takes this account’s own backup by ARN as its id', async () => {
    renderCreate(backupArn(REGION, env.baseAccount, OWN_ID));
    await waitFor(() => expect(sourcePicker().selectedOptions[0]!.textContent).toMatch(new RegExp(`^${OWN_ID} · `)), NETWORK);
    expect(sourcePicker().value).toBe(OWN_ID);
    expect(screen.queryByText(/is not a READY backup/)).toBeNull();
    expect(screen.queryByText(/not shared with account/)).toBeNull();
  });
});
