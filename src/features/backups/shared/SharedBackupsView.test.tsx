// @vitest-environment happy-dom
/**
 * "Shared with me" against an emulator holding a second account: a backup that account shares with this one
 * is listed with its owner, and "Create cluster from this backup" opens the create form with its ARN; the
 * empty state says how another account shares a backup; the link is off, saying why, when it cannot be used.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessionKey, type SessionInfo } from '../../../aws';
import { testClients } from '../../../aws/testing/backend';
import { startTwoAccountEmulator, type TwoAccountEmulator } from '../../../aws/testing/twoAccountEmulator';
import { backupArn } from '../../../cloudhsm/ids';
import { sharePolicyDocument } from '../../../cloudhsm/sharing';
import { READ_ONLY_REASON } from '../../../ui/actions';
import { providers, testQueryClient } from '../../testing/render';
import { BackupsPage } from '../BackupsPage';
import { SharedBackupsView } from './SharedBackupsView';

const OWNER = '210987654321';
const REGION = 'us-east-1';
const SHARED_ID = 'backup-sharedviewa';
const PENDING_ID = 'backup-sharedviewb';
const NETWORK = { timeout: 10_000 };
let env: TwoAccountEmulator;

beforeAll(async () => {
  env = await startTwoAccountEmulator();
  const policy = (id: string) => sharePolicyDocument(backupArn(REGION, OWNER, id), [env.baseAccount]);
  env.putBackup(OWNER, REGION, { id: SHARED_ID, clusterId: 'cluster-ownerviewaa', ageSeconds: 3600, policy: policy(SHARED_ID) });
  const pending = env.putBackup(OWNER, REGION, {
    id: PENDING_ID,
    clusterId: 'cluster-ownerviewaa',
    ageSeconds: 7200,
    policy: policy(PENDING_ID),
  });
  pending.BackupState = 'PENDING_DELETION';
  pending.DeleteTimestamp = env.emulator.now() + 86_400;
  // The base account's own backup is not "shared with me".
  env.putBackup(env.baseAccount, REGION, { id: 'backup-ownviewaaaa', clusterId: 'cluster-baseviewaaa' });
});
afterAll(() => env.close());
afterEach(cleanup);

function renderView(regions: string[], session: Partial<SessionInfo> = {}, page = false) {
  const { clients } = testClients(env);
  const queryClient = testQueryClient();
  queryClient.setQueryData(sessionKey, { mode: 'emulator', regions, availableRegions: [REGION, 'eu-west-1'], readOnly: false, ...session });
  const Providers = providers(queryClient, clients);
  render(
    <MemoryRouter initialEntries={['/backups?view=shared']}>
      <Providers>{page ? <BackupsPage /> : <SharedBackupsView />}</Providers>
    </MemoryRouter>,
  );
}

const rowOf = async (id: string) =>
  (await screen.findAllByTestId('shared-backup', undefined, NETWORK)).find((r) => r.textContent?.includes(id))!;

describe('Shared with me', () => {
  it('lists a backup another account shares, with its owner, region, cluster and state, newest first', async () => {
    renderView([REGION]);
    const rows = await screen.findAllByTestId('shared-backup', undefined, NETWORK);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual([SHARED_ID, PENDING_ID]);
    const cells = within(rows[0]!)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(0, 4)).toEqual([SHARED_ID, OWNER, REGION, 'cluster-ownerviewaa']);
    expect(cells[5]).toContain('Ready');
    expect(screen.getByTestId('shared-count').textContent).toBe(`2 shared backups in ${REGION}`);
    expect(screen.queryByText('backup-ownviewaaaa')).toBeNull();
  });

  it('"Create cluster from this backup" opens the create form with the backup’s ARN as its source', async () => {
    renderView([REGION]);
    const link = within(await rowOf(SHARED_ID)).getByRole('link', { name: `Create cluster from this backup (${SHARED_ID})` });
    const href = new URL(link.getAttribute('href')!, 'http://x');
    expect(href.pathname).toBe('/clusters/new');
    expect(href.searchParams.get('region')).toBe(REGION);
    expect(href.searchParams.get('sourceBackup')).toBe(backupArn(REGION, OWNER, SHARED_ID));
  });

  it('offers no link for a backup that is not READY, nor in a read-only session, and says why', async () => {
    renderView([REGION]);
    const pending = within(await rowOf(PENDING_ID)).getByRole('button', { name: `Create cluster from this backup (${PENDING_ID})` });
    expect(pending.getAttribute('aria-disabled')).toBe('true');
    expect(pending.getAttribute('title')).toMatch(/only be created from a READY backup; this one is/);
    cleanup();
    renderView([REGION], { readOnly: true });
    const off = within(await rowOf(SHARED_ID)).getByRole('button', { name: `Create cluster from this backup (${SHARED_ID})` });
    expect(off.getAttribute('title')).toBe(READ_ONLY_REASON);
  });

  it('says how another account shares a backup when none is shared in the shown regions', async () => {
    renderView(['eu-west-1']);
    const empty = await screen.findByTestId('shared-empty', undefined, NETWORK);
    expect(empty.textContent).toContain('No backups are shared with this account');
    expect(empty.textContent).toContain('AWS RAM');
    expect(empty.textContent).toContain('promotes the share in RAM');
    expect(screen.queryByTestId('shared-backups')).toBeNull();
  });

  it('is the backups page’s "Shared with me" view (?view=shared), marked as the current one', async () => {
    renderView([REGION], {}, true);
    expect(await screen.findByRole('heading', { name: 'Backups shared with me' })).toBeTruthy();
    const views = screen.getByRole('navigation', { name: 'Backups views' });
    expect(within(views).getByRole('link', { name: 'Shared with me' }).getAttribute('aria-current')).toBe('page');
    expect(within(views).getByRole('link', { name: 'My backups' }).getAttribute('aria-current')).toBeNull();
    expect(await screen.findAllByTestId('shared-backup', undefined, NETWORK)).toHaveLength(2);
  });
});
