// @vitest-environment happy-dom
/**
 * The hsm1.medium → hsm2m.medium migration on the cluster page, against the real dashboard server (in-process
 * emulator, demo data, fast clock): pki-root-ca migrates, the page follows it, offers the rollback with the
 * time left, rolls back to hsm1.medium; failed checks and missing confirmations keep the migration off with
 * why; a refusal is shown as the service's error; a read-only session offers nothing.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessionKey, type ClusterWithExtras, type SessionInfo } from '../../../../aws';
import { useModifyClusterMutation } from '../../../../aws/actions';
import { testBackendPerFile, testClients } from '../../../../aws/testing/backend';
import type { ClusterRecord } from '../../../../emulator/types';
import { providers, testQueryClient } from '../../../testing/render';
import { ClusterDetailPage } from '../ClusterDetailPage';
import { MigrateDialog } from './MigrateDialog';

const REGION = 'us-east-1';
// 1800 s per HSM at speed 1800: one second each, so the test sees MODIFY_IN_PROGRESS and then ACTIVE.
const backend = testBackendPerFile({ seed: 'demo', speed: 1800 });
const SESSION: SessionInfo = { mode: 'emulator', regions: [REGION], availableRegions: [REGION], readOnly: false };

let pki: ClusterRecord;
const nameOf = (c: { Tags: { Key?: string; Value?: string }[] }) => c.Tags.find((t) => t.Key === 'Name')?.Value;

beforeAll(async () => {
  pki = (await backend.records(REGION)).clusters.find((c) => nameOf(c) === 'pki-root-ca')!;
});
afterEach(cleanup);

function renderPage(session: SessionInfo = SESSION) {
  const queryClient = testQueryClient();
  // The test server refuses the browser's cross-origin GETs of /api: the session is set here.
  queryClient.setQueryData(sessionKey, session);
  const Providers = providers(queryClient, testClients(backend).clients, 200);
  render(
    <Providers>
      <MemoryRouter initialEntries={[`/clusters/${REGION}/${pki.ClusterId}`]}>
        <Routes>
          <Route path="/clusters/:region/:clusterId" element={<ClusterDetailPage />} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
}

const section = () => screen.getByTestId('migration');
const kindIs = async (kind: string, timeout = 10_000) => waitFor(() => expect(section().getAttribute('data-kind')).toBe(kind), { timeout });

describe('Migrating pki-root-ca', () => {
  it('checks, migrates, follows, offers the rollback with the time left, and rolls back', async () => {
    expect(pki.HsmType).toBe('hsm1.medium');
    renderPage();
    await screen.findByTestId('migration', {}, { timeout: 10_000 });
    expect(section().textContent).toContain('This cluster runs hsm1.medium, which has reached end of support');
    fireEvent.click(within(section()).getByRole('button', { name: 'Migrate to hsm2m.medium' }));

    const dialog = await screen.findByTestId('migrate-dialog');
    expect(within(dialog).getByTestId('check-cluster-active').getAttribute('data-status')).toBe('passed');
    expect(within(dialog).getByTestId('check-hsms-active').textContent).toContain('All 2 HSMs are ACTIVE.');
    expect(dialog.textContent).toContain('Client SDK 5.9.0 or later');
    expect(dialog.textContent).toContain('Limited-write mode during the migration');
    expect(dialog.textContent).toContain('about 30 minutes each, 1 h for this cluster');

    // Not confirmed yet: the button is off, says why, and a press sends nothing.
    const submit = within(dialog).getByTestId('migrate-submit');
    expect(submit.getAttribute('aria-disabled')).toBe('true');
    expect(document.getElementById(submit.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent).toContain('Confirm first');
    fireEvent.click(submit);
    expect((await backend.records(REGION)).clusters.find((c) => c.ClusterId === pki.ClusterId)!.State).toBe('ACTIVE');

    fireEvent.click(within(dialog).getByRole('checkbox', { name: /every client uses Client SDK 5.9.0 or later/ }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /no AWS KMS key store uses this cluster/ }));
    expect(submit.getAttribute('aria-disabled')).toBeNull();
    fireEvent.click(submit);

    expect((await screen.findByTestId('notice', {}, { timeout: 10_000 })).textContent).toContain('Migration of');
    await kindIs('in-progress');
    expect(section().textContent).toContain('Migrating to hsm2m.medium…');
    expect(screen.getByTestId('limited-write').textContent).toContain('creating, importing, changing or deleting token keys');

    await kindIs('rollback-available');
    expect(section().textContent).toContain('HSM type: hsm2m.medium');
    expect(screen.getByTestId('rollback-countdown').textContent).toMatch(
      /^Rollback to hsm1\.medium possible for (23 h \d+ min|24 h), until \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/,
    );
    const migrated = (await backend.records(REGION)).clusters.find((c) => c.ClusterId === pki.ClusterId)!;
    expect(migrated.Hsms.map((h) => h.HsmType)).toEqual(['hsm2m.medium', 'hsm2m.medium']);

    fireEvent.click(within(section()).getByRole('button', { name: 'Roll back to hsm1.medium' }));
    const confirm = await screen.findByTestId('rollback-dialog');
    expect(confirm.textContent).toMatch(/possible for (23 h \d+ min|24 h)/);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Roll back to hsm1.medium' }));

    await kindIs('rolling-back');
    expect(section().textContent).toContain('Rolling back to hsm1.medium…');
    await kindIs('possible');
    expect(section().textContent).toContain('HSM type: hsm1.medium');
    const back = (await backend.records(REGION)).clusters.find((c) => c.ClusterId === pki.ClusterId)!;
    expect(back).toMatchObject({ State: 'ACTIVE', HsmType: 'hsm1.medium' });
    expect(back.Hsms.map((h) => h.HsmType)).toEqual(['hsm1.medium', 'hsm1.medium']);
  }, 30_000);

  it('a read-only session shows the migration off, with the reason', async () => {
    renderPage({ ...SESSION, readOnly: true });
    await screen.findByTestId('migration', {}, { timeout: 10_000 });
    const button = within(section()).getByRole('button', { name: 'Migrate to hsm2m.medium' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    expect(screen.queryByTestId('migrate-dialog')).toBeNull();
  });
});

function DialogHarness({ cluster }: { cluster: ClusterWithExtras }) {
  const mutation = useModifyClusterMutation(REGION);
  return <MigrateDialog cluster={cluster} region={REGION} mutation={mutation} onClose={() => {}} onNotice={() => {}} />;
}

function renderDialog(cluster: ClusterWithExtras) {
  const queryClient = testQueryClient();
  queryClient.setQueryData(sessionKey, SESSION);
  const Providers = providers(queryClient, testClients(backend).clients);
  render(
    <Providers>
      <DialogHarness cluster={cluster} />
    </Providers>,
  );
  return screen.getByTestId('migrate-dialog');
}

const confirmAll = (dialog: HTMLElement) =>
  within(dialog)
    .getAllByRole('checkbox')
    .forEach((box) => fireEvent.click(box));

describe('MigrateDialog', () => {
  it('a cluster with an HSM not ACTIVE cannot migrate, and says which HSM and why, even once everything is confirmed', async () => {
    const cluster: ClusterWithExtras = {
      ClusterId: pki.ClusterId,
      State: 'ACTIVE',
      HsmType: 'hsm1.medium',
      Hsms: [
        { HsmId: 'hsm-aaaaaaaaaaa', State: 'ACTIVE' },
        { HsmId: 'hsm-bbbbbbbbbbb', State: 'CREATE_IN_PROGRESS' },
      ],
    };
    const dialog = renderDialog(cluster);
    const check = within(dialog).getByTestId('check-hsms-active');
    expect(check.getAttribute('data-status')).toBe('failed');
    expect(check.textContent).toContain('1 HSM not ACTIVE: hsm-bbbbbbbbbbb (CREATE_IN_PROGRESS)');
    confirmAll(dialog);
    const submit = within(dialog).getByTestId('migrate-submit');
    expect(submit.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(submit);
    await new Promise((done) => setTimeout(done, 200));
    expect((await backend.records(REGION)).clusters.find((c) => c.ClusterId === pki.ClusterId)).toMatchObject({
      State: 'ACTIVE',
      HsmType: 'hsm1.medium',
    });
  });

  it('shows the service’s refusal with its code, and that nothing changed', async () => {
    const dialog = renderDialog({ ClusterId: 'cluster-zzzzzzzzzzz', State: 'ACTIVE', HsmType: 'hsm1.medium', Hsms: [] });
    confirmAll(dialog);
    fireEvent.click(within(dialog).getByTestId('migrate-submit'));
    const alert = await within(dialog).findByRole('alert', {}, { timeout: 10_000 });
    expect(alert.textContent).toContain('Could not start the migration (nothing was changed)');
    expect(alert.textContent).toContain('CloudHsmResourceNotFoundException');
  });
});
