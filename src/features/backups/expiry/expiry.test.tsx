// @vitest-environment happy-dom
/**
 * When a backup goes, as the list and the backup page show it: the list's Expires cell from the clusters the
 * page already has, and the page's sentence from its cluster (one DescribeClusters, here a canned answer).
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createCloudHsmClients, sessionKey, type BackupWithExtras } from '../../../aws';
import { withCannedServer } from '../../../aws/testing/cannedServer';
import { providers, testQueryClient } from '../../testing/render';
import { BackupExpiry } from './BackupExpiry';
import { ExpiryCell } from './ExpiryCell';
import type { RetentionIndex } from './expiryWords';

afterEach(cleanup);

const DAY = 86_400_000;
const CLUSTER = 'cluster-aaaaaaaaaaa';
const created = new Date(Date.now() - 10 * DAY);
const ready: BackupWithExtras = { BackupId: 'backup-aaaaaaaaaaa', ClusterId: CLUSTER, BackupState: 'READY', CreateTimestamp: created };
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const tooltip = () => document.querySelector('[data-slot="tooltip"]');

describe('ExpiryCell (the list)', () => {
  const index = (over: Partial<RetentionIndex> = {}): RetentionIndex => ({
    byId: new Map([[CLUSTER, { name: 'payments-prod', policy: { Type: 'DAYS', Value: '90' } }]]),
    failed: new Map(),
    loading: false,
    ...over,
  });
  const cell = (backup: BackupWithExtras, retention = index()) =>
    render(<ExpiryCell row={{ region: 'us-east-1', backup }} retention={retention} now={new Date()} />).container;

  it('shows the UTC date its cluster’s retention purges it, and the retention', () => {
    const text = cell(ready).textContent ?? '';
    expect(text).toContain(utcDay(created.getTime() + 90 * DAY));
    expect(text).toContain('90-day retention');
  });

  it('"never", "no retention (copy)", and the purge countdown and date (once) for a backup awaiting deletion', () => {
    expect(cell({ ...ready, NeverExpires: true }).textContent).toMatch(/^never/);
    cleanup();
    expect(cell({ ...ready, SourceRegion: 'us-west-2', SourceBackup: 'backup-bbbbbbbbbbb' }).textContent).toMatch(/^no retention \(copy\)/);
    cleanup();
    const purgeAt = new Date(Date.now() + 3 * DAY + 60_000);
    const text = cell({ ...ready, BackupState: 'PENDING_DELETION', DeleteTimestamp: purgeAt }).textContent ?? '';
    expect(text).toMatch(/^purged in 3 days/);
    expect(text.split(utcDay(purgeAt.getTime()))).toHaveLength(2);
  });

  it('"unknown" when the cluster’s region could not be read, with why on hover', () => {
    cell({ ...ready, ClusterId: 'cluster-bbbbbbbbbbb' }, index({ failed: new Map([['us-east-1', 'CloudHsmAccessDeniedException']]) }));
    fireEvent.pointerEnter(screen.getByText('unknown'));
    const why = "The clusters of us-east-1 could not be loaded (CloudHsmAccessDeniedException), so its cluster's retention is not known.";
    expect(tooltip()?.textContent).toBe(why);
    // In the page for screen readers too.
    expect(document.body.textContent).toContain(`unknown (${why})`);
  });
});

describe('BackupExpiry (the backup page)', () => {
  // Unmounted inside each canned server's run, so nothing asks the closed server again.
  afterEach(cleanup);
  const page = (baseUrl: string, backup: BackupWithExtras) => {
    const queryClient = testQueryClient();
    // The session as the server gives it (the canned server answers AWS calls only).
    queryClient.setQueryData(sessionKey, { mode: 'emulator', regions: ['us-east-1'], availableRegions: ['us-east-1'], readOnly: false });
    const Providers = providers(queryClient, createCloudHsmClients({ baseUrl, maxAttempts: 1 }));
    render(
      <Providers>
        <BackupExpiry backup={backup} region="us-east-1" />
      </Providers>,
    );
  };
  const cluster = {
    ClusterId: CLUSTER,
    State: 'ACTIVE',
    BackupRetentionPolicy: { Type: 'DAYS', Value: '90' },
    TagList: [{ Key: 'Name', Value: 'payments-prod' }],
  };

  it("says the date, under the cluster's name and retention, and that AWS never purges a cluster's last backup", () =>
    withCannedServer({ status: 200, requestId: 'r1', body: { Clusters: [cluster] } }, async (baseUrl) => {
      page(baseUrl, ready);
      const sentence = await screen.findByText(/under payments-prod's 90-day retention/, undefined, { timeout: 5_000 });
      // The date as the kit writes it (its relative reading, hidden but read out, in brackets).
      expect(sentence.textContent).toMatch(
        new RegExp(`^Expires on ${utcDay(created.getTime() + 90 * DAY)} \\(in \\d+ days\\) under payments-prod's 90-day retention\\.$`),
      );
      expect(screen.getByTestId('backup-expiry-note').textContent).toMatch(/^AWS never purges a cluster's last backup/);
    }));

  it('a copy needs no cluster: it says so at once', () =>
    withCannedServer({ status: 500, requestId: 'r2', body: {} }, async (baseUrl) => {
      page(baseUrl, { ...ready, SourceRegion: 'us-west-2', SourceBackup: 'backup-bbbbbbbbbbb' });
      expect(screen.getByTestId('backup-expiry').textContent).toBe('A copy: it never expires; delete it when it is no longer needed.');
    }));

  it('when its cluster cannot be read, it says it does not know, and why (the AWS error code)', () =>
    withCannedServer(
      { status: 400, requestId: 'r3', body: { __type: 'CloudHsmAccessDeniedException', message: 'User is not authorized' } },
      async (baseUrl) => {
        page(baseUrl, ready);
        await screen.findByText(/^When it expires is not known/, undefined, { timeout: 5_000 });
        expect(screen.getByTestId('backup-expiry').textContent).toContain('(CloudHsmAccessDeniedException)');
      },
    ));
});
