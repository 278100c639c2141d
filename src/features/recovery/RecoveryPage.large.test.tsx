// @vitest-environment happy-dom
/**
 * The Recovery view at scale, against the real server and emulator with the `large` seed (1000 clusters,
 * 20 000 backups over ~90 days in 4 regions): it reads backups newest first and only back to the largest
 * target (24 h), never a cluster's whole history; a row older than that asks for its own newest backup only
 * when "Find newest" is pressed, one small DescribeBackups per region. The figures (calls, time to the first
 * rows, next to the cluster list's) are printed, not asserted: timings belong to benches.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessionKey } from '../../aws';
import { startTestBackend, testClients, type TestBackend } from '../../aws/testing/backend';
import type { RequestLog } from '../../aws/testing/requestLog';
import { ClusterList } from '../clusters/list';
import { providers, testQueryClient } from '../testing/render';
import RecoveryPage from './RecoveryPage';

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-1'];
const SLOW = { timeout: 60_000 };
let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend({ large: { clusters: 1000, backups: 20_000, regions: REGIONS } });
}, 120_000);
afterAll(() => backend?.close());
afterEach(cleanup);

function renderAt(path: string, element: React.ReactNode): RequestLog {
  const { clients, log } = testClients(backend);
  const queryClient = testQueryClient();
  queryClient.setQueryData(sessionKey, { mode: 'emulator', regions: REGIONS, availableRegions: REGIONS, readOnly: false });
  const Providers = providers(queryClient, clients);
  render(
    <Providers>
      <MemoryRouter initialEntries={[`${path}?regions=${REGIONS.join(',')}`]}>
        <Routes>
          <Route path={path} element={element} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
  return log;
}

const calls = (log: RequestLog, operation: string) => log.of(operation).length;

describe('the Recovery view on the large seed', () => {
  it('reads only the backups within the targets, and asks for an older one only when a row asks', async () => {
    let start = performance.now();
    const listLog = renderAt('/clusters', <ClusterList />);
    await screen.findAllByTestId('cluster-row', {}, SLOW);
    const listFirstRows = performance.now() - start;
    await waitFor(() => expect(screen.getByTestId('cluster-count').textContent).toMatch(/^1000 clusters/), SLOW);
    const listSettled = performance.now() - start;
    cleanup();

    start = performance.now();
    const log = renderAt('/recovery', <RecoveryPage />);
    await screen.findAllByTestId('recovery-row', {}, SLOW);
    const firstRows = performance.now() - start;
    await waitFor(
      () => expect(screen.getByTestId('recovery-summary').textContent).toMatch(/^\d+ on target, \d+ behind, \d+ without a backup/),
      SLOW,
    );
    await waitFor(() => expect(screen.getByTestId('recovery-summary').textContent).not.toMatch(/still|Checking/i), SLOW);
    const settledAt = performance.now() - start;

    // The posture's window: no filter. (The orphaned-backups section below scans READY backups on its own.)
    const all = log.of('DescribeBackups');
    const backups = all.filter((c) => JSON.stringify(c.input.Filters ?? {}) === '{}');
    const others = all.length - backups.length;
    const perRegion = Object.fromEntries(REGIONS.map((r) => [r, backups.filter((c) => c.region === r).length]));
    // A region has ~5000 backups (100 pages of 50): the window stops after the few pages that cover 24 hours.
    for (const region of REGIONS) expect(perRegion[region]).toBeLessThanOrEqual(6);
    expect(backups.every((c) => c.input.SortAscending === false)).toBe(true);
    const summary = screen.getByTestId('recovery-summary').textContent;
    console.log(
      [
        `cluster list: ${calls(listLog, 'DescribeClusters')} DescribeClusters, first rows ${listFirstRows.toFixed(0)} ms, all counted ${listSettled.toFixed(0)} ms`,
        `recovery: ${calls(log, 'DescribeClusters')} DescribeClusters + ${backups.length} DescribeBackups (${JSON.stringify(perRegion)}), first rows ${firstRows.toFixed(0)} ms, every cluster decided ${settledAt.toFixed(0)} ms`,
        `other DescribeBackups on the page (orphaned-backups scan, READY filter): ${others}`,
        `summary: ${summary}`,
      ].join('\n'),
    );

    // "Find newest" on the first row older than the window: one DescribeBackups per region, by cluster id, READY,
    // newest first, 5 at most. Its answer moves the cluster to "behind" with an exact age, or to "no backup".
    const counts = () =>
      (/^(\d+) on target, (\d+) behind, (\d+) without/.exec(screen.getByTestId('recovery-summary').textContent ?? '') ?? [])
        .slice(1)
        .map(Number);
    const [onTarget, behind, noBackup] = counts();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Behind' }));
    const button = await screen.findAllByRole('button', { name: /^Find the newest backup of / }, SLOW);
    const clusterId = button[0]!.closest('tr')!.dataset.clusterId!;
    // Looked up each time: the virtualised body may draw the row anew (or drop it once the filter no longer matches).
    const rowNow = () => document.querySelector<HTMLElement>(`tr[data-cluster-id="${clusterId}"]`);
    const before = log.calls.length;
    start = performance.now();
    fireEvent.click(button[0]!);
    await waitFor(() => {
      const row = rowNow();
      expect(row === null || within(row).queryByText(/^older than/) === null).toBe(true);
    }, SLOW);
    const asked = log.calls
      .slice(before)
      .filter((c) => c.operation === 'DescribeBackups' && JSON.stringify(c.input.Filters).includes(clusterId));
    expect(asked.map((c) => c.region).sort()).toEqual([...REGIONS].sort());
    for (const call of asked)
      expect(call.input).toMatchObject({ Filters: { clusterIds: [clusterId], states: ['READY'] }, MaxResults: 5, SortAscending: false });
    const row = rowNow();
    if (row) expect(within(row).getByTestId('recovery-newest').textContent).toMatch(/backup-\w+.*old/);
    else expect(counts()).toEqual([onTarget, behind! - 1, noBackup! + 1]);
    console.log(
      `find newest: ${asked.length} DescribeBackups in ${(performance.now() - start).toFixed(0)} ms; the row now says "${row ? within(row).getByTestId('recovery-newest').textContent : 'None (no backup)'}"`,
    );
  }, 180_000);
});
