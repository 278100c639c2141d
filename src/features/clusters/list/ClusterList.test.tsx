// @vitest-environment happy-dom
/** The list's health, attention filter and honest counts, against a tiny fake CloudHSM endpoint per region. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCloudHsmClients } from '../../../aws';
import { providers, testQueryClient } from '../../testing/render';
import { ClusterList } from './ClusterList';

const hsm = (id: string, az: string, State = 'ACTIVE') => ({
  HsmId: id,
  AvailabilityZone: az,
  State,
  StateMessage: State === 'DEGRADED' ? 'hardware fault' : 'ok',
});
const EAST = [
  {
    ClusterId: 'cluster-aaaaaaaaaaa',
    State: 'ACTIVE',
    Hsms: [hsm('hsm-a1', 'us-east-1a'), hsm('hsm-a2', 'us-east-1b')],
    TagList: [{ Key: 'Name', Value: 'fine' }],
  },
  {
    ClusterId: 'cluster-bbbbbbbbbbb',
    State: 'ACTIVE',
    Hsms: [hsm('hsm-b1', 'us-east-1a'), hsm('hsm-b2', 'us-east-1b', 'DEGRADED'), hsm('hsm-b3', 'us-east-1c')],
    TagList: [{ Key: 'Name', Value: 'identity' }],
  },
  { ClusterId: 'cluster-ccccccccccc', State: 'ACTIVE', Hsms: [], TagList: [{ Key: 'Name', Value: 'empty' }] },
];
let answers: Record<string, { status: number; body: unknown }> = {};
/** The regions asked, in order. */
let asked: string[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const cors = { 'Access-Control-Allow-Origin': '*' };
      if (req.url?.startsWith('/api/session')) {
        res.writeHead(200, { 'Content-Type': 'application/json', ...cors });
        res.end(JSON.stringify({ mode: 'emulator', regions: ['us-east-1', 'eu-west-1'], availableRegions: ['us-east-1', 'eu-west-1'] }));
        return;
      }
      const region = /\/aws\/([a-z0-9-]+)/.exec(req.url ?? '')?.[1] ?? '';
      asked.push(region);
      const answer = answers[region] ?? { status: 200, body: { Clusters: [] } };
      res.writeHead(answer.status, { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': 'req-9', ...cors });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));
afterEach(() => {
  cleanup();
  answers = {};
  vi.unstubAllGlobals();
});

/** A phone held upright: every `max-width` query matches. */
function narrowScreen() {
  vi.stubGlobal('matchMedia', (query: string) => ({
    media: query,
    matches: query.includes('max-width'),
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

function Search() {
  return <output data-testid="search">{useLocation().search}</output>;
}

function renderList(path = '/clusters') {
  const Providers = providers(testQueryClient(), createCloudHsmClients({ baseUrl, maxAttempts: 1 }));
  return render(
    <Providers>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route
            path="/clusters"
            element={
              <>
                <ClusterList />
                <Search />
              </>
            }
          />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
}

const count = () => screen.getByTestId('cluster-count').textContent ?? '';

describe('ClusterList', () => {
  it('says "Active · Degraded" in the row, counts those that need attention, and the count applies the filter (in the URL)', async () => {
    answers = { 'us-east-1': { status: 200, body: { Clusters: EAST } } };
    renderList();
    await waitFor(() => expect(count()).toMatch(/^3 clusters in us-east-1, eu-west-1 · 2 need attention/));
    const row = screen.getAllByTestId('cluster-row').find((r) => r.textContent?.includes('identity'))!;
    expect(within(row).getByTestId('cluster-state').textContent).toBe('Active · Degraded');
    expect(within(row).getByTestId('cluster-state').getAttribute('title')).toContain('HSM hsm-b2 in us-east-1b is degraded');

    fireEvent.click(screen.getByRole('button', { name: '2 need attention' }));
    await waitFor(() => expect(screen.getByTestId('search').textContent).toContain('attention=1'));
    await waitFor(() => expect(screen.getAllByTestId('cluster-row')).toHaveLength(2));
    expect(count()).toMatch(/^Showing 2 of 3 clusters in us-east-1, eu-west-1 · 2 need attention/);
    expect((screen.getByLabelText('Needs attention') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText('Needs attention'));
    await waitFor(() => expect(screen.getAllByTestId('cluster-row')).toHaveLength(3));
  });

  it('speaks only for the regions that answered, and says what to do about the one that failed', async () => {
    answers = {
      'us-east-1': { status: 200, body: { Clusters: EAST } },
      'eu-west-1': { status: 400, body: { __type: 'CloudHsmAccessDeniedException', message: 'Not for you' } },
    };
    renderList();
    await waitFor(() => expect(count()).toMatch(/^3 clusters in us-east-1; could not load eu-west-1/));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('DescribeClusters in eu-west-1 failed');
    expect(alert.textContent).toContain('CloudHsmAccessDeniedException');
    expect(alert.textContent).toMatch(/Check that the credentials .* then Try again\./);
    // Try again asks that region only; once it answers, the count speaks for it too.
    asked = [];
    answers['eu-west-1'] = { status: 200, body: { Clusters: [] } };
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again: clusters in eu-west-1' }));
    await waitFor(() => expect(count()).toMatch(/^3 clusters in us-east-1, eu-west-1/));
    expect(asked).toEqual(['eu-west-1']);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('never says "No clusters" for a region that was not read', async () => {
    answers = { 'eu-west-1': { status: 500, body: { __type: 'CloudHsmInternalFailureException', message: 'down' } } };
    renderList();
    await waitFor(() => expect(count()).toBe('0 clusters in us-east-1; could not load eu-west-1'));
    expect(screen.getByTestId('cluster-list-empty').textContent).toMatch(/^No clusters in us-east-1\.Could not load eu-west-1/);

    cleanup();
    answers = {
      'us-east-1': { status: 500, body: { __type: 'CloudHsmInternalFailureException', message: 'down' } },
      'eu-west-1': { status: 500, body: { __type: 'CloudHsmInternalFailureException', message: 'down' } },
    };
    renderList();
    await waitFor(() => expect(count()).toBe('Could not load us-east-1, eu-west-1'));
    expect(screen.queryByTestId('cluster-list-empty')).toBeNull();
    expect(screen.getByTestId('cluster-list-unavailable').textContent).toContain('Could not load the clusters of us-east-1, eu-west-1.');
    expect(document.body.textContent).not.toMatch(/No clusters in|\b0 clusters\b/);
  });

  it('on a narrow screen shows stacked cards (name link, id, region, health, HSMs) and a sort picker instead of a table', async () => {
    narrowScreen();
    answers = { 'us-east-1': { status: 200, body: { Clusters: EAST } } };
    renderList();
    await waitFor(() => expect(screen.getAllByTestId('cluster-row')).toHaveLength(3));
    expect(screen.queryByRole('table')).toBeNull();
    const card = screen.getAllByTestId('cluster-row').find((r) => r.textContent?.includes('identity'))!;
    expect(card.tagName).toBe('LI');
    const link = within(card).getByRole('link', { name: 'identity' });
    expect(link.getAttribute('href')).toBe('/clusters/us-east-1/cluster-bbbbbbbbbbb');
    expect(card.textContent).toContain('cluster-bbbbbbbbbbb');
    expect(card.textContent).toContain('us-east-1');
    expect(within(card).getByTestId('cluster-state').textContent).toBe('Active · Degraded');
    expect(card.textContent).toContain('in 3 AZs');

    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'name:desc' } });
    await waitFor(() => expect(screen.getByTestId('search').textContent).toContain('sort=name%3Adesc'));
    await waitFor(() =>
      expect(screen.getAllByTestId('cluster-row').map((r) => within(r).getAllByRole('link')[0]!.textContent)).toEqual([
        'identity',
        'fine',
        'empty',
      ]),
    );
  });

  it('on a narrow screen draws only some cards of a long list', async () => {
    narrowScreen();
    const many = Array.from({ length: 400 }, (_, i) => ({ ClusterId: `cluster-${String(i).padStart(11, 'a')}`, State: 'UNINITIALIZED' }));
    answers = { 'us-east-1': { status: 200, body: { Clusters: many } } };
    renderList();
    await waitFor(() => expect(count()).toMatch(/^400 clusters/));
    const cards = screen.getAllByTestId('cluster-row').length;
    expect(cards).toBeGreaterThan(0);
    expect(cards).toBeLessThan(100);
  });
});
