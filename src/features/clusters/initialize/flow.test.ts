import { describe, expect, it } from 'vitest';
import { clusterTabPath, csrFileName, currentStep, initializeReadiness, signingCommands, type FlowProgress } from './flow';

const CSR = '-----BEGIN CERTIFICATE REQUEST-----\nAA\n-----END CERTIFICATE REQUEST-----\n';
const ready = { State: 'UNINITIALIZED', Hsms: [{ HsmId: 'hsm-aaaaaaaaaaa', State: 'ACTIVE' }], Certificates: { ClusterCsr: CSR } };
const none: FlowProgress = { csrDownloaded: false, certificatesStarted: false, checksPass: false };

describe('initializeReadiness', () => {
  it('is ready when UNINITIALIZED with an ACTIVE HSM and a CSR', () => {
    expect(initializeReadiness(ready)).toEqual({ kind: 'ready' });
  });
  it('asks for an HSM when there is none', () => {
    expect(initializeReadiness({ State: 'UNINITIALIZED', Hsms: [] })).toMatchObject({
      kind: 'waiting',
      addHsm: true,
      reason: expect.stringContaining('has no HSM'),
    });
    expect(initializeReadiness({ State: 'UNINITIALIZED' })).toMatchObject({ kind: 'waiting', addHsm: true });
  });
  it('waits for an HSM being created, naming it, and for a cluster being created', () => {
    expect(
      initializeReadiness({ State: 'UNINITIALIZED', Hsms: [{ HsmId: 'hsm-bbbbbbbbbbb', State: 'CREATE_IN_PROGRESS' }] }),
    ).toMatchObject({
      kind: 'waiting',
      addHsm: false,
      reason: expect.stringContaining('hsm-bbbbbbbbbbb is being created'),
    });
    expect(initializeReadiness({ State: 'CREATE_IN_PROGRESS' })).toMatchObject({
      kind: 'waiting',
      reason: expect.stringContaining('still being created'),
    });
  });
  it('says what is wrong with HSMs that are neither ACTIVE nor being created, and with a missing CSR', () => {
    expect(initializeReadiness({ State: 'UNINITIALIZED', Hsms: [{ HsmId: 'hsm-c', State: 'DEGRADED' }] })).toMatchObject({
      kind: 'waiting',
      addHsm: false,
      reason: expect.stringContaining('hsm-c DEGRADED'),
    });
    expect(initializeReadiness({ ...ready, Certificates: {} })).toMatchObject({
      kind: 'waiting',
      reason: expect.stringContaining('no CSR yet'),
    });
  });
  it('says when initialization already happened, and refuses deleted clusters', () => {
    for (const State of ['INITIALIZE_IN_PROGRESS', 'INITIALIZED', 'ACTIVE', 'DEGRADED']) {
      expect(initializeReadiness({ State }), State).toMatchObject({ kind: 'already', reason: expect.stringContaining(State) });
    }
    expect(initializeReadiness({ State: 'DELETE_IN_PROGRESS' })).toMatchObject({ kind: 'impossible' });
    expect(initializeReadiness({})).toMatchObject({ kind: 'already', reason: expect.stringContaining('unknown state') });
  });
});

describe('currentStep', () => {
  it('walks download → sign → provide → initialize as the person goes', () => {
    expect(currentStep(ready, none)).toBe('download');
    expect(currentStep(ready, { ...none, csrDownloaded: true })).toBe('sign');
    expect(currentStep(ready, { ...none, certificatesStarted: true })).toBe('provide');
    expect(currentStep(ready, { csrDownloaded: true, certificatesStarted: true, checksPass: true })).toBe('initialize');
  });
  it('stays on prerequisites until the cluster is ready, and follows the cluster state after', () => {
    expect(currentStep({ State: 'UNINITIALIZED', Hsms: [] }, { csrDownloaded: true, certificatesStarted: true, checksPass: true })).toBe(
      'prerequisites',
    );
    expect(currentStep({ State: 'DELETED' }, none)).toBe('prerequisites');
    expect(currentStep({ State: 'INITIALIZE_IN_PROGRESS' }, none)).toBe('initialize');
    expect(currentStep({ State: 'INITIALIZED' }, none)).toBe('done');
    expect(currentStep({ State: 'ACTIVE' }, none)).toBe('done');
  });
});

describe('names, commands and links', () => {
  it("uses AWS's file names in the signing command", () => {
    expect(csrFileName('cluster-abcdefghijk')).toBe('cluster-abcdefghijk_ClusterCsr.csr');
    expect(signingCommands('cluster-abcdefghijk')).toContain(
      'openssl x509 -req -days 3652 -in cluster-abcdefghijk_ClusterCsr.csr -CA customerCA.crt -CAkey customerCA.key -CAcreateserial -out cluster-abcdefghijk_CustomerHsmCertificate.crt',
    );
    expect(signingCommands('cluster-abcdefghijk')).toContain('openssl req -new -x509 -days 3652 -key customerCA.key -out customerCA.crt');
  });
  it('links to the cluster tabs', () => {
    expect(clusterTabPath('us-east-1', 'cluster-x', 'hsms')).toEqual({
      pathname: '/clusters/us-east-1/cluster-x',
      params: { tab: 'hsms' },
    });
    expect(clusterTabPath('us-east-1', 'cluster-x', 'overview')).toEqual({ pathname: '/clusters/us-east-1/cluster-x', params: {} });
  });
});
