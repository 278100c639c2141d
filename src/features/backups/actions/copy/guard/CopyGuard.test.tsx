// @vitest-environment happy-dom
/**
 * The copy guardrails as a person meets them, against the real dashboard server (in-process emulator, demo
 * data): the first copy of a cluster's backups to a region asks, and Cancel copies nothing; once the cluster
 * has a copy there, the next one is one click; a backup tagged data-residency=eu is not copied to us-east-1
 * unless the person ticks the override.
 */
import { TagResourceCommand } from '@aws-sdk/client-cloudhsm-v2';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCloudHsmClients, sessionKey, type BackupWithExtras } from '../../../../../aws';
import { CLOUDHSM_REGIONS } from '../../../../../cloudhsm/regions';
import { testBackendPerFile, testClients } from '../../../../../aws/testing/backend';
import type { BackupRecord } from '../../../../../emulator/types';
import { providers, testQueryClient } from '../../../../testing/render';
import { CopyBackupButton } from '../CopyBackupButton';
import { LAST_DESTINATION_KEY } from '../lastDestination';

const backend = testBackendPerFile({ seed: 'demo' });
const SOURCE = 'eu-west-1';
const DEST = 'us-east-1';
const NETWORK = { timeout: 10_000 };

/** identity-eu-prod's own READY backups in eu-west-1, newest first (it has no copies anywhere in the demo). */
let backups: BackupRecord[];
let clusterId: string;

beforeAll(async () => {
  const { clusters, backups: all } = await backend.records(SOURCE);
  clusterId = clusters.find((c) => c.State === 'ACTIVE')!.ClusterId;
  backups = all
    .filter((b) => b.ClusterId === clusterId && b.BackupState === 'READY' && !b.SourceBackup)
    .sort((a, b) => b.CreateTimestamp - a.CreateTimestamp);
}, 30_000);
afterEach(() => {
  cleanup();
  window.localStorage.removeItem(LAST_DESTINATION_KEY);
});

const asBackup = (b: BackupRecord): BackupWithExtras => ({ BackupId: b.BackupId, ClusterId: b.ClusterId, BackupState: 'READY' });

function renderCopy(b: BackupRecord) {
  const { clients } = testClients(backend);
  const queryClient = testQueryClient();
  // The session as the server gives it (the test server refuses a cross-origin GET /api/session).
  queryClient.setQueryData(sessionKey, {
    mode: 'emulator',
    regions: [DEST, 'us-west-2', SOURCE],
    availableRegions: [...CLOUDHSM_REGIONS],
    readOnly: false,
    residencyTagKey: 'data-residency',
  });
  const Providers = providers(queryClient, clients);
  render(
    <Providers>
      <MemoryRouter initialEntries={[`/backups/${SOURCE}/${b.BackupId}?regions=${SOURCE},${DEST}`]}>
        <CopyBackupButton region={SOURCE} backup={asBackup(b)} />
      </MemoryRouter>
    </Providers>,
  );
}

const copiesIn = async (region: string, sourceBackupId: string) =>
  (await backend.records(region)).backups.filter((b) => b.SourceBackup === sourceBackupId);

const copyButton = () => screen.findByRole('button', { name: `Copy to ${DEST}` }, NETWORK);
const isOff = (element: HTMLElement) => element.getAttribute('aria-disabled') === 'true';

describe('copy guardrails', () => {
  it('the first copy of a cluster to a region asks, naming cluster and region; Cancel copies nothing, confirming copies', async () => {
    const source = backups[3]!;
    expect((await backend.records(DEST)).backups.filter((b) => b.ClusterId === clusterId)).toEqual([]);
    renderCopy(source);
    act(() => void (async () => (await copyButton()).click())());
    const dialog = await screen.findByRole('dialog', undefined, NETWORK);
    expect(dialog.textContent).toContain(clusterId);
    expect(dialog.textContent).toContain('identity-eu-prod');
    expect(dialog.textContent).toMatch(/no backups in US East \(N\. Virginia\) \(us-east-1\) yet/);
    expect(dialog.textContent).toMatch(/key material \(encrypted\) in us-east-1/);
    expect(dialog.textContent).toMatch(/never expires/);
    expect(within(dialog).queryByText(/data residency/i)).toBeNull();

    act(() => within(dialog).getByRole('button', { name: 'Cancel' }).click());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Let a wrongly started copy reach the server before looking.
    await new Promise((done) => setTimeout(done, 300));
    expect(await copiesIn(DEST, source.BackupId)).toEqual([]);

    act(() => void (async () => (await copyButton()).click())());
    const again = await screen.findByRole('dialog', undefined, NETWORK);
    act(() =>
      within(again)
        .getByRole('button', { name: `Copy to ${DEST}` })
        .click(),
    );
    const [copy] = await backend.waitFor(DEST, ({ backups: all }) => {
      const found = all.filter((b) => b.SourceBackup === source.BackupId);
      return found.length > 0 ? found : undefined;
    });
    expect(copy?.ClusterId).toBe(clusterId);
  });

  it('once the cluster has a copy in the region, copying there is one click (no dialog)', async () => {
    const source = backups[4]!;
    renderCopy(source);
    const button = await copyButton();
    await waitFor(() => expect(isOff(button)).toBe(false), NETWORK);
    act(() => button.click());
    await backend.waitFor(DEST, ({ backups: all }) => all.find((b) => b.SourceBackup === source.BackupId));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('a backup tagged data-residency=eu is not copied to us-east-1 unless the override is ticked', async () => {
    const source = backups[5]!;
    const direct = createCloudHsmClients({ baseUrl: backend.url, maxAttempts: 1 }).forRegion(SOURCE);
    await direct.send(new TagResourceCommand({ ResourceId: source.BackupId, TagList: [{ Key: 'data-residency', Value: 'eu' }] }));
    renderCopy(source);
    act(() => void (async () => (await copyButton()).click())());
    const dialog = await screen.findByRole('dialog', undefined, NETWORK);
    expect(dialog.textContent).toMatch(/data residency/i);
    expect(dialog.textContent).toContain('data-residency=eu');
    expect(dialog.textContent).toContain('us-east-1 is outside');
    const anyway = within(dialog).getByRole('button', { name: 'Copy anyway' });
    expect(isOff(anyway)).toBe(true);
    // Clicking it without the tick does nothing; Cancel copies nothing.
    act(() => anyway.click());
    expect(screen.getByRole('dialog')).toBe(dialog);
    act(() => within(dialog).getByRole('button', { name: 'Cancel' }).click());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await new Promise((done) => setTimeout(done, 300));
    expect(await copiesIn(DEST, source.BackupId)).toEqual([]);

    act(() => void (async () => (await copyButton()).click())());
    const again = await screen.findByRole('dialog', undefined, NETWORK);
    act(() =>
      within(again)
        .getByRole('checkbox', { name: /I understand/ })
        .click(),
    );
    const go = within(again).getByRole('button', { name: 'Copy anyway' });
    await waitFor(() => expect(isOff(go)).toBe(false));
    act(() => go.click());
    await backend.waitFor(DEST, ({ backups: all }) => all.find((b) => b.SourceBackup === source.BackupId));
  });
});
