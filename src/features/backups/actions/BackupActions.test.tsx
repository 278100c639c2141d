// @vitest-environment happy-dom
/**
 * The actions on one backup, as a person meets them: which are on or off (and why) for each state and in a
 * read-only session, and a one-click copy followed to READY. Against a tiny fake server (session + AWS JSON).
 */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryRouter } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCloudHsmClients, type BackupWithExtras } from '../../../aws';
import { providers, testQueryClient } from '../../../aws/testing/render';
import { READ_ONLY_REASON } from '../../../ui/actions';
import { BackupActions } from './BackupActions';
import { CopyTrackerPanel } from './CopyTrackerPanel';
import { copyTracker } from './copyTrackerStore';
import { LAST_DESTINATION_KEY } from './lastDestination';

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];
let readOnly = false;
let calls: { target: string; region: string; body: Record<string, unknown> }[] = [];
let server: Server;
let baseUrl: string;

const COPY_ID = 'backup-copyaaaaaaa';

function answer(target: string, body: Record<string, unknown>): unknown {
  if (target === 'CopyBackupToRegion') return { DestinationBackup: { SourceBackup: body['BackupId'], SourceRegion: 'us-east-1' } };
  if (target === 'DescribeBackups') {
    return {
      Backups: [{ BackupId: COPY_ID, BackupState: 'READY', SourceBackup: 'backup-sourceaaaaa', SourceRegion: 'us-east-1', CopyTimestamp: Date.now() / 1000 + 1 }],
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
        res.end(JSON.stringify({ mode: 'emulator', regions: REGIONS, availableRegions: [...REGIONS, 'ap-south-1', 'us-gov-west-1'], readOnly }));
        return;
      }
      const target = String(req.headers['x-amz-target'] ?? '').replace('BaldrApiService.', '');
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      calls.push({ target, region: req.url?.split('/')[2] ?? '', body });
      res.writeHead(200, { ...headers, 'Content-Type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(answer(target, body)));
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));
afterEach(() => {
  cleanup();
  readOnly = false;
  calls = [];
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
  return render(
    <Providers>
      <MemoryRouter initialEntries={['/backups/us-east-1/backup-sourceaaaaa']}>
        <CopyTrackerPanel />
        <BackupActions region="us-east-1" backup={b} linkSearch="" regionsParam={null} />
      </MemoryRouter>
    </Providers>,
  );
}

const isOff = (element: HTMLElement) => element.getAttribute('aria-disabled') === 'true';
const descriptionOf = (element: HTMLElement) => document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent ?? '';

describe('BackupActions', () => {
  it('a READY backup: copy to the first shown region that is not its own, delete, never expires, create cluster; no restore', async () => {
    renderActions(backup('READY'));
    const copy = await screen.findByRole('button', { name: /Copy to us-west-2/ });
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
    const copy = await screen.findByRole('button', { name: /Copy to us-west-2/ });
    expect(isOff(copy)).toBe(true);
    expect(descriptionOf(copy)).toBe('Only READY backups can be copied; this one is PENDING_DELETION');
    expect(isOff(screen.getByRole('button', { name: 'More copy destinations' }))).toBe(true);
    expect(isOff(screen.getByRole('button', { name: 'Restore backup' }))).toBe(false);
    expect(descriptionOf(screen.getByRole('button', { name: 'Delete backup' }))).toBe('This backup is already PENDING_DELETION; restore it to keep it');
    expect(isOff(screen.getByRole('switch'))).toBe(true);
    const create = screen.getByRole('button', { name: 'Create cluster from this backup' });
    expect(descriptionOf(create)).toBe('A cluster can only be created from a READY backup; this one is PENDING_DELETION');
    expect(screen.queryByRole('link', { name: 'Create cluster from this backup' })).toBeNull();
  });

  it('a read-only session turns every control off with the read-only reason', async () => {
    readOnly = true;
    renderActions(backup('READY'));
    const copy = await screen.findByRole('button', { name: /Copy to us-west-2/ });
    await screen.findByText((_, el) => el?.getAttribute('data-testid') === 'copy-disabled-reason' && el.textContent === READ_ONLY_REASON);
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

  it('one click copies with the source tags (no TagList), then follows the copy to READY and links to it', async () => {
    window.localStorage.removeItem(LAST_DESTINATION_KEY);
    renderActions(backup('READY'));
    const copy = await screen.findByRole('button', { name: /Copy to us-west-2/ });
    act(() => copy.click());
    const tracker = await screen.findByTestId('copy-tracker');
    await within(tracker).findByText(/is READY: a copy of/, undefined, { timeout: 5_000 });
    expect(within(tracker).getByRole('link', { name: COPY_ID }).getAttribute('href')).toBe(`/backups/us-west-2/${COPY_ID}`);
    expect(tracker.getAttribute('role')).toBe('status');
    const request = calls.find((c) => c.target === 'CopyBackupToRegion');
    expect(request).toMatchObject({ region: 'us-east-1', body: { BackupId: 'backup-sourceaaaaa', DestinationRegion: 'us-west-2' } });
    expect(request?.body).not.toHaveProperty('TagList');
    // It looked for the copy in the destination, by its source.
    expect(calls.find((c) => c.target === 'DescribeBackups')).toMatchObject({ region: 'us-west-2', body: { Filters: { sourceBackupIds: ['backup-sourceaaaaa'] } } });
    expect(window.localStorage.getItem(LAST_DESTINATION_KEY)).toBe('us-west-2');
  });
});
