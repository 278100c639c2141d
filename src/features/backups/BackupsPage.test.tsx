// @vitest-environment happy-dom
/**
 * The backups page at scale, against the real server and emulator (12 clusters, 480 backups over months in
 * two regions): it asks newest first and only down to the window's start, says how far it has loaded, loads
 * older pages when the window widens or on "Load older backups", and sends its cluster filter to the API.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessionKey } from '../../aws';
import { startTestBackend, testClients, type TestBackend } from '../../aws/testing/backend';
import { providers, testQueryClient } from '../testing/render';
import { BackupsPage } from './BackupsPage';

const REGIONS = ['us-east-1', 'us-west-2'];
const DAY = 86_400_000;
let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend({ large: { clusters: 12, backups: 480, regions: REGIONS } });
});
afterAll(() => backend?.close());
afterEach(cleanup);

function Where() {
  const here = useLocation();
  return <output data-testid="where">{`${here.pathname}${here.search}`}</output>;
}

function renderPage(search: string) {
  const { clients, log } = testClients(backend);
  const queryClient = testQueryClient();
  // The session as the server gives it (the test server refuses the page's cross-origin GET /api/session).
  queryClient.setQueryData(sessionKey, { mode: 'emulator', regions: REGIONS, availableRegions: REGIONS, readOnly: false });
  const Providers = providers(queryClient, clients);
  render(
    <Providers>
      <MemoryRouter initialEntries={[`/backups?regions=${REGIONS.join(',')}${search}`]}>
        <Routes>
          <Route path="/backups" element={<BackupsPage />} />
        </Routes>
        <Where />
      </MemoryRouter>
    </Providers>,
  );
  return log;
}

/** The store's backups of a region with their CreateTimestamp in ms. */
async function truthOf(region: string) {
  const { backups } = await backend.records(region);
  return backups.map((b) => ({ id: b.BackupId, t: b.CreateTimestamp * 1000, cluster: b.ClusterId }));
}

const statusLine = () => screen.findByText(/^Showing backups since \d{4}-\d{2}-\d{2}$/, {}, { timeout: 15_000 });

describe('the backups page', () => {
  it('asks each region newest first, only down to the 30-day window, and says since when it shows backups', async () => {
    const log = renderPage('');
    await statusLine();
    for (const region of REGIONS) {
      const truth = await truthOf(region);
      const inWindow = truth.filter((b) => b.t >= Date.now() - 30 * DAY).length;
      const calls = log
        .of('DescribeBackups', region)
        .filter((c) => !(c.input['Filters'] as { backupIds?: unknown } | undefined)?.backupIds);
      expect(calls.every((c) => c.input['SortAscending'] === false)).toBe(true);
      // The window's pages and the one reaching past its start; far fewer than the whole history.
      expect(calls.length).toBe(Math.floor(inWindow / 50) + 1);
      expect(truth.length).toBeGreaterThan(calls.length * 50);
    }
    expect(screen.getByRole('button', { name: 'Load older backups' })).toBeTruthy();
  });

  it('loads older pages when zoomed out to a year, and one more page per region on "Load older backups"', async () => {
    const log = renderPage('&zoom=7d');
    await statusLine();
    const at7Days = log.of('DescribeBackups').length;
    fireEvent.click(screen.getByRole('button', { name: 'Load older backups' }));
    await waitFor(() => expect(log.of('DescribeBackups').length).toBe(at7Days + REGIONS.length), { timeout: 15_000 });
    cleanup();
    const wide = renderPage('&zoom=1y');
    await waitFor(() => expect(wide.of('DescribeBackups').length).toBeGreaterThan(at7Days + REGIONS.length), { timeout: 15_000 });
  });

  it('sends the cluster filter to DescribeBackups in every call, and keeps it in the URL', async () => {
    const truth = await truthOf('us-east-1');
    const cluster = truth[0]!.cluster;
    const log = renderPage(`&cluster=${cluster}`);
    await waitFor(() => expect(log.of('DescribeBackups').length).toBeGreaterThan(0), { timeout: 15_000 });
    await screen.findByTestId('backup-window-status', {}, { timeout: 15_000 });
    const asked = log.of('DescribeBackups').filter((c) => !(c.input['Filters'] as { backupIds?: unknown } | undefined)?.backupIds);
    expect(
      asked.every((c) => JSON.stringify((c.input['Filters'] as Record<string, unknown>)['clusterIds']) === JSON.stringify([cluster])),
    ).toBe(true);
    expect(screen.getByTestId('where').textContent).toContain(`cluster=${cluster}`);
  });
});
