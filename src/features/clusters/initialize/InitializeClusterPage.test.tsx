// @vitest-environment happy-dom
/**
 * The initialize page against a tiny fake dashboard server (GET /api/session, POST /aws/<region>): what it says
 * when the cluster is not ready or already initialized, read-only sessions, and an InitializeCluster the service
 * refuses. (The whole journey against the real emulator is e2e/actions/initialize-cluster.spec.ts.)
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCloudHsmClients, type SessionInfo } from '../../../aws';
import { providers, testQueryClient } from '../../testing/render';
import { READ_ONLY_REASON } from '../../../ui/actions/readOnly';
import { InitializeClusterPage } from './InitializeClusterPage';
import { makeCsr, makeRootCa, signCsr } from '../../../pki/testing/testPki';

const REGION = 'us-east-1';
const ID = 'cluster-abcdefghijk';

let session: SessionInfo;
let cluster: Record<string, unknown>;
let initializeAnswer: { status: number; body: unknown };
let initializeCalls: unknown[] = [];
let server: Server;
let baseUrl: string;
let csrPem: string;
let signed: string;
let anchor: string;

beforeAll(async () => {
  const [csr, ca] = await Promise.all([makeCsr(), makeRootCa('Page Test CA')]);
  csrPem = csr.pem;
  anchor = ca.pem;
  signed = await signCsr(csr.pem, ca);
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = {
        'Content-Type': 'application/json',
        'x-amzn-RequestId': 'req-42',
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Headers': '*',
      };
      if (req.method === 'OPTIONS') return void res.writeHead(204, headers).end();
      if (req.url === '/api/session') return void res.writeHead(200, headers).end(JSON.stringify(session));
      if (req.url === '/api/emulator/activate-cluster') {
        cluster = { ...cluster, State: 'ACTIVE' };
        return void res.writeHead(200, headers).end('{}');
      }
      const target = String(req.headers['x-amz-target'] ?? '');
      const amz = { ...headers, 'Content-Type': 'application/x-amz-json-1.1' };
      if (target.endsWith('.DescribeClusters')) return void res.writeHead(200, amz).end(JSON.stringify({ Clusters: [cluster] }));
      if (target.endsWith('.InitializeCluster')) {
        initializeCalls.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        if (initializeAnswer.status === 200) cluster = { ...cluster, State: 'INITIALIZE_IN_PROGRESS' };
        return void res.writeHead(initializeAnswer.status, amz).end(JSON.stringify(initializeAnswer.body));
      }
      res.writeHead(400, amz).end(JSON.stringify({ __type: 'UnknownOperationException', message: target }));
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));
afterEach(() => {
  cleanup();
  initializeCalls = [];
});

const readyCluster = () => ({
  ClusterId: ID,
  State: 'UNINITIALIZED',
  HsmType: 'hsm2m.medium',
  Hsms: [{ HsmId: 'hsm-abcdefghijk', ClusterId: ID, State: 'ACTIVE', AvailabilityZone: 'us-east-1a' }],
  Certificates: { ClusterCsr: csrPem },
});

function renderPage(options: { readOnly?: boolean; pollIntervalMs?: number } = {}) {
  session = { mode: 'emulator', regions: [REGION], readOnly: options.readOnly ?? false, availableRegions: [REGION] };
  const Providers = providers(testQueryClient(), createCloudHsmClients({ baseUrl, maxAttempts: 1 }), options.pollIntervalMs);
  return render(
    <Providers>
      <MemoryRouter initialEntries={[`/clusters/${REGION}/${ID}/initialize`]}>
        <Routes>
          <Route path="/clusters/:region/:clusterId/initialize" element={<InitializeClusterPage />} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
}

const currentStepLink = () =>
  within(screen.getByRole('navigation', { name: 'Initialize steps' }))
    .getAllByRole('link')
    .find((a) => a.getAttribute('aria-current') === 'step');
const pasteBoxes = () => screen.getAllByRole('textbox', { name: /or paste it/ });
const initializeButton = () => screen.getByRole('button', { name: 'Initialize cluster' });

async function giveCertificates(signedText: string, anchorText: string) {
  const [signedBox, anchorBox] = pasteBoxes();
  fireEvent.change(signedBox!, { target: { value: signedText } });
  fireEvent.change(anchorBox!, { target: { value: anchorText } });
}

describe('InitializeClusterPage', () => {
  it('explains a cluster without an HSM and links to its HSMs tab; Initialize stays off with that reason', async () => {
    cluster = { ...readyCluster(), Hsms: [], Certificates: {} };
    renderPage();
    const readiness = await screen.findByTestId('init-readiness');
    expect(readiness.getAttribute('data-kind')).toBe('waiting');
    expect(readiness.textContent).toContain('The cluster has no HSM. Create one HSM first');
    expect(within(readiness).getByRole('link', { name: "cluster's HSMs tab" }).getAttribute('href')).toBe(
      `/clusters/${REGION}/${ID}?tab=hsms`,
    );
    expect(currentStepLink()?.textContent).toContain('Check the cluster is ready');
    expect(initializeButton().getAttribute('aria-disabled')).toBe('true');
    expect(initializeButton().getAttribute('data-disabled-reason')).toContain('The cluster has no HSM');
    expect(screen.getByTestId('init-step-download').textContent).toContain('The cluster has no CSR to download');
  });

  it('says an INITIALIZED cluster was initialized already, links back, and shows how to activate it', async () => {
    cluster = { ...readyCluster(), State: 'INITIALIZED', Certificates: { ClusterCertificate: signed } };
    renderPage();
    const readiness = await screen.findByTestId('init-readiness');
    expect(readiness.getAttribute('data-kind')).toBe('already');
    expect(readiness.textContent).toContain('The cluster is already initialized (INITIALIZED)');
    expect(
      within(readiness)
        .getByRole('link', { name: `cluster ${ID}` })
        .getAttribute('href'),
    ).toBe(`/clusters/${REGION}/${ID}`);
    expect(currentStepLink()?.textContent).toContain('Activate in the CloudHSM CLI');
    expect(screen.queryByRole('button', { name: 'Initialize cluster' })).toBeNull();
    const note = screen.getByTestId('init-activation-note');
    expect(note.textContent).toContain('cloudhsm-cli cluster activate');
    const emulatorNote = await within(note).findByTestId('init-emulator-note');
    expect(emulatorNote.textContent).toContain('The emulator can do what cluster activate does');
    expect(within(emulatorNote).getByRole('button', { name: 'Activate in the emulator' })).toBeTruthy();
  });

  it('in a read-only session, checks still run and the CSR can be downloaded, but Initialize is off with the read-only reason', async () => {
    cluster = readyCluster();
    renderPage({ readOnly: true });
    expect(await screen.findByRole('button', { name: `Download the CSR (${ID}_ClusterCsr.csr)` })).toBeTruthy();
    expect(currentStepLink()?.textContent).toContain('Download the CSR');
    await giveCertificates(signed, anchor);
    await waitFor(() => expect(screen.getByTestId('init-checks-summary').textContent).toBe('All 9 checks pass.'));
    await waitFor(() => expect(initializeButton().getAttribute('data-disabled-reason')).toBe(READ_ONLY_REASON));
    fireEvent.click(initializeButton());
    await new Promise((done) => setTimeout(done, 50));
    expect(initializeCalls).toEqual([]);
  });

  it('shows the AWS error (code and message) when the service refuses, after sending exactly the PEM blocks', async () => {
    cluster = readyCluster();
    initializeAnswer = {
      status: 400,
      body: { __type: 'CloudHsmInvalidRequestException', message: 'The trust anchor is not self-signed.' },
    };
    renderPage();
    await screen.findByTestId('init-readiness');
    await giveCertificates(`Bag Attributes\r\n  friendlyName: x\r\n${signed.replace(/\n/g, '\r\n')}`, anchor);
    await waitFor(() => expect(screen.getByTestId('init-checks-summary').textContent).toBe('All 9 checks pass.'));
    expect(currentStepLink()?.textContent).toContain('Initialize');
    await waitFor(() => expect(initializeButton().getAttribute('aria-disabled')).toBeNull());
    fireEvent.click(initializeButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('InitializeCluster was refused (nothing was changed)');
    expect(alert.textContent).toContain('CloudHsmInvalidRequestException');
    expect(alert.textContent).toContain('The trust anchor is not self-signed.');
    expect(alert.textContent).toContain('req-42');
    expect(initializeCalls).toEqual([{ ClusterId: ID, SignedCert: signed, TrustAnchor: anchor }]);
    // The refusal was about what was sent: editing the certificates clears it.
    fireEvent.change(pasteBoxes()[0]!, { target: { value: signed } });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('marks the boxes invalid, tied to the reason, and keeps Initialize off while checks fail', async () => {
    cluster = readyCluster();
    renderPage();
    await screen.findByTestId('init-readiness');
    await giveCertificates(csrPem, anchor);
    const [signedBox] = pasteBoxes();
    await waitFor(() => expect(signedBox!.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = (signedBox!.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '');
    expect(describedBy.join(' ')).toContain('This is a certificate request (CSR), not a certificate');
    // The summary and the button's reason count the same way, in the same words.
    expect(screen.getByTestId('init-checks-summary').textContent).toBe('1 of 9 checks fail, 4 of 9 could not be made.');
    expect(initializeButton().getAttribute('data-disabled-reason')).toBe(
      'Not every certificate check passes (step 4): 1 of 9 checks fail, 4 of 9 could not be made. Fix the certificates first.',
    );
  });

  it('moves the focus to the progress when Initialize is pressed, to the activation note when INITIALIZED, and keeps it there after activating', async () => {
    cluster = readyCluster();
    initializeAnswer = { status: 200, body: { State: 'INITIALIZE_IN_PROGRESS', StateMessage: 'Cluster is initializing.' } };
    renderPage({ pollIntervalMs: 50 });
    await screen.findByTestId('init-readiness');
    await giveCertificates(signed, anchor);
    await waitFor(() => expect(initializeButton().getAttribute('aria-disabled')).toBeNull());
    initializeButton().focus();
    fireEvent.click(initializeButton());
    const progress = await screen.findByTestId('init-progress-region');
    await waitFor(() => expect(document.activeElement).toBe(progress));
    expect(progress.getAttribute('tabindex')).toBe('-1');
    expect(progress.textContent).toContain('INITIALIZE_IN_PROGRESS');

    cluster = { ...cluster, State: 'INITIALIZED' };
    const note = screen.getByTestId('init-activation-note');
    await waitFor(() => expect(document.activeElement).toBe(note));
    expect(screen.getByTestId('init-progress').getAttribute('data-state')).toBe('INITIALIZED');

    const activate = await within(note).findByRole('button', { name: 'Activate in the emulator' });
    activate.focus();
    fireEvent.click(activate);
    await waitFor(() => expect(note.textContent).toContain('The cluster is ACTIVE'));
    expect(within(note).queryByRole('button', { name: /Activate/ })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(note));
  });
});
