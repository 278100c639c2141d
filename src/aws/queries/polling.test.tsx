// @vitest-environment happy-dom
/**
 * Polling against the real server: a cluster in CREATE_IN_PROGRESS makes its queries poll until it is
 * UNINITIALIZED, then they stop; a hidden tab does not poll at all.
 */
import { renderHook, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClusterCommand } from '../extensions/inputs';
import { startTestBackend, testClients, type TestBackend } from '../testing/backend';
import { providers, testQueryClient } from '../testing/render';
import { useClusterQuery, useClustersQuery } from './clusters';

const REGION = 'ap-southeast-1';
const POLL_MS = 40;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

let fast: TestBackend;
let slow: TestBackend;
beforeAll(async () => {
  // speed 600: CREATE_IN_PROGRESS lasts about half a second; speed 1: minutes.
  [fast, slow] = await Promise.all([startTestBackend({ speed: 600 }), startTestBackend({ speed: 1 })]);
});
afterAll(async () => {
  await Promise.all([fast?.close(), slow?.close()]);
});

let visibility: DocumentVisibilityState = 'visible';
Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
function setVisibility(state: DocumentVisibilityState) {
  visibility = state;
  window.dispatchEvent(new Event('visibilitychange'));
}
afterEach(() => setVisibility('visible'));

async function newCluster(backend: TestBackend) {
  const { clients, log } = testClients(backend);
  const created = await clients
    .forRegion(REGION)
    .send(createClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: [`subnet-0${Math.random().toString(16).slice(2, 10)}ab`] }));
  log.clear();
  return { clients, log, clusterId: created.Cluster!.ClusterId! };
}

describe('polling while something is in transition', () => {
  it('polls list and detail while the cluster is CREATE_IN_PROGRESS, and stops once it settles', async () => {
    const { clients, log, clusterId } = await newCluster(fast);
    const wrapper = providers(testQueryClient(), clients, POLL_MS);
    const { result } = renderHook(() => ({ list: useClustersQuery([REGION]), detail: useClusterQuery(REGION, clusterId) }), { wrapper });

    await waitFor(() => expect(result.current.detail.data?.State).toBe('CREATE_IN_PROGRESS'));
    await waitFor(() => expect(result.current.detail.data?.State).toBe('UNINITIALIZED'), { timeout: 5_000 });
    await waitFor(() => expect(result.current.list.rows[0]?.cluster.State).toBe('UNINITIALIZED'), { timeout: 5_000 });
    // Both queries refetched on their own while the cluster was being created (no mutation, no focus event).
    const listCalls = log.calls.filter(
      (c) =>
        c.operation === 'DescribeClusters' && c.input['Filters'] !== undefined && Object.keys(c.input['Filters'] as object).length === 0,
    );
    const detailCalls = log.calls.filter((c) => JSON.stringify(c.input['Filters']) === JSON.stringify({ clusterIds: [clusterId] }));
    expect(listCalls.length).toBeGreaterThanOrEqual(3);
    expect(detailCalls.length).toBeGreaterThanOrEqual(3);

    // Settled: nothing more over many poll periods.
    await sleep(POLL_MS * 3);
    const settled = log.calls.length;
    await sleep(POLL_MS * 10);
    expect(log.calls.length).toBe(settled);
  });

  it('does not poll while the tab is hidden, and resumes when it is visible again', async () => {
    const { clients, log, clusterId } = await newCluster(slow);
    const wrapper = providers(testQueryClient(), clients, POLL_MS);
    const { result } = renderHook(() => useClusterQuery(REGION, clusterId), { wrapper });
    await waitFor(() => expect(result.current.data?.State).toBe('CREATE_IN_PROGRESS'));
    // Visible: it polls.
    await waitFor(() => expect(log.calls.length).toBeGreaterThanOrEqual(3));

    setVisibility('hidden');
    await sleep(POLL_MS * 2); // let a poll already in flight finish
    const hidden = log.calls.length;
    await sleep(POLL_MS * 10);
    expect(log.calls.length).toBe(hidden);
    expect(result.current.data?.State).toBe('CREATE_IN_PROGRESS');

    setVisibility('visible');
    await waitFor(() => expect(log.calls.length).toBeGreaterThanOrEqual(hidden + 3));
  });
});
