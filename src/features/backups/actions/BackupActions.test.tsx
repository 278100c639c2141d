// @vitest-environment happy-dom
/**
 * The actions on one backup, as a person meets them: which are on or off (and why) for each state and in a
 * read-only session, and a one-click copy followed to READY. Against a tiny fake server (session + AWS JSON).
 */
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryRouter } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCloudHsmClients, type BackupWithExtras } from '../../../aws';
import { providers, testQueryClient } from '../../testing/render';
import { READ_ONLY_REASON } from '../../../ui/actions';
import { BackupActions } from './BackupActions';
import { CopyTrackerPanel } from './copy/CopyTrackerPanel';
import { copyTracker } from './copy/copyTrackerStore';
import { LAST_DESTINATION_KEY } from './copy/lastDestination';

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];
let shownRegions = REGIONS;
let readOnly = false;
let calls: { target: string; region: string; body: Record<string, unknown> }[] = [];
let server: Server;
let baseUrl: string;

const COPY_ID = 'backup-copyaaaaaaa';

/**
 * Operations whose answer the server holds until the test calls `release()`: a test then knows the request is
 * in flight (the control says so) and, once released, waits for the control to settle, instead of guessing
 * how long the answer takes (which fails under load).
 */
let held = new Set<string>();
const waiting: (() => void)[] = [];
const release = () => {
  for (const send of waiting.splice(0)) send();
};

function answer(target: string, body: Record<string, unknown>): unknown {
  if (target === 'CopyBackupToRegion') return { DestinationBackup: { SourceBackup: body['BackupId'], SourceRegion: 'us-east-1' } };
  if (target === 'DescribeBackups') {
    return {
      Backups: [
        {
          BackupId: COPY_ID,
          BackupState: 'READY',
          SourceBackup: 'backup-sourceaaaaa',
          SourceRegion: 'us-east-1',
          CopyTimestamp: Date.now() / 1000 + 1,
        },
      ],
    };
  }
  return {};
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const headers = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*', 'x-amzn-RequestId': 'req-1' };
      if (req.method === 'OPTIONS') {
        res.writeHead(204, headers);
        res.end();
        return;
      }
      if (req.url?.startsWith('/api/session')) {
        res.writeHead(200, { ...headers, 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            mode: 'emulator',
            regions: shownRegions,
            availableRegions: [...REGIONS, 'ap-south-1', 'us-gov-west-1'],
            readOnly,
          }),
        );
        return;
      }
      const target = String(req.headers['x-amz-target'] ?? '').replace('BaldrApiService.', '');
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      calls.push({ target, region: req.url?.split('/')[2] ?? '', body });
      const send = () => {
        res.writeHead(200, { ...headers, 'Content-Type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(answer(target, body)));
      };
      if (held.has(target)) waiting.push(send);
      else send();
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));
afterEach(() => {
  cleanup();
  readOnly = false;
  shownRegions = REGIONS;
  calls = [];
  held = new Set();
  release();
  for (const track of copyTracker.getSnapshot()) copyTracker.dismiss(track.id);
});

const backup = (BackupState: string, extra: Partial<BackupWithExtras> = {}): BackupWithExtras => ({
  BackupId: 'backup-sourceaaaaa',
  ClusterId: 'cluster-aaaaaaaaaaa',
  BackupState,
  ...extra,
});

function renderActions(b: BackupWithExtras) {
  const Providers = providers(testQueryClient(), createCloudHsmClients({ baseUrl, maxAttempts: 1 }), 50);
  const tree = (backup: BackupWithExtras) => (
    <Providers>
      <MemoryRouter initialEntries={['/backups/us-east-1/backup-sourceaaaaa']}>
        <CopyTrackerPanel />
        <BackupActions region="us-east-1" backup={backup} />
      </MemoryRouter>
    </Providers>
  );
  const result = render(tree(b));
  // The page hands in the backup as last described: a refresh is a new description.
  return { ...result, describedAs: (backup: BackupWithExtras) => result.rerender(tree(backup)) };
}

/** How long a wait on the fake server may take: generous, for a machine under load (the tests never time anything). */
const NETWORK = { timeout: 5_000 };
const isBusy = (element: HTMLElement) => element.getAttribute('aria-busy') === 'true';
const isOff = (element: HTMLElement) => element.getAttribute('aria-disabled') === 'true';
const descriptionOf = (element: HTMLElement) => document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent ?? '';

describe('BackupActions', () => {
  it('a READY backup: copy to the first shown region that is not its own, delete, never expires, create cluster; no restore', async () => {
    renderActions(backup('READY'));
    const copy = await screen.findByRole('button', { name: /Copy to us-west-2/ }, NETWORK);
    expect(isOff(copy)).toBe(false);
    expect(isOff(screen.getByRole('button', { name: 'More copy destinations' }))).toBe(false);
    expect(isOff(screen.getByRole('button', { name: 'Delete backup' }))).toBe(false);
    const restore = screen.getByRole('button', { name: 'Restore backup' });
    expect(isOff(restore)).toBe(true);
    expect(descriptionOf(restore)).toBe('Only PENDING_DELETION backups can be restored; this one is READY');
    const toggle = screen.getByRole('switch', { name: /Never expires \(exempt from the cluster's retention policy\)/ });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    expect(isOff(toggle)).toBe(false);
    expect(screen.getByRole('link', { name: 'Create cluster from this backup' }).getAttribute('href')).toBe(
      '/clusters/new?region=us-east-1&sourceBackup=backup-sourceaaaaa',
    );
  });

  it('a PENDING_DELETION backup: only restore, every other control says why it is off', async () => {
    renderActions(backup('PENDING_DELETION', { DeleteTimestamp: new Date(Date.now() + 3 * 86_400_000 + 60_000) }));
    const copy = await screen.findByRole('button', { name: /Copy to us-west-2/ }, NETWORK);
    expect(isOff(copy)).toBe(true);
    expect(descriptionOf(copy)).toBe('Only READY backups can be copied; this one is PENDING_DELETION');
    expect(isOff(screen.getByRole('button', { name: 'More copy destinations' }))).toBe(true);
    expect(isOff(screen.getByRole('button', { name: 'Restore backup' }))).toBe(false);
    expect(descriptionOf(screen.getByRole('button', { name: 'Delete backup' }))).toBe(
      'This backup is already PENDING_DELETION; restore it to keep it',
    );
    expect(isOff(screen.getByRole('switch'))).toBe(true);
    const create = screen.getByRole('button', { name: 'Create cluster from this backup' });
    expect(descriptionOf(create)).toBe('A cluster can only be created from a READY backup; this one is PENDING_DELETION');
    expect(screen.queryByRole('link', { name: 'Create cluster from this backup' })).toBeNull();
  });

  it('a read-only session turns every control off with the read-only reason, said as their descriptions (the page banner says it once)', async () => {
    readOnly = true;
    renderActions(backup('READY'));
    const copy = await screen.findByRole('button', { name: /Copy to us-west-2/ }, NETWORK);
    await waitFor(() => expect(descriptionOf(copy)).toBe(READ_ONLY_REASON), NETWORK);
    expect(screen.queryByTestId('copy-disabled-reason')).toBeNull();
    for (const control of [
      copy,
      screen.getByRole('button', { name: 'More copy destinations' }),
      screen.getByRole('button', { name: 'Delete backup' }),
      screen.getByRole('button', { name: 'Restore backup' }),
      screen.getByRole('switch'),
      screen.getByRole('button', { name: 'Create cluster from this backup' }),
    ]) {
      expect(isOff(control), control.textContent ?? '').toBe(true);
    }
    expect(descriptionOf(screen.getByRole('button', { name: 'Delete backup' }))).toBe(READ_ONLY_REASON);
    act(() => copy.click());
    expect(calls.filter((c) => c.target === 'CopyBackupToRegion')).toEqual([]);
  });

  // Before any test copies: the last-used destination is remembered for the whole module.
  it('with no destination used yet and no other region shown, the main part asks where (menu) instead of copying', async () => {
    window.localStorage.removeItem(LAST_DESTINATION_KEY);
    shownRegions = ['us-east-1'];
    renderActions(backup('READY'));
    const ask = await screen.findByRole('button', { name: 'Copy to…' }, NETWORK);
    // Once the session (the shown regions) is in, the part is on and opens a menu.
    await vi.waitFor(() => expect(ask.getAttribute('aria-haspopup')).toBe('menu'), NETWORK);
    expect(ask.getAttribute('aria-disabled')).toBeNull();
    expect(screen.queryByRole('button', { name: /Copy to af-south-1|Copy to ap-south-1/ })).toBeNull();
    act(() => ask.click());
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByRole('menuitem', { name: 'Copy to ap-south-1' })).toBeTruthy();
    expect(calls.filter((c) => c.target === 'CopyBackupToRegion')).toEqual([]);
  });

  it('one click copies with the source tags (no TagList), then follows the copy to READY and links to it', async () => {
    window.localStorage.removeItem(LAST_DESTINATION_KEY);
    renderActions(backup('READY'));
    const copy = await screen.findByRole('button', { name: /Copy to us-west-2/ }, NETWORK);
    act(() => copy.click());
    const tracker = await screen.findByTestId('copy-tracker', undefined, NETWORK);
    await within(tracker).findByText(/is READY: a copy of/, undefined, NETWORK);
    expect(within(tracker).getByRole('link', { name: COPY_ID }).getAttribute('href')).toBe(`/backups/us-west-2/${COPY_ID}`);
    expect(tracker.getAttribute('role')).toBe('status');
    const request = calls.find((c) => c.target === 'CopyBackupToRegion');
    expect(request).toMatchObject({ region: 'us-east-1', body: { BackupId: 'backup-sourceaaaaa', DestinationRegion: 'us-west-2' } });
    expect(request?.body).not.toHaveProperty('TagList');
    // Before copying it asked whether the cluster has backups there already (it has: no dialog, one click).
    expect(calls.find((c) => c.target === 'DescribeBackups')).toMatchObject({
      region: 'us-west-2',
      body: { Filters: { clusterIds: ['cluster-aaaaaaaaaaa'] } },
    });
    // It looked for the copy in the destination, by its source.
    expect(calls.find((c) => c.target === 'DescribeBackups' && JSON.stringify(c.body).includes('sourceBackupIds'))).toMatchObject({
      region: 'us-west-2',
      body: { Filters: { sourceBackupIds: ['backup-sourceaaaaa'] } },
    });
    expect(window.localStorage.getItem(LAST_DESTINATION_KEY)).toBe('us-west-2');
  });

  it('shows only the latest result, once the backup confirms it, and drops it when it is no longer true', async () => {
    held = new Set(['ModifyBackupAttributes', 'RestoreBackup']);
    const { describedAs } = renderActions(backup('READY', { NeverExpires: false }));
    const toggle = await screen.findByRole('switch', undefined, NETWORK);
    const results = () => screen.getByTestId('backup-action-result');
    act(() => toggle.click());
    await vi.waitFor(() => expect(calls.some((c) => c.target === 'ModifyBackupAttributes')).toBe(true), NETWORK);
    // The request is in flight (the switch says so); then AWS says yes.
    await vi.waitFor(() => expect(isBusy(toggle)).toBe(true), NETWORK);
    act(release);
    await vi.waitFor(() => expect(isBusy(toggle)).toBe(false), NETWORK);
    // AWS said yes, but the backup as shown still has NeverExpires false: no claim yet.
    expect(results().textContent).toBe('');
    describedAs(backup('READY', { NeverExpires: true }));
    await within(results()).findByText(/never expires now: the retention policy will not purge it/);

    // Deleted elsewhere: "never expires now" is no longer the news, and goes.
    describedAs(backup('PENDING_DELETION', { NeverExpires: true, DeleteTimestamp: new Date(Date.now() + 86_400_000) }));
    expect(results().textContent).toBe('');
    // Restore: its result replaces everything before it, in the same one place.
    const restore = screen.getByRole('button', { name: 'Restore backup' });
    act(() => restore.click());
    await vi.waitFor(() => expect(calls.some((c) => c.target === 'RestoreBackup')).toBe(true), NETWORK);
    await vi.waitFor(() => expect(isBusy(restore)).toBe(true), NETWORK);
    // The refreshed backup arrives after AWS's answer (as on the page, which refetches on success).
    act(release);
    await vi.waitFor(() => expect(isBusy(restore)).toBe(false), NETWORK);
    expect(results().textContent).toBe('');
    describedAs(backup('READY', { NeverExpires: true }));
    await within(results()).findByText(/is READY again/);
    expect(screen.getAllByRole('status').filter((el) => el.closest('[data-testid="backup-action-result"]'))).toHaveLength(1);
    expect(results().textContent).not.toMatch(/never expires now/);
    // And once it stops being true, it goes for good (READY again later does not bring it back).
    describedAs(backup('PENDING_DELETION', { DeleteTimestamp: new Date(Date.now() + 86_400_000) }));
    expect(results().textContent).toBe('');
    describedAs(backup('READY'));
    expect(results().textContent).toBe('');
  });

  it('every disabled control on the page shows its reason as visible text', async () => {
    renderActions(backup('PENDING_DELETION', { DeleteTimestamp: new Date(Date.now() + 86_400_000) }));
    await screen.findByTestId('copy-disabled-reason', undefined, NETWORK);
    for (const control of [
      screen.getByRole('button', { name: 'Delete backup' }),
      screen.getByRole('switch'),
      screen.getByRole('button', { name: 'Create cluster from this backup' }),
    ]) {
      const reason = document.getElementById(control.getAttribute('aria-describedby') ?? '');
      expect(reason?.textContent, control.textContent ?? '').toMatch(/PENDING_DELETION/);
      expect(reason?.className, control.textContent ?? '').not.toMatch(/sr-only/);
    }
  });
});
